"""Alembic environment of the gateway schema (and only that schema)."""

import os

import gateway.account.models  # noqa: F401  (tables register on the metadata)
from gateway.db import Base
from tex4im_common.migrations import run_migrations

run_migrations(
    metadata=Base.metadata,
    default_url=os.environ.get("GATEWAY_DATABASE_URL") or os.environ.get("DATABASE_URL", ""),
)
