"""Telling people what happened: in-app notifications for an audience, their read state, and the mail they cause.

`notify` is what every package calls; the rest serves a person their own notifications and the admin the mail
log. Mail delivery itself is notification/mail.py.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.pagination import PageParams

from proposals.access import Access
from proposals.errors import NotificationNotFound
from proposals.notification import mail
from proposals.notification.models import Notification
from proposals.notification.repository import NotificationRepository, Recipient
from proposals.notification.schemas import (
    MailLogPage,
    MailMessageOut,
    MarkReadOut,
    NotificationOut,
    NotificationPage,
    UnreadCountOut,
)
from proposals.vocab import Audience


async def notify(
    session: AsyncSession, *, audience: Audience, key: str | uuid.UUID = "", kind: str, title: str, body: str = "",
    link: str | None = None, proposal_id: uuid.UUID | None = None,
) -> Notification:
    """Record a notification in the request's transaction: it exists exactly when the change it reports does.

    Every known person of the audience with an e-mail address gets a message in the mail log, in the same
    transaction; the mail sender delivers it after the commit when SMTP is configured.
    """
    notification = Notification(
        audience=audience.value, audience_key=str(key), kind=kind, title=title, body=body, link=link,
        proposal_id=proposal_id, created_at=datetime.now(UTC),  # not now(): a request's several keep their order
    )
    session.add(notification)
    await session.flush()
    await mail.queue_for(NotificationRepository(session), notification)
    return notification


def recipient_of(access: Access) -> Recipient:
    identity = access.require_user()
    return Recipient(
        subject=identity.subject, organisation_ids=frozenset(access.member_organisations),
        managed_regions=frozenset(access.managed_regions), is_admin=access.is_admin,
        is_evaluator=access.is_evaluator,
    )


class NotificationService:
    def __init__(self, repository: NotificationRepository) -> None:
        self.repository = repository

    async def mine(self, *, access: Access, unread_only: bool, params: PageParams) -> NotificationPage:
        """The caller's notifications, newest first, each saying whether the caller has read it."""
        rows, next_cursor = await self.repository.list_for(recipient_of(access), unread_only=unread_only,
                                                           params=params)
        return NotificationPage(items=[_out(n, read_at) for n, read_at in rows], next_cursor=next_cursor)

    async def unread_count(self, *, access: Access) -> UnreadCountOut:
        return UnreadCountOut(unread=await self.repository.unread_count(recipient_of(access)))

    async def mark_read(self, *, access: Access, ids: list[uuid.UUID] | None) -> MarkReadOut:
        """Mark some (or, with None, all) of the caller's notifications read; ids not theirs are 404, none marked."""
        recipient = recipient_of(access)
        if ids is not None:
            ids = list(dict.fromkeys(ids))
            addressed = await self.repository.addressed_ids(recipient, ids)
            missing = [i for i in ids if i not in addressed]
            if missing:
                raise NotificationNotFound(
                    f"You have no notification {', '.join(str(i) for i in missing)}; nothing was marked read."
                )
        marked = await self.repository.mark_read(recipient, ids)
        return MarkReadOut(marked=marked, unread=await self.repository.unread_count(recipient))

    async def mail_log(self, *, access: Access, params: PageParams) -> MailLogPage:
        access.require_admin(what="read the mail log")
        rows, next_cursor = await self.repository.mail_log(params)
        return MailLogPage(items=[MailMessageOut.model_validate(row) for row in rows], next_cursor=next_cursor)


def _out(notification: Notification, read_at: object) -> NotificationOut:
    return NotificationOut(
        id=notification.id, audience=Audience(notification.audience), kind=notification.kind,
        title=notification.title, body=notification.body, link=notification.link,
        proposal_id=notification.proposal_id, created_at=notification.created_at, read=read_at is not None,
        read_at=read_at,  # type: ignore[arg-type]
    )
