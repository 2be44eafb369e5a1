"""Signed-in people for the notification tests: tokens as the gateway signs them, e-mail address included."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from tex4im_common.identity import Identity, IdentityTokenSigner, Membership, Role
from tex4im_common.testing.spec import ServiceSpec

Headers = dict[str, str]


@pytest.fixture
def signed_in(identity_signer: IdentityTokenSigner, service_spec: ServiceSpec) -> Callable[..., Headers]:
    """`signed_in("member-ana", (Role.member, "PT11", org_id), email=...)` -> headers with the identity token."""

    def make(subject: str, *memberships: tuple[Role, str | None, Any], name: str | None = "Test Person",
             email: str | None = None) -> Headers:
        identity = Identity(subject=subject, name=name, email=email, memberships=tuple(
            Membership(role=role, region=region, organisation_id=organisation_id)
            for role, region, organisation_id in memberships
        ))
        return {"Authorization": f"Bearer {identity_signer.sign(identity, audience=service_spec.name)}"}

    return make


@pytest.fixture
def norte_company() -> uuid.UUID:
    return uuid.UUID("00000000-0000-4000-8000-0000000000c1")


@pytest.fixture
def toscana_company() -> uuid.UUID:
    return uuid.UUID("00000000-0000-4000-8000-0000000000c2")
