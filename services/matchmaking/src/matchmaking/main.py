"""The matchmaking service: the interregional matchmaking events of the TEX4IM partnership."""

from fastapi import FastAPI
from tex4im_common.app import create_service_app
from tex4im_common.outbox import EVENTS_OPENAPI_TAG

from matchmaking.db import SCHEMA, outbox
from matchmaking.settings import MatchmakingSettings

OPENAPI_TAGS = [EVENTS_OPENAPI_TAG]


def create_app(settings: MatchmakingSettings | None = None) -> FastAPI:
    return create_service_app(
        name=SCHEMA,
        settings=settings or MatchmakingSettings(),
        title="TEX4IM matchmaking",
        description="Interregional B2B and C2C matchmaking events: profiles, recommendations, meetings and agendas.",
        routers=[outbox.router()],
        openapi_tags=OPENAPI_TAGS,
    )
