"""Saved searches: a signed-in user's named searches, and what is new in them since they last looked.

A saved search belongs to its owner alone: anyone else is told it does not exist (404). Its criteria are
validated by the search's own model, so a saved search runs exactly like the search it was made from,
with the owner's current visibility (a record they may no longer see is no longer counted).
"""

from __future__ import annotations

import uuid
from typing import Any

from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem, InvalidInput

from intelligence.access import Access
from intelligence.errors import SavedSearchLimitReached, SavedSearchNotFound
from intelligence.search.models import SavedSearch
from intelligence.search.repository import SearchRepository
from intelligence.search.results import (
    NewOpportunityHit,
    NewOrganisationHit,
    SavedSearchIn,
    SavedSearchOut,
    SavedSearchPage,
    SavedSearchPatch,
    SavedSearchResults,
)
from intelligence.search.saved_repository import SavedSearchRepository
from intelligence.search.schemas import OpportunityCriteria, parse_criteria, stored_criteria
from intelligence.search.service import opportunity_hit, organisation_hit, today_utc

MAX_SAVED_SEARCHES = 100


class SavedSearchService:
    def __init__(self, repository: SavedSearchRepository, search: SearchRepository) -> None:
        self.repository = repository
        self.search = search

    async def list_saved(self, *, access: Access, params: PageParams) -> SavedSearchPage:
        saved, next_cursor = await self.repository.list_page(access.subject, params)
        return SavedSearchPage(items=[await self._out(s, access=access) for s in saved], next_cursor=next_cursor)

    async def get_saved(self, *, access: Access, saved_search_id: uuid.UUID) -> SavedSearchOut:
        return await self._out(await self._owned(access, saved_search_id), access=access)

    async def create(self, *, access: Access, body: SavedSearchIn) -> SavedSearchOut:
        owner = access.subject
        criteria = parse_criteria(body.target, body.criteria, field="body.criteria")
        if await self.repository.count(owner) >= MAX_SAVED_SEARCHES:
            raise SavedSearchLimitReached(f"You have {MAX_SAVED_SEARCHES} saved searches; delete one first.")
        saved = await self.repository.add(
            SavedSearch(owner=owner, name=body.name.strip(), target=body.target, criteria=stored_criteria(criteria))
        )
        return await self._out(saved, access=access)

    async def update(self, *, access: Access, saved_search_id: uuid.UUID, body: SavedSearchPatch) -> SavedSearchOut:
        """Change the name, the criteria or (with new criteria) the target; what is not sent stays."""
        saved = await self._owned(access, saved_search_id)
        given = body.model_fields_set
        nulls = [name for name in ("name", "target", "criteria") if name in given and getattr(body, name) is None]
        if nulls:
            raise InvalidInput(
                "A saved search's name, target and criteria cannot be emptied.",
                errors=[FieldProblem(field=f"body.{n}", message="must not be null", code="not_null") for n in nulls],
            )
        target = body.target or saved.target
        if target != saved.target and body.criteria is None:
            raise InvalidInput(
                "Changing the target needs criteria for the new target.",
                errors=[FieldProblem(field="body.criteria", message="required when the target changes",
                                     code="missing")],
            )
        if body.criteria is not None:
            saved.criteria = stored_criteria(parse_criteria(target, body.criteria, field="body.criteria"))
        saved.target = target
        if body.name is not None:
            saved.name = body.name.strip()
        return await self._out(await self.repository.save(saved), access=access)

    async def delete(self, *, access: Access, saved_search_id: uuid.UUID) -> None:
        await self.repository.delete(await self._owned(access, saved_search_id))

    async def mark_seen(self, *, access: Access, saved_search_id: uuid.UUID) -> SavedSearchOut:
        """Everything found so far counts as seen."""
        saved = await self.repository.mark_seen(await self._owned(access, saved_search_id))
        return await self._out(saved, access=access)

    async def results(self, *, access: Access, saved_search_id: uuid.UUID, page: PageParams) -> SavedSearchResults:
        """The search run now, in the search's own order, each match flagged `is_new` since the last look."""
        saved = await self._owned(access, saved_search_id)
        criteria = self._criteria(saved)
        items: list[Any]
        if isinstance(criteria, OpportunityCriteria):
            found = await self.search.search_opportunities(
                criteria, access=access, today=today_utc(), page=page, new_since=saved.last_seen_at
            )
            items = [NewOpportunityHit(**opportunity_hit(r), is_new=r.is_new) for r in found.rows]
        else:
            found = await self.search.search_organisations(
                criteria, access=access, page=page, new_since=saved.last_seen_at
            )
            items = [NewOrganisationHit(**organisation_hit(r), is_new=r.is_new) for r in found.rows]
        return SavedSearchResults(
            saved_search_id=saved.id, target=saved.target, items=items, next_cursor=found.next_cursor,
            total=found.counts.total, new_count=found.counts.new,
        )

    async def _owned(self, access: Access, saved_search_id: uuid.UUID) -> SavedSearch:
        saved = await self.repository.get(saved_search_id, owner=access.subject)
        if saved is None:
            raise SavedSearchNotFound(f"You have no saved search {saved_search_id}.")
        return saved

    def _criteria(self, saved: SavedSearch) -> Any:
        return parse_criteria(saved.target, saved.criteria, field="criteria")

    async def _out(self, saved: SavedSearch, *, access: Access) -> SavedSearchOut:
        criteria = self._criteria(saved)
        if isinstance(criteria, OpportunityCriteria):
            new_count = await self.search.count_new_opportunities(
                criteria, access=access, today=today_utc(), since=saved.last_seen_at
            )
        else:
            new_count = await self.search.count_new_organisations(criteria, access=access, since=saved.last_seen_at)
        return SavedSearchOut(
            id=saved.id, name=saved.name, target=saved.target, criteria=saved.criteria,
            last_seen_at=saved.last_seen_at, created_at=saved.created_at, updated_at=saved.updated_at,
            new_count=new_count,
        )
