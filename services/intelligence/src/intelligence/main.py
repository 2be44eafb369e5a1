"""The intelligence service: the opportunity map of the eight regions."""

from fastapi import FastAPI
from tex4im_common.app import create_service_app
from tex4im_common.outbox import EVENTS_OPENAPI_TAG

import intelligence.all_models  # noqa: F401  (every mapper configured before the first query)
from intelligence.cluster.router import router as cluster_router
from intelligence.db import SCHEMA, outbox
from intelligence.imports.router import router as imports_router
from intelligence.opportunity.router import router as opportunity_router
from intelligence.organisation.router import router as organisation_router
from intelligence.priority.router import router as priority_router
from intelligence.region.router import router as region_router
from intelligence.search.router import router as search_router
from intelligence.settings import IntelligenceSettings

OPENAPI_TAGS = [
    {"name": "regions", "description": "The eight NUTS-2 regions of the partnership, their clusters and figures."},
    {"name": "priorities", "description": "The partnership's five thematic priorities."},
    {"name": "opportunities", "description": "Cooperation, technology, R&D, funding and tender opportunities, "
     "the interest people express in them, and their imports."},
    {"name": "clusters", "description": "Textile clusters with their ECCP profile and ESCP-S3 state, and members."},
    {"name": "organisations", "description": "The one registry of organisations (companies, R&D centres, universities, "
     "science parks, business networks, investors): records, contacts, CSV import, duplicate review."},
    {"name": "imports", "description": "Past import runs and their per-row reports."},
    {"name": "search", "description": "Full-text faceted search, the map's points, opportunity matching for an "
     "organisation, and saved searches."},
    EVENTS_OPENAPI_TAG,
]


def create_app(settings: IntelligenceSettings | None = None) -> FastAPI:
    return create_service_app(
        name=SCHEMA,
        settings=settings or IntelligenceSettings(),
        title="TEX4IM intelligence",
        description="Regions, clusters, organisations and opportunities of the TEX4IM partnership.",
        routers=[region_router, priority_router, opportunity_router, cluster_router, organisation_router,
                 imports_router, search_router, outbox.router()],
        openapi_tags=OPENAPI_TAGS,
    )
