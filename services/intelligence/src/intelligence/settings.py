from pydantic_settings import SettingsConfigDict
from tex4im_common.settings import ServiceSettings


class IntelligenceSettings(ServiceSettings):
    """Settings of the intelligence service; every variable starts with `INTELLIGENCE_`."""

    model_config = SettingsConfigDict(env_prefix="INTELLIGENCE_", extra="ignore")
