"""Reading the partnership's regions: public reference data, open to anonymous visitors too."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.pagination import PageParams

from intelligence.errors import RegionNotFound
from intelligence.region.models import Region, RegionIndicator
from intelligence.region.repository import RegionRepository
from intelligence.region.schemas import (
    ClusterOut,
    FigureOut,
    IndicatorCatalogueEntry,
    IndicatorOut,
    LabelPoint,
    RegionDetailOut,
    RegionOut,
    RegionPage,
    S3PriorityOut,
)

NUTS_URI = "http://data.europa.eu/nuts/code/{code}"


def decimal_string(value: Decimal) -> str:
    """`41251`, `19.5`: the stored decimal without trailing zeros or an exponent."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def indicator_out(indicator: RegionIndicator) -> IndicatorOut:
    return IndicatorOut(
        id=indicator.id, code=indicator.code, label=indicator.label, value=decimal_string(indicator.value),
        unit=indicator.unit, year=indicator.year, scope=indicator.scope, quality=indicator.quality,  # type: ignore[arg-type]
        source=indicator.source, source_url=indicator.source_url,
    )


def _region_fields(region: Region) -> dict[str, object]:
    return {
        "code": region.code,
        "name": region.name,
        "country_code": region.country_code,
        "nuts_uri": NUTS_URI.format(code=region.code),
        "label_point": LabelPoint(lon=float(region.label_lon), lat=float(region.label_lat)),
        "area_km2": region.area_km2,
        "clusters": [ClusterOut.model_validate(c) for c in region.clusters],
    }


async def region_or_404(repository: RegionRepository, code: str) -> Region:
    """The region row for a NUTS code in any case, or a 404 problem naming the code."""
    region = await repository.get_plain(code.upper())
    if region is None:
        raise RegionNotFound(f"There is no partnership region with NUTS code {code}.")
    return region


class RegionService:
    """Regions, their figures, indicators and S3 priorities are public reference data: anyone may read them."""

    def __init__(self, session: AsyncSession) -> None:
        self.repository = RegionRepository(session)

    async def list_regions(self, *, params: PageParams) -> RegionPage:
        regions, next_cursor = await self.repository.list_page(params)
        return RegionPage(items=[RegionOut(**_region_fields(r)) for r in regions], next_cursor=next_cursor)

    async def get_region(self, *, code: str) -> RegionDetailOut:
        region = await self.repository.get_by_code(code.upper())
        if region is None:
            raise RegionNotFound(f"There is no partnership region with NUTS code {code}.")
        return RegionDetailOut(
            **_region_fields(region),
            figures=[FigureOut.model_validate(f) for f in region.figures],
            indicators=[indicator_out(i) for i in region.indicators],
            s3_priorities=[S3PriorityOut.model_validate(p) for p in region.s3_priorities],
        )

    async def indicator_catalogue(self) -> list[IndicatorCatalogueEntry]:
        """Every indicator code present, for the map's choropleth picker."""
        return [
            IndicatorCatalogueEntry(
                code=row.code, label=row.label, units=sorted(row.units), regions=sorted(row.regions),
                years=sorted(row.years),
            )
            for row in await self.repository.indicator_catalogue()
        ]
