"""Alembic environment of the intelligence schema (and only that schema)."""

import os

import intelligence.all_models  # noqa: F401  (tables register on the metadata)
from intelligence.db import Base
from tex4im_common.migrations import run_migrations

run_migrations(
    metadata=Base.metadata,
    default_url=os.environ.get("INTELLIGENCE_DATABASE_URL") or os.environ.get("DATABASE_URL", ""),
)
