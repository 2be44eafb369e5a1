from pathlib import Path

import pytest
from matchmaking.main import create_app
from matchmaking.settings import MatchmakingSettings
from tex4im_common.testing.fixtures import *  # noqa: F403
from tex4im_common.testing.spec import ServiceSpec


@pytest.fixture(scope="session")
def service_spec() -> ServiceSpec:
    return ServiceSpec(
        name="matchmaking",
        alembic_ini=Path(__file__).parents[1] / "alembic.ini",
        settings_factory=MatchmakingSettings,
        app_factory=create_app,
    )
