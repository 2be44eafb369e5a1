"""The organisation registry over HTTP: records, contacts, the CSV import and the duplicate review."""

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Path, Query, Response, UploadFile
from fastapi.responses import JSONResponse
from tex4im_common.concurrency import IfMatchHeader, etag
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from intelligence.access import AccessDep
from intelligence.db import idempotency
from intelligence.imports.report import ImportReport
from intelligence.organisation.contacts import ContactService
from intelligence.organisation.csv_import import MAX_BYTES, OrganisationImporter
from intelligence.organisation.duplicates import DuplicateService
from intelligence.organisation.repository import OrganisationRepository
from intelligence.organisation.schemas import (
    ContactCreate,
    ContactOut,
    ContactPatch,
    DuplicateOut,
    DuplicatePage,
    MergeOut,
    MergeRequest,
    OrganisationCreate,
    OrganisationDetail,
    OrganisationPage,
    OrganisationPatch,
)
from intelligence.organisation.service import OrganisationService
from intelligence.vocab import NUTS2_PATTERN, OrganisationKind

router = APIRouter(tags=["organisations"], responses=problem_responses(401, 422))


def _service(session: SessionDep) -> OrganisationService:
    return OrganisationService(OrganisationRepository(session))


ServiceDep = Annotated[OrganisationService, Depends(_service)]
OrganisationId = Annotated[uuid.UUID, Path(description="The organisation's id.")]
ContactId = Annotated[uuid.UUID, Path(description="The contact's id.")]
CandidateId = Annotated[uuid.UUID, Path(description="The duplicate candidate's id.")]


def _headers(detail: OrganisationDetail) -> dict[str, str]:
    return {"ETag": etag(detail.version), "Location": f"/organisations/{detail.id}"}


@router.get("/organisations", response_model=OrganisationPage)
async def list_organisations(
    access: AccessDep,
    service: ServiceDep,
    page: PageParamsDep,
    region: Annotated[str | None, Query(pattern=NUTS2_PATTERN, description="NUTS-2 code, e.g. ITI1.")] = None,
    kind: OrganisationKind | None = None,
    cluster_id: Annotated[uuid.UUID | None, Query(description="Members of this cluster only.")] = None,
) -> OrganisationPage:
    """Organisations the caller may see (public ones for anonymous visitors), by name; merged records left out."""
    return await service.list_organisations(access=access, region=region, kind=kind, cluster_id=cluster_id,
                                            params=page)


@router.post("/organisations", status_code=201, response_model=OrganisationDetail,
             responses=problem_responses(403))
async def create_organisation(
    body: OrganisationCreate, access: AccessDep, service: ServiceDep, write: idempotency.Dep
) -> JSONResponse:
    """Register an organisation in a region the caller manages (the admin: anywhere); retry-safe with a key."""
    return await write.run(
        subject=access.subject, payload=body, action=lambda: service.create(access=access, data=body),
        status_code=201, headers=_headers,  # type: ignore[arg-type]
    )


@router.post("/organisations/import", response_model=ImportReport, responses=problem_responses(403, 413))
async def import_organisations(
    access: AccessDep,
    service: ServiceDep,
    file: Annotated[UploadFile, File(description="UTF-8 CSV, comma or semicolon separated, at most 5 MB.")],
    dry_run: Annotated[bool, Query(description="Check every row and report, writing nothing.")] = False,
) -> ImportReport:
    """Import organisations from CSV: accepted rows all written together, refused rows reported with reasons."""
    data = await file.read(MAX_BYTES + 1)  # one byte more than allowed is enough to refuse it
    return await OrganisationImporter(service).run(access=access, data=data, filename=file.filename,
                                                   dry_run=dry_run)


@router.get("/organisations/{organisation_id}", response_model=OrganisationDetail, responses=problem_responses(404))
async def get_organisation(
    organisation_id: OrganisationId, access: AccessDep, service: ServiceDep, response: Response
) -> OrganisationDetail:
    """One organisation (contacts only for its region's managers, the admin and its members); ETag for If-Match."""
    detail = await service.get_organisation(access=access, organisation_id=organisation_id)
    response.headers["ETag"] = etag(detail.version)
    return detail


@router.patch("/organisations/{organisation_id}", response_model=OrganisationDetail,
              responses=problem_responses(403, 404, 409, 412))
async def update_organisation(
    organisation_id: OrganisationId, body: OrganisationPatch, access: AccessDep, service: ServiceDep,
    response: Response, if_match: IfMatchHeader = None,
) -> OrganisationDetail:
    """Change some fields: its region's managers, the admin, or its own members (not visibility or region)."""
    detail = await service.update(access=access, organisation_id=organisation_id, patch=body, if_match=if_match)
    response.headers["ETag"] = etag(detail.version)
    return detail


@router.delete("/organisations/{organisation_id}", status_code=204, responses=problem_responses(403, 404, 412))
async def delete_organisation(
    organisation_id: OrganisationId, access: AccessDep, service: ServiceDep, if_match: IfMatchHeader = None
) -> Response:
    """Remove an organisation: the managers of its region and the admin."""
    await service.delete(access=access, organisation_id=organisation_id, if_match=if_match)
    return Response(status_code=204)


# -- contacts ----------------------------------------------------------------------------------------------


def _contacts(session: SessionDep) -> ContactService:
    return ContactService(OrganisationRepository(session))


ContactsDep = Annotated[ContactService, Depends(_contacts)]
CONTACT_PROBLEMS = problem_responses(403, 404)


@router.get("/organisations/{organisation_id}/contacts", response_model=list[ContactOut],
            responses=CONTACT_PROBLEMS)
async def list_contacts(organisation_id: OrganisationId, access: AccessDep, contacts: ContactsDep) -> list[ContactOut]:
    """The organisation's contact people: its region's managers, the admin and its own members only."""
    return await contacts.list_contacts(access=access, organisation_id=organisation_id)


@router.post("/organisations/{organisation_id}/contacts", status_code=201, response_model=ContactOut,
             responses=problem_responses(403, 404, 409))
async def add_contact(
    organisation_id: OrganisationId, body: ContactCreate, access: AccessDep, contacts: ContactsDep
) -> ContactOut:
    """Add a contact person to the organisation."""
    return await contacts.add_contact(access=access, organisation_id=organisation_id, data=body)


@router.patch("/organisations/{organisation_id}/contacts/{contact_id}", response_model=ContactOut,
              responses=problem_responses(403, 404, 409))
async def update_contact(
    organisation_id: OrganisationId, contact_id: ContactId, body: ContactPatch, access: AccessDep,
    contacts: ContactsDep,
) -> ContactOut:
    """Change a contact person's details."""
    return await contacts.update_contact(access=access, organisation_id=organisation_id, contact_id=contact_id,
                                         patch=body)


@router.delete("/organisations/{organisation_id}/contacts/{contact_id}", status_code=204,
               responses=problem_responses(403, 404, 409))
async def delete_contact(
    organisation_id: OrganisationId, contact_id: ContactId, access: AccessDep, contacts: ContactsDep
) -> Response:
    """Remove a contact person."""
    await contacts.delete_contact(access=access, organisation_id=organisation_id, contact_id=contact_id)
    return Response(status_code=204)


# -- duplicates --------------------------------------------------------------------------------------------


def _duplicates(service: ServiceDep) -> DuplicateService:
    return DuplicateService(service)


DuplicatesDep = Annotated[DuplicateService, Depends(_duplicates)]


@router.get("/organisation-duplicates", response_model=DuplicatePage, responses=problem_responses(403))
async def list_duplicates(
    access: AccessDep, duplicates: DuplicatesDep, page: PageParamsDep,
    status: Annotated[Literal["open", "merged", "dismissed"], Query(description="Which pairs.")] = "open",
) -> DuplicatePage:
    """Pairs of records that look like one organisation, where the caller manages at least one side's region."""
    return await duplicates.list_duplicates(access=access, status=status, params=page)


@router.post("/organisation-duplicates/{candidate_id}/merge", response_model=MergeOut,
             responses=problem_responses(403, 404, 409))
async def merge_duplicate(
    candidate_id: CandidateId, body: MergeRequest, access: AccessDep, duplicates: DuplicatesDep,
    write: idempotency.Dep,
) -> JSONResponse:
    """Merge the pair into the record kept: managers of both records' regions or the admin; retry-safe with a key."""
    return await write.run(
        subject=access.subject, payload=body,
        action=lambda: duplicates.merge(access=access, candidate_id=candidate_id, keep=body.keep), status_code=200,
    )


@router.post("/organisation-duplicates/{candidate_id}/dismiss", response_model=DuplicateOut,
             responses=problem_responses(403, 404, 409))
async def dismiss_duplicate(candidate_id: CandidateId, access: AccessDep, duplicates: DuplicatesDep) -> DuplicateOut:
    """Not the same organisation: close the pair so it is not proposed again."""
    return await duplicates.dismiss(access=access, candidate_id=candidate_id)
