from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from tex4im_common.identity import Role

Locale = Literal["en", "it", "ro", "es", "pt", "cs", "sv", "fr"]


class LoginIn(BaseModel):
    email: str = Field(min_length=3, max_length=320, examples=["manager.iti1@demo.tex4im.eu"])
    password: str = Field(min_length=1, max_length=1024)


class MembershipOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    role: Role
    region: str | None
    organisation_id: uuid.UUID | None


class MeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    display_name: str
    locale: Locale
    memberships: list[MembershipOut]


class MeUpdate(BaseModel):
    locale: Locale = Field(description="The user's language for the interface and e-mails.")
