"""Every signed-in request remembers who the caller is, so notifications can be mailed to them."""

from datetime import timedelta

from proposals.notification.models import MailMessage, Notification, Person
from sqlalchemy import func, select, text, update
from tex4im_common.identity import Identity, Role

from tests import factories

# any route will do: the people dependency runs on every one
ROUTE = "/organisations"


async def person(session, subject: str) -> Person | None:
    return (await session.execute(
        select(Person).where(Person.subject == subject).execution_options(populate_existing=True)
    )).scalar_one_or_none()


async def row_version(session, subject: str) -> tuple[str, str]:
    """The row's physical place and its seen_at: any UPDATE, even to the same values, moves the first."""
    row = (await session.execute(text("SELECT ctid::text, seen_at::text FROM proposals.person WHERE subject = :s"),
                                 {"s": subject})).one()
    return row[0], row[1]


class TestRemembering:
    async def test_a_first_request_records_the_person_as_their_token_describes_them(
        self, client, session, signed_in, norte_company
    ):
        headers = signed_in("ana", (Role.member, "PT11", norte_company), (Role.cluster_manager, "PT11", None),
                            (Role.evaluator, None, None), name="Ana Demo", email="ana@demo.tex4im.eu")
        await client.get(ROUTE, headers=headers)
        ana = await person(session, "ana")
        assert (ana.name, ana.email, ana.organisation_ids, ana.managed_regions, ana.is_admin, ana.is_evaluator) == (
            "Ana Demo", "ana@demo.tex4im.eu", [norte_company], ["PT11"], False, True)
        assert ana.seen_at is not None

    async def test_a_request_that_brings_nothing_new_writes_nothing(self, client, session, signed_in):
        headers = signed_in("admin", (Role.consortium_admin, None, None), email="admin@demo.tex4im.eu")
        await client.get(ROUTE, headers=headers)
        before = await row_version(session, "admin")
        await client.get(ROUTE, headers=headers)
        assert await row_version(session, "admin") == before

    async def test_a_changed_name_or_address_or_role_is_written_at_once(self, client, session, signed_in,
                                                                         toscana_company):
        await client.get(ROUTE, headers=signed_in("bea", (Role.member, "ITI1", toscana_company), name="Bea",
                                                   email="bea@old.example"))
        await client.get(ROUTE, headers=signed_in("bea", (Role.cluster_manager, "ITI1", None), name="Beatrice",
                                                   email="bea@new.example"))
        bea = await person(session, "bea")
        assert (bea.name, bea.email, bea.organisation_ids, bea.managed_regions) == (
            "Beatrice", "bea@new.example", [], ["ITI1"])

    async def test_seen_at_moves_once_it_is_an_hour_old(self, client, session, signed_in):
        headers = signed_in("carla", (Role.evaluator, None, None), email="carla@example.test")
        await client.get(ROUTE, headers=headers)
        await session.execute(update(Person).where(Person.subject == "carla")
                              .values(seen_at=func.now() - timedelta(minutes=59)))
        await client.get(ROUTE, headers=headers)
        fifty_nine = (await person(session, "carla")).seen_at
        await session.execute(update(Person).where(Person.subject == "carla")
                              .values(seen_at=func.now() - timedelta(minutes=61)))
        await client.get(ROUTE, headers=headers)
        assert (await person(session, "carla")).seen_at > fifty_nine

    async def test_visitors_machines_and_feed_readers_are_not_people(
        self, client, session, signed_in, identity_signer, service_spec
    ):
        await client.get(ROUTE)
        token = identity_signer.sign(Identity(subject="service:matchmaking", kind="client"),
                                     audience=service_spec.name)
        await client.get("/events", headers={"Authorization": f"Bearer {token}"})
        await client.get("/events", headers=signed_in("admin-reading-the-feed", (Role.consortium_admin, None, None)))
        assert await session.scalar(select(func.count()).select_from(Person)) == 0

    async def test_a_failed_request_records_nobody(self, client, session, signed_in):
        response = await client.get(ROUTE, params={"region": "nowhere"},
                                    headers=signed_in("dora", (Role.member, "ITI1", None)))
        assert response.status_code == 422
        assert await person(session, "dora") is None


class TestTheActingUserIsKnownInTheirFirstRequest:
    """The people dependency runs before the route's work, in the same transaction: a notification the very first
    request of someone causes already reaches them by mail."""

    async def test_a_member_seen_for_the_first_time_is_mailed_about_their_own_submission(
        self, client, session, signed_in, toscana_company
    ):
        call = await factories.call(session)
        lead = await factories.organisation(session, id=toscana_company, region="ITI1")
        partner = await factories.organisation(session, region="ES52")
        proposal = await factories.proposal(session, call=call, lead=lead, partners=[partner])
        headers = signed_in("lia", (Role.member, "ITI1", toscana_company), name="Lia Rossi",
                            email="lia@lanificio.example")
        assert await person(session, "lia") is None
        response = await client.post(f"/proposals/{proposal.id}/transitions", json={"transition": "submit"},
                                     headers=headers)
        assert response.status_code == 200, response.text
        stage_changed = await session.scalar(select(Notification).where(
            Notification.proposal_id == proposal.id, Notification.kind == "proposal.stage_changed"))
        mailed = (await session.scalars(select(MailMessage.to_address).where(
            MailMessage.notification_id == stage_changed.id))).all()
        assert mailed == ["lia@lanificio.example"]
