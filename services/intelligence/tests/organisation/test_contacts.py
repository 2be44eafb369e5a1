"""Contact people: personal data for the organisation's region managers, the admin and its own members only."""

import uuid

from tex4im_common.identity import Role

ANNA = {"name": "Anna Bianchi", "job_title": "Sales manager", "email": "anna@lanificio.example", "phone": "+39 0574 1"}


class TestManageContacts:
    async def test_its_region_manager_adds_lists_changes_and_removes_a_contact(self, client, create, toscana):
        organisation = await create()
        url = f"/organisations/{organisation['id']}/contacts"
        added = await client.post(url, json=ANNA, headers=toscana)
        assert added.status_code == 201
        contact = added.json()
        assert {k: contact[k] for k in ANNA} == ANNA
        changed = await client.patch(f"{url}/{contact['id']}", json={"job_title": "Export manager"}, headers=toscana)
        assert changed.status_code == 200
        assert (changed.json()["name"], changed.json()["job_title"]) == ("Anna Bianchi", "Export manager")
        assert [c["job_title"] for c in (await client.get(url, headers=toscana)).json()] == ["Export manager"]
        assert (await client.delete(f"{url}/{contact['id']}", headers=toscana)).status_code == 204
        assert (await client.get(url, headers=toscana)).json() == []

    async def test_its_own_member_sees_and_adds_contacts(self, client, create, identity_headers):
        organisation = await create()
        member = identity_headers(Role.member, organisation_id=organisation["id"], subject="anna")
        url = f"/organisations/{organisation['id']}/contacts"
        assert (await client.post(url, json={"name": "Marco Neri"}, headers=member)).status_code == 201
        assert [c["name"] for c in (await client.get(url, headers=member)).json()] == ["Marco Neri"]

    async def test_contacts_come_in_name_order(self, client, create, admin):
        organisation = await create()
        url = f"/organisations/{organisation['id']}/contacts"
        for name in ("Marco Neri", "Anna Bianchi"):
            await client.post(url, json={"name": name}, headers=admin)
        assert [c["name"] for c in (await client.get(url, headers=admin)).json()] == ["Anna Bianchi", "Marco Neri"]


class TestWhoMaySeeContacts:
    async def test_manager_of_another_region_and_other_partners_are_refused(self, client, create, valencia, partner):
        organisation = await create()
        url = f"/organisations/{organisation['id']}/contacts"
        for headers in (valencia, partner):
            assert (await client.get(url, headers=headers)).status_code == 403
            assert (await client.post(url, json={"name": "Eve"}, headers=headers)).status_code == 403

    async def test_anonymous_visitor_must_sign_in_for_a_public_record(self, client, create):
        organisation = await create(visibility="public")
        assert (await client.get(f"/organisations/{organisation['id']}/contacts")).status_code == 401

    async def test_anonymous_visitor_cannot_find_a_partnership_record(self, client, create):
        organisation = await create(visibility="consortium")
        assert (await client.get(f"/organisations/{organisation['id']}/contacts")).status_code == 404

    async def test_a_contact_of_another_organisation_is_not_found(self, client, create, admin):
        first = await create()
        second = await create(name="Tessitura Verdi", vat_number="IT09876543210")
        contact = (await client.post(f"/organisations/{first['id']}/contacts", json=ANNA, headers=admin)).json()
        response = await client.patch(f"/organisations/{second['id']}/contacts/{contact['id']}",
                                      json={"name": "Eve"}, headers=admin)
        assert response.status_code == 404
        assert response.json()["detail"] == f"Organisation {second['id']} has no contact {contact['id']}."
        unknown = await client.delete(f"/organisations/{first['id']}/contacts/{uuid.uuid4()}", headers=admin)
        assert unknown.status_code == 404


class TestContactValidation:
    async def test_a_malformed_email_is_a_422_naming_the_field(self, client, create, admin):
        organisation = await create()
        response = await client.post(f"/organisations/{organisation['id']}/contacts",
                                     json={"name": "Anna", "email": "anna-at-lanificio"}, headers=admin)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["body.email"]

    async def test_the_name_cannot_be_cleared(self, client, create, admin):
        organisation = await create()
        contact = (await client.post(f"/organisations/{organisation['id']}/contacts", json=ANNA, headers=admin)).json()
        response = await client.patch(f"/organisations/{organisation['id']}/contacts/{contact['id']}",
                                      json={"name": None}, headers=admin)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["body.name"]
