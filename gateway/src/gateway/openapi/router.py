"""The merged OpenAPI document, built from the live services and cached briefly."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
from fastapi import APIRouter, Request

from gateway.openapi.merge import merge_openapi
from gateway.proxy.upstreams import Upstreams

router = APIRouter(tags=["platform"])
CACHE_SECONDS = 30.0


async def _fetch(client: httpx.AsyncClient) -> dict[str, Any] | None:
    try:
        response = await client.get("/openapi.json", timeout=2.0)
        response.raise_for_status()
        return response.json()
    except (httpx.HTTPError, ValueError):
        return None


@router.get("/api/openapi.json", include_in_schema=False)
async def merged_openapi(request: Request) -> dict[str, Any]:
    """The whole platform's API: the gateway's routes and each service's under /api/<service>."""
    cached = getattr(request.app.state, "merged_openapi", None)
    if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
        return cached[1]
    upstreams: Upstreams = request.app.state.upstreams
    names = upstreams.names()
    documents = await asyncio.gather(*(_fetch(upstreams[n].client) for n in names))
    available = {n: d for n, d in zip(names, documents, strict=True) if d is not None}
    merged = merge_openapi(request.app.openapi(), available)
    missing = sorted(set(names) - set(available))
    if missing:
        merged["info"]["x-unavailable-services"] = missing
    else:
        request.app.state.merged_openapi = (time.monotonic(), merged)
    return merged
