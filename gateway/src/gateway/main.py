"""The gateway: identity, the one door to the services, the merged API description and the SPA."""

from datetime import timedelta

from fastapi import FastAPI
from tex4im_common.app import create_service_app
from tex4im_common.identity import IdentityTokenSigner

from gateway.account.router import auth_router, me_router
from gateway.account.tokens import AccessTokenCodec
from gateway.db import SCHEMA
from gateway.openapi.router import router as openapi_router
from gateway.proxy.identity_tokens import UpstreamTokenIssuer
from gateway.proxy.router import build_proxy_router
from gateway.proxy.upstreams import Upstreams
from gateway.security_headers import SecurityHeadersMiddleware
from gateway.service_tokens.router import router as service_token_router
from gateway.service_tokens.service import ServiceTokenIssuer
from gateway.settings import GatewaySettings
from gateway.spa import mount_spa

OPENAPI_TAGS = [
    {"name": "auth", "description": "Signing in and out of the web app (HttpOnly cookies, CSRF double submit), "
     "and the services' own tokens (OAuth 2.0 client credentials)."},
    {"name": "me", "description": "The signed-in user."},
]


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()

    async def start(app: FastAPI) -> None:
        private_key = settings.identity_private_key_pem()
        app.state.access_tokens = AccessTokenCodec(private_key, ttl=timedelta(seconds=settings.access_ttl_seconds))
        app.state.upstream_tokens = UpstreamTokenIssuer(
            IdentityTokenSigner(private_key, ttl=timedelta(seconds=settings.identity_token_ttl_seconds))
        )
        app.state.upstreams = Upstreams(settings)
        app.state.service_tokens = ServiceTokenIssuer(
            IdentityTokenSigner(private_key, ttl=timedelta(seconds=settings.service_token_ttl_seconds)),
            clients=settings.service_client_secrets(), audiences=settings.upstream_urls(),
        )

    async def stop(app: FastAPI) -> None:
        await app.state.upstreams.aclose()

    app = create_service_app(
        name=SCHEMA,
        settings=settings,
        title="TEX4IM platform API",
        description=(
            "The TEX4IM platform behind one gateway. The gateway signs users in and forwards each request to "
            "the service that owns it (intelligence, proposals, matchmaking) under /api/<service>/."
        ),
        routers=[auth_router, service_token_router, me_router, openapi_router,
                 build_proxy_router(list(settings.upstream_urls()))],
        openapi_tags=OPENAPI_TAGS,
        on_startup=start,
        on_shutdown=stop,
        verify_identity=False,
        openapi_url=None,
    )
    app.add_middleware(SecurityHeadersMiddleware)
    mount_spa(app, settings.spa_dir)
    return app
