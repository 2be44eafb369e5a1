from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, Numeric, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from intelligence.db import Base


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


class Cluster(UUIDPrimaryKey, Timestamps, Base):
    """A textile & clothing cluster; the partner clusters are the partnership's members."""

    __tablename__ = "cluster"

    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("region.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    acronym: Mapped[str] = mapped_column(String(60))
    managed_by: Mapped[str | None] = mapped_column(String(200))
    is_partner: Mapped[bool] = mapped_column(Boolean, default=True)
    is_coordinator: Mapped[bool] = mapped_column(Boolean, default=False)

    region: Mapped[Region] = relationship(back_populates="clusters", lazy="raise")


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
