"""Evaluation: the evaluator pool, conflicts, assignments, scores, consensus and the panel's staged decisions."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Numeric,
    SmallInteger,
    String,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.orm import Mapped, mapped_column, relationship
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from proposals.db import Base
from proposals.vocab import (
    LANGUAGES,
    NUTS2_PATTERN,
    PRIORITY_CODES,
    AssignmentReason,
    AssignmentStatus,
    DecisionOutcome,
    sql_in,
)


class Evaluator(UUIDPrimaryKey, Timestamps, Base):
    """A member of the evaluator pool: a signed-in user with the evaluator role, their expertise and languages.

    `organisation_id` and `region_code` are where the evaluator works: they derive conflicts of interest.
    """

    __tablename__ = "evaluator"
    __table_args__ = (
        CheckConstraint(f"expertise <@ ARRAY{list(PRIORITY_CODES)}::varchar[]", name="expertise_known"),
        CheckConstraint(f"languages <@ ARRAY{list(LANGUAGES)}::varchar[]", name="languages_known"),
        CheckConstraint(f"region_code IS NULL OR region_code ~ '{NUTS2_PATTERN}'", name="region_is_nuts2"),
        CheckConstraint("max_load IS NULL OR max_load >= 1", name="max_load_positive"),
    )

    subject: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(PG_UUID(as_uuid=True))
    region_code: Mapped[str | None] = mapped_column(String(4))
    expertise: Mapped[list[str]] = mapped_column(ARRAY(String(40)), server_default="{}")
    languages: Mapped[list[str]] = mapped_column(ARRAY(String(2)), server_default="{}")
    max_load: Mapped[int | None] = mapped_column(SmallInteger)
    active: Mapped[bool] = mapped_column(server_default="true")


class ConflictDeclaration(UUIDPrimaryKey, Base):
    """A conflict an evaluator declares: with one proposal, or with an organisation (then every proposal naming it)."""

    __tablename__ = "conflict_declaration"
    __table_args__ = (
        CheckConstraint("(proposal_id IS NULL) <> (organisation_id IS NULL)", name="one_target"),
        Index("ix_conflict_declaration_target", "evaluator_id", "proposal_id", "organisation_id", unique=True,
              postgresql_nulls_not_distinct=True),
    )

    evaluator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("evaluator.id", ondelete="CASCADE"))
    proposal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(PG_UUID(as_uuid=True))
    reason: Mapped[str] = mapped_column(Text)
    declared_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Assignment(UUIDPrimaryKey, Timestamps, Base):
    """An evaluator assigned to a proposal, and their review: scores per criterion and an overall comment."""

    __tablename__ = "assignment"
    __table_args__ = (
        CheckConstraint(f"status IN {sql_in(AssignmentStatus)}", name="status_known"),
        CheckConstraint(f"reason IN {sql_in(AssignmentReason)}", name="reason_known"),
        Index("ix_assignment_proposal_id_evaluator_id", "proposal_id", "evaluator_id", unique=True),
    )

    proposal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    evaluator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("evaluator.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), server_default=AssignmentStatus.assigned.value)
    reason: Mapped[str] = mapped_column(String(12))
    comment: Mapped[str] = mapped_column(Text, server_default="")
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(server_default="1")

    scores: Mapped[list[Score]] = relationship(lazy="raise", cascade="all, delete-orphan", order_by="Score.criterion")

    __mapper_args__ = {"version_id_col": version}


class Score(UUIDPrimaryKey, Base):
    """One criterion's score (0–5, halves allowed) in one review, with the evaluator's comment on it."""

    __tablename__ = "score"
    __table_args__ = (
        CheckConstraint("value BETWEEN 0 AND 5 AND value * 2 = trunc(value * 2)", name="value_in_half_steps"),
        Index("ix_score_assignment_id_criterion", "assignment_id", "criterion", unique=True),
    )

    assignment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assignment.id", ondelete="CASCADE"))
    criterion: Mapped[str] = mapped_column(String(40))
    value: Mapped[Decimal] = mapped_column(Numeric(2, 1))
    comment: Mapped[str] = mapped_column(Text, server_default="")


class Consensus(UUIDPrimaryKey, Timestamps, Base):
    """The consensus report on a proposal: agreed scores per criterion and the summary applicants may read."""

    __tablename__ = "consensus"

    proposal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"), unique=True)
    scores: Mapped[dict[str, Any]] = mapped_column(JSONB)
    comments: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
    summary: Mapped[str] = mapped_column(Text, server_default="")
    total: Mapped[Decimal] = mapped_column(Numeric(4, 2))
    passed: Mapped[bool]
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    written_by: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(server_default="1")

    __mapper_args__ = {"version_id_col": version}


class Decision(UUIDPrimaryKey, Timestamps, Base):
    """The panel's staged decision on a proposal; applicants learn it only when the call's decisions are released."""

    __tablename__ = "decision"
    __table_args__ = (CheckConstraint(f"outcome IN {sql_in(DecisionOutcome)}", name="outcome_known"),)

    proposal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"), unique=True)
    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(10))
    rank: Mapped[int | None] = mapped_column(SmallInteger)
    total: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    note: Mapped[str] = mapped_column(Text, server_default="")
    staged_by: Mapped[str] = mapped_column(String(100))
    released_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
