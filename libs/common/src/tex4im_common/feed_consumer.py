"""Following another service's event feed: where each feed was last read up to, kept with the changes it caused.

A consumer applies a page of events and moves its cursor in one transaction, so an event's effect is
recorded exactly when the cursor passes it: a crash between the two repeats the page, and handlers are
written to be idempotent (they compare versions), so a repeat changes nothing.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, MetaData, String, Table, Text, func

CURSOR_TABLE_NAME = "feed_cursor"


def feed_cursor_table(metadata: MetaData) -> Table:
    """Add the `feed_cursor` table to a service's metadata: one row per feed followed."""
    return Table(
        CURSOR_TABLE_NAME,
        metadata,
        Column("feed", String(60), primary_key=True),
        Column("cursor", Text, nullable=True),
        Column("events_applied", BigInteger, nullable=False, server_default="0"),
        Column("last_error", Text, nullable=True),
        Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
