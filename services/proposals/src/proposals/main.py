"""The proposals service: the incubation and acceleration pipeline of the TEX4IM partnership."""

from fastapi import FastAPI
from tex4im_common.app import create_service_app
from tex4im_common.outbox import EVENTS_OPENAPI_TAG

from proposals.call.router import router as call_router
from proposals.db import SCHEMA, outbox
from proposals.evaluation import assignment_router, panel_router, pool_router, review_router
from proposals.lifecycle.router import router as lifecycle_router
from proposals.notification.mail import start_mail_sender, stop_mail_sender
from proposals.notification.people import PersonSeen
from proposals.notification.router import router as notification_router
from proposals.organisation.router import router as organisation_router
from proposals.organisation.sync import start_organisation_sync, stop_organisation_sync
from proposals.proposal import attachments_router, export_router, versions_router
from proposals.proposal.router import router as proposal_router
from proposals.screening.router import router as screening_router
from proposals.settings import ProposalsSettings

OPENAPI_TAGS = [
    {"name": "proposals", "description": "Collaborative proposals: drafting, partners, the list and board, the "
     "pipeline's steps and the timeline."},
    {"name": "versions", "description": "A proposal's frozen submitted versions and their comparison."},
    {"name": "attachments", "description": "Files attached to proposals: upload, download, removal."},
    {"name": "exports", "description": "A call's proposals as a CSV or XLSX spreadsheet for managers."},
    {"name": "reviews", "description": "Evaluators' workspace: assigned proposals, scoring against the rubric, "
     "submission."},
    {"name": "panel", "description": "The evaluation panel: reviews side by side, consensus, ranking, staged and "
     "released decisions, and applicants' feedback."},
    {"name": "calls", "description": "Calls for proposals: rules, dates, proposal form, rubric, portfolio "
     "targets and the pipeline as data; next rounds of the permanent annual call."},
    {"name": "organisations", "description": "The copy of the intelligence registry's organisations: the partner "
     "picker's search and the state of the change feed that fills it."},
    {"name": "notifications", "description": "Your notifications, their read state, and the mail log."},
    {"name": "screening", "description": "The eligibility checklist of a submitted proposal and the screening "
     "decision of its region's cluster managers."},
    {"name": "evaluators", "description": "The evaluator pool: profiles, expertise and load, declared conflicts of "
     "interest, and the proposals in evaluation as evaluators may see them."},
    {"name": "assignments", "description": "Assigning evaluators to proposals: the balanced automatic run, manual "
     "assignment and withdrawal."},
    EVENTS_OPENAPI_TAG,
]


async def _start_background(app: FastAPI) -> None:
    await start_organisation_sync(app)
    await start_mail_sender(app)


async def _stop_background(app: FastAPI) -> None:
    await stop_mail_sender(app)
    await stop_organisation_sync(app)


def create_app(settings: ProposalsSettings | None = None) -> FastAPI:
    return create_service_app(
        name=SCHEMA,
        settings=settings or ProposalsSettings(),
        title="TEX4IM proposals",
        description=(
            "Calls, collaborative investment proposals, evaluation, business plans and the pilot pipeline of the "
            "TEX4IM partnership."
        ),
        routers=[proposal_router, lifecycle_router,
                 versions_router.router, attachments_router.router, export_router.router,
                 review_router.router, panel_router.router, call_router, organisation_router,
                 notification_router, screening_router, pool_router.router, assignment_router.router,
                 outbox.router()],
        openapi_tags=OPENAPI_TAGS,
        on_startup=_start_background,
        on_shutdown=_stop_background,
        dependencies=[PersonSeen],
    )
