import re
from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict
from tex4im_common.settings import Environment, ServiceSettings

MIN_SECRET_LENGTH = 32
CLIENT_ID = re.compile(r"[a-z][a-z0-9_-]{1,59}")


class GatewaySettings(ServiceSettings):
    """Settings of the gateway; every variable starts with `GATEWAY_`."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    identity_private_key: str | None = None
    identity_private_key_file: Path | None = None
    identity_token_ttl_seconds: int = Field(default=60, ge=5, le=600)

    intelligence_url: str = "http://127.0.0.1:8001"
    proposals_url: str = "http://127.0.0.1:8002"
    matchmaking_url: str = "http://127.0.0.1:8003"
    upstream_connect_timeout: float = 2.0
    # the slowest legitimate answer is a 20,000-row CSV import (up to ~40 s on 2 cores)
    upstream_read_timeout: float = 60.0
    upstream_max_connections: int = 100

    access_ttl_seconds: int = Field(default=900, ge=60, le=3600)
    refresh_ttl_days: int = Field(default=14, ge=1, le=90)
    cookie_secure: bool = True
    spa_dir: Path | None = None

    # the services' own credentials (OAuth 2.0 client credentials): "proposals:<secret>,matchmaking:<secret>"
    service_clients: SecretStr = SecretStr("")
    service_token_ttl_seconds: int = Field(default=300, ge=30, le=3600)

    @model_validator(mode="after")
    def _refuse_missing_signing_key_in_production(self) -> "GatewaySettings":
        if self.environment is Environment.production:
            if not (self.identity_private_key or self.identity_private_key_file):
                raise ValueError("identity_private_key or identity_private_key_file must be set in production")
            if not self.cookie_secure:
                raise ValueError("cookie_secure must stay true in production")
        short = [client for client, secret in self.service_client_secrets().items() if len(secret) < MIN_SECRET_LENGTH]
        if short and self.environment is not Environment.development:
            raise ValueError(f"service client secrets must be at least {MIN_SECRET_LENGTH} characters outside "
                             f"development (too short: {', '.join(sorted(short))})")
        return self

    def service_client_secrets(self) -> dict[str, str]:
        """`GATEWAY_SERVICE_CLIENTS` as {client_id: secret}; a malformed entry stops the gateway at start."""
        clients: dict[str, str] = {}
        for entry in filter(None, (e.strip() for e in self.service_clients.get_secret_value().split(","))):
            client_id, _, secret = entry.partition(":")
            if not CLIENT_ID.fullmatch(client_id) or not secret:
                raise ValueError("GATEWAY_SERVICE_CLIENTS entries are <client_id>:<secret> (client ids: lower-case "
                                 f"letters, digits, '-' and '_'); cannot read the entry for {client_id[:40]!r}")
            if client_id in clients:
                raise ValueError(f"GATEWAY_SERVICE_CLIENTS names the client {client_id!r} twice")
            clients[client_id] = secret
        return clients

    def identity_private_key_pem(self) -> str:
        if self.identity_private_key:
            return self.identity_private_key
        if self.identity_private_key_file:
            return self.identity_private_key_file.read_text()
        raise RuntimeError("no identity signing key configured (set GATEWAY_IDENTITY_PRIVATE_KEY_FILE)")

    def upstream_urls(self) -> dict[str, str]:
        return {
            "intelligence": self.intelligence_url,
            "proposals": self.proposals_url,
            "matchmaking": self.matchmaking_url,
        }
