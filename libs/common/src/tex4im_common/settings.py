"""Settings base for every service: one env prefix per service, platform-wide fallbacks, safe defaults."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


def normalise_database_url(url: str) -> str:
    """Accept the usual `postgresql://` spelling and return the asyncpg dialect URL SQLAlchemy needs."""
    for prefix in ("postgres://", "postgresql://", "postgresql+psycopg://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


def _platform_database_url() -> str:
    return os.environ.get("DATABASE_URL", "")


class ServiceSettings(BaseSettings):
    """Fields every service has. Subclasses set `env_prefix` (e.g. `PROPOSALS_`).

    `DATABASE_URL` is the platform-wide fallback for `<PREFIX>DATABASE_URL`, so one variable points every
    service at one server while a deployment can still give each service its own role.
    """

    model_config = SettingsConfigDict(extra="ignore", env_file=None)

    environment: Environment = Environment.development
    database_url: str = Field(default_factory=_platform_database_url)
    # 4 services x (15 + 5 overflow) = 80 connections, under a default server's max_connections of 100
    db_pool_size: int = Field(default=15, ge=1, le=100)
    db_statement_timeout_ms: int = Field(default=15_000, ge=100)
    identity_public_key: str | None = None
    identity_public_key_file: Path | None = None
    log_level: str = "INFO"
    log_json: bool = True

    @field_validator("database_url")
    @classmethod
    def _asyncpg_dialect(cls, value: str) -> str:
        return normalise_database_url(value)

    @model_validator(mode="after")
    def _refuse_missing_secrets_outside_development(self) -> ServiceSettings:
        if self.environment is Environment.production:
            if not self.database_url:
                raise ValueError("database_url must be set in production")
            if not (self.identity_public_key or self.identity_public_key_file):
                raise ValueError("identity_public_key or identity_public_key_file must be set in production")
        return self

    def identity_public_key_pem(self) -> str:
        """The gateway's public key (PEM) that identity tokens are verified with."""
        if self.identity_public_key:
            return self.identity_public_key
        if self.identity_public_key_file:
            return self.identity_public_key_file.read_text()
        raise RuntimeError("no identity public key configured (set <PREFIX>IDENTITY_PUBLIC_KEY_FILE)")
