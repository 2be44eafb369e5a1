from pydantic_settings import SettingsConfigDict
from tex4im_common.settings import ServiceSettings


class MatchmakingSettings(ServiceSettings):
    """Settings of the matchmaking service; every variable starts with `MATCHMAKING_`."""

    model_config = SettingsConfigDict(env_prefix="MATCHMAKING_", extra="ignore")
