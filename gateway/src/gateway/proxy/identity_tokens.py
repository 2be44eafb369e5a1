"""Identity tokens for upstream calls, reused for half their life so each request does not pay a signature."""

from __future__ import annotations

import time

from tex4im_common.identity import Identity, IdentityTokenSigner

MAX_CACHED = 10_000


class UpstreamTokenIssuer:
    def __init__(self, signer: IdentityTokenSigner) -> None:
        self._signer = signer
        self._reuse_for = signer.ttl.total_seconds() / 2
        self._cache: dict[tuple[str, str], tuple[float, str]] = {}

    def token_for(self, identity: Identity, *, audience: str, session_key: str) -> str:
        """A token for `audience`; `session_key` (the caller's access token) identifies the same identity."""
        key = (session_key, audience)
        now = time.monotonic()
        cached = self._cache.get(key)
        if cached and now - cached[0] < self._reuse_for:
            return cached[1]
        if len(self._cache) >= MAX_CACHED:
            self._cache.clear()
        token = self._signer.sign(identity, audience=audience)
        self._cache[key] = (now, token)
        return token
