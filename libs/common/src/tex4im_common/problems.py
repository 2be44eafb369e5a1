"""RFC 9457 problem details: one error base class, one response shape, handlers for every error."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DBAPIError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from tex4im_common.observability import current_request_id

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "urn:tex4im:problem:"

logger = logging.getLogger("tex4im.problems")


class FieldProblem(BaseModel):
    """One invalid input: where it is (`body.email`, `query.limit`), what is wrong, and a machine code."""

    field: str
    message: str
    code: str


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = Field(examples=[PROBLEM_TYPE_BASE + "not-found"])
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldProblem] | None = None


class ProblemError(Exception):
    """Base of every error a service raises on purpose; the handler turns it into a problem response."""

    status: ClassVar[int] = 500
    slug: ClassVar[str] = "internal-error"
    title: ClassVar[str] = "Internal error"
    # a refusal that is itself a fact to record (e.g. revoking a session whose refresh token was replayed):
    # the request session commits instead of rolling back
    keep_changes: ClassVar[bool] = False

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[FieldProblem] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}
        self.extra = extra or {}


class BadRequest(ProblemError):
    status, slug, title = 400, "bad-request", "Bad request"


class Unauthorized(ProblemError):
    status, slug, title = 401, "unauthorized", "Authentication required"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(detail, **kwargs)


class Forbidden(ProblemError):
    status, slug, title = 403, "forbidden", "Not allowed"


class NotFound(ProblemError):
    status, slug, title = 404, "not-found", "Not found"


class MethodNotAllowed(ProblemError):
    status, slug, title = 405, "method-not-allowed", "Method not allowed"


class Conflict(ProblemError):
    status, slug, title = 409, "conflict", "Conflict"


class PreconditionFailed(ProblemError):
    status, slug, title = 412, "precondition-failed", "Precondition failed"


class InvalidInput(ProblemError):
    status, slug, title = 422, "invalid-input", "Invalid input"


class PayloadTooLarge(ProblemError):
    status, slug, title = 413, "payload-too-large", "Request body too large"


class TooManyRequests(ProblemError):
    status, slug, title = 429, "too-many-requests", "Too many requests"


class BadGateway(ProblemError):
    status, slug, title = 502, "bad-gateway", "Upstream service failed"


class ServiceUnavailable(ProblemError):
    status, slug, title = 503, "service-unavailable", "Service unavailable"


class GatewayTimeout(ProblemError):
    status, slug, title = 504, "gateway-timeout", "Upstream service timed out"


_BY_STATUS: dict[int, type[ProblemError]] = {
    cls.status: cls
    for cls in (
        BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, Conflict, PreconditionFailed,
        InvalidInput, PayloadTooLarge, TooManyRequests, BadGateway, ServiceUnavailable, GatewayTimeout,
    )
}


def problem_response(
    *,
    status: int,
    title: str,
    slug: str,
    detail: str | None = None,
    errors: list[FieldProblem] | None = None,
    headers: dict[str, str] | None = None,
    instance: str | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body = Problem(
        type=PROBLEM_TYPE_BASE + slug,
        title=title,
        status=status,
        detail=detail,
        instance=instance,
        request_id=current_request_id(),
        errors=errors,
    ).model_dump(exclude_none=True)
    body.update(extra or {})
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def error_response(exc: ProblemError, instance: str | None = None) -> JSONResponse:
    return problem_response(
        status=exc.status, title=exc.title, slug=exc.slug, detail=exc.detail, errors=exc.errors,
        headers=exc.headers, instance=instance, extra=exc.extra,
    )


def _field_path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc)


def field_problems_from_validation(exc: RequestValidationError) -> list[FieldProblem]:
    return [
        FieldProblem(field=_field_path(err.get("loc", ())), message=err.get("msg", "invalid"),
                     code=err.get("type", "invalid"))
        for err in exc.errors()
    ]


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return error_response(exc, instance=request.url.path)


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = field_problems_from_validation(exc)
    fields = ", ".join(p.field for p in problems)
    return error_response(
        InvalidInput(f"The request has invalid fields: {fields}.", errors=problems), instance=request.url.path
    )


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    cls = _BY_STATUS.get(exc.status_code)
    detail = exc.detail if isinstance(exc.detail, str) else None
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"No resource at {request.url.path}."
    if cls is None:
        return problem_response(
            status=exc.status_code, title=detail or "Error", slug=f"http-{exc.status_code}",
            headers=dict(exc.headers or {}), instance=request.url.path,
        )
    return error_response(cls(detail, headers=dict(exc.headers or {})), instance=request.url.path)


async def _on_integrity(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, IntegrityError)
    constraint = getattr(getattr(exc.orig, "__cause__", None), "constraint_name", None)
    detail = f"The change conflicts with existing data ({constraint})." if constraint else (
        "The change conflicts with existing data."
    )
    return error_response(Conflict(detail), instance=request.url.path)


async def _on_database(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("database error", extra={"path": request.url.path})
    return error_response(
        ServiceUnavailable("The database could not complete the request; nothing was saved. Try again."),
        instance=request.url.path,
    )


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error", extra={"path": request.url.path})
    return error_response(ProblemError("An unexpected error occurred; nothing was saved."), instance=request.url.path)


def install_problem_handlers(app: FastAPI) -> None:
    """Every error leaves the service as `application/problem+json`."""
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(IntegrityError, _on_integrity)
    app.add_exception_handler(DBAPIError, _on_database)
    app.add_exception_handler(Exception, _on_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries that document the problem shape for the given statuses."""
    return {
        status: {"model": Problem, "content": {PROBLEM_MEDIA_TYPE: {}}, "description": _BY_STATUS[status].title}
        for status in statuses
    }
