"""Service credentials: checking a client's secret and signing its identity token."""

from __future__ import annotations

import hmac
from collections.abc import Iterable, Mapping
from typing import ClassVar

from tex4im_common.identity import Identity, IdentityTokenSigner
from tex4im_common.problems import FieldProblem, InvalidInput, ProblemError, Unauthorized

from gateway.service_tokens.schemas import ServiceTokenOut

SUBJECT_PREFIX = "service:"
# compared against when the client id is unknown, so an unknown client costs as long as a wrong secret
_UNKNOWN_CLIENT_SECRET = "tex4im-unknown-service-client-timing-equaliser"  # noqa: S105


class InvalidClient(Unauthorized):
    slug = "invalid-client"
    title = "Client authentication failed"


class UnsupportedMediaType(ProblemError):
    status: ClassVar[int] = 415
    slug = "unsupported-media-type"
    title = "Unsupported media type"


class ServiceTokenIssuer:
    """The service clients the gateway knows and the services they may ask tokens for."""

    def __init__(self, signer: IdentityTokenSigner, *, clients: Mapping[str, str], audiences: Iterable[str]) -> None:
        self._signer = signer
        self._clients = dict(clients)
        self.audiences = sorted(audiences)

    def issue(self, *, client_id: str, client_secret: str, audience: str) -> ServiceTokenOut:
        """A short-lived token for `audience` naming the client as `service:<client_id>`, kind `client`."""
        self.authenticate(client_id=client_id, client_secret=client_secret)
        if audience not in self.audiences:
            raise InvalidInput(
                f"There is no service {audience!r} to issue a token for.",
                errors=[FieldProblem(field="body.audience", message=f"must be one of {', '.join(self.audiences)}",
                                     code="audience_unknown")],
                extra={"error": "invalid_target"},
            )
        identity = Identity(subject=SUBJECT_PREFIX + client_id, kind="client", name=client_id)
        return ServiceTokenOut(access_token=self._signer.sign(identity, audience=audience),
                               expires_in=int(self._signer.ttl.total_seconds()))

    def authenticate(self, *, client_id: str, client_secret: str) -> None:
        known = self._clients.get(client_id)
        expected = known if known is not None else _UNKNOWN_CLIENT_SECRET
        matches = hmac.compare_digest(expected.encode(), client_secret.encode())
        if known is None or not matches:
            raise InvalidClient("The client id or secret is not correct.", extra={"error": "invalid_client"},
                                headers={"WWW-Authenticate": 'Basic realm="tex4im-services"'})
