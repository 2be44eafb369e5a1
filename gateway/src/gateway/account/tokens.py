"""The browser's session tokens: a short-lived signed access token and an opaque, rotated refresh token."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from tex4im_common.identity import (
    Identity,
    IdentityTokenSigner,
    IdentityTokenVerifier,
    public_key_pem_from_private,
)

ACCESS_AUDIENCE = "gateway"


class AccessTokenCodec:
    """Access tokens are identity tokens addressed to the gateway itself, so requests need no database."""

    def __init__(self, private_key_pem: str, *, ttl: timedelta) -> None:
        self._signer = IdentityTokenSigner(private_key_pem, ttl=ttl)
        self._verifier = IdentityTokenVerifier(public_key_pem_from_private(private_key_pem), audience=ACCESS_AUDIENCE)
        self.ttl = ttl

    def issue(self, identity: Identity) -> str:
        return self._signer.sign(identity, audience=ACCESS_AUDIENCE)

    def read(self, token: str) -> Identity:
        return self._verifier.verify(token)


def new_refresh_token() -> tuple[str, str]:
    """A fresh refresh token and the hash that is stored instead of it."""
    token = secrets.token_urlsafe(32)
    return token, hash_refresh_token(token)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_csrf_token() -> str:
    return secrets.token_urlsafe(24)
