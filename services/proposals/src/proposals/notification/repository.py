"""All SQL about notifications, their read state, the people they reach and the mail log."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, literal, or_, select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from tex4im_common.pagination import PageParams, decode_cursor, encode_cursor

from proposals.notification.models import MailMessage, Notification, NotificationRead, Person
from proposals.vocab import Audience

# a person's row is rewritten at most this often when nothing about them changed
SEEN_REFRESH = timedelta(hours=1)


@dataclass(frozen=True)
class Recipient:
    """Who is asking for their notifications: the audiences they belong to."""

    subject: str
    organisation_ids: frozenset[uuid.UUID]
    managed_regions: frozenset[str]
    is_admin: bool
    is_evaluator: bool


@dataclass(frozen=True)
class PersonFacts:
    """What the identity token says about a signed-in user, as the person row keeps it."""

    subject: str
    name: str | None
    email: str | None
    organisation_ids: list[uuid.UUID]
    managed_regions: list[str]
    is_admin: bool
    is_evaluator: bool


def _addressed_to(recipient: Recipient) -> ColumnElement[bool]:
    """The notifications whose audience includes the recipient."""
    clauses = [and_(Notification.audience == Audience.person.value, Notification.audience_key == recipient.subject)]
    if recipient.organisation_ids:
        clauses.append(and_(Notification.audience == Audience.organisation.value,
                            Notification.audience_key.in_(sorted(str(o) for o in recipient.organisation_ids))))
    if recipient.managed_regions:
        clauses.append(and_(Notification.audience == Audience.region_managers.value,
                            Notification.audience_key.in_(sorted(recipient.managed_regions))))
    if recipient.is_admin:
        clauses.append(Notification.audience == Audience.admins.value)
    if recipient.is_evaluator:
        clauses.append(and_(Notification.audience == Audience.evaluator.value,
                            Notification.audience_key == recipient.subject))
    return or_(*clauses)


def _people_of(audience: str, key: str) -> ColumnElement[bool]:
    """The known people an audience reaches."""
    if audience in (Audience.person.value, Audience.evaluator.value):
        return Person.subject == key
    if audience == Audience.organisation.value:
        try:
            organisation_id = uuid.UUID(key)
        except ValueError:
            return false()
        return Person.organisation_ids.contains([organisation_id])  # @>: the GIN index
    if audience == Audience.region_managers.value:
        return Person.managed_regions.contains([key])
    if audience == Audience.admins.value:
        return Person.is_admin.is_(True)
    return false()


async def _newest_first(
    session: AsyncSession, statement: Select[Any], *, keys: Sequence[InstrumentedAttribute[Any]], params: PageParams,
) -> tuple[list[Any], str | None]:
    """A page of `statement` ordered by the unique key tuple `keys`, descending."""
    if params.cursor:
        statement = statement.where(tuple_(*keys) < tuple_(*decode_cursor(params.cursor, keys)))
    statement = statement.order_by(*(key.desc() for key in keys)).limit(params.limit + 1)
    rows = list((await session.execute(statement)).all())
    if len(rows) <= params.limit:
        return rows, None
    rows = rows[: params.limit]
    last = rows[-1][0]
    return rows, encode_cursor([getattr(last, key.key) for key in keys])


class NotificationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # -- a recipient's notifications and their read state ------------------------------------------------------

    async def list_for(self, recipient: Recipient, *, unread_only: bool,
                       params: PageParams) -> tuple[list[tuple[Notification, datetime | None]], str | None]:
        """(notification, when the recipient read it) newest first."""
        statement = (
            select(Notification, NotificationRead.read_at)
            .outerjoin(NotificationRead, and_(NotificationRead.notification_id == Notification.id,
                                              NotificationRead.subject == recipient.subject))
            .where(_addressed_to(recipient))
        )
        if unread_only:
            statement = statement.where(NotificationRead.notification_id.is_(None))
        rows, next_cursor = await _newest_first(
            self.session, statement, keys=[Notification.created_at, Notification.id], params=params
        )
        return [(row[0], row[1]) for row in rows], next_cursor

    def _unread(self, recipient: Recipient) -> ColumnElement[bool]:
        return and_(_addressed_to(recipient), ~exists().where(
            NotificationRead.notification_id == Notification.id, NotificationRead.subject == recipient.subject,
        ))

    async def unread_count(self, recipient: Recipient) -> int:
        return await self.session.scalar(select(func.count()).select_from(Notification)
                                         .where(self._unread(recipient))) or 0

    async def addressed_ids(self, recipient: Recipient, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Those of `ids` that are the recipient's notifications."""
        found = await self.session.scalars(
            select(Notification.id).where(Notification.id.in_(ids), _addressed_to(recipient))
        )
        return set(found.all())

    async def mark_read(self, recipient: Recipient, ids: Sequence[uuid.UUID] | None) -> int:
        """Record the recipient's reading of `ids` (None: of all their unread ones); returns how many were new."""
        condition = self._unread(recipient)
        if ids is not None:
            condition = and_(condition, Notification.id.in_(ids))
        statement = (
            insert(NotificationRead)
            .from_select(["notification_id", "subject"],
                         select(Notification.id, literal(recipient.subject)).where(condition))
            .on_conflict_do_nothing()
            .returning(NotificationRead.notification_id)
        )
        return len((await self.session.execute(statement)).all())

    # -- people ----------------------------------------------------------------------------------------------

    async def remember_person(self, facts: PersonFacts) -> None:
        """Insert or refresh the person in one statement, writing only when something changed or seen_at is old.

        An existing row that needs no change is neither written nor locked, and one another request is
        refreshing right now is skipped, so a user's parallel requests never wait on each other here.
        """
        table = Person.__table__
        columns = {
            "name": facts.name, "email": facts.email, "organisation_ids": facts.organisation_ids,
            "managed_regions": facts.managed_regions, "is_admin": facts.is_admin, "is_evaluator": facts.is_evaluator,
        }
        values = {name: literal(value, table.c[name].type) for name, value in columns.items()}
        stale = or_(table.c.seen_at < func.now() - SEEN_REFRESH,
                    *(table.c[name].is_distinct_from(value) for name, value in values.items()))
        due = (select(table.c.subject).where(table.c.subject == facts.subject, stale)
               .with_for_update(skip_locked=True).cte("due"))
        refreshed = (table.update().where(table.c.subject.in_(select(due.c.subject)))
                     .values(**values, seen_at=func.now()).returning(table.c.subject).cte("refreshed"))
        new_row = (select(literal(facts.subject, table.c.subject.type), *values.values(), func.now())
                   .where(~exists().where(table.c.subject == facts.subject)))
        statement = (
            insert(table).from_select(["subject", *values, "seen_at"], new_row)
            .on_conflict_do_nothing().add_cte(refreshed)
        )
        await self.session.execute(statement)

    # -- mail ------------------------------------------------------------------------------------------------

    async def queue_mail(self, notification: Notification, *, subject_line: str, body: str) -> int:
        """A logged message to every known person of the notification's audience who has an address."""
        people = select(
            func.gen_random_uuid(), literal(notification.id), Person.email, literal(subject_line), literal(body),
            literal("logged"),
        ).where(_people_of(notification.audience, notification.audience_key), Person.email.is_not(None),
                Person.email != "")
        statement = (
            insert(MailMessage)
            .from_select(["id", "notification_id", "to_address", "subject_line", "body", "status"], people)
            .returning(MailMessage.id)
        )
        return len((await self.session.execute(statement)).all())

    async def claim_unsent(self, *, limit: int, max_age: timedelta) -> list[MailMessage]:
        """Logged messages still to send, oldest first, locked so another sender skips them."""
        statement = (
            select(MailMessage)
            .where(MailMessage.status == "logged", MailMessage.sent_at.is_(None),
                   MailMessage.created_at > func.now() - max_age)
            .order_by(MailMessage.created_at, MailMessage.id).limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list((await self.session.scalars(statement)).all())

    async def mail_log(self, params: PageParams) -> tuple[list[MailMessage], str | None]:
        rows, next_cursor = await _newest_first(
            self.session, select(MailMessage), keys=[MailMessage.created_at, MailMessage.id],
            params=params,
        )
        return [row[0] for row in rows], next_cursor
