"""The registry's records: who registers, reads, changes and removes which organisation."""

import uuid

import pytest
from intelligence.cluster.models import Cluster
from intelligence.region.models import Region
from sqlalchemy import select
from tex4im_common.identity import Membership, Role


class TestRegisterOrganisation:
    async def test_manager_registers_an_organisation_of_their_region(self, lanificio, client, toscana):
        response = await client.post("/organisations", json=lanificio(), headers=toscana)
        assert response.status_code == 201
        body = response.json()
        assert response.headers["etag"] == '"1"'
        assert response.headers["location"] == f"/organisations/{body['id']}"
        assert body["vat_number"] == "IT01234567890"
        assert body["region_code"] == "ITI1"
        assert body["nace_codes"] == ["C13.10", "C13.20"]
        assert (body["lon"], body["lat"]) == (11.0968, 43.8777)
        assert body["version"] == 1
        assert body["merged_into_id"] is None
        assert body["contacts"] == []

    async def test_visibility_defaults_to_the_partnership(self, lanificio, client, toscana):
        fields = lanificio()
        del fields["visibility"]
        response = await client.post("/organisations", json=fields, headers=toscana)
        assert response.json()["visibility"] == "consortium"

    async def test_admin_registers_in_any_region(self, lanificio, client, admin):
        body = lanificio(name="Hilaturas García S.L.", vat_number="ESB12345678", country_code="ES",
                         region_code="ES52", city="Alcoi")
        response = await client.post("/organisations", json=body, headers=admin)
        assert response.status_code == 201
        assert response.json()["region_code"] == "ES52"

    async def test_manager_of_another_region_is_refused_naming_the_region(self, lanificio, client, valencia, admin):
        response = await client.post("/organisations", json=lanificio(), headers=valencia)
        assert response.status_code == 403
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"] == (
            "Only the cluster managers of region ITI1 and the consortium admin may register organisations there."
        )
        assert (await client.get("/organisations", headers=admin)).json()["items"] == []

    async def test_a_member_may_not_register(self, lanificio, client, partner):
        response = await client.post("/organisations", json=lanificio(region_code=None), headers=partner)
        assert response.status_code == 403

    async def test_anonymous_visitor_must_sign_in(self, lanificio, client):
        response = await client.post("/organisations", json=lanificio())
        assert response.status_code == 401

    async def test_outside_the_partner_regions_the_registering_manager_looks_after_it(
        self, lanificio, client, toscana, valencia
    ):
        body = lanificio(name="Tuchfabrik Müller GmbH", vat_number="DE123456789", country_code="DE",
                         region_code="DEA2", city="Aachen")
        created = (await client.post("/organisations", json=body, headers=toscana)).json()
        assert (await client.patch(f"/organisations/{created['id']}", json={"size_class": "large"},
                                   headers=toscana)).status_code == 200
        assert (await client.patch(f"/organisations/{created['id']}", json={"size_class": "small"},
                                   headers=valencia)).status_code == 403

    async def test_clusters_it_belongs_to_are_kept(self, lanificio, client, toscana, clusters):
        body = lanificio(cluster_ids=[str(clusters["OTIR2020"])])
        response = await client.post("/organisations", json=body, headers=toscana)
        assert response.json()["cluster_ids"] == [str(clusters["OTIR2020"])]

    async def test_an_unknown_cluster_is_a_422_naming_the_field(self, lanificio, client, toscana):
        missing = uuid.uuid4()
        response = await client.post("/organisations", json=lanificio(cluster_ids=[str(missing)]), headers=toscana)
        assert response.status_code == 422
        assert response.json()["errors"] == [
            {"field": "body.cluster_ids", "message": f"no cluster {missing}", "code": "cluster_unknown"}
        ]

    async def test_greek_regions_use_the_nuts_prefix_el(self, lanificio, client, admin):
        body = lanificio(vat_number="EL123456789", country_code="GR", region_code="EL30", city="Athina")
        assert (await client.post("/organisations", json=body, headers=admin)).status_code == 201

    @pytest.mark.parametrize(
        ("fields", "field", "message"),
        [
            ({"vat_number": "IT-1"}, "body.vat_number",
             "must be a country prefix and 2 to 13 letters or digits, e.g. IT01234567890"),
            ({"nace_codes": ["C13.10", "13.20"]}, "body.nace_codes.1",
             r"String should match pattern '^[A-U][0-9]{2}(\.[0-9]{1,2})?$'"),
            ({"region_code": "ES52"}, "body.region_code", "a NUTS-2 region of country IT starts with IT"),
            ({"region_code": "Toscana"}, "body.region_code", "String should match pattern '^[A-Z]{2}[A-Z0-9]{2}$'"),
            ({"lat": None}, "body.lat", "give both lon and lat, or neither"),
            ({"lon": 191.0}, "body.lon", "Input should be less than or equal to 180"),
            ({"website": "ftp://lanificio.example"}, "body.website", "must be an http(s) URL, e.g. https://example.com"),
            ({"priorities": ["sustainability"]}, "body.priorities.0",
             "Input should be 'circular_economy', 'industry_4_0', 'digital_technologies', 'advanced_materials' "
             "or 'creativity'"),
            ({"name": "  "}, "body.name", "String should have at least 1 character"),
            ({"language": "de"}, "body.language",
             "Input should be 'en', 'it', 'ro', 'es', 'pt', 'cs', 'sv' or 'fr'"),
        ],
    )
    async def test_an_invalid_field_is_a_422_problem_naming_it(
        self, lanificio, client, toscana, fields, field, message
    ):
        response = await client.post("/organisations", json=lanificio(**fields), headers=toscana)
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert [(e["field"], e["message"]) for e in response.json()["errors"]] == [(field, message)]


class TestIdempotentRegistration:
    async def test_a_retry_with_the_same_key_replays_the_answer_and_writes_once(
        self, lanificio, client, toscana, admin
    ):
        headers = toscana | {"Idempotency-Key": "create-lanificio-0001"}
        first = await client.post("/organisations", json=lanificio(), headers=headers)
        again = await client.post("/organisations", json=lanificio(), headers=headers)
        assert first.status_code == again.status_code == 201
        assert again.json() == first.json()
        assert again.headers["idempotent-replayed"] == "true"
        assert "idempotent-replayed" not in first.headers
        listed = (await client.get("/organisations", headers=admin)).json()["items"]
        assert [o["id"] for o in listed] == [first.json()["id"]]

    async def test_the_same_key_for_another_body_is_refused(self, lanificio, client, toscana):
        headers = toscana | {"Idempotency-Key": "create-lanificio-0002"}
        await client.post("/organisations", json=lanificio(), headers=headers)
        response = await client.post("/organisations", json=lanificio(name="Other"), headers=headers)
        assert response.status_code == 422
        assert response.json()["type"] == "urn:tex4im:problem:idempotency-key-reused"

    async def test_a_failed_request_leaves_no_key_so_its_retry_runs(self, lanificio, client, toscana, session):
        cluster_id = uuid.uuid4()
        headers = toscana | {"Idempotency-Key": "create-lanificio-0003"}
        body = lanificio(cluster_ids=[str(cluster_id)])
        assert (await client.post("/organisations", json=body, headers=headers)).status_code == 422
        region_id = (await session.scalars(select(Region.id).where(Region.code == "ITI1"))).one()
        session.add(Cluster(id=cluster_id, region_id=region_id, name="Prato Wool Network", acronym="PWN"))
        await session.flush()
        retry = await client.post("/organisations", json=body, headers=headers)
        assert retry.status_code == 201
        assert "idempotent-replayed" not in retry.headers
        assert retry.json()["cluster_ids"] == [str(cluster_id)]


class TestReadOrganisation:
    async def test_anonymous_visitor_reads_a_public_record_without_contacts(self, client, create, toscana):
        created = await create()
        await client.post(f"/organisations/{created['id']}/contacts", json={"name": "Anna Bianchi"}, headers=toscana)
        response = await client.get(f"/organisations/{created['id']}")
        assert response.status_code == 200
        assert response.headers["etag"] == '"1"'
        assert response.json()["name"] == "Lanificio Rossi S.p.A."
        assert response.json()["contacts"] is None

    async def test_a_partnership_only_record_is_hidden_from_anonymous_visitors(self, client, create):
        created = await create(visibility="consortium")
        response = await client.get(f"/organisations/{created['id']}")
        assert response.status_code == 404
        assert response.json()["detail"] == f"There is no organisation {created['id']}."

    async def test_signed_in_partner_reads_a_partnership_record_but_not_its_contacts(self, client, create, partner):
        created = await create(visibility="consortium")
        response = await client.get(f"/organisations/{created['id']}", headers=partner)
        assert response.status_code == 200
        assert response.json()["contacts"] is None

    async def test_manager_of_another_region_does_not_see_contacts(self, client, create, valencia):
        created = await create()
        assert (await client.get(f"/organisations/{created['id']}", headers=valencia)).json()["contacts"] is None

    async def test_its_region_manager_and_its_own_members_see_contacts(
        self, client, create, toscana, identity_headers
    ):
        created = await create()
        await client.post(f"/organisations/{created['id']}/contacts",
                          json={"name": "Anna Bianchi", "email": "anna@lanificio.example"}, headers=toscana)
        member = identity_headers(Role.member, region="ITI1", organisation_id=created["id"], subject="anna")
        for headers in (toscana, member):
            contacts = (await client.get(f"/organisations/{created['id']}", headers=headers)).json()["contacts"]
            assert [(c["name"], c["email"]) for c in contacts] == [("Anna Bianchi", "anna@lanificio.example")]

    async def test_an_unknown_organisation_is_a_404_problem(self, client, admin):
        response = await client.get(f"/organisations/{uuid.uuid4()}", headers=admin)
        assert response.status_code == 404
        assert response.json()["type"] == "urn:tex4im:problem:not-found"


class TestListOrganisations:
    async def test_anonymous_visitors_see_public_records_only(self, client, create, partner):
        public = await create(name="Lanificio Rossi S.p.A.")
        await create(name="Tessitura Verdi", vat_number="IT09876543210", visibility="consortium")
        anonymous = (await client.get("/organisations")).json()
        assert [o["id"] for o in anonymous["items"]] == [public["id"]]
        signed_in = (await client.get("/organisations", headers=partner)).json()
        assert [o["name"] for o in signed_in["items"]] == ["Lanificio Rossi S.p.A.", "Tessitura Verdi"]

    async def test_lists_never_carry_contacts(self, client, create, toscana):
        created = await create()
        await client.post(f"/organisations/{created['id']}/contacts", json={"name": "Anna Bianchi"}, headers=toscana)
        item = (await client.get("/organisations", headers=toscana)).json()["items"][0]
        assert "contacts" not in item

    async def test_pages_follow_the_name_order_without_gaps_or_repeats(self, client, create, admin):
        names = ["Delta", "Alpha", "Charlie", "Bravo", "Echo"]
        for index, name in enumerate(names):
            await create(name=name, vat_number=f"IT0000000000{index}", city=f"Town {index}")
        seen, cursor = [], None
        while True:
            params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
            body = (await client.get("/organisations", params=params, headers=admin)).json()
            seen += [o["name"] for o in body["items"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert seen == ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]

    async def test_filters_by_region_kind_and_cluster(self, client, create, admin, clusters):
        prato = await create(cluster_ids=[str(clusters["OTIR2020"])])
        biella = await create(name="Università del Piemonte", kind="university", vat_number="IT11111111111",
                              region_code="ITC1", city="Biella")
        listed = {
            "region": (await client.get("/organisations", params={"region": "ITC1"}, headers=admin)).json(),
            "kind": (await client.get("/organisations", params={"kind": "company"}, headers=admin)).json(),
            "cluster": (await client.get("/organisations", params={"cluster_id": str(clusters["OTIR2020"])},
                                         headers=admin)).json(),
        }
        assert [o["id"] for o in listed["region"]["items"]] == [biella["id"]]
        assert [o["id"] for o in listed["kind"]["items"]] == [prato["id"]]
        assert [o["id"] for o in listed["cluster"]["items"]] == [prato["id"]]

    async def test_a_malformed_region_filter_is_a_422(self, client):
        response = await client.get("/organisations", params={"region": "Toscana"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.region"


class TestUpdateOrganisation:
    async def test_its_region_manager_changes_fields_and_gets_a_new_etag(self, client, create, toscana):
        created = await create()
        response = await client.patch(
            f"/organisations/{created['id']}", json={"city": "Montemurlo", "nace_codes": ["c13.30"]},
            headers=toscana | {"If-Match": '"1"'},
        )
        assert response.status_code == 200
        assert response.headers["etag"] == '"2"'
        body = response.json()
        assert (body["city"], body["nace_codes"], body["version"]) == ("Montemurlo", ["C13.30"], 2)
        assert body["description"] == "Carded and recycled wool fabrics."

    async def test_a_stale_if_match_is_a_412_and_changes_nothing(self, client, create, toscana, admin):
        created = await create()
        await client.patch(f"/organisations/{created['id']}", json={"city": "Montemurlo"}, headers=toscana)
        response = await client.patch(f"/organisations/{created['id']}", json={"city": "Vaiano"},
                                      headers=toscana | {"If-Match": '"1"'})
        assert response.status_code == 412
        assert response.json()["current_etag"] == '"2"'
        assert (await client.get(f"/organisations/{created['id']}", headers=admin)).json()["city"] == "Montemurlo"

    async def test_a_change_to_nothing_new_keeps_the_version(self, client, create, toscana):
        created = await create()
        response = await client.patch(f"/organisations/{created['id']}", json={"city": "Prato"}, headers=toscana)
        assert response.json()["version"] == 1

    async def test_manager_of_another_region_is_refused(self, client, create, valencia, admin):
        created = await create()
        response = await client.patch(f"/organisations/{created['id']}", json={"city": "Valencia"}, headers=valencia)
        assert response.status_code == 403
        assert (await client.get(f"/organisations/{created['id']}", headers=admin)).json()["city"] == "Prato"

    async def test_anonymous_visitor_cannot_find_a_partnership_record_to_change(self, client, create):
        created = await create(visibility="consortium")
        response = await client.patch(f"/organisations/{created['id']}", json={"city": "Vaiano"})
        assert response.status_code == 404

    async def test_its_own_member_edits_the_profile(self, client, create, identity_headers):
        created = await create()
        member = identity_headers(Role.member, organisation_id=created["id"], subject="anna")
        response = await client.patch(f"/organisations/{created['id']}",
                                      json={"description": "Recycled wool since 1921."}, headers=member)
        assert response.status_code == 200
        assert response.json()["description"] == "Recycled wool since 1921."

    @pytest.mark.parametrize(("field", "value"), [("visibility", "consortium"), ("region_code", "ITC1")])
    async def test_its_own_member_may_not_change_visibility_or_region(
        self, client, create, identity_headers, field, value
    ):
        created = await create()
        member = identity_headers(Role.member, organisation_id=created["id"], subject="anna")
        response = await client.patch(f"/organisations/{created['id']}", json={field: value}, headers=member)
        assert response.status_code == 403
        assert response.json()["detail"] == f"Only cluster managers and the consortium admin may change `{field}`."

    async def test_a_partner_of_another_organisation_is_refused(self, client, create, partner):
        created = await create()
        response = await client.patch(f"/organisations/{created['id']}", json={"city": "Vaiano"}, headers=partner)
        assert response.status_code == 403

    async def test_moving_to_another_region_needs_managing_both(self, client, create, toscana, headers_for):
        created = await create()
        refused = await client.patch(f"/organisations/{created['id']}", json={"region_code": "ITC1"},
                                     headers=toscana)
        assert refused.status_code == 403
        assert "region ITC1" in refused.json()["detail"]
        both = headers_for(Membership(role=Role.cluster_manager, region="ITI1"),
                           Membership(role=Role.cluster_manager, region="ITC1"), subject="manager-both")
        moved = await client.patch(f"/organisations/{created['id']}", json={"region_code": "ITC1", "city": "Biella"},
                                   headers=both)
        assert moved.status_code == 200
        assert moved.json()["region_code"] == "ITC1"

    async def test_a_change_that_leaves_the_record_inconsistent_is_a_422(self, client, create, toscana):
        created = await create()
        response = await client.patch(f"/organisations/{created['id']}", json={"country_code": "ES"}, headers=toscana)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["body.region_code"]

    async def test_a_required_field_cannot_be_cleared(self, client, create, toscana):
        created = await create()
        response = await client.patch(f"/organisations/{created['id']}", json={"name": None}, headers=toscana)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body.name"

    async def test_optional_fields_can_be_cleared(self, client, create, toscana):
        created = await create()
        response = await client.patch(f"/organisations/{created['id']}", json={"lon": None, "lat": None,
                                                                                 "website": None}, headers=toscana)
        assert response.status_code == 200
        assert (response.json()["lon"], response.json()["website"]) == (None, None)


class TestDeleteOrganisation:
    async def test_its_region_manager_removes_it(self, client, create, toscana, admin):
        created = await create()
        response = await client.delete(f"/organisations/{created['id']}", headers=toscana | {"If-Match": '"1"'})
        assert response.status_code == 204
        assert (await client.get(f"/organisations/{created['id']}", headers=admin)).status_code == 404

    async def test_a_stale_if_match_is_a_412(self, client, create, toscana):
        created = await create()
        response = await client.delete(f"/organisations/{created['id']}", headers=toscana | {"If-Match": '"7"'})
        assert response.status_code == 412

    async def test_others_may_not_remove_it(self, client, create, valencia, identity_headers):
        created = await create()
        member = identity_headers(Role.member, organisation_id=created["id"], subject="anna")
        for headers in (valencia, member):
            assert (await client.delete(f"/organisations/{created['id']}", headers=headers)).status_code == 403
