"""Request and response models of screening: the checklist and the eligibility decision."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from proposals.vocab import CheckOutcome


class CheckOut(BaseModel):
    key: str = Field(examples=["partner_regions"])
    outcome: CheckOutcome
    detail: str = Field(description="What was found, in one plain sentence.")
    figures: dict[str, Any] = Field(description="The numbers and lists behind the outcome.")


class ScreeningDecisionIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    eligible: bool
    reason: Annotated[str, Field(min_length=1, max_length=5000)] = Field(
        description="Why; deciding eligible over a failed check needs a real explanation (at least 30 characters)."
    )


class DecisionOut(BaseModel):
    """The decision; who took it, the override flag and the checklist it was taken on are for the screeners only."""

    eligible: bool
    reason: str
    decided_at: datetime
    outdated: bool = Field(description="Taken on an earlier submitted version than the one now submitted.")
    decided_by_name: str | None = None
    overridden: bool | None = Field(default=None, description="Eligible although an automatic check failed.")
    checks: list[CheckOut] | None = Field(default=None, description="The checklist as it stood when deciding.")


class ScreeningOut(BaseModel):
    proposal_id: uuid.UUID
    reference: str
    stage: str
    can_decide: bool = Field(description="The caller may record a decision now.")
    checks: list[CheckOut] | None = Field(description="The live checklist (null for the applicants).")
    decision: DecisionOut | None
