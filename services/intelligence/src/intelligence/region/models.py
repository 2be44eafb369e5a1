from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, Numeric, SmallInteger, String, Text, func
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from intelligence.db import Base
from intelligence.vocab import PRIORITY_CODES, IndicatorQuality, sql_in

if TYPE_CHECKING:
    from intelligence.cluster.models import Cluster


class Region(UUIDPrimaryKey, Timestamps, Base):
    """A NUTS-2 region of the partnership (NUTS 2021 codes, unchanged in NUTS 2024)."""

    __tablename__ = "region"
    __table_args__ = (
        CheckConstraint("code ~ '^[A-Z]{2}[A-Z0-9]{1,3}$'", name="code_is_nuts"),
        CheckConstraint("country_code ~ '^[A-Z]{2}$'", name="country_is_alpha2"),
    )

    code: Mapped[str] = mapped_column(String(5), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    country_code: Mapped[str] = mapped_column(String(2))
    label_lon: Mapped[Decimal] = mapped_column(Numeric(9, 6))
    label_lat: Mapped[Decimal] = mapped_column(Numeric(9, 6))
    area_km2: Mapped[int | None] = mapped_column(Integer)

    clusters: Mapped[list[Cluster]] = relationship(
        back_populates="region", lazy="raise", order_by="(Cluster.is_coordinator.desc(), Cluster.name)"
    )
    figures: Mapped[list[RegionFigure]] = relationship(
        back_populates="region", lazy="raise", order_by="RegionFigure.position"
    )
    indicators: Mapped[list[RegionIndicator]] = relationship(
        back_populates="region", lazy="raise", order_by="(RegionIndicator.code, RegionIndicator.year.desc())"
    )
    s3_priorities: Mapped[list[RegionS3Priority]] = relationship(
        back_populates="region", lazy="raise", order_by="RegionS3Priority.position"
    )


class RegionFigure(UUIDPrimaryKey, Timestamps, Base):
    """A published figure about a region, always with the scope, year and source it holds for."""

    __tablename__ = "region_figure"

    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(SmallInteger)
    statement: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(SmallInteger)
    source: Mapped[str] = mapped_column(Text)

    region: Mapped[Region] = relationship(back_populates="figures", lazy="raise")


class RegionIndicator(UUIDPrimaryKey, Timestamps, Base):
    """A measured value about a region: what it counts, in which unit, for which year and scope, from where.

    `quality` says whether it is an official statistic (Eurostat, a national office) or a secondary source
    (an association, a press report); users see both, and the scope, next to the number.
    """

    __tablename__ = "region_indicator"
    __table_args__ = (
        CheckConstraint(f"quality IN {sql_in(IndicatorQuality)}", name="quality_known"),
        CheckConstraint("code ~ '^[a-z][a-z0-9_]{1,59}$'", name="code_is_slug"),
        Index("ix_region_indicator_region_id_code_year_scope", "region_id", "code", "year", "scope", unique=True),
    )

    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(60), index=True)
    label: Mapped[str] = mapped_column(String(200))
    value: Mapped[Decimal] = mapped_column(Numeric(18, 4))
    unit: Mapped[str] = mapped_column(String(40))
    year: Mapped[int | None] = mapped_column(SmallInteger)
    scope: Mapped[str] = mapped_column(Text)
    quality: Mapped[str] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(String(500))

    region: Mapped[Region] = relationship(back_populates="indicators", lazy="raise")


class RegionS3Priority(UUIDPrimaryKey, Timestamps, Base):
    """One of the region's smart-specialisation (S3) priority domains, tied to the partnership's priorities."""

    __tablename__ = "region_s3_priority"
    __table_args__ = (
        CheckConstraint(f"thematic_priorities <@ ARRAY{list(PRIORITY_CODES)}::varchar[]", name="priorities_known"),
    )

    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(SmallInteger)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    thematic_priorities: Mapped[list[str]] = mapped_column(ARRAY(String(40)), server_default="{}")
    source: Mapped[str] = mapped_column(Text)

    region: Mapped[Region] = relationship(back_populates="s3_priorities", lazy="raise")


class RegionBoundary(Base):
    """A region's polygon (GeoJSON geometry, WGS 84), present only when a manager has imported boundaries."""

    __tablename__ = "region_boundary"

    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), primary_key=True)
    geometry: Mapped[dict[str, Any]] = mapped_column(JSONB)
    source: Mapped[str] = mapped_column(Text)
    imported_by: Mapped[str] = mapped_column(String(100))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
