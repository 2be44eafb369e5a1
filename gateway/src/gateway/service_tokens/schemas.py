"""The token request and answer of the client-credentials grant (RFC 6749 §4.4), as form fields or JSON."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ServiceTokenRequest(BaseModel):
    """A service asking for a token for one upstream service; the credentials may come as HTTP Basic instead."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    grant_type: Literal["client_credentials"] = Field(
        default="client_credentials", description="Always `client_credentials` (may be left out)."
    )
    client_id: str | None = Field(default=None, min_length=1, max_length=60, examples=["proposals"])
    client_secret: str | None = Field(default=None, min_length=1, max_length=512)
    audience: str = Field(min_length=1, max_length=60, description="The service the token is for.",
                          examples=["intelligence"])


class ServiceTokenOut(BaseModel):
    """An identity token (kind `client`) for the asked service; send it as `Authorization: Bearer <token>`."""

    access_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105  (the token type, not a secret)
    expires_in: int = Field(description="Seconds until the token expires; ask for a new one before then.")
