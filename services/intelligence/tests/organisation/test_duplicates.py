"""Organisations registered twice: found on every write, reviewed by managers, merged or dismissed."""

import uuid

import pytest
from intelligence.opportunity.models import Opportunity, OpportunityInterest
from intelligence.organisation.duplicates import name_similarity, normalise_name
from sqlalchemy import select
from tex4im_common.identity import Role


class TestNormaliseName:
    @pytest.mark.parametrize(
        ("name", "normalised"),
        [
            ("Lanificio Rossi S.p.A.", "lanificio rossi"),
            ("Lanificio Rossi SpA", "lanificio rossi"),
            ("Textil Alcoià, S.L.", "textil alcoia"),
            ("Tecelagem Conceição Lda.", "tecelagem conceicao"),
            ("TKANINY s.r.o.", "tkaniny"),
            ("Borås Väveri AB", "boras vaveri"),
            ("Filature du Nord SARL", "filature du nord"),
            ("SA", "sa"),  # a name that is only a legal form stays itself
        ],
    )
    def test_accents_punctuation_and_legal_forms_are_dropped(self, name, normalised):
        assert normalise_name(name) == normalised

    def test_word_order_does_not_matter(self):
        assert name_similarity("Rossi Lanificio SRL", "Lanificio Rossi S.p.A.") == 100


def pair(item: dict) -> set[str]:
    return {item["first"]["id"], item["second"]["id"]}


class TestDetection:
    async def test_the_same_vat_number_is_a_candidate(self, client, create, toscana):
        first = await create()
        second = await create(name="Rossi Wool", vat_number="IT-012.345.678-90", city="Montemurlo")
        items = (await client.get("/organisation-duplicates", headers=toscana)).json()["items"]
        assert [(pair(i), i["reason"], i["similarity"], i["status"]) for i in items] == [
            ({first["id"], second["id"]}, "same_vat_number", 1.0, "open")
        ]
        sides = {items[0]["first"]["id"]: items[0]["first"], items[0]["second"]["id"]: items[0]["second"]}
        assert sides[second["id"]] == {"id": second["id"], "name": "Rossi Wool", "city": "Montemurlo",
                                       "vat_number": "IT01234567890", "region_code": "ITI1"}
        assert items[0]["first"]["id"] < items[0]["second"]["id"]

    async def test_a_near_identical_name_in_the_same_city_is_a_candidate(self, client, create, toscana):
        first = await create(name="Lanificio Rossi S.p.A.", vat_number=None)
        second = await create(name="Lanificio Rossi SpA", vat_number=None, city="PRATO")
        items = (await client.get("/organisation-duplicates", headers=toscana)).json()["items"]
        assert [(pair(i), i["reason"], i["similarity"]) for i in items] == [
            ({first["id"], second["id"]}, "similar_name_same_city", 1.0)
        ]

    async def test_the_same_name_in_another_city_is_not(self, client, create, toscana):
        await create(name="Lanificio Rossi S.p.A.", vat_number=None)
        await create(name="Lanificio Rossi SpA", vat_number=None, region_code="ITC1", city="Biella")
        assert (await client.get("/organisation-duplicates", headers=toscana)).json()["items"] == []

    async def test_a_merely_similar_name_is_not(self, client, create, toscana):
        await create(name="Lanificio Rossi S.p.A.", vat_number=None)
        await create(name="Lanificio Rosso e Figli", vat_number=None)
        assert (await client.get("/organisation-duplicates", headers=toscana)).json()["items"] == []

    async def test_an_update_that_makes_two_records_alike_is_detected(self, client, create, toscana):
        first = await create(vat_number=None)
        second = await create(name="Lanificio Rossi SpA", vat_number=None, city="Vaiano")
        await client.patch(f"/organisations/{second['id']}", json={"city": "Prato"}, headers=toscana)
        items = (await client.get("/organisation-duplicates", headers=toscana)).json()["items"]
        assert [pair(i) for i in items] == [{first["id"], second["id"]}]


class TestReviewList:
    async def test_managers_see_pairs_with_a_side_in_their_region(self, client, create, admin, toscana, valencia,
                                                                  identity_headers):
        await create()
        await create(name="Hilaturas García S.L.", country_code="ES", region_code="ES52", city="Alcoi")
        await create(name="Tessitura Verdi", vat_number="IT09876543210")
        await create(name="Tessitura Verdi Srl", vat_number="IT09876543210", city="Vaiano")
        assert len((await client.get("/organisation-duplicates", headers=admin)).json()["items"]) == 2
        assert len((await client.get("/organisation-duplicates", headers=toscana)).json()["items"]) == 2
        valencia_items = (await client.get("/organisation-duplicates", headers=valencia)).json()["items"]
        assert [(i["first"]["name"], i["second"]["name"]) in {
            ("Lanificio Rossi S.p.A.", "Hilaturas García S.L."), ("Hilaturas García S.L.", "Lanificio Rossi S.p.A.")
        } for i in valencia_items] == [True]
        portugal = identity_headers(Role.cluster_manager, region="PT11", subject="manager-pt11")
        assert (await client.get("/organisation-duplicates", headers=portugal)).json()["items"] == []

    async def test_members_may_not_review(self, client, partner):
        assert (await client.get("/organisation-duplicates", headers=partner)).status_code == 403


class TestDismiss:
    async def test_a_dismissed_pair_is_closed_and_not_proposed_again(self, client, create, toscana):
        await create()
        second = await create(name="Rossi Wool", city="Montemurlo")
        candidate = (await client.get("/organisation-duplicates", headers=toscana)).json()["items"][0]
        response = await client.post(f"/organisation-duplicates/{candidate['id']}/dismiss", headers=toscana)
        assert response.status_code == 200
        assert (response.json()["status"], response.json()["resolved_by"]) == ("dismissed", "manager-iti1")
        await client.patch(f"/organisations/{second['id']}", json={"city": "Prato"}, headers=toscana)
        assert (await client.get("/organisation-duplicates", headers=toscana)).json()["items"] == []
        dismissed = (await client.get("/organisation-duplicates", params={"status": "dismissed"},
                                      headers=toscana)).json()["items"]
        assert [i["id"] for i in dismissed] == [candidate["id"]]
        again = await client.post(f"/organisation-duplicates/{candidate['id']}/dismiss", headers=toscana)
        assert again.status_code == 409

    async def test_a_manager_of_neither_region_cannot_find_the_pair(self, client, create, toscana, valencia):
        await create()
        await create(name="Rossi Wool", city="Montemurlo")
        candidate = (await client.get("/organisation-duplicates", headers=toscana)).json()["items"][0]
        response = await client.post(f"/organisation-duplicates/{candidate['id']}/dismiss", headers=valencia)
        assert response.status_code == 404


@pytest.fixture
async def merge_case(client, create, toscana, clusters, session):
    """Lanificio Rossi registered twice in Prato, each with a contact, a cluster and a piece of the profile;
    the copy also shares its VAT number with a third record and has an opportunity with an interest."""
    keep = await create(vat_number=None, website=None, nace_codes=["C13.10"], capabilities=["carded wool"],
                        cluster_ids=[str(clusters["OTIR2020"])])
    lose = await create(name="Lanificio Rossi SpA", vat_number="IT01234567890", website="https://rossi.example",
                        nace_codes=["C13.10", "C13.30"], capabilities=["recycled wool"],
                        cluster_ids=[str(clusters["PO.IN.TEX"])], visibility="consortium")
    third = await create(name="Rossi Trading", vat_number="IT01234567890", city="Firenze")
    await client.post(f"/organisations/{keep['id']}/contacts", json={"name": "Anna Bianchi"}, headers=toscana)
    await client.post(f"/organisations/{lose['id']}/contacts", json={"name": "Marco Neri"}, headers=toscana)
    opportunity = Opportunity(kind="business_cooperation", title="Partner for recycled wool", summary="...",
                              owner_region_code="ITI1", organisation_id=uuid.UUID(lose["id"]),
                              created_by="manager-iti1")
    session.add(opportunity)
    await session.flush()
    interest = OpportunityInterest(opportunity_id=opportunity.id, subject="someone",
                                   organisation_id=uuid.UUID(lose["id"]))
    session.add(interest)
    await session.flush()
    items = (await client.get("/organisation-duplicates", headers=toscana)).json()["items"]
    candidate = next(i for i in items if pair(i) == {keep["id"], lose["id"]})
    keep_side = "first" if candidate["first"]["id"] == keep["id"] else "second"
    return {"keep": keep, "lose": lose, "third": third, "candidate": candidate, "keep_side": keep_side,
            "opportunity": opportunity, "interest": interest}


class TestMerge:
    async def test_the_survivor_keeps_its_values_and_gains_what_it_lacked(self, client, toscana, merge_case, clusters):
        case = merge_case
        response = await client.post(f"/organisation-duplicates/{case['candidate']['id']}/merge",
                                     json={"keep": case["keep_side"]}, headers=toscana)
        assert response.status_code == 200
        body = response.json()
        assert (body["duplicate"]["status"], body["duplicate"]["resolved_by"]) == ("merged", "manager-iti1")
        survivor = body["survivor"]
        assert survivor["id"] == case["keep"]["id"]
        assert (survivor["name"], survivor["visibility"]) == ("Lanificio Rossi S.p.A.", "public")
        assert (survivor["vat_number"], survivor["website"]) == ("IT01234567890", "https://rossi.example")
        assert survivor["nace_codes"] == ["C13.10", "C13.30"]
        assert survivor["capabilities"] == ["carded wool", "recycled wool"]
        assert sorted(survivor["cluster_ids"]) == sorted([str(clusters["OTIR2020"]), str(clusters["PO.IN.TEX"])])
        assert [c["name"] for c in survivor["contacts"]] == ["Anna Bianchi", "Marco Neri"]

    async def test_the_loser_answers_with_where_it_went_and_leaves_the_lists(self, client, toscana, merge_case):
        case = merge_case
        await client.post(f"/organisation-duplicates/{case['candidate']['id']}/merge",
                          json={"keep": case["keep_side"]}, headers=toscana)
        loser = await client.get(f"/organisations/{case['lose']['id']}", headers=toscana)
        assert loser.status_code == 200
        assert (loser.json()["name"], loser.json()["merged_into_id"]) == ("Lanificio Rossi SpA", case["keep"]["id"])
        assert loser.json()["contacts"] == []
        listed = [o["id"] for o in (await client.get("/organisations", headers=toscana)).json()["items"]]
        assert sorted(listed) == sorted([case["keep"]["id"], case["third"]["id"]])
        changed = await client.patch(f"/organisations/{case['lose']['id']}", json={"city": "Vaiano"},
                                     headers=toscana)
        assert changed.status_code == 409
        assert changed.json()["merged_into_id"] == case["keep"]["id"]

    async def test_opportunities_and_interest_follow_the_survivor(self, client, toscana, merge_case, session):
        case = merge_case
        await client.post(f"/organisation-duplicates/{case['candidate']['id']}/merge",
                          json={"keep": case["keep_side"]}, headers=toscana)
        opportunity = (await session.scalars(select(Opportunity).where(Opportunity.id == case["opportunity"].id)
                                             .execution_options(populate_existing=True))).one()
        interest = (await session.scalars(select(OpportunityInterest)
                                          .where(OpportunityInterest.id == case["interest"].id)
                                          .execution_options(populate_existing=True))).one()
        assert str(opportunity.organisation_id) == str(interest.organisation_id) == case["keep"]["id"]
        assert opportunity.version == 2

    async def test_other_open_pairs_of_the_loser_move_to_the_survivor(self, client, toscana, merge_case):
        case = merge_case
        await client.post(f"/organisation-duplicates/{case['candidate']['id']}/merge",
                          json={"keep": case["keep_side"]}, headers=toscana)
        items = (await client.get("/organisation-duplicates", headers=toscana)).json()["items"]
        assert [(pair(i), i["reason"]) for i in items] == [
            ({case["keep"]["id"], case["third"]["id"]}, "same_vat_number")
        ]

    async def test_a_retry_with_the_same_key_replays_the_merge(self, client, toscana, merge_case):
        url = f"/organisation-duplicates/{merge_case['candidate']['id']}/merge"
        headers = toscana | {"Idempotency-Key": "merge-rossi-0001"}
        first = await client.post(url, json={"keep": merge_case["keep_side"]}, headers=headers)
        again = await client.post(url, json={"keep": merge_case["keep_side"]}, headers=headers)
        assert (first.status_code, again.status_code) == (200, 200)
        assert again.json() == first.json()
        assert again.headers["idempotent-replayed"] == "true"

    async def test_a_merged_pair_cannot_be_merged_again(self, client, toscana, merge_case):
        url = f"/organisation-duplicates/{merge_case['candidate']['id']}/merge"
        await client.post(url, json={"keep": "first"}, headers=toscana)
        response = await client.post(url, json={"keep": "first"}, headers=toscana)
        assert response.status_code == 409
        assert response.json()["detail"] == "This pair was merged already."

    async def test_a_manager_of_only_one_side_is_refused_naming_the_other_region(self, client, create, toscana):
        await create()
        await create(name="Lanificio Rossi España", country_code="ES", region_code="ES52", city="Alcoi")
        candidate = (await client.get("/organisation-duplicates", headers=toscana)).json()["items"][0]
        response = await client.post(f"/organisation-duplicates/{candidate['id']}/merge", json={"keep": "first"},
                                     headers=toscana)
        assert response.status_code == 403
        assert response.json()["detail"] == (
            "Only the cluster managers of region ES52 and the consortium admin may merge or dismiss this pair."
        )

    async def test_keep_must_be_first_or_second(self, client, toscana, merge_case):
        response = await client.post(f"/organisation-duplicates/{merge_case['candidate']['id']}/merge",
                                     json={"keep": "both"}, headers=toscana)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body.keep"
