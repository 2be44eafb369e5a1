"""Keeping the organisation copy in step with the registry: the handler of intelligence's organisation events.

The intelligence service announces `organisation.created/updated/merged` with the record's display fields and
its version, and `organisation.deleted` with its id only. The handler is idempotent, which is what makes the
feed follower's at-least-once delivery an exactly-once effect:

- a record is written only when the event's version is newer than the copy's, so a repeated or late event
  changes nothing;
- a merge points every proposal and partner row at the kept organisation (re-running it finds nothing left
  to move), also when the kept record arrives after the merge;
- a deletion marks the copy deleted (kept, so proposals that name it still show its name), once.

Every change that may move an organisation to another region refreshes the region copies: its partner rows,
and the drafts it leads (a submitted proposal keeps the region it was submitted under).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import TypeVar

import httpx
from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.feed_consumer import ClientCredentialsToken, FeedFollower
from tex4im_common.outbox import EventOut
from tex4im_common.settings import Environment

from proposals.db import feed_cursor
from proposals.organisation.repository import OrganisationRepository
from proposals.settings import ProposalsSettings

FEED = "intelligence"
AUDIENCE = "intelligence"
CREATED, UPDATED, MERGED, DELETED = (
    "organisation.created", "organisation.updated", "organisation.merged", "organisation.deleted",
)

logger = logging.getLogger("proposals.organisation.sync")
Payload = TypeVar("Payload", bound=BaseModel)


class OrganisationPayload(BaseModel):
    """The fields of the registry's organisation events the copy keeps (the others are ignored)."""

    model_config = ConfigDict(extra="ignore")

    id: uuid.UUID
    name: str
    kind: str
    country_code: str | None = None
    region_code: str | None = None
    city: str | None = None
    priorities: list[str] = []
    visibility: str
    merged_into_id: uuid.UUID | None = None
    version: int


class DeletedPayload(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: uuid.UUID


async def apply_organisation_events(session: AsyncSession, events: Sequence[EventOut]) -> None:
    """The feed handler: apply the organisation events of a page, in order, in the caller's transaction."""
    repository = OrganisationRepository(session)
    for event in events:
        if event.type in (CREATED, UPDATED, MERGED):
            await _apply_record(repository, _parse(OrganisationPayload, event))
        elif event.type == DELETED:
            await repository.mark_deleted(_parse(DeletedPayload, event).id)


async def _apply_record(repository: OrganisationRepository, record: OrganisationPayload) -> None:
    if await repository.upsert_if_newer(record.model_dump()):
        # records merged into this one before it reached the copy could not be re-pointed then
        for loser_id in await repository.merged_into(record.id):
            await repository.repoint(loser_id=loser_id, survivor_id=record.id, survivor_region=record.region_code)
        await repository.refresh_regions(record.id, record.region_code)
    if record.merged_into_id is not None:
        known, region = await repository.region_of(record.merged_into_id)
        if known:  # otherwise its own event, later in the feed, re-points (above)
            await repository.repoint(loser_id=record.id, survivor_id=record.merged_into_id, survivor_region=region)
            await repository.refresh_regions(record.merged_into_id, region)


def _parse(model: type[Payload], event: EventOut) -> Payload:
    try:
        return model.model_validate(event.payload)
    except ValidationError as exc:
        # a payload we cannot read stops the feed here (last_error says why) rather than skipping a change
        raise ValueError(f"event {event.id} ({event.type}) has a payload the copy cannot read: {exc}") from exc


# -- the follower in the service's lifespan ----------------------------------------------------------------------


async def start_organisation_sync(app: FastAPI) -> None:
    """Follow intelligence's feed in the background when the settings name the upstreams and the secret."""
    settings: ProposalsSettings = app.state.settings
    app.state.organisation_follower = None
    if not settings.organisation_sync_configured():
        # a production instance without the copy's feed is a mistake; elsewhere (tests, a lone service) a choice
        level = logging.WARNING if settings.environment is Environment.production else logging.INFO
        logger.log(level, "organisation sync is off: set PROPOSALS_INTELLIGENCE_URL, PROPOSALS_GATEWAY_URL and "
                   "PROPOSALS_SERVICE_CLIENT_SECRET to follow the intelligence registry's change feed")
        return
    assert settings.intelligence_url and settings.gateway_url and settings.service_client_secret
    timeout = httpx.Timeout(connect=settings.upstream_connect_timeout, read=settings.upstream_read_timeout,
                            write=10.0, pool=5.0)
    gateway = httpx.AsyncClient(base_url=settings.gateway_url.rstrip("/"), timeout=timeout)
    intelligence = httpx.AsyncClient(base_url=settings.intelligence_url.rstrip("/"), timeout=timeout)
    app.state.upstream_clients = [gateway, intelligence]
    follower = FeedFollower(
        feed=FEED, client=intelligence, cursor_table=feed_cursor, handler=apply_organisation_events,
        tokens=ClientCredentialsToken(gateway, client_id=settings.service_client_id, audience=AUDIENCE,
                                      client_secret=settings.service_client_secret.get_secret_value()),
        # read at each use, so a test that swaps the app's sessionmaker is followed too
        session_factory=lambda: app.state.sessionmaker(),
        interval=settings.organisation_sync_seconds,
    )
    # httpx logs every request at INFO: one line per poll says nothing the feed's own log does not
    logging.getLogger("httpx").setLevel(logging.WARNING)
    follower.start()
    app.state.organisation_follower = follower
    logger.info("following the organisation registry at %s every %s s", settings.intelligence_url,
                settings.organisation_sync_seconds)


async def stop_organisation_sync(app: FastAPI) -> None:
    follower: FeedFollower | None = getattr(app.state, "organisation_follower", None)
    if follower is not None:
        await follower.stop()
    for client in getattr(app.state, "upstream_clients", []):
        await client.aclose()
