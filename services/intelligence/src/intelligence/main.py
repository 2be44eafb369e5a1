"""The intelligence service: the opportunity map of the eight regions."""

from fastapi import FastAPI
from tex4im_common.app import create_service_app
from tex4im_common.outbox import EVENTS_OPENAPI_TAG

import intelligence.all_models  # noqa: F401  (every mapper configured before the first query)
from intelligence.db import SCHEMA, outbox
from intelligence.priority.router import router as priority_router
from intelligence.region.router import router as region_router
from intelligence.settings import IntelligenceSettings

OPENAPI_TAGS = [
    {"name": "regions", "description": "The eight NUTS-2 regions of the partnership, their clusters and figures."},
    {"name": "priorities", "description": "The partnership's five thematic priorities."},
    EVENTS_OPENAPI_TAG,
]


def create_app(settings: IntelligenceSettings | None = None) -> FastAPI:
    return create_service_app(
        name=SCHEMA,
        settings=settings or IntelligenceSettings(),
        title="TEX4IM intelligence",
        description="Regions, clusters, organisations and opportunities of the TEX4IM partnership.",
        routers=[region_router, priority_router, outbox.router()],
        openapi_tags=OPENAPI_TAGS,
    )
