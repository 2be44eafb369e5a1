from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict
from tex4im_common.settings import ServiceSettings


class ProposalsSettings(ServiceSettings):
    """Settings of the proposals service; every variable starts with `PROPOSALS_`."""

    model_config = SettingsConfigDict(env_prefix="PROPOSALS_", extra="ignore")

    # the organisation copy follows intelligence's change feed, with a service token from the gateway;
    # without the three of them the follower does not start
    intelligence_url: str | None = None
    gateway_url: str | None = None
    service_client_id: str = "proposals"
    service_client_secret: SecretStr | None = None
    organisation_sync_seconds: float = Field(default=5.0, gt=0, le=3600)
    upstream_connect_timeout: float = 2.0
    upstream_read_timeout: float = 15.0

    # e-mail: without a host every message is only logged (GET /mail-log)
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from_address: str = "TEX4IM platform <no-reply@tex4im.eu>"
    smtp_starttls: bool = True
    smtp_timeout_seconds: float = Field(default=20.0, gt=0)
    mail_poll_seconds: float = Field(default=5.0, gt=0, le=3600)
    # a queued message older than this is not sent any more (it stays in the log as it was)
    mail_max_age_hours: int = Field(default=24, ge=1)

    def organisation_sync_configured(self) -> bool:
        return bool(self.intelligence_url and self.gateway_url and self.service_client_secret)
