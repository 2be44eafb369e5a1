"""Finding organisations registered twice, and merging or dismissing the pairs found.

Two records look like one when they share a VAT number, or when their names are near-identical (after
dropping accents, punctuation and legal forms) in the same city of the same country.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from tex4im_common.pagination import PageParams

from intelligence.access import Access
from intelligence.errors import DuplicateAlreadyResolved, DuplicateCandidateNotFound, OrganisationMerged
from intelligence.organisation import events
from intelligence.organisation.models import DuplicateCandidate, Organisation
from intelligence.organisation.policy import managing_region, may_manage
from intelligence.organisation.repository import OrganisationRepository
from intelligence.organisation.schemas import (
    LIST_FIELDS,
    DuplicateOut,
    DuplicatePage,
    MergeOut,
    duplicate_side,
)

if TYPE_CHECKING:
    from intelligence.organisation.service import OrganisationService

LEGAL_FORMS = frozenset({
    "srl", "spa", "sa", "sl", "lda", "gmbh", "ag", "sas", "sarl", "ab", "sro", "ltd", "limited", "inc", "bv",
    "nv", "oy", "as",
})
SIMILAR_ENOUGH = 90  # rapidfuzz token_sort_ratio, 0–100
_SEPARATORS = re.compile(r"[^\w.]+")  # dots stay inside a token so that "s.p.a." reads as "spa"
_THOUSANDTHS = Decimal("0.001")


def normalise_name(name: str) -> str:
    """`Lanificio Rossi S.p.A.` → `lanificio rossi`: lower case, no accents, punctuation or legal form."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    tokens = [token.replace(".", "") for token in _SEPARATORS.split(plain)]
    tokens = [token for token in tokens if token]
    kept = [token for token in tokens if token not in LEGAL_FORMS]
    return " ".join(kept or tokens)


def _comparable(name: str) -> str:
    """The normalised name with its words sorted: `fuzz.ratio` of two of these is their token_sort_ratio."""
    return " ".join(sorted(normalise_name(name).split()))


def name_similarity(first: str, second: str) -> float:
    """0–100: how alike two organisation names are once normalised, whatever the word order."""
    return fuzz.token_sort_ratio(normalise_name(first), normalise_name(second))


@dataclass(frozen=True)
class DuplicateMatch:
    other: Organisation
    candidate: DuplicateCandidate


async def detect_duplicates(
    repository: OrganisationRepository, organisations: Sequence[Organisation]
) -> dict[uuid.UUID, list[DuplicateMatch]]:
    """Store a candidate pair for every record that looks like one of `organisations` (written and flushed).

    Returns, for each of them, the pairs that are open (a dismissed pair stays dismissed).
    """
    pool = await repository.possible_duplicates(organisations)
    by_vat: dict[str, list[Organisation]] = defaultdict(list)
    by_place: dict[tuple[str, str], list[Organisation]] = defaultdict(list)
    for other in pool:
        if other.vat_number:
            by_vat[other.vat_number].append(other)
        if other.city:
            by_place[(other.country_code, other.city.lower())].append(other)
    comparable = {o.id: _comparable(o.name) for o in [*pool, *organisations]}
    names_by_place = {key: [comparable[o.id] for o in place] for key, place in by_place.items()}
    pairs: dict[tuple[uuid.UUID, uuid.UUID], tuple[str, Decimal]] = {}
    for organisation in organisations:
        for other in by_vat.get(organisation.vat_number or "", []):
            if other.id != organisation.id:
                pairs[_ordered(organisation.id, other.id)] = ("same_vat_number", Decimal(1))
        key = (organisation.country_code, (organisation.city or "").lower())
        place = by_place.get(key, [])
        for _, score, index in process.extract(
            comparable[organisation.id], names_by_place.get(key, []), scorer=fuzz.ratio,
            score_cutoff=SIMILAR_ENOUGH, limit=None,
        ):
            if place[index].id != organisation.id:
                similarity = Decimal(score / 100).quantize(_THOUSANDTHS)
                pairs.setdefault(_ordered(organisation.id, place[index].id), ("similar_name_same_city", similarity))
    candidates = await repository.propose_pairs(pairs)
    known = {o.id: o for o in pool}
    matches: dict[uuid.UUID, list[DuplicateMatch]] = {o.id: [] for o in organisations}
    for (first_id, second_id), candidate in candidates.items():
        if candidate.status != "open":
            continue
        for this, other in ((first_id, second_id), (second_id, first_id)):
            if this in matches and other in known:
                matches[this].append(DuplicateMatch(other=known[other], candidate=candidate))
    return matches


def _ordered(a: uuid.UUID, b: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    return (a, b) if a < b else (b, a)


def _fill(survivor: Organisation, loser: Organisation, partner_regions: set[str]) -> None:
    """The survivor keeps its values, takes the loser's where it has none, and unions the lists."""
    for field in ("vat_number", "size_class", "website", "description"):
        if not getattr(survivor, field) and getattr(loser, field):
            setattr(survivor, field, getattr(loser, field))
    if survivor.country_code == loser.country_code:  # a place in another country would not fit the record
        if not survivor.city and loser.city:
            survivor.city = loser.city
        if survivor.region_code is None and loser.region_code is not None:
            survivor.region_code = loser.region_code
            survivor.steward_region_code = (
                None if loser.region_code in partner_regions
                else survivor.steward_region_code or loser.steward_region_code
            )
    if survivor.lon is None and loser.lon is not None:
        survivor.lon, survivor.lat = loser.lon, loser.lat
    for field in LIST_FIELDS:
        kept = list(getattr(survivor, field))
        added = [value for value in getattr(loser, field) if value not in kept]
        if added:
            setattr(survivor, field, kept + added)


def _out(candidate: DuplicateCandidate, organisations: dict[uuid.UUID, Organisation]) -> DuplicateOut:
    return DuplicateOut(
        id=candidate.id, reason=candidate.reason, similarity=float(candidate.similarity),  # type: ignore[arg-type]
        status=candidate.status, resolved_by=candidate.resolved_by, created_at=candidate.created_at,  # type: ignore[arg-type]
        first=duplicate_side(organisations[candidate.first_id]),
        second=duplicate_side(organisations[candidate.second_id]),
    )


class DuplicateService:
    """Reviewing candidate pairs: the managers of the records' regions and the consortium admin."""

    def __init__(self, organisations: OrganisationService) -> None:
        self.organisations = organisations
        self.repository = organisations.repository

    async def list_duplicates(self, *, access: Access, status: str, params: PageParams) -> DuplicatePage:
        """Pairs with at least one side in a region the caller looks after (every pair for the admin)."""
        access.require_manager()
        regions = None if access.is_admin else access.managed_regions
        candidates, next_cursor = await self.repository.list_candidates(status=status, regions=regions, params=params)
        organisations = await self.repository.get_many(
            {c.first_id for c in candidates} | {c.second_id for c in candidates}
        )
        return DuplicatePage(items=[_out(c, organisations) for c in candidates], next_cursor=next_cursor)

    async def merge(self, *, access: Access, candidate_id: uuid.UUID, keep: str) -> MergeOut:
        """Fold one record into the other; everything that pointed at the loser points at the survivor."""
        candidate, first, second = await self._open_pair(access, candidate_id)
        survivor, loser = (first, second) if keep == "first" else (second, first)
        for organisation in (survivor, loser):
            if organisation.merged_into_id is not None:
                raise OrganisationMerged(f"{organisation.name} was merged into another record already.")
        _fill(survivor, loser, await self.repository.partner_region_codes())
        loser.merged_into_id = survivor.id
        await self.organisations.touch(survivor, loser)
        await self.repository.move_to_survivor(loser_id=loser.id, survivor_id=survivor.id)
        candidate.status, candidate.resolved_by = "merged", access.subject
        await self.repository.flush()
        await self._repoint_open_pairs(loser=loser, survivor=survivor, resolved_by=access.subject)
        await self.repository.record_event(events.MERGED, loser.id, events.organisation_payload(loser))
        await self.repository.record_event(events.UPDATED, survivor.id, events.organisation_payload(survivor))
        await detect_duplicates(self.repository, [survivor])
        return MergeOut(
            duplicate=_out(candidate, {first.id: first, second.id: second}),
            survivor=await self.organisations.detail(access=access, organisation=survivor),
        )

    async def dismiss(self, *, access: Access, candidate_id: uuid.UUID) -> DuplicateOut:
        """Not the same organisation: the pair is closed and never proposed again."""
        candidate, first, second = await self._open_pair(access, candidate_id)
        candidate.status, candidate.resolved_by = "dismissed", access.subject
        await self.repository.flush()
        return _out(candidate, {first.id: first, second.id: second})

    async def _open_pair(
        self, access: Access, candidate_id: uuid.UUID
    ) -> tuple[DuplicateCandidate, Organisation, Organisation]:
        access.require_manager()
        candidate = await self.repository.get_candidate(candidate_id, lock=True)
        first = await self.repository.get(candidate.first_id, lock=True) if candidate else None
        second = await self.repository.get(candidate.second_id, lock=True) if candidate else None
        if candidate is None or first is None or second is None or not (
            may_manage(access, first) or may_manage(access, second)
        ):
            raise DuplicateCandidateNotFound(f"There is no duplicate candidate {candidate_id}.")
        for organisation in (first, second):
            access.require_region_manager(managing_region(organisation), what="merge or dismiss this pair")
        if candidate.status != "open":
            raise DuplicateAlreadyResolved(f"This pair was {candidate.status} already.")
        return candidate, first, second

    async def _repoint_open_pairs(self, *, loser: Organisation, survivor: Organisation, resolved_by: str) -> None:
        """Open pairs with the loser become pairs with the survivor, or close when that pair exists already."""
        for candidate in await self.repository.open_candidates_involving(loser.id):
            other = candidate.second_id if candidate.first_id == loser.id else candidate.first_id
            first_id, second_id = sorted((other, survivor.id))
            if other == survivor.id or await self.repository.pair_exists(first_id, second_id):
                candidate.status, candidate.resolved_by = "merged", resolved_by
            else:
                candidate.first_id, candidate.second_id = first_id, second_id
            await self.repository.flush()
