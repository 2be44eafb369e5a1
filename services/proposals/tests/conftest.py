from pathlib import Path

import pytest
from proposals.main import create_app
from proposals.settings import ProposalsSettings
from tex4im_common.testing.fixtures import *  # noqa: F403
from tex4im_common.testing.spec import ServiceSpec


@pytest.fixture(scope="session")
def service_spec() -> ServiceSpec:
    return ServiceSpec(
        name="proposals",
        alembic_ini=Path(__file__).parents[1] / "alembic.ini",
        settings_factory=ProposalsSettings,
        app_factory=create_app,
    )
