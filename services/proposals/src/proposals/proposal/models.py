"""Proposals, their partner organisations, their frozen versions, their attachments and their timeline."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    SmallInteger,
    String,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from proposals.db import Base
from proposals.vocab import (
    PRIORITY_CODES,
    AttachmentKind,
    PartnerStatus,
    TimelineKind,
    ValueChainStep,
    sql_in,
)


class Proposal(UUIDPrimaryKey, Timestamps, Base):
    """A collaborative investment proposal to a call, in one stage of the call's pipeline.

    `region_code` is the lead organisation's region (copied when the lead is set): the region whose cluster
    managers screen and champion it and whose quota it counts against. `answers` holds the call-specific
    fields by key. `version` guards concurrent edits (If-Match); `submitted_version` is the number of the
    latest frozen version, 0 while never submitted.
    """

    __tablename__ = "proposal"
    __table_args__ = (
        CheckConstraint(f"priorities <@ ARRAY{list(PRIORITY_CODES)}::varchar[]", name="priorities_known"),
        CheckConstraint(f"value_chain <@ ARRAY{[v.value for v in ValueChainStep]}::varchar[]",
                        name="value_chain_known"),
        CheckConstraint("trl IS NULL OR trl BETWEEN 1 AND 9", name="trl_in_range"),
        CheckConstraint("budget_eur IS NULL OR budget_eur >= 0", name="budget_not_negative"),
        CheckConstraint("requested_eur IS NULL OR requested_eur >= 0", name="requested_not_negative"),
        CheckConstraint("requested_eur IS NULL OR budget_eur IS NULL OR requested_eur <= budget_eur",
                        name="requested_within_budget"),
        ForeignKeyConstraint(["call_id", "stage"], ["stage.call_id", "stage.key"], name="fk_proposal_stage_stage"),
        Index("ix_proposal_call_id_stage", "call_id", "stage"),
        Index("ix_proposal_region_code_stage", "region_code", "stage"),
        Index("ix_proposal_priorities", "priorities", postgresql_using="gin"),
        Index("ix_proposal_list_order", "updated_at", "id"),
        # the list's `q` (ILIKE '%text%' on each): GIN over trigrams, pg_trgm created by the migration; written
        # through (no pending list), so the planner's costs stay true after bulk loads: proposals change slowly
        *(Index(f"ix_proposal_{column}_trgm", column, postgresql_using="gin", postgresql_ops={column: "gin_trgm_ops"},
                postgresql_with={"fastupdate": "off"}) for column in ("reference", "title", "acronym")),
    )

    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call.id"))
    stage: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    acronym: Mapped[str | None] = mapped_column(String(30))
    summary: Mapped[str] = mapped_column(Text, server_default="")
    priorities: Mapped[list[str]] = mapped_column(ARRAY(String(40)), server_default="{}")
    value_chain: Mapped[list[str]] = mapped_column(ARRAY(String(20)), server_default="{}")
    trl: Mapped[int | None] = mapped_column(SmallInteger)
    budget_eur: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    requested_eur: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    lead_organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    region_code: Mapped[str] = mapped_column(String(4))
    answers: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
    created_by: Mapped[str] = mapped_column(String(100), index=True)
    created_by_name: Mapped[str | None] = mapped_column(String(200))
    submitted_version: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    first_submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    partners: Mapped[list[ProposalPartner]] = relationship(
        back_populates="proposal", lazy="raise", cascade="all, delete-orphan", order_by="ProposalPartner.created_at"
    )

    __mapper_args__ = {"version_id_col": version}



class ProposalPartner(UUIDPrimaryKey, Base):
    """A partner organisation of a proposal: invited by the co-authors, confirmed or declined by its members.

    `region_code` is copied from the registry when the partner is added and refreshed with the organisation.
    """

    __tablename__ = "proposal_partner"
    __table_args__ = (
        CheckConstraint(f"status IN {sql_in(PartnerStatus)}", name="status_known"),
        Index("ix_proposal_partner_proposal_id_organisation_id", "proposal_id", "organisation_id", unique=True),
        Index("ix_proposal_partner_region_code_proposal_id", "region_code", "proposal_id"),  # managers' listings
    )

    proposal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    region_code: Mapped[str | None] = mapped_column(String(4))
    role_description: Mapped[str] = mapped_column(Text, server_default="")
    status: Mapped[str] = mapped_column(String(10), server_default=PartnerStatus.invited.value)
    invited_by: Mapped[str] = mapped_column(String(100))
    answered_by: Mapped[str | None] = mapped_column(String(100))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    proposal: Mapped[Proposal] = relationship(back_populates="partners", lazy="raise")


class ProposalVersion(UUIDPrimaryKey, Base):
    """An immutable snapshot taken at each submission: every field, the partners and the attachments' checksums."""

    __tablename__ = "proposal_version"
    __table_args__ = (
        CheckConstraint("number >= 1", name="number_positive"),
        Index("ix_proposal_version_proposal_id_number", "proposal_id", "number", unique=True),
    )

    proposal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(SmallInteger)
    content: Mapped[dict[str, Any]] = mapped_column(JSONB)
    submitted_by: Mapped[str] = mapped_column(String(100))
    submitted_by_name: Mapped[str | None] = mapped_column(String(200))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class AttachmentBlob(Base):
    """The bytes of an attachment, stored once per content (by SHA-256) inside the database's transactions."""

    __tablename__ = "attachment_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Attachment(UUIDPrimaryKey, Base):
    """A file attached to a proposal. Removing it from a draft marks it removed: frozen versions still name it."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(AttachmentKind)}", name="kind_known"),
        CheckConstraint("size_bytes > 0", name="not_empty"),
        Index("ix_attachment_proposal_id", "proposal_id", postgresql_where="removed_at IS NULL"),
    )

    proposal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blob.sha256"), index=True)
    uploaded_by: Mapped[str] = mapped_column(String(100))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class TimelineEntry(UUIDPrimaryKey, Base):
    """One line of a proposal's history: who did what, when, from which stage to which, and why."""

    __tablename__ = "timeline_entry"
    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(TimelineKind)}", name="kind_known"),
        Index("ix_timeline_entry_proposal_id_at", "proposal_id", "at"),
    )

    proposal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    actor: Mapped[str] = mapped_column(String(100))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    transition: Mapped[str | None] = mapped_column(String(40))
    from_stage: Mapped[str | None] = mapped_column(String(40))
    to_stage: Mapped[str | None] = mapped_column(String(40))
    comment: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
