from pathlib import Path

import pytest
from intelligence.main import create_app
from intelligence.settings import IntelligenceSettings
from tex4im_common.testing.fixtures import *  # noqa: F403
from tex4im_common.testing.spec import ServiceSpec


@pytest.fixture(scope="session")
def service_spec() -> ServiceSpec:
    return ServiceSpec(
        name="intelligence",
        alembic_ini=Path(__file__).parents[1] / "alembic.ini",
        settings_factory=IntelligenceSettings,
        app_factory=create_app,
    )
