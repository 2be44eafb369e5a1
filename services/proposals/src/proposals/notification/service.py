"""Telling people what happened: in-app notifications for an audience (mail delivery: notification/mail.py)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from proposals.notification.models import Notification
from proposals.vocab import Audience


async def notify(
    session: AsyncSession, *, audience: Audience, key: str | uuid.UUID = "", kind: str, title: str, body: str = "",
    link: str | None = None, proposal_id: uuid.UUID | None = None,
) -> Notification:
    """Record a notification in the request's transaction: it exists exactly when the change it reports does."""
    notification = Notification(
        audience=audience.value, audience_key=str(key), kind=kind, title=title, body=body, link=link,
        proposal_id=proposal_id,
    )
    session.add(notification)
    await session.flush()
    return notification
