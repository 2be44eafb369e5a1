"""The browser session on the wire: cookies, the CSRF double-submit check, and the caller's identity."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Request, Response
from tex4im_common.identity import Identity
from tex4im_common.problems import Unauthorized

from gateway.account.tokens import AccessTokenCodec, new_csrf_token
from gateway.errors import CsrfRejected
from gateway.settings import GatewaySettings

ACCESS_COOKIE = "tex4im_access"
REFRESH_COOKIE = "tex4im_refresh"
CSRF_COOKIE = "tex4im_csrf"
CSRF_HEADER = "x-csrf-token"
REFRESH_COOKIE_PATH = "/api/auth"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def set_session_cookies(response: Response, settings: GatewaySettings, *, access_token: str,
                        refresh_token: str | None, new_csrf: bool) -> None:
    """Set the access cookie, and the refresh cookie when it was rotated; the CSRF cookie only at sign-in,
    so other open tabs keep a valid one."""
    secure = settings.cookie_secure
    response.set_cookie(ACCESS_COOKIE, access_token, max_age=settings.access_ttl_seconds, httponly=True,
                        secure=secure, samesite="lax", path="/")
    if refresh_token is not None:
        max_age = settings.refresh_ttl_days * 86400
        response.set_cookie(REFRESH_COOKIE, refresh_token, max_age=max_age, httponly=True, secure=secure,
                            samesite="strict", path=REFRESH_COOKIE_PATH)
    if new_csrf:
        response.set_cookie(CSRF_COOKIE, new_csrf_token(), max_age=settings.refresh_ttl_days * 86400,
                            httponly=False, secure=secure, samesite="strict", path="/")


def clear_session_cookies(response: Response, settings: GatewaySettings) -> None:
    for name, path in ((ACCESS_COOKIE, "/"), (REFRESH_COOKIE, REFRESH_COOKIE_PATH), (CSRF_COOKIE, "/")):
        response.delete_cookie(name, path=path, secure=settings.cookie_secure, httponly=name != CSRF_COOKIE,
                               samesite="strict" if name != ACCESS_COOKIE else "lax")


def check_csrf(request: Request) -> None:
    """Unsafe requests that ride on the session cookie must echo the CSRF cookie in a header.

    A cross-site page can make the browser send our cookies, but it can neither read the CSRF cookie
    nor set a custom header without a CORS preflight, which the gateway never grants.
    """
    if request.method in SAFE_METHODS:
        return
    cookie = request.cookies.get(CSRF_COOKIE)
    header = request.headers.get(CSRF_HEADER)
    if not cookie or not header or not secrets.compare_digest(cookie, header):
        raise CsrfRejected(f"Send the value of the {CSRF_COOKIE} cookie in the X-CSRF-Token header.")


def session_identity(request: Request) -> Identity | None:
    """The signed-in user from the access cookie; None when there is no cookie, 401 when it is bad or old."""
    token = request.cookies.get(ACCESS_COOKIE)
    if not token:
        return None
    codec: AccessTokenCodec = request.app.state.access_tokens
    return codec.read(token)


def _signed_in(request: Request) -> Identity:
    identity = session_identity(request)
    if identity is None:
        raise Unauthorized("Sign in first.")
    return identity


SignedInIdentity = Annotated[Identity, Depends(_signed_in)]
CsrfChecked = Depends(check_csrf)
