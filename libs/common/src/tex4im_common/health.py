"""Liveness and readiness probes."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tex4im_common.problems import ServiceUnavailable, problem_responses

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    service: str
    checks: dict[str, str] = {}


@router.get("/healthz", summary="Liveness")
async def liveness(request: Request) -> Health:
    """The process is up and serving requests."""
    return Health(status="ok", service=request.app.title)


@router.get("/readyz", summary="Readiness", responses=problem_responses(503))
async def readiness(request: Request) -> Health:
    """The service can reach its database and may receive traffic."""
    engine: AsyncEngine = request.app.state.engine
    try:
        async with asyncio.timeout(2):
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
    except Exception as exc:
        raise ServiceUnavailable("The database is not reachable.") from exc
    return Health(status="ready", service=request.app.title, checks={"database": "ok"})
