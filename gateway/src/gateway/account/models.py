from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Index, String, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.orm import Mapped, mapped_column, relationship
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from gateway.db import Base

ROLES = ("consortium_admin", "cluster_manager", "evaluator", "member")
LOCALES = ("en", "it", "ro", "es", "pt", "cs", "sv", "fr")


class User(UUIDPrimaryKey, Timestamps, Base):
    """A person who signs in to the platform."""

    __tablename__ = "user_account"
    __table_args__ = (
        CheckConstraint("email = lower(email)", name="email_is_lowercase"),
        CheckConstraint(f"locale IN {LOCALES}", name="locale_is_supported"),
    )

    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    locale: Mapped[str] = mapped_column(String(5), default="en")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="user", lazy="raise", cascade="all, delete-orphan", order_by="Membership.created_at"
    )


class Membership(UUIDPrimaryKey, Base):
    """A role the user holds, optionally scoped to a NUTS-2 region and/or an organisation."""

    __tablename__ = "membership"
    __table_args__ = (
        CheckConstraint(f"role IN {ROLES}", name="role_is_known"),
        CheckConstraint("region IS NULL OR region ~ '^[A-Z]{2}[A-Z0-9]{1,3}$'", name="region_is_nuts"),
        UniqueConstraint("user_id", "role", "region", "organisation_id", postgresql_nulls_not_distinct=True,
                         name="uq_membership_scope"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    region: Mapped[str | None] = mapped_column(String(5))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(PG_UUID(as_uuid=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    user: Mapped[User] = relationship(back_populates="memberships", lazy="raise")


class UserSession(UUIDPrimaryKey, Base):
    """A signed-in browser: the hash of its current refresh token, rotated at every refresh."""

    __tablename__ = "user_session"
    __table_args__ = (Index("ix_user_session_active", "user_id", postgresql_where="revoked_at IS NULL"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    refresh_token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    previous_token_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    rotated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    user_agent: Mapped[str | None] = mapped_column(String(300))
