"""Region boundaries: optional polygons a manager imports; without them the map shows points."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.problems import FieldProblem, Forbidden, InvalidInput

from intelligence.access import Access
from intelligence.db import outbox
from intelligence.errors import InvalidBoundaries, RegionNotFound
from intelligence.region.geojson import features_of, sort_features
from intelligence.region.models import RegionBoundary
from intelligence.region.repository import RegionRepository
from intelligence.region.schemas import (
    BoundaryCollection,
    BoundaryFeature,
    BoundaryImportReport,
    BoundaryProperties,
)

AGGREGATE = "region"
BOUNDARIES_IMPORTED, BOUNDARIES_DELETED = "region.boundaries_imported", "region.boundaries_deleted"

# the upload, read only once the caller may import: (parsed JSON document, file name if any)
Upload = Callable[[], Awaitable[tuple[Any, str | None]]]


class BoundaryService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.repository = RegionRepository(session)

    async def import_boundaries(
        self, *, access: Access, read_upload: Upload, source: str | None
    ) -> BoundaryImportReport:
        """Store the polygons of the partnership's regions found in a FeatureCollection; report every feature."""
        identity = access.require_manager()
        document, filename = await read_upload()
        features = features_of(document)
        if features is None:
            raise InvalidBoundaries(
                "The upload is not a GeoJSON FeatureCollection with a `features` list.",
                errors=[FieldProblem(field="body", message="expected a FeatureCollection", code="not_a_collection")],
            )
        regions = {r.code: r for r in await self.repository.list_all()}
        found = sort_features(features, set(regions))
        if not found.matched:
            raise InvalidBoundaries(
                f"None of the {len(features)} features could be stored: {len(found.refused)} refused, "
                f"{len(found.skipped)} for regions outside the partnership (matched by NUTS_ID, nuts_id or id).",
                errors=[
                    FieldProblem(field=f"body.features[{n.index}]", message=n.reason or "", code="feature_refused")
                    for n in found.refused
                ],
            )
        source = source or (f"GeoJSON upload {filename}" if filename else "GeoJSON upload")
        codes = sorted(found.matched)
        await self.repository.replace_boundaries([
            RegionBoundary(region_id=regions[c].id, geometry=found.matched[c], source=source,
                           imported_by=identity.subject)
            for c in codes
        ])
        for code in codes:
            await outbox.record_event(
                self.session, type=BOUNDARIES_IMPORTED, aggregate_type=AGGREGATE, aggregate_id=code,
                payload={"region_code": code, "source": source},
            )
        return BoundaryImportReport(source=source, matched=codes, skipped=found.skipped, refused=found.refused)

    async def collection(self, *, indicator: str | None) -> BoundaryCollection:
        """The stored boundaries (an empty collection when none), with an indicator's latest values if asked."""
        latest = {}
        if indicator is not None:
            if not await self.repository.indicator_code_exists(indicator):
                raise InvalidInput(
                    f"No region has an indicator with code {indicator}; GET /indicators lists the codes.",
                    errors=[FieldProblem(field="query.indicator", message="unknown indicator code",
                                         code="unknown_indicator")],
                )
            latest = dict(await self.repository.latest_indicators(indicator))
        features = []
        for region, boundary in await self.repository.boundaries():
            fields: dict[str, Any] = {"code": region.code, "name": region.name, "indicator": indicator}
            value = latest.get(region.code)
            if value is not None:
                fields |= {
                    "label": value.label, "value": float(value.value), "unit": value.unit, "year": value.year,
                    "scope": value.scope, "quality": value.quality, "source": value.source,
                }
            features.append(BoundaryFeature(
                id=region.code, geometry=boundary.geometry, properties=BoundaryProperties(**fields)
            ))
        return BoundaryCollection(features=features)

    async def delete_boundaries(self, *, access: Access, code: str | None) -> list[str]:
        """Remove every stored boundary, or one region's; the consortium admin only."""
        access.require_user()
        if not access.is_admin:
            raise Forbidden("Only the consortium admin may delete region boundaries.")
        region_ids = None
        if code is not None:
            region = await self.repository.get_plain(code.upper())
            if region is None:
                raise RegionNotFound(f"There is no partnership region with NUTS code {code}.")
            region_ids = [region.id]
        removed = await self.repository.delete_boundaries(region_ids)
        for removed_code in removed:
            await outbox.record_event(
                self.session, type=BOUNDARIES_DELETED, aggregate_type=AGGREGATE, aggregate_id=removed_code,
                payload={"region_code": removed_code},
            )
        return removed
