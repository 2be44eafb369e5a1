"""In-app notifications, the people they can be mailed to, and the mail log (the demo's outbox for e-mail)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, String, Text, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.orm import Mapped, mapped_column
from tex4im_common.db import UUIDPrimaryKey

from proposals.db import Base
from proposals.vocab import Audience, sql_in


class Notification(UUIDPrimaryKey, Base):
    """A message to an audience: a person (by subject), an organisation's members, a region's managers, the admins.

    `audience_key` is the subject, the organisation id or the region code (empty for the admins).
    """

    __tablename__ = "notification"
    __table_args__ = (
        CheckConstraint(f"audience IN {sql_in(Audience)}", name="audience_known"),
        Index("ix_notification_audience_created_at", "audience", "audience_key", "created_at"),
    )

    audience: Mapped[str] = mapped_column(String(20))
    audience_key: Mapped[str] = mapped_column(String(100), server_default="")
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, server_default="")
    link: Mapped[str | None] = mapped_column(String(300))
    proposal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class NotificationRead(Base):
    """That one person has read one notification (audiences are shared, so read state is per person)."""

    __tablename__ = "notification_read"

    notification_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notification.id", ondelete="CASCADE"), primary_key=True
    )
    subject: Mapped[str] = mapped_column(String(100), primary_key=True)
    read_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class MailMessage(UUIDPrimaryKey, Base):
    """An e-mail the service sent (or, without SMTP, only logged): the admin can read the log."""

    __tablename__ = "mail_message"
    __table_args__ = (
        CheckConstraint("status IN ('logged', 'sent', 'failed')", name="status_known"),
        Index("ix_mail_message_created_at", "created_at"),
    )

    notification_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("notification.id", ondelete="SET NULL"))
    to_address: Mapped[str] = mapped_column(String(320))
    subject_line: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Person(Base):
    """Someone who has used the service, as their last identity token described them: where mail can reach them.

    Refreshed whenever they act, so notifications to an organisation or a region's managers can be mailed to
    the people known to belong to it.
    """

    __tablename__ = "person"
    __table_args__ = (
        Index("ix_person_organisation_ids", "organisation_ids", postgresql_using="gin"),
        Index("ix_person_managed_regions", "managed_regions", postgresql_using="gin"),
    )

    subject: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    organisation_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(PG_UUID(as_uuid=True)), server_default="{}")
    managed_regions: Mapped[list[str]] = mapped_column(ARRAY(String(4)), server_default="{}")
    is_admin: Mapped[bool] = mapped_column(server_default="false")
    is_evaluator: Mapped[bool] = mapped_column(server_default="false")
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
