"""Reading the partnership's regions."""

from __future__ import annotations

from tex4im_common.identity import Identity
from tex4im_common.pagination import PageParams

from intelligence.errors import RegionNotFound
from intelligence.region.models import Region
from intelligence.region.repository import RegionRepository
from intelligence.region.schemas import ClusterOut, FigureOut, LabelPoint, RegionDetailOut, RegionOut, RegionPage

NUTS_URI = "http://data.europa.eu/nuts/code/{code}"


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


class RegionService:
    """Regions are reference data: any signed-in member of the partnership may read them."""

    def __init__(self, repository: RegionRepository) -> None:
        self.repository = repository

    async def list_regions(self, *, identity: Identity, params: PageParams) -> RegionPage:
        regions, next_cursor = await self.repository.list_page(params)
        return RegionPage(items=[RegionOut(**_region_fields(r)) for r in regions], next_cursor=next_cursor)

    async def get_region(self, *, identity: Identity, code: str) -> RegionDetailOut:
        region = await self.repository.get_by_code(code.upper())
        if region is None:
            raise RegionNotFound(f"There is no partnership region with NUTS code {code}.")
        return RegionDetailOut(
            **_region_fields(region), figures=[FigureOut.model_validate(f) for f in region.figures]
        )
