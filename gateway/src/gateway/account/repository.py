"""All SQL about users, memberships and sessions."""

from __future__ import annotations

import uuid

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from gateway.account.models import User, UserSession


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get_by_email(self, email: str) -> User | None:
        statement = select(User).where(User.email == email.lower()).options(selectinload(User.memberships))
        return (await self.session.scalars(statement)).one_or_none()

    async def get(self, user_id: uuid.UUID) -> User | None:
        statement = select(User).where(User.id == user_id).options(selectinload(User.memberships))
        return (await self.session.scalars(statement)).one_or_none()

    def add(self, user: User) -> None:
        self.session.add(user)


class SessionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, user_session: UserSession) -> None:
        self.session.add(user_session)

    async def lock_by_token_hash(self, token_hash: str) -> UserSession | None:
        """The session whose current or previous refresh token has this hash, locked for the rotation."""
        statement = (
            select(UserSession)
            .where(or_(UserSession.refresh_token_hash == token_hash, UserSession.previous_token_hash == token_hash))
            .with_for_update()
        )
        return (await self.session.scalars(statement)).first()
