"""Create users, memberships (role + region/organisation scope) and browser sessions.

Revision ID: 0001_identity
Revises:
Create Date: 2026-11-24 22:15:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001_identity"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "gateway"
ROLES = "('consortium_admin', 'cluster_manager', 'evaluator', 'member')"
LOCALES = "('en', 'it', 'ro', 'es', 'pt', 'cs', 'sv', 'fr')"


def upgrade() -> None:
    op.create_table(
        "user_account",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("locale", sa.String(5), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("email = lower(email)", name=op.f("ck_user_account_email_is_lowercase")),
        sa.CheckConstraint(f"locale IN {LOCALES}", name=op.f("ck_user_account_locale_is_supported")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("email", name=op.f("uq_user_account_email")),
        schema=SCHEMA,
    )
    op.create_table(
        "membership",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("user_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("region", sa.String(5), nullable=True),
        sa.Column("organisation_id", postgresql.UUID(as_uuid=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint(f"role IN {ROLES}", name=op.f("ck_membership_role_is_known")),
        sa.CheckConstraint("region IS NULL OR region ~ '^[A-Z]{2}[A-Z0-9]{1,3}$'",
                           name=op.f("ck_membership_region_is_nuts")),
        sa.ForeignKeyConstraint(["user_id"], [f"{SCHEMA}.user_account.id"],
                                name=op.f("fk_membership_user_id_user_account"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
        sa.UniqueConstraint("user_id", "role", "region", "organisation_id", name="uq_membership_scope",
                            postgresql_nulls_not_distinct=True),
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_membership_user_id"), "membership", ["user_id"], schema=SCHEMA)
    op.create_table(
        "user_session",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("user_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("refresh_token_hash", sa.String(64), nullable=False),
        sa.Column("previous_token_hash", sa.String(64), nullable=True),
        sa.Column("rotated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("user_agent", sa.String(300), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], [f"{SCHEMA}.user_account.id"],
                                name=op.f("fk_user_session_user_id_user_account"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_session")),
        sa.UniqueConstraint("refresh_token_hash", name=op.f("uq_user_session_refresh_token_hash")),
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_user_session_previous_token_hash"), "user_session", ["previous_token_hash"],
                    schema=SCHEMA)
    op.create_index("ix_user_session_active", "user_session", ["user_id"], schema=SCHEMA,
                    postgresql_where=sa.text("revoked_at IS NULL"))


def downgrade() -> None:
    op.drop_index("ix_user_session_active", table_name="user_session", schema=SCHEMA)
    op.drop_index(op.f("ix_user_session_previous_token_hash"), table_name="user_session", schema=SCHEMA)
    op.drop_table("user_session", schema=SCHEMA)
    op.drop_index(op.f("ix_membership_user_id"), table_name="membership", schema=SCHEMA)
    op.drop_table("membership", schema=SCHEMA)
    op.drop_table("user_account", schema=SCHEMA)
