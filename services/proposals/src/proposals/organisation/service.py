"""Reading the organisation copy: the partner picker, and the state of the feed that fills it."""

from __future__ import annotations

from tex4im_common.feed_consumer import FeedError, FeedFollower
from tex4im_common.pagination import PageParams
from tex4im_common.problems import BadGateway, ServiceUnavailable

from proposals.access import Access
from proposals.organisation.repository import OrganisationRepository
from proposals.organisation.schemas import OrganisationOut, OrganisationPage, SyncStatusOut
from proposals.organisation.sync import FEED

# an on-demand catch-up reads at most this many pages in the request; the background loop reads the rest
CATCH_UP_PAGES = 50


class OrganisationService:
    def __init__(self, repository: OrganisationRepository) -> None:
        self.repository = repository

    async def search(self, *, access: Access, name: str | None, region: str | None,
                     params: PageParams) -> OrganisationPage:
        """Organisations for the partner picker: signed-in members of the partnership."""
        access.require_consortium()
        rows, next_cursor = await self.repository.search(name=name, region=region, params=params)
        return OrganisationPage(items=[OrganisationOut.model_validate(row) for row in rows], next_cursor=next_cursor)

    async def sync_status(self, *, access: Access, follower: FeedFollower | None) -> SyncStatusOut:
        access.require_admin(what="see the state of the organisation sync")
        row = await self.repository.cursor(FEED)
        return SyncStatusOut(
            feed=FEED, running=follower is not None, cursor=row.cursor if row else None,
            events_applied=row.events_applied if row else 0, last_error=row.last_error if row else None,
            updated_at=row.updated_at if row else None,
        )

    async def catch_up(self, *, access: Access, follower: FeedFollower | None) -> SyncStatusOut:
        """Read the feed now, until it is drained (or CATCH_UP_PAGES pages), then report the state."""
        access.require_admin(what="start the organisation sync")
        if follower is None:
            raise ServiceUnavailable("The organisation sync is not configured on this instance (see its log).")
        try:
            await follower.catch_up(max_pages=CATCH_UP_PAGES)
        except FeedError as exc:
            raise BadGateway(f"The intelligence feed could not be applied: {exc}") from exc
        return await self.sync_status(access=access, follower=follower)
