"""Alembic environment of the matchmaking schema (and only that schema)."""

import os

from matchmaking.db import Base  # the outbox table registers on this metadata
from tex4im_common.migrations import run_migrations

run_migrations(
    metadata=Base.metadata,
    default_url=os.environ.get("MATCHMAKING_DATABASE_URL") or os.environ.get("DATABASE_URL", ""),
)
