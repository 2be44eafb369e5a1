"""Forwarding one request to its upstream service and turning transport failures into problems."""

from __future__ import annotations

import httpx
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from tex4im_common.observability import current_request_id
from tex4im_common.problems import (
    BadGateway,
    GatewayTimeout,
    PayloadTooLarge,
    ProblemError,
    ServiceUnavailable,
)

from gateway.proxy.upstreams import Upstream

FORWARDED_REQUEST_HEADERS = frozenset({
    "accept", "accept-language", "content-type", "if-match", "if-none-match", "if-modified-since",
    "idempotency-key", "prefer", "user-agent",
})
DROPPED_RESPONSE_HEADERS = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "transfer-encoding", "upgrade", "trailer", "server", "date",
    "x-request-id", "set-cookie",
})
# a 20 MB attachment (the services' largest upload) plus its multipart envelope
MAX_BODY_BYTES = 21 * 1024 * 1024
# answers up to this size are read whole and sent in one piece; streaming them costs more than it saves
BUFFERED_RESPONSE_BYTES = 256 * 1024


def _upstream_failure(upstream: Upstream, exc: httpx.HTTPError) -> ProblemError:
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        return ServiceUnavailable(f"The {upstream.name} service is not reachable right now; try again shortly.")
    if isinstance(exc, httpx.TimeoutException):
        return GatewayTimeout(f"The {upstream.name} service did not answer in time.")
    return BadGateway(f"The {upstream.name} service gave no valid answer.")


async def forward(request: Request, upstream: Upstream, path: str, *, bearer: str | None) -> Response:
    """Send the request to `upstream` at `/path` and stream its answer back, problems included, unchanged."""
    headers = {name: value for name, value in request.headers.items() if name in FORWARDED_REQUEST_HEADERS}
    headers["x-request-id"] = current_request_id() or ""
    if request.client:
        headers["x-forwarded-for"] = request.client.host
    if bearer:
        headers["authorization"] = f"Bearer {bearer}"
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise PayloadTooLarge("The request body is larger than 21 MB.")  # refused before reading it
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise PayloadTooLarge("The request body is larger than 21 MB.")
    upstream_request = upstream.client.build_request(
        request.method, "/" + path, params=request.url.query or None, headers=headers, content=body or None,
    )
    try:
        response = await upstream.client.send(upstream_request, stream=True)
    except httpx.HTTPError as exc:
        raise _upstream_failure(upstream, exc) from exc
    response_headers = {k: v for k, v in response.headers.items() if k.lower() not in DROPPED_RESPONSE_HEADERS}
    length = response.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) <= BUFFERED_RESPONSE_BYTES:
        try:
            body = b"".join([chunk async for chunk in response.aiter_raw()])  # raw: any encoding stays as sent
        except httpx.HTTPError as exc:
            raise _upstream_failure(upstream, exc) from exc
        finally:
            await response.aclose()
        return Response(body, status_code=response.status_code, headers=response_headers)
    return StreamingResponse(
        response.aiter_raw(), status_code=response.status_code, headers=response_headers,
        background=BackgroundTask(response.aclose),
    )
