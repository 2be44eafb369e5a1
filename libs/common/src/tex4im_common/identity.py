"""Identity tokens: the gateway signs who is calling; every service verifies it with the public key only.

A token is a short-lived JWT signed with Ed25519 (EdDSA). It names the subject, the audience (the one
service it is for), and the caller's memberships: role plus optional region and organisation scope.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Literal

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from fastapi import Depends, Request
from pydantic import BaseModel, ConfigDict, ValidationError

from tex4im_common.problems import Unauthorized

ISSUER = "tex4im-gateway"
ALGORITHM = "EdDSA"
TOKEN_TYPE = "tex4im-id+jwt"  # noqa: S105  (a JWT "typ", not a secret)


class Role(StrEnum):
    consortium_admin = "consortium_admin"
    cluster_manager = "cluster_manager"
    evaluator = "evaluator"
    member = "member"


class Membership(BaseModel):
    """A role, optionally limited to a NUTS-2 region and/or an organisation."""

    model_config = ConfigDict(frozen=True)

    role: Role
    region: str | None = None
    organisation_id: uuid.UUID | None = None


class Identity(BaseModel):
    """The verified caller, as a service sees it."""

    model_config = ConfigDict(frozen=True)

    subject: str
    kind: Literal["user", "client"] = "user"
    name: str | None = None
    email: str | None = None  # where the user can be reached; absent for clients and older tokens
    memberships: tuple[Membership, ...] = ()

    def has_role(self, *roles: Role) -> bool:
        return any(m.role in roles for m in self.memberships)

    @property
    def is_consortium_admin(self) -> bool:
        return self.has_role(Role.consortium_admin)

    def regions_with(self, *roles: Role) -> set[str]:
        """Regions where the caller holds one of `roles` (unscoped memberships are not counted here)."""
        return {m.region for m in self.memberships if m.role in roles and m.region}

    def organisations_with(self, *roles: Role) -> set[uuid.UUID]:
        return {m.organisation_id for m in self.memberships if m.role in roles and m.organisation_id}


class _Claims(BaseModel):
    sub: str
    kind: Literal["user", "client"] = "user"
    name: str | None = None
    email: str | None = None
    memberships: list[Membership] = []


# --- keys -------------------------------------------------------------------------------------------------


def generate_private_key_pem() -> str:
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def public_key_pem_from_private(private_pem: str) -> str:
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


def _load_private(pem: str) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("the identity signing key must be an Ed25519 private key")
    return key


def _load_public(pem: str) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem.encode())
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("the identity verification key must be an Ed25519 public key")
    return key


# --- signing (gateway) and verifying (services) -------------------------------------------------------------


class IdentityTokenSigner:
    """Signs identity tokens for one issuer; used by the gateway and by tests."""

    def __init__(self, private_key_pem: str, *, ttl: timedelta = timedelta(seconds=60)) -> None:
        self._key = _load_private(private_key_pem)
        self.ttl = ttl

    def sign(self, identity: Identity, *, audience: str, now: datetime | None = None,
             ttl: timedelta | None = None) -> str:
        issued = now or datetime.now(UTC)
        claims = {
            "iss": ISSUER,
            "aud": audience,
            "sub": identity.subject,
            "kind": identity.kind,
            "name": identity.name,
            "memberships": [m.model_dump(mode="json", exclude_none=True) for m in identity.memberships],
            "iat": issued,
            "nbf": issued - timedelta(seconds=5),
            "exp": issued + (ttl or self.ttl),
            "jti": uuid.uuid4().hex,
        }
        if identity.email is not None:
            claims["email"] = identity.email
        return jwt.encode(claims, self._key, algorithm=ALGORITHM, headers={"typ": TOKEN_TYPE})


class IdentityTokenVerifier:
    """Verifies identity tokens addressed to one service.

    A token that verified is remembered until it expires: the gateway reuses a token for many requests,
    and a signature check costs more than the rest of a small request.
    """

    MAX_REMEMBERED = 10_000

    def __init__(self, public_key_pem: str, *, audience: str, leeway: timedelta = timedelta(seconds=5)) -> None:
        self._key = _load_public(public_key_pem)
        self.audience = audience
        self.leeway = leeway
        self._verified: dict[str, tuple[Identity, float]] = {}

    def verify(self, token: str) -> Identity:
        remembered = self._verified.get(token)
        if remembered is not None:
            if time.time() < remembered[1]:
                return remembered[0]
            del self._verified[token]
        identity, expires_at = self._verify_signature_and_claims(token)
        if len(self._verified) >= self.MAX_REMEMBERED:
            self._verified.clear()
        self._verified[token] = (identity, expires_at)
        return identity

    def _verify_signature_and_claims(self, token: str) -> tuple[Identity, float]:
        try:
            header = jwt.get_unverified_header(token)
            if header.get("typ") != TOKEN_TYPE:
                raise Unauthorized("The bearer token is not a TEX4IM identity token.")
            claims = jwt.decode(
                token, self._key, algorithms=[ALGORITHM], audience=self.audience, issuer=ISSUER,
                leeway=self.leeway, options={"require": ["exp", "iat", "sub", "aud", "iss"]},
            )
            parsed = _Claims.model_validate(claims)
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("The identity token has expired.") from exc
        except jwt.InvalidAudienceError as exc:
            raise Unauthorized(f"The identity token is not addressed to {self.audience}.") from exc
        except (jwt.InvalidTokenError, ValidationError) as exc:
            raise Unauthorized("The identity token is invalid.") from exc
        identity = Identity(subject=parsed.sub, kind=parsed.kind, name=parsed.name, email=parsed.email,
                            memberships=tuple(parsed.memberships))
        return identity, float(claims["exp"]) + self.leeway.total_seconds()


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    return token.strip()


async def _current_identity(request: Request) -> Identity:
    token = bearer_token(request)
    if token is None:
        raise Unauthorized("This resource needs an identity token from the gateway.")
    verifier: IdentityTokenVerifier = request.app.state.identity_verifier
    return verifier.verify(token)


CurrentIdentity = Annotated[Identity, Depends(_current_identity)]


async def verify_presented_identity(request: Request) -> Identity | None:
    """The caller if a token came with the request (and it verifies), else None for an anonymous visitor.

    A token that is presented must verify, even on a route open to anonymous visitors: a forged or expired
    token is a 401, never silently read as "anonymous".
    """
    if bearer_token(request) is None:
        return None
    return await _current_identity(request)


OptionalIdentity = Annotated[Identity | None, Depends(verify_presented_identity)]
