"""Signing in and out, refreshing a session, and the signed-in user's own profile."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tex4im_common.identity import Identity, Membership
from tex4im_common.problems import NotFound

from gateway.account.models import User, UserSession
from gateway.account.passwords import verify_password
from gateway.account.repository import SessionRepository, UserRepository
from gateway.account.tokens import hash_refresh_token, new_refresh_token
from gateway.errors import InvalidCredentials, RefreshTokenReused, SessionEnded

# two tabs may refresh at the same moment with the same cookie; the loser is not a thief
REFRESH_RACE_GRACE = timedelta(seconds=10)


@dataclass(frozen=True)
class SignedIn:
    user: User
    refresh_token: str | None  # None when the caller keeps its current refresh token


def identity_of(user: User) -> Identity:
    return Identity(
        subject=str(user.id),
        kind="user",
        name=user.display_name,
        email=user.email,
        memberships=tuple(
            Membership(role=m.role, region=m.region, organisation_id=m.organisation_id) for m in user.memberships
        ),
    )


class AccountService:
    def __init__(self, users: UserRepository, sessions: SessionRepository, *, refresh_ttl: timedelta) -> None:
        self.users = users
        self.sessions = sessions
        self.refresh_ttl = refresh_ttl

    async def login(self, *, email: str, password: str, user_agent: str | None) -> SignedIn:
        user = await self.users.get_by_email(email.strip())
        if not verify_password(password, user.password_hash if user else None) or user is None or not user.is_active:
            raise InvalidCredentials("The email or password is not correct.")
        token, token_hash = new_refresh_token()
        self.sessions.add(UserSession(
            user_id=user.id, refresh_token_hash=token_hash, expires_at=datetime.now(UTC) + self.refresh_ttl,
            user_agent=(user_agent or "")[:300] or None,
        ))
        return SignedIn(user=user, refresh_token=token)

    async def refresh(self, *, refresh_token: str | None) -> SignedIn:
        """Rotate the refresh token; a replayed old token revokes the whole session."""
        if not refresh_token:
            raise SessionEnded("There is no session to refresh; sign in again.")
        presented = hash_refresh_token(refresh_token)
        user_session = await self.sessions.lock_by_token_hash(presented)
        now = datetime.now(UTC)
        if user_session is None or user_session.revoked_at is not None or user_session.expires_at <= now:
            raise SessionEnded("The session has ended; sign in again.")
        if presented == user_session.previous_token_hash:
            if user_session.rotated_at and now - user_session.rotated_at <= REFRESH_RACE_GRACE:
                user = await self._active_user(user_session.user_id)
                return SignedIn(user=user, refresh_token=None)
            user_session.revoked_at = now
            raise RefreshTokenReused("This sign-in was used from elsewhere and has been ended; sign in again.")
        user = await self._active_user(user_session.user_id)
        token, token_hash = new_refresh_token()
        user_session.previous_token_hash = user_session.refresh_token_hash
        user_session.refresh_token_hash = token_hash
        user_session.rotated_at = now
        return SignedIn(user=user, refresh_token=token)

    async def logout(self, *, refresh_token: str | None) -> None:
        if not refresh_token:
            return
        user_session = await self.sessions.lock_by_token_hash(hash_refresh_token(refresh_token))
        if user_session is not None and user_session.revoked_at is None:
            user_session.revoked_at = datetime.now(UTC)

    async def me(self, *, user_id: uuid.UUID) -> User:
        return await self._active_user(user_id)

    async def update_locale(self, *, user_id: uuid.UUID, locale: str) -> User:
        user = await self._active_user(user_id)
        user.locale = locale
        return user

    async def _active_user(self, user_id: uuid.UUID) -> User:
        user = await self.users.get(user_id)
        if user is None:
            raise NotFound("The signed-in user no longer exists.")
        if not user.is_active:
            raise SessionEnded("This account has been deactivated.")
        return user
