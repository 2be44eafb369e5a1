import pytest
from gateway.settings import GatewaySettings
from pydantic import SecretStr

PROPOSALS_SECRET = "proposals-secret-0123456789-abcdefghij"
MATCHMAKING_SECRET = "matchmaking-secret-0123456789-abcdefgh"


@pytest.fixture
def settings(settings: GatewaySettings) -> GatewaySettings:
    """The gateway's test settings with two service clients."""
    return settings.model_copy(update={
        "service_clients": SecretStr(f"proposals:{PROPOSALS_SECRET}, matchmaking:{MATCHMAKING_SECRET}"),
        "service_token_ttl_seconds": 120,
    })
