from pydantic_settings import SettingsConfigDict
from tex4im_common.settings import ServiceSettings


class ProposalsSettings(ServiceSettings):
    """Settings of the proposals service; every variable starts with `PROPOSALS_`."""

    model_config = SettingsConfigDict(env_prefix="PROPOSALS_", extra="ignore")
