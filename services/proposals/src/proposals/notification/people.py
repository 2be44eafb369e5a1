"""The people the service has seen: who a signed-in user is, kept so notifications can be mailed to them.

`PersonSeen` runs on every route (main.py); it costs one statement per signed-in request and writes only when
the token says something new about the person, or once an hour to move `seen_at`. The event feed is left out:
machines and the admin's tools poll it, and a reader's write would hold back the feed it is reading (the feed
serves only transactions older than every running writer).
"""

from __future__ import annotations

from fastapi import Depends, Request
from tex4im_common.db import SessionDep
from tex4im_common.feed_consumer import FEED_PATH

from proposals.access import AccessDep
from proposals.notification.repository import NotificationRepository, PersonFacts


async def record_person(request: Request, access: AccessDep, session: SessionDep) -> None:
    """Remember the signed-in user as their identity token describes them (API clients are not people)."""
    if not access.is_user or getattr(request.scope.get("route"), "path", None) == FEED_PATH:
        return
    identity = access.require_user()
    await NotificationRepository(session).remember_person(PersonFacts(
        subject=identity.subject, name=identity.name, email=identity.email,
        organisation_ids=sorted(access.member_organisations), managed_regions=sorted(access.managed_regions),
        is_admin=access.is_admin, is_evaluator=access.is_evaluator,
    ))


PersonSeen = Depends(record_person)
