import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from tex4im_common.db import SessionDep
from tex4im_common.problems import problem_responses

from gateway.account.repository import SessionRepository, UserRepository
from gateway.account.schemas import LoginIn, MeOut, MeUpdate
from gateway.account.service import AccountService, SignedIn, identity_of
from gateway.account.tokens import AccessTokenCodec
from gateway.settings import GatewaySettings
from gateway.web_session import (
    REFRESH_COOKIE,
    CsrfChecked,
    SignedInIdentity,
    check_csrf,
    clear_session_cookies,
    set_session_cookies,
)

auth_router = APIRouter(prefix="/api/auth", tags=["auth"])
me_router = APIRouter(prefix="/api/me", tags=["me"], responses=problem_responses(401))


def _service(request: Request, session: SessionDep) -> AccountService:
    settings: GatewaySettings = request.app.state.settings
    return AccountService(UserRepository(session), SessionRepository(session),
                          refresh_ttl=timedelta(days=settings.refresh_ttl_days))


AccountServiceDep = Annotated[AccountService, Depends(_service)]


def _start_session(request: Request, response: Response, signed_in: SignedIn, *, new_csrf: bool) -> MeOut:
    codec: AccessTokenCodec = request.app.state.access_tokens
    set_session_cookies(response, request.app.state.settings,
                        access_token=codec.issue(identity_of(signed_in.user)), refresh_token=signed_in.refresh_token,
                        new_csrf=new_csrf)
    response.headers["Cache-Control"] = "no-store"
    return MeOut.model_validate(signed_in.user)


@auth_router.post("/login", responses=problem_responses(401, 422))
async def login(body: LoginIn, request: Request, response: Response, service: AccountServiceDep) -> MeOut:
    """Sign in with email and password; sets the HttpOnly session cookies and the CSRF cookie."""
    signed_in = await service.login(email=body.email, password=body.password,
                                    user_agent=request.headers.get("user-agent"))
    return _start_session(request, response, signed_in, new_csrf=True)


def _refresh_token_of_a_genuine_request(request: Request) -> str | None:
    """The refresh cookie, once the CSRF header proves the page is ours; with no session there is nothing to
    protect, so the answer is a plain 401 (no session) rather than a 403."""
    token = request.cookies.get(REFRESH_COOKIE)
    if token:
        check_csrf(request)
    return token


RefreshTokenDep = Annotated[str | None, Depends(_refresh_token_of_a_genuine_request)]


@auth_router.post("/refresh", responses=problem_responses(401, 403))
async def refresh(request: Request, response: Response, service: AccountServiceDep,
                  refresh_token: RefreshTokenDep) -> MeOut:
    """Exchange the refresh cookie for a new access cookie; the refresh token is rotated."""
    signed_in = await service.refresh(refresh_token=refresh_token)
    return _start_session(request, response, signed_in, new_csrf=False)


@auth_router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(403))
async def logout(request: Request, service: AccountServiceDep, refresh_token: RefreshTokenDep) -> Response:
    """End this browser's session and clear its cookies."""
    await service.logout(refresh_token=refresh_token)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    clear_session_cookies(response, request.app.state.settings)
    return response


@me_router.get("")
async def get_me(identity: SignedInIdentity, service: AccountServiceDep) -> MeOut:
    """The signed-in user with their memberships (role, region, organisation)."""
    return MeOut.model_validate(await service.me(user_id=uuid.UUID(identity.subject)))


@me_router.patch("", dependencies=[CsrfChecked], responses=problem_responses(403, 422))
async def update_me(body: MeUpdate, identity: SignedInIdentity, service: AccountServiceDep) -> MeOut:
    """Change the signed-in user's own preferences (today: the interface language)."""
    return MeOut.model_validate(await service.update_locale(user_id=uuid.UUID(identity.subject), locale=body.locale))
