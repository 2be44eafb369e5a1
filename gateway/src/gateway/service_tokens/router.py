"""`POST /api/auth/service-token`: the services' own sign-in (OAuth 2.0 client credentials, RFC 6749 §4.4)."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any
from urllib.parse import parse_qsl, unquote_plus

from fastapi import APIRouter, Request, Response
from pydantic import ValidationError
from tex4im_common.problems import PROBLEM_MEDIA_TYPE, FieldProblem, InvalidInput, Problem, problem_responses

from gateway.service_tokens.schemas import ServiceTokenOut, ServiceTokenRequest
from gateway.service_tokens.service import InvalidClient, ServiceTokenIssuer, UnsupportedMediaType

router = APIRouter(prefix="/api/auth", tags=["auth"])

FORM = "application/x-www-form-urlencoded"
MAX_BODY_BYTES = 8 * 1024
_REQUEST_SCHEMA = {"schema": ServiceTokenRequest.model_json_schema()}


@router.post(
    "/service-token", response_model=ServiceTokenOut,
    responses={**problem_responses(401, 422),
               415: {"model": Problem, "content": {PROBLEM_MEDIA_TYPE: {}}, "description": "Unsupported media type"}},
    openapi_extra={"requestBody": {"required": True, "content": {FORM: _REQUEST_SCHEMA,
                                                                   "application/json": _REQUEST_SCHEMA}}},
)
async def issue_service_token(request: Request, response: Response) -> ServiceTokenOut:
    """Exchange a service client's id and secret for a short-lived identity token for one service."""
    fields = await _fields(request)
    basic = _basic_credentials(request)
    if basic is not None:
        if fields.get("client_secret") or fields.get("client_id") not in (None, basic[0]):
            raise InvalidInput("Send the client credentials once: in the Authorization header or in the body.",
                               extra={"error": "invalid_request"})
        fields["client_id"], fields["client_secret"] = basic
    try:
        body = ServiceTokenRequest.model_validate(fields)
    except ValidationError as exc:
        raise _invalid(exc) from exc
    if body.client_id is None or body.client_secret is None:
        raise InvalidInput(
            "Name the client and its secret.",
            errors=[FieldProblem(field=f"body.{name}", message="Field required", code="missing")
                    for name in ("client_id", "client_secret") if getattr(body, name) is None],
            extra={"error": "invalid_request"},
        )
    issuer: ServiceTokenIssuer = request.app.state.service_tokens
    token = issuer.issue(client_id=body.client_id, client_secret=body.client_secret, audience=body.audience)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return token


async def _fields(request: Request) -> dict[str, Any]:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in (FORM, "application/json"):
        raise UnsupportedMediaType(f"Send the fields as {FORM} or application/json.")
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise InvalidInput("The token request is too large.", extra={"error": "invalid_request"})
    try:
        if media_type == FORM:
            pairs = parse_qsl(raw.decode(), keep_blank_values=True, max_num_fields=10)
            if len({name for name, _ in pairs}) != len(pairs):
                raise InvalidInput("Each field may be sent once.", extra={"error": "invalid_request"})
            return dict(pairs)
        fields = json.loads(raw)
    except ValueError as exc:  # undecodable bytes, bad JSON, too many fields
        raise InvalidInput("The request body cannot be read.", extra={"error": "invalid_request"}) from exc
    if not isinstance(fields, dict):
        raise InvalidInput("Send the fields as a JSON object.", extra={"error": "invalid_request"})
    return fields


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    """HTTP Basic client authentication (RFC 6749 §2.3.1): form-encoded id and secret, base64-joined by ':'."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        client_id, separator, secret = base64.b64decode(value.strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidClient("The Authorization header is not valid Basic credentials.",
                            extra={"error": "invalid_client"}) from exc
    if not separator:
        raise InvalidClient("The Authorization header is not valid Basic credentials.",
                            extra={"error": "invalid_client"})
    return unquote_plus(client_id), unquote_plus(secret)


def _invalid(exc: ValidationError) -> InvalidInput:
    problems = [FieldProblem(field=".".join(["body", *(str(p) for p in error["loc"])]), message=error["msg"],
                             code=error["type"]) for error in exc.errors()]
    code = "unsupported_grant_type" if any(p.field == "body.grant_type" for p in problems) else "invalid_request"
    return InvalidInput(f"The request has invalid fields: {', '.join(p.field for p in problems)}.",
                        errors=problems, extra={"error": code})
