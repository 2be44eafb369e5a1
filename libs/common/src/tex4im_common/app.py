"""The one app factory every service and the gateway build on."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.routing import APIRoute

from tex4im_common.db import create_engine, create_sessionmaker
from tex4im_common.health import router as health_router
from tex4im_common.identity import IdentityTokenVerifier, verify_presented_identity
from tex4im_common.observability import RequestContextMiddleware, configure_logging
from tex4im_common.problems import install_problem_handlers
from tex4im_common.settings import ServiceSettings

StartupHook = Callable[[FastAPI], Awaitable[None]]


def operation_id(route: APIRoute) -> str:
    """Stable operation ids, `<tag>-<function name>`, which the generated TypeScript client is keyed by."""
    tag = str(route.tags[0]) if route.tags else "default"
    return f"{tag}-{route.name}"


def create_service_app(
    *,
    name: str,
    settings: ServiceSettings,
    title: str,
    description: str,
    routers: Sequence[APIRouter],
    openapi_tags: list[dict[str, Any]] | None = None,
    on_startup: StartupHook | None = None,
    on_shutdown: StartupHook | None = None,
    verify_identity: bool = True,
    openapi_url: str | None = "/openapi.json",
    dependencies: Sequence[Any] = (),
) -> FastAPI:
    """Build a service: logging, request ids, problem errors, health, a DB engine and identity verification.

    Nothing is connected at import or build time; the lifespan opens and closes every resource.
    `dependencies` (`Depends(...)`) run on every route of `routers`, after the identity check.
    """
    configure_logging(service=name, level=settings.log_level, json_lines=settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings, application_name=name)
        app.state.engine = engine
        app.state.sessionmaker = create_sessionmaker(engine)
        if verify_identity:
            app.state.identity_verifier = IdentityTokenVerifier(settings.identity_public_key_pem(), audience=name)
        try:
            if on_startup:
                await on_startup(app)
            yield
        finally:
            if on_shutdown:
                await on_shutdown(app)
            await engine.dispose()

    app = FastAPI(
        title=title,
        description=description,
        version="0.1.0",
        lifespan=lifespan,
        openapi_tags=openapi_tags,
        generate_unique_id_function=operation_id,
        openapi_url=openapi_url,
        docs_url="/docs" if openapi_url else None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.service_name = name
    install_problem_handlers(app)
    app.add_middleware(RequestContextMiddleware)
    app.include_router(health_router)
    # every route, public or not, refuses a presented token that does not verify
    guard = [Depends(verify_presented_identity)] if verify_identity else []
    guard += list(dependencies)
    for router in routers:
        app.include_router(router, dependencies=guard)
    return app
