"""E-mail for notifications: queued in the mail log with the notification, sent after the commit when SMTP is set.

Every message starts `logged`: recorded in the request's transaction, so a rolled-back change mails nobody.
Without `PROPOSALS_SMTP_HOST` that is where it stays, and the admin reads the log (GET /mail-log) instead of a
mailbox. With it, a background sender claims logged messages (SKIP LOCKED, so replicas share the work), sends
them over one SMTP connection per batch and records `sent` or `failed`. A server's temporary refusal (4xx)
leaves the message queued for the next round; a lost connection stops the round and the sender waits longer
before the next. Delivery is at least once: a crash between sending and recording repeats that message.
Messages older than `PROPOSALS_MAIL_MAX_AGE_HOURS` are not sent any more (they stay logged).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Protocol

import aiosmtplib
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from proposals.notification.models import MailMessage, Notification
from proposals.notification.repository import NotificationRepository
from proposals.settings import ProposalsSettings

logger = logging.getLogger("proposals.notification.mail")

MAX_ERROR_LENGTH = 1000


async def queue_for(repository: NotificationRepository, notification: Notification) -> int:
    """Log a message to each known person of the notification's audience who has an address."""
    lines = [notification.body] if notification.body else []
    if notification.link:
        lines.append(f"Open it in the TEX4IM platform: {notification.link}")
    lines.append("You receive this because of your role in the TEX4IM partnership.")
    return await repository.queue_mail(notification, subject_line=notification.title[:300],
                                       body="\n\n".join(lines))


# -- the SMTP boundary -------------------------------------------------------------------------------------------


class Outgoing(Protocol):
    async def send(self, message: EmailMessage) -> None: ...


Connect = Callable[[], AbstractAsyncContextManager[Outgoing]]


class _Smtp:
    def __init__(self, client: aiosmtplib.SMTP) -> None:
        self.client = client

    async def send(self, message: EmailMessage) -> None:
        await self.client.send_message(message)


def smtp_connect(settings: ProposalsSettings) -> Connect:
    """One authenticated SMTP session per batch: implicit TLS on port 465, else STARTTLS unless turned off."""
    implicit_tls = settings.smtp_port == 465

    @asynccontextmanager
    async def connect() -> AsyncIterator[Outgoing]:
        client = aiosmtplib.SMTP(
            hostname=settings.smtp_host, port=settings.smtp_port, timeout=settings.smtp_timeout_seconds,
            use_tls=implicit_tls, start_tls=False if implicit_tls else settings.smtp_starttls,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
        )
        async with client:
            yield _Smtp(client)

    return connect


# -- the sender ----------------------------------------------------------------------------------------------


class MailSender:
    """Sends the logged messages in batches, in the background or one batch at a time (`send_due`)."""

    def __init__(self, *, session_factory: Callable[[], AsyncSession], connect: Connect, from_address: str,
                 interval: float = 5.0, max_age: timedelta = timedelta(hours=24), batch_size: int = 50,
                 max_backoff: float = 300.0) -> None:
        self.session_factory, self.connect, self.from_address = session_factory, connect, from_address
        self.interval, self.max_age, self.batch_size, self.max_backoff = interval, max_age, batch_size, max_backoff
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def send_due(self) -> int:
        """Send one batch; returns how many messages were settled (sent or failed).

        Raises what broke the SMTP session (after recording the messages settled before it broke).
        """
        settled, broken = 0, None
        async with self.session_factory() as session, session.begin():
            messages = await NotificationRepository(session).claim_unsent(limit=self.batch_size, max_age=self.max_age)
            if not messages:
                return 0
            try:
                async with self.connect() as outgoing:
                    for message in messages:
                        settled += await self._send_one(outgoing, message)
            except Exception as exc:  # the SMTP session broke off: keep what was settled, then report it
                broken = exc
        if broken is not None:
            raise broken
        return settled

    async def _send_one(self, outgoing: Outgoing, message: MailMessage) -> int:
        try:
            await outgoing.send(self._email(message))
        except aiosmtplib.SMTPRecipientsRefused as exc:
            return self._refused(message, [r.code for r in exc.recipients], str(exc.recipients))
        except (aiosmtplib.SMTPRecipientRefused, aiosmtplib.SMTPDataError) as exc:
            return self._refused(message, [exc.code], exc.message)
        message.status, message.sent_at, message.error = "sent", datetime.now(UTC), None
        return 1

    def _refused(self, message: MailMessage, codes: list[int], reason: str) -> int:
        if codes and all(code >= 500 for code in codes):
            message.status, message.error = "failed", f"refused by the mail server: {reason}"[:MAX_ERROR_LENGTH]
            return 1
        logger.info("mail server deferred a message; it stays queued", extra={"mail_id": str(message.id)})
        return 0

    def _email(self, message: MailMessage) -> EmailMessage:
        email = EmailMessage()
        email["From"] = self.from_address
        email["To"] = message.to_address
        email["Subject"] = message.subject_line
        email["Date"] = format_datetime(datetime.now(UTC))
        email["Message-ID"] = make_msgid(idstring=message.id.hex)
        email.set_content(message.body)
        return email

    # -- the background loop -----------------------------------------------------------------------------------

    def start(self) -> None:
        if self._task is None:
            self._stopping.clear()
            self._task = asyncio.create_task(self.run(), name="mail-sender")

    async def stop(self, *, grace: float = 10.0) -> None:
        self._stopping.set()
        task, self._task = self._task, None
        if task is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(task, timeout=grace)

    async def run(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            try:
                settled = await self.send_due()
            except Exception as exc:
                failures += 1
                delay = min(self.interval * 2 ** failures, self.max_backoff)
                delay *= 0.8 + 0.4 * random.random()  # noqa: S311  (jitter, not a secret)
                logger.warning("sending mail failed: %s: %s; retrying in %.0f s", type(exc).__name__, exc, delay)
            else:
                failures = 0
                delay = 0.0 if settled >= self.batch_size else self.interval
            if delay:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), timeout=delay)


# -- in the service's lifespan -----------------------------------------------------------------------------------


async def start_mail_sender(app: FastAPI) -> None:
    settings: ProposalsSettings = app.state.settings
    app.state.mail_sender = None
    if not settings.smtp_host:
        logger.info("SMTP is not configured (PROPOSALS_SMTP_HOST): e-mails are only logged, at GET /mail-log")
        return
    sender = MailSender(
        session_factory=lambda: app.state.sessionmaker(), connect=smtp_connect(settings),
        from_address=settings.smtp_from_address, interval=settings.mail_poll_seconds,
        max_age=timedelta(hours=settings.mail_max_age_hours),
    )
    sender.start()
    app.state.mail_sender = sender
    logger.info("sending e-mail through %s:%s", settings.smtp_host, settings.smtp_port)


async def stop_mail_sender(app: FastAPI) -> None:
    sender: MailSender | None = getattr(app.state, "mail_sender", None)
    if sender is not None:
        await sender.stop()
