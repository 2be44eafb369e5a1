from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer, Numeric, String, Table, Text, text
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from intelligence.db import Base
from intelligence.vocab import (
    CONTENT_LANGUAGES,
    COUNTRY_PATTERN,
    NUTS2_PATTERN,
    PRIORITY_CODES,
    OrganisationKind,
    SizeClass,
    ValueChainStep,
    Visibility,
    sql_in,
)

organisation_cluster = Table(
    "organisation_cluster",
    Base.metadata,
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
    Column("cluster_id", ForeignKey("cluster.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Organisation(UUIDPrimaryKey, Timestamps, Base):
    """A company, R&D centre, university, science park, business network or investor: the one registry.

    `search_vector` is written by a trigger (see the migration) from the name, description, capabilities,
    certifications and city, stemmed in the record's language and unstemmed, so every write path (API,
    import, bulk load) keeps it in step.
    """

    __tablename__ = "organisation"
    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(OrganisationKind)}", name="kind_known"),
        CheckConstraint(f"size_class IN {sql_in(SizeClass)}", name="size_class_known"),
        CheckConstraint(f"visibility IN {sql_in(Visibility)}", name="visibility_known"),
        CheckConstraint(f"language IN {sql_in(CONTENT_LANGUAGES)}", name="language_known"),
        CheckConstraint(f"country_code ~ '{COUNTRY_PATTERN}'", name="country_is_alpha2"),
        CheckConstraint(f"region_code ~ '{NUTS2_PATTERN}'", name="region_is_nuts2"),
        CheckConstraint(f"value_chain <@ ARRAY{list(map(str, ValueChainStep))}::varchar[]", name="value_chain_known"),
        CheckConstraint(f"priorities <@ ARRAY{list(PRIORITY_CODES)}::varchar[]", name="priorities_known"),
        CheckConstraint("(lon IS NULL) = (lat IS NULL)", name="point_complete"),
        CheckConstraint("lon BETWEEN -180 AND 180 AND lat BETWEEN -90 AND 90", name="point_on_earth"),
        CheckConstraint("merged_into_id IS NULL OR merged_into_id <> id", name="not_merged_into_itself"),
        Index("ix_organisation_search_vector", "search_vector", postgresql_using="gin"),
        Index("ix_organisation_priorities", "priorities", postgresql_using="gin"),
        Index("ix_organisation_nace_codes", "nace_codes", postgresql_using="gin"),
        Index("ix_organisation_city_key", "country_code", text("lower(city)")),
    )

    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    vat_number: Mapped[str | None] = mapped_column(String(20), index=True)
    country_code: Mapped[str] = mapped_column(String(2))
    region_code: Mapped[str | None] = mapped_column(String(4), index=True)
    city: Mapped[str | None] = mapped_column(String(120))
    lon: Mapped[Decimal | None] = mapped_column(Numeric(9, 6))
    lat: Mapped[Decimal | None] = mapped_column(Numeric(9, 6))
    nace_codes: Mapped[list[str]] = mapped_column(ARRAY(String(6)), server_default="{}")
    size_class: Mapped[str | None] = mapped_column(String(10))
    value_chain: Mapped[list[str]] = mapped_column(ARRAY(String(20)), server_default="{}")
    capabilities: Mapped[list[str]] = mapped_column(ARRAY(String(120)), server_default="{}")
    certifications: Mapped[list[str]] = mapped_column(ARRAY(String(60)), server_default="{}")
    priorities: Mapped[list[str]] = mapped_column(ARRAY(String(40)), server_default="{}")
    website: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(2), server_default="en")
    visibility: Mapped[str] = mapped_column(String(12), server_default=Visibility.consortium.value)
    # the cluster manager's region that registered it, for records outside the eight regions
    steward_region_code: Mapped[str | None] = mapped_column(String(4))
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    search_vector: Mapped[str | None] = mapped_column(TSVECTOR)

    contacts: Mapped[list[OrganisationContact]] = relationship(
        back_populates="organisation", lazy="raise", cascade="all, delete-orphan", order_by="OrganisationContact.name"
    )

    __mapper_args__ = {"version_id_col": version}


class OrganisationContact(UUIDPrimaryKey, Timestamps, Base):
    """A contact person: personal data, never public, never on the event feed."""

    __tablename__ = "organisation_contact"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    job_title: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))

    organisation: Mapped[Organisation] = relationship(back_populates="contacts", lazy="raise")


class DuplicateCandidate(UUIDPrimaryKey, Timestamps, Base):
    """Two organisations that look like one (same VAT number, or a near-identical name in the same city).

    Found when a record is written; a manager merges the pair or dismisses it, and a dismissal is
    remembered so the pair is not proposed again.
    """

    __tablename__ = "duplicate_candidate"
    __table_args__ = (
        CheckConstraint("first_id < second_id", name="pair_ordered"),
        CheckConstraint("reason IN ('same_vat_number', 'similar_name_same_city')", name="reason_known"),
        CheckConstraint("status IN ('open', 'merged', 'dismissed')", name="status_known"),
        Index("ix_duplicate_candidate_first_id_second_id", "first_id", "second_id", unique=True),
    )

    first_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    second_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(30))
    similarity: Mapped[Decimal] = mapped_column(Numeric(4, 3))
    status: Mapped[str] = mapped_column(String(10), server_default="open")
    resolved_by: Mapped[str | None] = mapped_column(String(100))
