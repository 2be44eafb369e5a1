"""The proposals service: the incubation and acceleration pipeline of the TEX4IM partnership."""

from fastapi import FastAPI
from tex4im_common.app import create_service_app
from tex4im_common.outbox import EVENTS_OPENAPI_TAG

from proposals.db import SCHEMA, outbox
from proposals.settings import ProposalsSettings

OPENAPI_TAGS = [EVENTS_OPENAPI_TAG]


def create_app(settings: ProposalsSettings | None = None) -> FastAPI:
    return create_service_app(
        name=SCHEMA,
        settings=settings or ProposalsSettings(),
        title="TEX4IM proposals",
        description=(
            "Calls, collaborative investment proposals, evaluation, business plans and the pilot pipeline of the "
            "TEX4IM partnership."
        ),
        routers=[outbox.router()],
        openapi_tags=OPENAPI_TAGS,
    )
