from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column, relationship
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from intelligence.db import Base
from intelligence.region.models import Region
from intelligence.vocab import EscaLabel, EscpState, sql_in


class Cluster(UUIDPrimaryKey, Timestamps, Base):
    """A textile & clothing cluster with its ECCP cluster profile; the partner clusters are the members.

    The profile fields are those of a European Cluster Collaboration Platform (ECCP) cluster profile;
    `escp_state` tracks the member's way into the ESCP-S3 partnership page:
    draft → submitted (to ECCP) → validated (by ECCP) → linked (to the partnership).
    """

    __tablename__ = "cluster"
    __table_args__ = (
        CheckConstraint(f"escp_state IN {sql_in(EscpState)}", name="escp_state_known"),
        CheckConstraint(f"esca_label IN {sql_in(EscaLabel)}", name="esca_label_known"),
        CheckConstraint(
            "members_sme >= 0 AND members_large >= 0 AND members_research >= 0 AND members_university >= 0 "
            "AND members_public >= 0 AND members_other >= 0",
            name="member_counts_not_negative",
        ),
        CheckConstraint("management_fte >= 0", name="management_fte_not_negative"),
    )

    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("region.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    acronym: Mapped[str] = mapped_column(String(60))
    managed_by: Mapped[str | None] = mapped_column(String(200))
    is_partner: Mapped[bool] = mapped_column(Boolean, default=True)
    is_coordinator: Mapped[bool] = mapped_column(Boolean, default=False)
    # ECCP cluster profile
    website_en: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    year_established: Mapped[int | None] = mapped_column(SmallInteger)
    members_sme: Mapped[int] = mapped_column(Integer, server_default="0")
    members_large: Mapped[int] = mapped_column(Integer, server_default="0")
    members_research: Mapped[int] = mapped_column(Integer, server_default="0")
    members_university: Mapped[int] = mapped_column(Integer, server_default="0")
    members_public: Mapped[int] = mapped_column(Integer, server_default="0")
    members_other: Mapped[int] = mapped_column(Integer, server_default="0")
    management_fte: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    industrial_ecosystems: Mapped[list[str]] = mapped_column(ARRAY(String(80)), server_default="{}")
    nace_codes: Mapped[list[str]] = mapped_column(ARRAY(String(6)), server_default="{}")
    s3_priorities: Mapped[list[str]] = mapped_column(ARRAY(String(200)), server_default="{}")
    esca_label: Mapped[str | None] = mapped_column(String(10))
    esca_valid_until: Mapped[date | None] = mapped_column(Date)
    support_programme: Mapped[str | None] = mapped_column(String(300))
    eccp_profile_url: Mapped[str | None] = mapped_column(String(300))
    partnership_agreement_signed_on: Mapped[date | None] = mapped_column(Date)
    # ESCP-S3 state
    escp_state: Mapped[str] = mapped_column(String(10), server_default=EscpState.draft.value)
    escp_state_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    region: Mapped[Region] = relationship(back_populates="clusters", lazy="raise")
    state_changes: Mapped[list[ClusterStateChange]] = relationship(
        back_populates="cluster", lazy="raise", order_by="ClusterStateChange.changed_at"
    )

    __mapper_args__ = {"version_id_col": version}


class ClusterStateChange(UUIDPrimaryKey, Base):
    """One step of a cluster's ESCP-S3 state, with who took it and why."""

    __tablename__ = "cluster_state_change"
    __table_args__ = (
        CheckConstraint(f"from_state IN {sql_in(EscpState)}", name="from_state_known"),
        CheckConstraint(f"to_state IN {sql_in(EscpState)}", name="to_state_known"),
    )

    cluster_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cluster.id", ondelete="CASCADE"), index=True)
    from_state: Mapped[str] = mapped_column(String(10))
    to_state: Mapped[str] = mapped_column(String(10))
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_by_name: Mapped[str | None] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    cluster: Mapped[Cluster] = relationship(back_populates="state_changes", lazy="raise")
