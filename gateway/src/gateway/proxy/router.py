"""`/api/<service>/...`: the one door to each service."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from gateway.proxy.forward import forward
from gateway.proxy.identity_tokens import UpstreamTokenIssuer
from gateway.proxy.upstreams import Upstreams
from gateway.web_session import ACCESS_COOKIE, check_csrf, session_identity

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


async def _proxy(request: Request, service: str, path: str) -> Response:
    identity = session_identity(request)
    bearer = None
    if identity is not None:
        check_csrf(request)
        issuer: UpstreamTokenIssuer = request.app.state.upstream_tokens
        bearer = issuer.token_for(identity, audience=service, session_key=request.cookies[ACCESS_COOKIE])
    upstreams: Upstreams = request.app.state.upstreams
    return await forward(request, upstreams[service], path, bearer=bearer)


def _endpoint_for(service: str):
    async def proxy(request: Request, path: str) -> Response:
        return await _proxy(request, service, path)

    return proxy


def build_proxy_router(service_names: list[str]) -> APIRouter:
    router = APIRouter()
    for name in service_names:
        router.add_api_route(f"/api/{name}/{{path:path}}", _endpoint_for(name), methods=METHODS,
                             include_in_schema=False, name=f"proxy_{name}")
    return router
