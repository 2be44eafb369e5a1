"""The priority overlap matrix: which thematic priorities the regions' S3 strategies have in common."""

from __future__ import annotations

from itertools import combinations

from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.region.repository import RegionRepository
from intelligence.region.schemas import PriorityOverlapOut, PriorityOverlapPair, RegionPriorities
from intelligence.vocab import PRIORITY_CODES


def _ordered(codes: set[str]) -> list[str]:
    return [c for c in PRIORITY_CODES if c in codes]


def overlap_matrix(regions: list[tuple[str, str]], priorities: dict[str, set[str]]) -> PriorityOverlapOut:
    """Each pair of `regions` ((code, name), sorted by code) with the priorities both hold and their Jaccard index."""
    pairs = []
    for (a, _), (b, _) in combinations(regions, 2):
        first, second = priorities.get(a, set()), priorities.get(b, set())
        shared, either = first & second, first | second
        pairs.append(PriorityOverlapPair(
            region_a=a, region_b=b, shared=_ordered(shared), count=len(shared),
            jaccard=len(shared) / len(either) if either else None,
        ))
    return PriorityOverlapOut(
        priority_codes=list(PRIORITY_CODES),
        regions=[RegionPriorities(code=c, name=n, priorities=_ordered(priorities.get(c, set()))) for c, n in regions],
        pairs=pairs,
    )


class OverlapService:
    def __init__(self, session: AsyncSession) -> None:
        self.repository = RegionRepository(session)

    async def priority_overlap(self) -> PriorityOverlapOut:
        regions = sorted((r.code, r.name) for r in await self.repository.list_all())
        return overlap_matrix(regions, await self.repository.thematic_priorities_by_region())
