"""The eight regions side by side: each indicator's latest value per region, and live platform figures."""

from __future__ import annotations

from collections import Counter

from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.access import Access
from intelligence.region.figures_repository import PlatformFiguresRepository
from intelligence.region.models import RegionIndicator
from intelligence.region.repository import RegionRepository
from intelligence.region.schemas import (
    PlatformFigures,
    ScorecardIndicator,
    ScorecardOut,
    ScorecardRegion,
    ScorecardValue,
)
from intelligence.region.service import decimal_string


def _value(indicator: RegionIndicator) -> ScorecardValue:
    return ScorecardValue(
        value=decimal_string(indicator.value), unit=indicator.unit, year=indicator.year, scope=indicator.scope,
        quality=indicator.quality, source=indicator.source, source_url=indicator.source_url,  # type: ignore[arg-type]
    )


def _label(values: list[RegionIndicator]) -> str:
    counts = Counter(v.label for v in values)
    return min(counts, key=lambda label: (-counts[label], label))


class ScorecardService:
    def __init__(self, session: AsyncSession) -> None:
        self.regions = RegionRepository(session)
        self.figures = PlatformFiguresRepository(session)

    async def scorecard(self, *, access: Access) -> ScorecardOut:
        """Counts include only what the caller may see: public records for an anonymous visitor."""
        regions = await self.regions.list_all()
        codes = [r.code for r in regions]
        visibilities = access.visibilities()
        organisations = await self.figures.organisations(visibilities)
        opportunities = await self.figures.open_opportunities(visibilities)
        interests = await self.figures.interests(visibilities)
        clusters = await self.figures.partner_clusters()

        by_code: dict[str, dict[str, RegionIndicator]] = {}
        for region_code, indicator in await self.regions.latest_indicators():
            by_code.setdefault(indicator.code, {})[region_code] = indicator
        rows = []
        for code in sorted(by_code):
            latest = by_code[code]
            present = list(latest.values())
            rows.append(ScorecardIndicator(
                code=code, label=_label(present),
                values={c: _value(latest[c]) if c in latest else None for c in codes},
                units_differ=len({v.unit for v in present}) > 1,
                scopes_differ=len({v.scope for v in present}) > 1,
            ))
        return ScorecardOut(
            regions=[
                ScorecardRegion(
                    code=r.code, name=r.name, country_code=r.country_code,
                    platform=PlatformFigures(
                        organisations=organisations.get(r.code, 0),
                        opportunities_open=opportunities.get(r.code, 0),
                        interests=interests.get(r.code, 0),
                        cluster_members=clusters.get(r.code, (0, None))[0],
                        escp_state=clusters.get(r.code, (0, None))[1],
                    ),
                )
                for r in regions
            ],
            indicators=rows,
        )
