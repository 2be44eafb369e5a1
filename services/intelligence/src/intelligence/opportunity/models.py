from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, func, text
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from intelligence.db import Base
from intelligence.vocab import (
    CONTENT_LANGUAGES,
    NUTS2_PATTERN,
    PRIORITY_CODES,
    OpportunityKind,
    OpportunityStatus,
    Visibility,
    sql_in,
)


class Opportunity(UUIDPrimaryKey, Timestamps, Base):
    """Something a company of the regions can act on: a partner search, a technology, a call, a tender...

    `owner_region_code` is the region whose cluster managers look after the record. `source` and
    `source_ref` identify an imported record, so a re-import updates it instead of adding a copy.
    `search_vector` is written by a trigger (see the migration), like the organisations'.
    """

    __tablename__ = "opportunity"
    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(OpportunityKind)}", name="kind_known"),
        CheckConstraint(f"status IN {sql_in(OpportunityStatus)}", name="status_known"),
        CheckConstraint(f"visibility IN {sql_in(Visibility)}", name="visibility_known"),
        CheckConstraint(f"language IN {sql_in(CONTENT_LANGUAGES)}", name="language_known"),
        CheckConstraint(f"owner_region_code ~ '{NUTS2_PATTERN}'", name="owner_region_is_nuts2"),
        CheckConstraint(f"priorities <@ ARRAY{list(PRIORITY_CODES)}::varchar[]", name="priorities_known"),
        CheckConstraint("(lon IS NULL) = (lat IS NULL)", name="point_complete"),
        CheckConstraint("lon BETWEEN -180 AND 180 AND lat BETWEEN -90 AND 90", name="point_on_earth"),
        CheckConstraint("budget_eur >= 0", name="budget_not_negative"),
        CheckConstraint("(source_ref IS NULL) OR (source IS NOT NULL)", name="source_ref_needs_source"),
        Index("ix_opportunity_source_source_ref", "source", "source_ref", unique=True),
        Index("ix_opportunity_search_vector", "search_vector", postgresql_using="gin"),
        Index("ix_opportunity_priorities", "priorities", postgresql_using="gin"),
        Index("ix_opportunity_region_codes", "region_codes", postgresql_using="gin"),
        Index("ix_opportunity_status_deadline", "status", "deadline"),
        # the order of a search without words (soonest deadline, none last, then newest): a page is read
        # from the index instead of sorting every match
        Index(
            "ix_opportunity_browse_order",
            text("coalesce(deadline, 'infinity'::date)"), text("created_at DESC"), "id",
        ),
    )

    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(2), server_default="en")
    priorities: Mapped[list[str]] = mapped_column(ARRAY(String(40)), server_default="{}")
    region_codes: Mapped[list[str]] = mapped_column(ARRAY(String(4)), server_default="{}")
    country_codes: Mapped[list[str]] = mapped_column(ARRAY(String(2)), server_default="{}")
    nace_codes: Mapped[list[str]] = mapped_column(ARRAY(String(6)), server_default="{}")
    value_chain: Mapped[list[str]] = mapped_column(ARRAY(String(20)), server_default="{}")
    lon: Mapped[Decimal | None] = mapped_column(Numeric(9, 6))
    lat: Mapped[Decimal | None] = mapped_column(Numeric(9, 6))
    deadline: Mapped[date | None] = mapped_column(Date)
    budget_eur: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    source: Mapped[str | None] = mapped_column(String(120))
    source_ref: Mapped[str | None] = mapped_column(String(200))
    link: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(10), server_default=OpportunityStatus.open.value)
    visibility: Mapped[str] = mapped_column(String(12), server_default=Visibility.consortium.value)
    owner_region_code: Mapped[str] = mapped_column(String(4), index=True)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    created_by: Mapped[str] = mapped_column(String(100))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    search_vector: Mapped[str | None] = mapped_column(TSVECTOR)

    interests: Mapped[list[OpportunityInterest]] = relationship(
        back_populates="opportunity", lazy="raise", order_by="OpportunityInterest.created_at"
    )

    __mapper_args__ = {"version_id_col": version}


class OpportunityInterest(UUIDPrimaryKey, Base):
    """A signed-in user's interest in an opportunity, one per user; the owning region's managers see who."""

    __tablename__ = "opportunity_interest"
    __table_args__ = (
        Index("ix_opportunity_interest_opportunity_id_subject", "opportunity_id", "subject", unique=True),
    )

    opportunity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opportunity.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(String(100), index=True)
    person_name: Mapped[str | None] = mapped_column(String(200))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"))
    region_code: Mapped[str | None] = mapped_column(String(4))
    message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    opportunity: Mapped[Opportunity] = relationship(back_populates="interests", lazy="raise")
