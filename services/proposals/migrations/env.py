"""Alembic environment of the proposals schema (and only that schema)."""

import os

import proposals.all_models  # noqa: F401  (every table registers on the metadata)
from proposals.db import Base
from tex4im_common.migrations import run_migrations

run_migrations(
    metadata=Base.metadata,
    default_url=os.environ.get("PROPOSALS_DATABASE_URL") or os.environ.get("DATABASE_URL", ""),
)
