"""The organisation copy follows the registry's change feed: versions, merges, deletions, region copies."""

import asyncio
import uuid

import pytest
from fastapi import FastAPI
from proposals.db import feed_cursor
from proposals.organisation.models import OrganisationRef
from proposals.organisation.sync import start_organisation_sync, stop_organisation_sync
from proposals.proposal.models import Proposal, ProposalPartner
from proposals.settings import ProposalsSettings
from proposals.vocab import PartnerStatus
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from tex4im_common.feed_consumer import FeedError

from tests import factories

LANIFICIO = uuid.UUID("00000000-0000-4000-8000-00000000a001")
TESSITURA = uuid.UUID("00000000-0000-4000-8000-00000000a002")


async def copy_of(session: AsyncSession, org_id: uuid.UUID) -> OrganisationRef | None:
    return (await session.execute(
        select(OrganisationRef).where(OrganisationRef.id == org_id).execution_options(populate_existing=True)
    )).scalar_one_or_none()


async def reloaded(session: AsyncSession, proposal: Proposal) -> Proposal:
    return (await session.execute(
        select(Proposal).where(Proposal.id == proposal.id).execution_options(populate_existing=True)
    )).scalar_one()


async def partners_of(session: AsyncSession, proposal: Proposal) -> dict[uuid.UUID, tuple[str, str | None]]:
    rows = (await session.execute(
        select(ProposalPartner).where(ProposalPartner.proposal_id == proposal.id)
        .execution_options(populate_existing=True)
    )).scalars()
    return {row.organisation_id: (row.status, row.region_code) for row in rows}


class TestCopying:
    async def test_a_new_registry_organisation_is_copied_with_its_display_fields(
        self, session, feed, follower, cursor_of
    ):
        feed.organisation("organisation.created", LANIFICIO, version=1, name="Lanificio Demo S.p.A.",
                          region="ITI1", city="Prato", kind="company", priorities=["circular_economy", "creativity"])
        assert await follower.catch_up() == 1
        copy = await copy_of(session, LANIFICIO)
        assert (copy.name, copy.kind, copy.country_code, copy.region_code, copy.city, copy.priorities,
                copy.visibility, copy.merged_into_id, copy.deleted, copy.version) == (
            "Lanificio Demo S.p.A.", "company", "IT", "ITI1", "Prato", ["circular_economy", "creativity"],
            "consortium", None, False, 1)
        cursor = await cursor_of()
        assert (cursor.cursor, cursor.events_applied, cursor.last_error) == ("1", 1, None)

    async def test_other_events_of_the_feed_are_read_past(self, session, feed, follower, cursor_of):
        feed.add("opportunity.published", {"id": str(uuid.uuid4()), "title": "A call"})
        feed.add("region.updated", {"code": "ITI1"})
        feed.organisation("organisation.created", LANIFICIO, version=1)
        assert await follower.catch_up() == 3
        assert (await cursor_of()).events_applied == 3
        assert (await copy_of(session, LANIFICIO)).version == 1

    async def test_a_later_version_replaces_the_copy(self, session, feed, follower):
        feed.organisation("organisation.created", LANIFICIO, version=1, name="Lanificio Demo")
        feed.organisation("organisation.updated", LANIFICIO, version=2, name="Lanificio Demo S.p.A.",
                          visibility="public")
        await follower.catch_up()
        copy = await copy_of(session, LANIFICIO)
        assert (copy.name, copy.visibility, copy.version) == ("Lanificio Demo S.p.A.", "public", 2)

    async def test_an_older_version_arriving_late_changes_nothing(self, session, feed, follower):
        feed.organisation("organisation.updated", LANIFICIO, version=3, name="Third")
        feed.organisation("organisation.updated", LANIFICIO, version=2, name="Second")
        feed.organisation("organisation.updated", LANIFICIO, version=3, name="Third again")
        await follower.catch_up()
        copy = await copy_of(session, LANIFICIO)
        assert (copy.name, copy.version) == ("Third", 3)

    async def test_a_replayed_page_has_its_effect_once(self, session, feed, follower, cursor_of):
        lead = await factories.organisation(session, id=LANIFICIO, region="ITI1", version=1)
        draft = await factories.proposal(session, call=await factories.call(session), lead=lead)
        feed.organisation("organisation.updated", LANIFICIO, version=2, region="ITC1", name="Moved")
        feed.organisation("organisation.updated", LANIFICIO, version=3, region="ITI1", name="Moved back")
        await follower.catch_up()
        feed.organisation("organisation.updated", LANIFICIO, version=4, region="PT11", name="Norte")
        feed.replay_next_poll = True  # the feed hands the first two out again, then the new one
        await follower.catch_up()
        copy = await copy_of(session, LANIFICIO)
        assert (copy.name, copy.region_code, copy.version) == ("Norte", "PT11", 4)
        assert (await reloaded(session, draft)).region_code == "PT11"
        assert (await cursor_of()).cursor == "3"


class TestRegionCopies:
    async def test_a_move_reaches_the_drafts_it_leads_and_its_partner_rows_but_not_submitted_proposals(
        self, session, feed, follower
    ):
        mover = await factories.organisation(session, id=LANIFICIO, region="ITI1", version=1)
        other = await factories.organisation(session, region="ES52")
        call = await factories.call(session)
        draft = await factories.proposal(session, call=call, lead=mover, partners=[other])
        submitted = await factories.proposal(session, call=call, lead=mover, stage="submitted")
        partnered = await factories.proposal(session, call=call, lead=other, partners=[mover], stage="screening")
        feed.organisation("organisation.updated", LANIFICIO, version=2, region="ITC1")
        await follower.catch_up()
        assert (await reloaded(session, draft)).region_code == "ITC1"
        assert (await reloaded(session, submitted)).region_code == "ITI1"
        assert await partners_of(session, partnered) == {LANIFICIO: ("confirmed", "ITC1")}
        assert await partners_of(session, draft) == {other.id: ("confirmed", "ES52")}

    async def test_a_move_out_of_the_regions_clears_partner_rows_and_leaves_the_lead_region(
        self, session, feed, follower
    ):
        mover = await factories.organisation(session, id=LANIFICIO, region="ITI1", version=1)
        lead = await factories.organisation(session, region="PT11")
        draft_led = await factories.proposal(session, call=await factories.call(session), lead=mover)
        partnered = await factories.proposal(session, call=await factories.call(session), lead=lead,
                                             partners=[mover])
        feed.organisation("organisation.updated", LANIFICIO, version=2, region=None)
        await follower.catch_up()
        assert (await reloaded(session, draft_led)).region_code == "ITI1"
        assert await partners_of(session, partnered) == {LANIFICIO: ("confirmed", None)}


class TestMerging:
    async def test_proposals_and_partner_rows_follow_the_kept_organisation(self, session, feed, follower):
        loser = await factories.organisation(session, id=LANIFICIO, region="ITI1", version=1)
        survivor = await factories.organisation(session, id=TESSITURA, region="ITC1", version=1)
        third = await factories.organisation(session, region="ES52")
        call = await factories.call(session)
        led = await factories.proposal(session, call=call, lead=loser, partners=[third])
        both_partners = await factories.proposal(session, call=call, lead=third, partners=[survivor],
                                                 partner_status=PartnerStatus.invited)
        await factories.proposal_partner(session, proposal=both_partners, organisation=loser,
                                         status=PartnerStatus.confirmed, answered_by="member-lanificio")
        led_with_survivor = await factories.proposal(session, call=call, lead=loser, partners=[survivor])
        feed.organisation("organisation.merged", LANIFICIO, version=2, merged_into=TESSITURA)
        feed.organisation("organisation.updated", TESSITURA, version=2, region="ITC1")
        await follower.catch_up()

        assert (await copy_of(session, LANIFICIO)).merged_into_id == TESSITURA
        led = await reloaded(session, led)
        assert (led.lead_organisation_id, led.region_code) == (TESSITURA, "ITC1")
        assert await partners_of(session, led) == {third.id: ("confirmed", "ES52")}
        # one row for the kept organisation, with the furthest-along answer of the two
        assert await partners_of(session, both_partners) == {TESSITURA: ("confirmed", "ITC1")}
        kept_row = (await session.execute(select(ProposalPartner).where(
            ProposalPartner.proposal_id == both_partners.id).execution_options(populate_existing=True))).scalar_one()
        assert kept_row.answered_by == "member-lanificio"
        # the lead is never its own partner
        assert (await reloaded(session, led_with_survivor)).lead_organisation_id == TESSITURA
        assert await partners_of(session, led_with_survivor) == {}

    async def test_a_merge_read_before_the_kept_organisation_is_completed_when_it_arrives(
        self, session, feed, follower
    ):
        loser = await factories.organisation(session, id=LANIFICIO, region="ITI1", version=1)
        led = await factories.proposal(session, call=await factories.call(session), lead=loser)
        feed.organisation("organisation.merged", LANIFICIO, version=2, merged_into=TESSITURA)
        await follower.catch_up()
        assert (await reloaded(session, led)).lead_organisation_id == LANIFICIO
        feed.organisation("organisation.created", TESSITURA, version=1, region="PT11")
        await follower.catch_up()
        led = await reloaded(session, led)
        assert (led.lead_organisation_id, led.region_code) == (TESSITURA, "PT11")

    async def test_a_repeated_merge_moves_nothing_more(self, session, feed, follower):
        loser = await factories.organisation(session, id=LANIFICIO, version=1)
        await factories.organisation(session, id=TESSITURA, version=1)
        led = await factories.proposal(session, call=await factories.call(session), lead=loser)
        feed.organisation("organisation.merged", LANIFICIO, version=2, merged_into=TESSITURA)
        await follower.catch_up()
        feed.replay_next_poll = True
        await follower.catch_up()
        assert (await reloaded(session, led)).lead_organisation_id == TESSITURA


class TestDeletion:
    async def test_a_deleted_organisation_is_kept_and_marked_for_the_proposals_that_name_it(
        self, session, feed, follower
    ):
        gone = await factories.organisation(session, id=LANIFICIO, version=4, name="Lanificio Demo")
        led = await factories.proposal(session, call=await factories.call(session), lead=gone)
        feed.organisation("organisation.deleted", LANIFICIO, version=0)
        await follower.catch_up()
        copy = await copy_of(session, LANIFICIO)
        assert (copy.deleted, copy.name, copy.version) == (True, "Lanificio Demo", 4)
        assert (await reloaded(session, led)).lead_organisation_id == LANIFICIO

    async def test_a_deletion_is_final_whatever_arrives_after_it(self, session, feed, follower):
        await factories.organisation(session, id=LANIFICIO, version=1)
        feed.organisation("organisation.deleted", LANIFICIO, version=0)
        feed.organisation("organisation.updated", LANIFICIO, version=2, name="Back?")
        await follower.catch_up()
        copy = await copy_of(session, LANIFICIO)
        assert (copy.deleted, copy.name) == (True, "Back?")

    async def test_deleting_an_organisation_the_copy_never_had_is_nothing(self, session, feed, follower, cursor_of):
        feed.organisation("organisation.deleted", LANIFICIO, version=0)
        assert await follower.catch_up() == 1
        assert await copy_of(session, LANIFICIO) is None
        assert (await cursor_of()).last_error is None


class TestUnreadableEvents:
    async def test_a_payload_the_copy_cannot_read_stops_the_feed_there_and_says_why(
        self, session, feed, follower, cursor_of
    ):
        feed.organisation("organisation.created", TESSITURA, version=1)
        event = feed.add("organisation.updated", {"id": str(LANIFICIO), "name": "No version"})
        with pytest.raises(FeedError):
            await follower.catch_up()
        cursor = await cursor_of()
        assert (cursor.cursor, cursor.events_applied) == (None, 0)
        assert f"event {event['id']} (organisation.updated) has a payload the copy cannot read" in cursor.last_error
        assert await copy_of(session, TESSITURA) is None  # the whole page waits


class TestInTheLifespan:
    async def test_without_the_upstreams_configured_nothing_follows(self, settings):
        app = FastAPI()
        app.state.settings = settings
        await start_organisation_sync(app)
        assert app.state.organisation_follower is None
        await stop_organisation_sync(app)

    async def test_configured_it_follows_in_the_background_and_stops_cleanly(self, settings, connection, session):
        app = FastAPI()
        app.state.settings = ProposalsSettings(**{
            **settings.model_dump(), "intelligence_url": "http://127.0.0.1:9", "gateway_url": "http://127.0.0.1:9",
            "service_client_secret": "s" * 40, "organisation_sync_seconds": 0.05,
        })
        app.state.sessionmaker = async_sessionmaker(bind=connection, join_transaction_mode="create_savepoint",
                                                    expire_on_commit=False)
        await start_organisation_sync(app)
        try:
            assert app.state.organisation_follower is not None
            for _ in range(100):
                error = (await session.execute(select(feed_cursor.c.last_error))).scalar()
                if error:
                    break
                await asyncio.sleep(0.02)
            assert error.startswith("cannot reach the gateway for a service token: ConnectError")
        finally:
            await stop_organisation_sync(app)
        assert all(client.is_closed for client in app.state.upstream_clients)

