"""Create the outbox of the proposals service: its domain events, served as the `GET /events` feed.

Revision ID: 0001_outbox
Revises:
Create Date: 2026-11-24 22:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql
from tex4im_common.outbox import XID8

revision: str = "0001_outbox"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "proposals"


def upgrade() -> None:
    op.create_table(
        "outbox_event",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("position", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("txid", XID8(), server_default=sa.text("pg_current_xact_id()"), nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("aggregate_type", sa.String(60), nullable=False),
        sa.Column("aggregate_id", sa.Text(), nullable=False),
        sa.Column("payload", postgresql.JSONB(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("request_id", sa.String(128), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_event")),
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_outbox_event_txid_position"), "outbox_event", ["txid", "position"], schema=SCHEMA)


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_event_txid_position"), table_name="outbox_event", schema=SCHEMA)
    op.drop_table("outbox_event", schema=SCHEMA)
