import uuid
from collections import Counter
from datetime import date, timedelta

import pytest
from intelligence.cluster.escp import readiness
from intelligence.cluster.models import Cluster, ClusterStateChange
from intelligence.db import outbox
from intelligence.demo import DEMO_OPPORTUNITY_COUNT, DEMO_ORGANISATION_COUNT, load_intelligence_demo
from intelligence.demo.clusters import DEMO_PROFILE, S3_SOURCE
from intelligence.opportunity.models import Opportunity, OpportunityInterest
from intelligence.organisation.events import organisation_payload
from intelligence.organisation.models import DuplicateCandidate, Organisation, OrganisationContact, organisation_cluster
from intelligence.region.models import Region, RegionS3Priority
from sqlalchemy import func, select

TODAY = date(2026, 11, 25)
PARTNER_REGIONS = ["CZ05", "ES52", "FRE1", "ITC1", "ITI1", "PT11", "RO21", "SE23"]
NORTE_MEMBER_ORGANISATION = uuid.UUID("b6ad41ac-608f-565e-8fd4-679d030ae4b9")


@pytest.fixture
async def loaded(session) -> int:
    return await load_intelligence_demo(session, today=TODAY)


async def _count(session, model_or_column, *where) -> int:
    return await session.scalar(select(func.count()).select_from(model_or_column).where(*where))


async def _events(session, type_: str) -> list:
    table = outbox.table
    return (await session.execute(select(table.c.aggregate_id, table.c.payload).where(table.c.type == type_))).all()


class TestLoadingTheDemo:
    async def test_forty_organisations_in_every_partner_region(self, session, loaded):
        assert loaded == DEMO_ORGANISATION_COUNT == 320
        rows = await session.execute(
            select(Organisation.region_code, func.count()).group_by(Organisation.region_code)
        )
        assert dict(rows.all()) == dict.fromkeys(PARTNER_REGIONS, 40)

    async def test_fifty_opportunities_in_every_partner_region(self, session, loaded):
        rows = await session.execute(
            select(Opportunity.owner_region_code, func.count()).group_by(Opportunity.owner_region_code)
        )
        assert dict(rows.all()) == dict.fromkeys(PARTNER_REGIONS, 50)
        assert DEMO_OPPORTUNITY_COUNT == 400

    async def test_every_kind_of_organisation_and_opportunity_is_there(self, session, loaded):
        kinds = dict((await session.execute(select(Organisation.kind, func.count()).group_by(Organisation.kind))).all())
        assert kinds == {"company": 264, "rnd_centre": 16, "university": 8, "science_park": 8,
                         "business_network": 16, "investor": 8}
        opportunity_kinds = dict((await session.execute(
            select(Opportunity.kind, func.count()).group_by(Opportunity.kind))).all())
        assert opportunity_kinds == {"business_cooperation": 96, "technology_offer": 56, "technology_request": 48,
                                     "rnd": 48, "funding_call": 48, "tender": 32, "investment": 32, "event": 40}

    async def test_loading_twice_creates_nothing_the_second_time(self, session, loaded):
        events_before = await _count(session, outbox.table)
        assert await load_intelligence_demo(session, today=TODAY + timedelta(days=3)) == 0
        assert await _count(session, Organisation) == 320
        assert await _count(session, Opportunity) == 400
        assert await _count(session, RegionS3Priority) == 24
        assert await _count(session, outbox.table) == events_before

    async def test_the_same_records_on_every_run(self, session, loaded):
        prato = await session.get(Organisation, uuid.uuid5(uuid.NAMESPACE_URL, "urn:tex4im:demo-organisation:ITI1:02"))
        assert prato.name == "Lanificio Demo Bianchi S.p.A. (demo)"
        assert prato.city == "Prato"
        assert prato.vat_number == "ITDEMO1002"


class TestRecognisablyDemo:
    async def test_no_demo_organisation_lacks_the_demo_suffix(self, session, loaded):
        assert await _count(session, Organisation, Organisation.name.not_like("% (demo)")) == 0

    async def test_no_demo_opportunity_lacks_the_demo_suffix(self, session, loaded):
        assert await _count(session, Opportunity, Opportunity.title.not_like("% (demo)")) == 0

    async def test_web_addresses_and_contacts_are_under_the_demo_domain(self, session, loaded):
        assert await _count(session, Organisation, Organisation.website.not_like("https://%.demo.tex4im.eu")) == 0
        assert await _count(session, Opportunity, Opportunity.link.not_like("https://%.demo.tex4im.eu/%")) == 0
        assert await _count(session, OrganisationContact,
                            OrganisationContact.email.not_like("demo.contact.%@demo.tex4im.eu")) == 0
        assert await _count(session, OrganisationContact, OrganisationContact.name.not_like("Demo Contact %")) == 0

    async def test_vat_numbers_are_fake_but_well_formed(self, session, loaded):
        vat_numbers = (await session.scalars(select(Organisation.vat_number))).all()
        assert sum(v is None for v in vat_numbers) == 4  # the near-duplicate copies
        assert all(v[:2] + "DEMO" == v[:6] for v in vat_numbers if v is not None)
        well_formed = Organisation.vat_number.regexp_match("^[A-Z]{2}[A-Z0-9]{2,13}$")
        assert await _count(session, Organisation, well_formed) == 316


class TestNorteStory:
    async def test_the_recycled_cotton_partner_search_is_open_public_and_on_the_map(self, session, loaded):
        story = await session.scalar(
            select(Opportunity).where(Opportunity.title == "Recycled cotton yarn partner wanted (demo)")
        )
        assert story.owner_region_code == "PT11"
        assert story.kind == "business_cooperation"
        assert (story.status, story.visibility) == ("open", "public")
        assert story.deadline == date(2027, 2, 23)
        assert "circular_economy" in story.priorities
        assert story.lon is not None and story.lat is not None
        owner = await session.get(Organisation, story.organisation_id)
        assert (owner.name, owner.city) == ("Fiação Demo Ferreira Lda. (demo)", "Guimarães")

    async def test_several_open_public_circular_opportunities_with_a_point_in_norte(self, session, loaded):
        count = await _count(
            session, Opportunity, Opportunity.owner_region_code == "PT11", Opportunity.status == "open",
            Opportunity.visibility == "public", Opportunity.priorities.contains(["circular_economy"]),
            Opportunity.lon.is_not(None),
        )
        assert count == 12

    async def test_deadlines_lie_around_the_reference_day_and_past_ones_are_closed(self, session, loaded):
        deadlines = select(func.min(Opportunity.deadline), func.max(Opportunity.deadline))
        first, last = (await session.execute(deadlines)).one()
        assert first >= TODAY - timedelta(days=60)
        assert last <= TODAY + timedelta(days=300)
        assert await _count(session, Opportunity, Opportunity.deadline < TODAY, Opportunity.status != "closed") == 0
        statuses = dict((await session.execute(
            select(Opportunity.status, func.count()).group_by(Opportunity.status))).all())
        assert statuses == {"open": 298, "closed": 78, "draft": 24}


class TestEvents:
    async def test_every_organisation_is_announced_with_its_public_payload(self, session, loaded):
        events = await _events(session, "organisation.created")
        assert len(events) == 320
        member = await session.get(Organisation, NORTE_MEMBER_ORGANISATION)
        payload = next(p for aggregate_id, p in events if aggregate_id == str(NORTE_MEMBER_ORGANISATION))
        assert payload == organisation_payload(member)
        assert "contacts" not in payload

    async def test_open_opportunities_are_published_and_the_others_announced_by_status(self, session, loaded):
        published = await _events(session, "opportunity.published")
        assert len(published) == 298
        assert {p["status"] for _, p in published} == {"open"}
        assert len(await _events(session, "opportunity.closed")) == 78
        assert len(await _events(session, "opportunity.created")) == 24
        story = next(p for _, p in published if p["title"] == "Recycled cotton yarn partner wanted (demo)")
        assert set(story) == {"id", "kind", "title", "status", "visibility", "region_codes", "priorities",
                              "deadline", "link", "owner_region_code", "version"}
        assert story["deadline"] == "2027-02-23"
        assert story["version"] == 1

    async def test_interests_are_announced_as_counts_without_personal_data(self, session, loaded):
        events = await _events(session, "opportunity.interest_expressed")
        assert len(events) == 16
        assert all(set(p) == {"opportunity_id", "interest_count"} for _, p in events)

    async def test_cluster_profiles_and_each_escp_step_are_announced(self, session, loaded):
        updates = await _events(session, "cluster.updated")
        assert len(updates) == 8
        citeve = next(p for _, p in updates if p["acronym"] == "CITEVE")
        assert (citeve["members_total"], citeve["esca_label"], citeve["escp_state"]) == (60, "silver", "validated")
        steps = await _events(session, "cluster.escp_state_changed")
        assert Counter(p["to_state"] for _, p in steps) == {"submitted": 6, "validated": 4, "linked": 2}


class TestRegistryExtras:
    async def test_one_near_duplicate_pair_per_two_regions_for_a_manager_to_merge(self, session, loaded):
        pairs = (await session.scalars(select(DuplicateCandidate))).all()
        assert len(pairs) == 4
        regions = set()
        for pair in pairs:
            first = await session.get(Organisation, pair.first_id)
            second = await session.get(Organisation, pair.second_id)
            assert pair.first_id < pair.second_id
            assert (pair.reason, pair.status) == ("similar_name_same_city", "open")
            assert first.city == second.city
            assert pair.similarity > 0.9
            regions.add(first.region_code)
        assert regions == {"ITI1", "ES52", "CZ05", "FRE1"}

    async def test_most_organisations_belong_to_their_regions_partner_cluster(self, session, loaded):
        rows = await session.execute(
            select(Region.code, func.count()).select_from(organisation_cluster)
            .join(Organisation, Organisation.id == organisation_cluster.c.organisation_id)
            .join(Cluster, Cluster.id == organisation_cluster.c.cluster_id)
            .join(Region, Region.id == Cluster.region_id)
            .where(Region.code == Organisation.region_code)
            .group_by(Region.code)
        )
        members = dict(rows.all())
        assert sorted(members) == PARTNER_REGIONS
        assert sum(members.values()) == 257

    async def test_interests_come_from_other_regions_demo_subjects(self, session, loaded):
        interests = (await session.scalars(select(OpportunityInterest).order_by(OpportunityInterest.subject))).all()
        assert len(interests) == 16
        assert {i.subject for i in interests} == {f"demo-interest-{n}" for n in range(1, 17)}
        for interest in interests:
            opportunity = await session.get(Opportunity, interest.opportunity_id)
            assert interest.region_code != opportunity.owner_region_code
            assert (opportunity.status, opportunity.visibility) == ("open", "public")
            assert interest.person_name.startswith("Demo Interested Person ")


class TestClustersAndS3:
    async def test_the_partner_clusters_show_every_step_of_the_escp_pipeline(self, session, loaded):
        clusters = {c.acronym: c for c in (await session.scalars(select(Cluster))).all()}
        assert Counter(c.escp_state for c in clusters.values()) == {
            "linked": 2, "validated": 2, "submitted": 2, "draft": 2}
        assert clusters["PO.IN.TEX"].escp_state == "linked"
        assert all(c.description.startswith(DEMO_PROFILE) for c in clusters.values())
        assert all(c.website_en.endswith(".demo.tex4im.eu") for c in clusters.values())
        assert all(c.industrial_ecosystems == ["Textiles"] for c in clusters.values())

    async def test_member_counts_follow_the_published_facts(self, session, loaded):
        clusters = {c.acronym: c for c in (await session.scalars(select(Cluster))).all()}
        assert {c.acronym: c.members_sme + c.members_large + c.members_research + c.members_university
                + c.members_public + c.members_other for c in clusters.values()} == {
            "OTIR2020": 480, "PO.IN.TEX": 86, "ASTRICO NE": 46, "ATEVAL": 340, "CITEVE": 60, "CLUTEX": 34,
            "SMART TEXTILES": 180, "EURAMATERIALS": 180}
        pointex = clusters["PO.IN.TEX"]
        assert (pointex.members_sme, pointex.members_large, pointex.members_research) == (72, 12, 2)
        clutex = clusters["CLUTEX"]
        assert (clutex.members_sme, clutex.members_other, clutex.members_university) == (31, 2, 1)
        citeve = clusters["CITEVE"]
        assert (citeve.esca_label, citeve.esca_valid_until) == ("silver", None)
        assert "the split by type is a demo value" in citeve.description

    async def test_the_state_history_leads_to_the_current_state(self, session, loaded):
        rows = (await session.execute(
            select(Cluster.acronym, ClusterStateChange.from_state, ClusterStateChange.to_state,
                   ClusterStateChange.changed_by)
            .join(Cluster, Cluster.id == ClusterStateChange.cluster_id)
            .order_by(Cluster.acronym, ClusterStateChange.changed_at)
        )).all()
        history: dict[str, list[str]] = {}
        for acronym, from_state, to_state, changed_by in rows:
            assert changed_by == "demo"
            history.setdefault(acronym, ["draft"])
            assert history[acronym][-1] == from_state
            history[acronym].append(to_state)
        assert history["CLUTEX"] == ["draft", "submitted", "validated", "linked"]
        assert history["CITEVE"] == ["draft", "submitted", "validated"]
        assert history["ATEVAL"] == ["draft", "submitted"]
        assert "ASTRICO NE" not in history
        clusters = (await session.scalars(select(Cluster))).all()
        assert all(history.get(c.acronym, ["draft"])[-1] == c.escp_state for c in clusters)

    async def test_three_illustrative_s3_priorities_per_region_that_say_so(self, session, loaded):
        rows = await session.execute(
            select(Region.code, func.count()).join(RegionS3Priority, RegionS3Priority.region_id == Region.id)
            .group_by(Region.code)
        )
        assert dict(rows.all()) == dict.fromkeys(PARTNER_REGIONS, 3)
        assert await _count(session, RegionS3Priority, RegionS3Priority.source != S3_SOURCE) == 0

    async def test_every_cluster_past_draft_met_the_eccp_criteria_and_what_each_step_needed(self, session, loaded):
        clusters = (await session.scalars(select(Cluster))).all()
        for cluster in clusters:
            unmet = [c.code for c in readiness(cluster) if not c.met]
            if cluster.escp_state != "draft":
                assert unmet == [], cluster.acronym
            assert (cluster.eccp_profile_url is not None) == (cluster.escp_state in ("validated", "linked"))
            assert (cluster.partnership_agreement_signed_on is not None) == (cluster.escp_state == "linked")
        smart = next(c for c in clusters if c.acronym == "SMART TEXTILES")
        assert [c.code for c in readiness(smart) if not c.met] == ["member_types"]
