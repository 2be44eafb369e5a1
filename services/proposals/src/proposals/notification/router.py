"""A person's notifications and the mail log over HTTP."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from proposals.access import AccessDep
from proposals.notification.repository import NotificationRepository
from proposals.notification.schemas import MailLogPage, MarkReadIn, MarkReadOut, NotificationPage, UnreadCountOut
from proposals.notification.service import NotificationService

router = APIRouter(tags=["notifications"], responses=problem_responses(401, 422))


def _service(session: SessionDep) -> NotificationService:
    return NotificationService(NotificationRepository(session))


ServiceDep = Annotated[NotificationService, Depends(_service)]


@router.get("/me/notifications", response_model=NotificationPage)
async def list_my_notifications(
    access: AccessDep, service: ServiceDep, page: PageParamsDep,
    unread_only: Annotated[bool, Query(description="Only those you have not marked read.")] = False,
) -> NotificationPage:
    """Your notifications (to you, your organisations, the regions you manage, the admin), newest first."""
    return await service.mine(access=access, unread_only=unread_only, params=page)


@router.get("/me/notifications/unread-count", response_model=UnreadCountOut)
async def count_my_unread_notifications(access: AccessDep, service: ServiceDep) -> UnreadCountOut:
    """How many of your notifications you have not read yet (for the bell in the header)."""
    return await service.unread_count(access=access)


@router.post("/me/notifications/read", response_model=MarkReadOut, responses=problem_responses(404))
async def mark_my_notifications_read(access: AccessDep, service: ServiceDep, body: MarkReadIn) -> MarkReadOut:
    """Mark notifications read, by id or all at once; repeating it changes nothing."""
    return await service.mark_read(access=access, ids=body.ids if not body.all else None)


@router.get("/mail-log", response_model=MailLogPage, responses=problem_responses(403))
async def list_mail_log(access: AccessDep, service: ServiceDep, page: PageParamsDep) -> MailLogPage:
    """The e-mails the service sent or, without SMTP, only logged, newest first; the consortium admin."""
    return await service.mail_log(access=access, params=page)
