"""A person's notifications: whichever audience they reached them through, each with its own read state."""

import uuid

import pytest
from proposals.notification.service import notify
from proposals.vocab import Audience
from tex4im_common.identity import Role

ME = "/me/notifications"


@pytest.fixture
def ana(signed_in, norte_company):
    """A company member in Norte."""
    return signed_in("ana", (Role.member, "PT11", norte_company))


@pytest.fixture
def rui(signed_in, norte_company):
    """Another member of the same company."""
    return signed_in("rui", (Role.member, "PT11", norte_company))


@pytest.fixture
def bruno(signed_in):
    """The cluster manager of Norte."""
    return signed_in("bruno", (Role.cluster_manager, "PT11", None))


@pytest.fixture
def chiara(signed_in, toscana_company):
    """A member in Toscana, and the Toscana cluster manager."""
    return signed_in("chiara", (Role.member, "ITI1", toscana_company), (Role.cluster_manager, "ITI1", None))


@pytest.fixture
def admin(signed_in):
    return signed_in("coordinator", (Role.consortium_admin, None, None))


@pytest.fixture
def eva(signed_in):
    return signed_in("eva", (Role.evaluator, None, None))


@pytest.fixture
async def sent(session, norte_company, toscana_company):
    """One notification per audience, oldest first, by title."""
    made = {}
    for title, audience, key in [
        ("to ana", Audience.person, "ana"),
        ("to the Norte company", Audience.organisation, norte_company),
        ("to the Toscana company", Audience.organisation, toscana_company),
        ("to Norte's managers", Audience.region_managers, "PT11"),
        ("to Toscana's managers", Audience.region_managers, "ITI1"),
        ("to the admins", Audience.admins, ""),
        ("to evaluator eva", Audience.evaluator, "eva"),
        ("to evaluator ana", Audience.evaluator, "ana"),
    ]:
        made[title] = await notify(session, audience=audience, key=key, kind="test.sent", title=title,
                                   body=f"Body of {title}.", link="/proposals/x")
    return made


async def titles(client, headers, **params) -> list[str]:
    response = await client.get(ME, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return [item["title"] for item in response.json()["items"]]


class TestAudiences:
    async def test_a_member_sees_what_was_sent_to_them_and_to_their_company_newest_first(self, client, ana, sent):
        assert await titles(client, ana) == ["to the Norte company", "to ana"]

    async def test_a_manager_sees_their_regions_and_not_the_others(self, client, bruno, sent):
        assert await titles(client, bruno) == ["to Norte's managers"]

    async def test_someone_with_two_roles_sees_both_audiences(self, client, chiara, sent):
        assert await titles(client, chiara) == ["to Toscana's managers", "to the Toscana company"]

    async def test_the_admin_sees_the_admins(self, client, admin, sent):
        assert await titles(client, admin) == ["to the admins"]

    async def test_an_evaluator_sees_only_their_own_and_only_as_an_evaluator(self, client, eva, ana, sent):
        assert await titles(client, eva) == ["to evaluator eva"]
        assert "to evaluator ana" not in await titles(client, ana)  # ana is not an evaluator

    async def test_an_item_carries_the_message_and_how_it_reached_the_caller(self, client, ana, sent):
        item = (await client.get(ME, headers=ana)).json()["items"][1]
        notification = sent["to ana"]
        assert item == {
            "id": str(notification.id), "audience": "person", "kind": "test.sent", "title": "to ana",
            "body": "Body of to ana.", "link": "/proposals/x", "proposal_id": None,
            "created_at": item["created_at"], "read": False, "read_at": None,
        }

    async def test_visitors_are_asked_to_sign_in(self, client):
        assert (await client.get(ME)).status_code == 401
        assert (await client.get(f"{ME}/unread-count")).status_code == 401


class TestReadState:
    async def test_reading_is_per_person_even_for_a_shared_audience(self, client, ana, rui, sent):
        company = sent["to the Norte company"]
        response = await client.post(f"{ME}/read", json={"ids": [str(company.id)]}, headers=ana)
        assert response.status_code == 200
        assert response.json() == {"marked": 1, "unread": 1}
        items = {i["title"]: i for i in (await client.get(ME, headers=ana)).json()["items"]}
        assert items["to the Norte company"]["read"] is True
        assert items["to the Norte company"]["read_at"] is not None
        assert items["to ana"]["read"] is False
        assert (await client.get(f"{ME}/unread-count", headers=rui)).json() == {"unread": 1}
        assert await titles(client, rui, unread_only="true") == ["to the Norte company"]

    async def test_unread_only_and_the_count_leave_out_what_was_read(self, client, ana, sent):
        await client.post(f"{ME}/read", json={"ids": [str(sent["to ana"].id)]}, headers=ana)
        assert await titles(client, ana, unread_only="true") == ["to the Norte company"]
        assert (await client.get(f"{ME}/unread-count", headers=ana)).json() == {"unread": 1}

    async def test_marking_all_read_and_again_changes_nothing_the_second_time(self, client, chiara, sent):
        first = await client.post(f"{ME}/read", json={"all": True}, headers=chiara)
        again = await client.post(f"{ME}/read", json={"all": True}, headers=chiara)
        assert (first.json(), again.json()) == ({"marked": 2, "unread": 0}, {"marked": 0, "unread": 0})

    async def test_a_notification_that_is_not_yours_is_404_and_nothing_is_marked(self, client, ana, sent):
        theirs = sent["to Toscana's managers"]
        response = await client.post(f"{ME}/read", json={"ids": [str(sent["to ana"].id), str(theirs.id)]},
                                     headers=ana)
        assert response.status_code == 404
        assert response.json()["detail"] == f"You have no notification {theirs.id}; nothing was marked read."
        assert (await client.get(f"{ME}/unread-count", headers=ana)).json() == {"unread": 2}

    @pytest.mark.parametrize("body", [{}, {"ids": []}, {"ids": [str(uuid.uuid4())], "all": True}, {"all": False}])
    async def test_say_either_which_or_all(self, client, ana, body):
        response = await client.post(f"{ME}/read", json=body, headers=ana)
        assert response.status_code == 422


class TestPaging:
    async def test_pages_go_back_in_time_without_gaps_or_repeats(self, client, session, bruno):
        for n in range(5):
            await notify(session, audience=Audience.region_managers, key="PT11", kind="test.sent", title=f"n{n}")
        first = (await client.get(ME, params={"limit": 2}, headers=bruno)).json()
        second = (await client.get(ME, params={"limit": 2, "cursor": first["next_cursor"]}, headers=bruno)).json()
        third = (await client.get(ME, params={"limit": 2, "cursor": second["next_cursor"]}, headers=bruno)).json()
        seen = [i["title"] for page in (first, second, third) for i in page["items"]]
        assert seen == ["n4", "n3", "n2", "n1", "n0"]
        assert third["next_cursor"] is None

    async def test_a_cursor_not_handed_out_is_a_422(self, client, bruno):
        response = await client.get(ME, params={"cursor": "garbage"}, headers=bruno)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.cursor"
