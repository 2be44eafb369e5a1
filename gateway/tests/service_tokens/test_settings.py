"""GATEWAY_SERVICE_CLIENTS: read once at start, refused when malformed or, outside development, weak."""

import pytest
from gateway.settings import GatewaySettings
from pydantic import ValidationError

LONG = "x" * 32


def _settings(clients: str, environment: str = "test") -> GatewaySettings:
    return GatewaySettings(environment=environment, database_url="postgresql+asyncpg://u@h/db",
                           service_clients=clients)


class TestServiceClients:
    def test_pairs_are_read_as_client_and_secret(self):
        settings = _settings(f"proposals:{LONG}, matchmaking:{LONG}:with-colon")
        assert settings.service_client_secrets() == {"proposals": LONG, "matchmaking": f"{LONG}:with-colon"}

    def test_none_configured_is_no_clients(self):
        assert _settings("").service_client_secrets() == {}

    def test_a_short_secret_is_refused_outside_development(self):
        with pytest.raises(ValidationError, match=r"at least 32 characters outside .* \(too short: proposals\)"):
            _settings("proposals:short")
        assert _settings("proposals:short", environment="development").service_client_secrets() == {
            "proposals": "short"}

    @pytest.mark.parametrize("clients", [f"proposals{LONG}", f"Proposals:{LONG}", "proposals:", f":{LONG}"])
    def test_a_malformed_entry_is_refused(self, clients):
        with pytest.raises(ValidationError, match="entries are <client_id>:<secret>"):
            _settings(clients)

    def test_a_client_named_twice_is_refused(self):
        with pytest.raises(ValidationError, match="names the client 'proposals' twice"):
            _settings(f"proposals:{LONG},proposals:{LONG}")

    def test_the_secrets_never_show_in_the_settings_repr(self):
        assert LONG not in repr(_settings(f"proposals:{LONG}"))
