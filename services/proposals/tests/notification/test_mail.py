"""Mail for notifications: logged with the notification for the known people of its audience, sent when SMTP is set."""

from contextlib import asynccontextmanager
from datetime import timedelta
from email.message import EmailMessage

import aiosmtplib
import pytest
from fastapi import FastAPI
from proposals.notification import mail
from proposals.notification.mail import MailSender, smtp_connect, start_mail_sender, stop_mail_sender
from proposals.notification.models import MailMessage
from proposals.notification.service import notify
from proposals.settings import ProposalsSettings
from proposals.vocab import Audience
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.identity import Role

from tests import factories

FROM = "TEX4IM <no-reply@tex4im.test>"


@pytest.fixture
async def people(session, norte_company):
    """Who the service has seen: two Norte members (one without an address), Norte's manager, the admin."""
    norte = await factories.organisation(session, id=norte_company, region="PT11")
    other = await factories.organisation(session, region="ES52")
    return {
        "ana": await factories.person(session, subject="ana", email="ana@norte.example", organisations=[norte]),
        "rui": await factories.person(session, subject="rui", email=None, organisations=[norte]),
        "bruno": await factories.person(session, subject="bruno", email="bruno@norte.example",
                                        managed_regions=["PT11"]),
        "admin": await factories.person(session, subject="coordinator", email="coordinator@tex4im.example",
                                        is_admin=True),
        "eva": await factories.person(session, subject="eva", email="eva@review.example", is_evaluator=True),
        "pilar": await factories.person(session, subject="pilar", email="pilar@valencia.example",
                                        organisations=[other], managed_regions=["ES52"]),
    }


async def mails(session: AsyncSession) -> list[MailMessage]:
    return list((await session.execute(
        select(MailMessage).order_by(MailMessage.to_address).execution_options(populate_existing=True)
    )).scalars())


class TestQueueing:
    @pytest.mark.parametrize(("audience", "key", "expected"), [
        (Audience.person, "ana", ["ana@norte.example"]),
        (Audience.organisation, "c1", ["ana@norte.example"]),
        (Audience.region_managers, "PT11", ["bruno@norte.example"]),
        (Audience.admins, "", ["coordinator@tex4im.example"]),
        (Audience.evaluator, "eva", ["eva@review.example"]),
    ])
    async def test_each_known_person_of_the_audience_with_an_address_gets_a_logged_message(
        self, session, people, norte_company, audience, key, expected
    ):
        key = norte_company if key == "c1" else key
        notification = await notify(session, audience=audience, key=key, kind="proposal.partner_invited",
                                    title="You are invited to a proposal", body="Lanificio invites you.",
                                    link="/proposals/42")
        sent = await mails(session)
        assert [m.to_address for m in sent] == expected
        message = sent[0]
        assert (message.notification_id, message.subject_line, message.status, message.sent_at, message.error) == (
            notification.id, "You are invited to a proposal", "logged", None, None)
        assert message.body == ("Lanificio invites you.\n\nOpen it in the TEX4IM platform: /proposals/42\n\n"
                                "You receive this because of your role in the TEX4IM partnership.")

    async def test_an_audience_nobody_known_belongs_to_mails_nobody(self, session, people):
        await notify(session, audience=Audience.region_managers, key="SE23", kind="x", title="Nobody here")
        await notify(session, audience=Audience.organisation, key="not-a-uuid", kind="x", title="Nobody")
        assert await mails(session) == []


class TestMailLog:
    async def test_the_admin_reads_the_log_newest_first_page_by_page(self, client, session, people, signed_in):
        for n in range(3):
            await notify(session, audience=Audience.person, key="ana", kind="x", title=f"m{n}")
            await session.execute(update(MailMessage).where(MailMessage.subject_line == f"m{n}")
                                  .values(created_at=func.now() + timedelta(seconds=n)))
        admin = signed_in("coordinator", (Role.consortium_admin, None, None))
        first = (await client.get("/mail-log", params={"limit": 2}, headers=admin)).json()
        second = (await client.get("/mail-log", params={"limit": 2, "cursor": first["next_cursor"]},
                                   headers=admin)).json()
        assert [m["subject_line"] for m in first["items"] + second["items"]] == ["m2", "m1", "m0"]
        assert second["next_cursor"] is None
        item = first["items"][0]
        assert {k: item[k] for k in ("to_address", "status", "error", "sent_at")} == {
            "to_address": "ana@norte.example", "status": "logged", "error": None, "sent_at": None}

    async def test_nobody_else_reads_it(self, client, signed_in):
        manager = signed_in("bruno", (Role.cluster_manager, "PT11", None))
        response = await client.get("/mail-log", headers=manager)
        assert response.status_code == 403
        assert response.json()["detail"] == "Only the consortium admin may read the mail log."
        assert (await client.get("/mail-log")).status_code == 401


# -- sending, with a fake at the SMTP boundary -------------------------------------------------------------------


class FakeServer:
    """What an SMTP server would do with each message: accept it, refuse it, or drop the connection."""

    def __init__(self) -> None:
        self.received: list[EmailMessage] = []
        self.answers: dict[str, Exception] = {}
        self.refuse_connection: Exception | None = None
        self.sessions = 0

    @asynccontextmanager
    async def connect(self):
        if self.refuse_connection:
            raise self.refuse_connection
        self.sessions += 1
        yield self

    async def send(self, message: EmailMessage) -> None:
        problem = self.answers.get(message["To"])
        if problem is not None:
            raise problem
        self.received.append(message)


@pytest.fixture
def server() -> FakeServer:
    return FakeServer()


@pytest.fixture
def sender(server, connection) -> MailSender:
    return MailSender(session_factory=lambda: AsyncSession(bind=connection, join_transaction_mode="create_savepoint",
                                                           expire_on_commit=False),
                      connect=server.connect, from_address=FROM, batch_size=10)


async def queue_to_everyone(session) -> None:
    for subject in ("ana", "bruno", "eva"):
        await notify(session, audience=Audience.person, key=subject, kind="x", title=f"Hello {subject}",
                     body="A body.")


class TestSending:
    async def test_logged_messages_are_sent_once_and_recorded_sent(self, session, people, server, sender):
        await queue_to_everyone(session)
        assert await sender.send_due() == 3
        assert await sender.send_due() == 0
        assert server.sessions == 1
        assert sorted(m["To"] for m in server.received) == ["ana@norte.example", "bruno@norte.example",
                                                            "eva@review.example"]
        first = next(m for m in server.received if m["To"] == "ana@norte.example")
        assert (first["From"], first["Subject"]) == (FROM, "Hello ana")
        assert first.get_content().startswith("A body.")
        assert first["Message-ID"] and first["Date"]
        assert [(m.status, m.error) for m in await mails(session)] == [("sent", None)] * 3
        assert all(m.sent_at is not None for m in await mails(session))

    async def test_a_permanent_refusal_is_recorded_failed_and_a_temporary_one_is_tried_again(
        self, session, people, server, sender
    ):
        await queue_to_everyone(session)
        server.answers["ana@norte.example"] = aiosmtplib.SMTPRecipientsRefused(
            [aiosmtplib.SMTPRecipientRefused(550, "No such user", "ana@norte.example")])
        server.answers["bruno@norte.example"] = aiosmtplib.SMTPRecipientRefused(451, "Try later",
                                                                                 "bruno@norte.example")
        assert await sender.send_due() == 2  # ana failed, eva sent; bruno waits
        by_address = {m.to_address: m for m in await mails(session)}
        assert by_address["ana@norte.example"].status == "failed"
        assert "refused by the mail server" in by_address["ana@norte.example"].error
        assert "No such user" in by_address["ana@norte.example"].error
        assert (by_address["bruno@norte.example"].status, by_address["bruno@norte.example"].sent_at) == (
            "logged", None)
        del server.answers["bruno@norte.example"]
        assert await sender.send_due() == 1
        assert {m.to_address: m.status for m in await mails(session)} == {
            "ana@norte.example": "failed", "bruno@norte.example": "sent", "eva@review.example": "sent"}

    async def test_a_dropped_connection_keeps_what_was_sent_and_leaves_the_rest_queued(
        self, session, people, server, sender
    ):
        await queue_to_everyone(session)
        queued = sorted(await mails(session), key=lambda m: (m.created_at, m.id))  # the order they are sent in
        server.answers[queued[1].to_address] = aiosmtplib.SMTPServerDisconnected("Connection lost")
        with pytest.raises(aiosmtplib.SMTPServerDisconnected):
            await sender.send_due()
        statuses = {m.to_address: m.status for m in await mails(session)}
        assert statuses == {queued[0].to_address: "sent", queued[1].to_address: "logged",
                            queued[2].to_address: "logged"}

    async def test_an_unreachable_server_changes_nothing(self, session, people, server, sender):
        await queue_to_everyone(session)
        server.refuse_connection = aiosmtplib.SMTPConnectError("Connection refused")
        with pytest.raises(aiosmtplib.SMTPConnectError):
            await sender.send_due()
        assert {m.status for m in await mails(session)} == {"logged"}

    async def test_messages_older_than_the_limit_are_not_sent_any_more(self, session, people, server, sender):
        await queue_to_everyone(session)
        await session.execute(update(MailMessage).where(MailMessage.to_address == "ana@norte.example")
                              .values(created_at=func.now() - timedelta(hours=25)))
        assert await sender.send_due() == 2
        assert {m.to_address: m.status for m in await mails(session)}["ana@norte.example"] == "logged"


class TestSmtpSettings:
    """The real `smtp_connect`, with aiosmtplib's client replaced at the network boundary."""

    @pytest.fixture
    def smtp_clients(self, monkeypatch):
        made = []

        class FakeSMTP:
            def __init__(self, **options):
                self.options, self.sent = options, []
                made.append(self)

            async def __aenter__(self):
                return self

            async def __aexit__(self, *exc):
                return False

            async def send_message(self, message):
                self.sent.append(message)

        monkeypatch.setattr(mail.aiosmtplib, "SMTP", FakeSMTP)
        return made

    @pytest.mark.parametrize(("port", "starttls", "use_tls", "start_tls"), [
        (587, True, False, True), (465, True, True, False), (25, False, False, False),
    ])
    async def test_the_settings_become_the_smtp_session(self, settings, smtp_clients, session, people, connection,
                                                        port, starttls, use_tls, start_tls):
        configured = settings.model_copy(update={"smtp_host": "smtp.example.test", "smtp_port": port,
                                                 "smtp_username": "mailer", "smtp_password": "pw",
                                                 "smtp_starttls": starttls})
        configured = ProposalsSettings(**{**configured.model_dump(), "smtp_password": "pw"})
        sender = MailSender(session_factory=lambda: AsyncSession(bind=connection,
                                                                 join_transaction_mode="create_savepoint"),
                            connect=smtp_connect(configured), from_address=FROM)
        await notify(session, audience=Audience.person, key="ana", kind="x", title="Hi")
        assert await sender.send_due() == 1
        [client] = smtp_clients
        assert {k: client.options[k] for k in ("hostname", "port", "use_tls", "start_tls", "username", "password")} == {
            "hostname": "smtp.example.test", "port": port, "use_tls": use_tls, "start_tls": start_tls,
            "username": "mailer", "password": "pw"}
        assert [m["To"] for m in client.sent] == ["ana@norte.example"]


class TestInTheLifespan:
    async def test_without_smtp_nothing_is_sent(self, settings):
        app = FastAPI()
        app.state.settings = settings
        await start_mail_sender(app)
        assert app.state.mail_sender is None
        await stop_mail_sender(app)

    async def test_with_smtp_a_sender_runs_and_stops(self, settings, connection):
        app = FastAPI()
        app.state.settings = ProposalsSettings(**{**settings.model_dump(), "smtp_host": "127.0.0.1",
                                                  "smtp_port": 9, "mail_poll_seconds": 60})
        app.state.sessionmaker = lambda: AsyncSession(bind=connection, join_transaction_mode="create_savepoint")
        await start_mail_sender(app)
        assert isinstance(app.state.mail_sender, MailSender)
        await stop_mail_sender(app)
        assert app.state.mail_sender._task is None
