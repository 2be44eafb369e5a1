"""Calls: their dates, their proposal form, their rubric, their targets and their pipeline (stages and transitions)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column, relationship
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from proposals.db import Base
from proposals.vocab import (
    NUTS2_PATTERN,
    PRIORITY_CODES,
    Actor,
    CallKind,
    CallStatus,
    FeedbackPolicy,
    FieldType,
    Guard,
    PhaseKind,
    StageKind,
    TargetMetric,
    TieBreak,
    sql_in,
)


class Call(UUIDPrimaryKey, Timestamps, Base):
    """A call for proposals: a dated round, or the permanent annual round (`year` says which year's round).

    The rules the screening and the panel apply are columns: partners from at least `min_partner_regions`
    regions, at most `max_proposals_per_region` proposals per region, `min_evaluators` per proposal (evaluators
    from the lead's region excluded when `exclude_own_region_evaluators`), an extra evaluator when two scores
    of a criterion differ by more than `divergence_threshold`, at most `max_selected_per_region` selected,
    `selected_count` selected and `reserve_count` on the reserve list.
    """

    __tablename__ = "call"
    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(CallKind)}", name="kind_known"),
        CheckConstraint(f"status IN {sql_in(CallStatus)}", name="status_known"),
        CheckConstraint(f"feedback_policy IN {sql_in(FeedbackPolicy)}", name="feedback_policy_known"),
        CheckConstraint(f"eligible_priorities <@ ARRAY{list(PRIORITY_CODES)}::varchar[]", name="priorities_known"),
        CheckConstraint(f"tie_breaks <@ ARRAY{[t.value for t in TieBreak]}::varchar[]", name="tie_breaks_known"),
        CheckConstraint("(kind = 'permanent') = (year IS NOT NULL)", name="year_only_for_permanent"),
        CheckConstraint("min_partner_regions BETWEEN 1 AND 8", name="min_partner_regions_in_range"),
        CheckConstraint("max_proposals_per_region IS NULL OR max_proposals_per_region >= 1",
                        name="region_quota_positive"),
        CheckConstraint("min_evaluators BETWEEN 1 AND 10", name="min_evaluators_in_range"),
        CheckConstraint("divergence_threshold BETWEEN 0 AND 5", name="divergence_in_range"),
        CheckConstraint("overall_threshold BETWEEN 0 AND 5", name="overall_threshold_in_range"),
        CheckConstraint("selected_count >= 0 AND reserve_count >= 0", name="counts_not_negative"),
        CheckConstraint("max_selected_per_region IS NULL OR max_selected_per_region >= 1",
                        name="selected_per_region_positive"),
        Index("ix_call_code", "code", unique=True),
    )

    code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, server_default="")
    kind: Mapped[str] = mapped_column(String(10))
    year: Mapped[int | None] = mapped_column(SmallInteger)
    status: Mapped[str] = mapped_column(String(10), server_default=CallStatus.draft.value)
    eligible_priorities: Mapped[list[str]] = mapped_column(ARRAY(String(40)), server_default="{}")
    min_partner_regions: Mapped[int] = mapped_column(SmallInteger, server_default="2")
    max_proposals_per_region: Mapped[int | None] = mapped_column(SmallInteger)
    min_evaluators: Mapped[int] = mapped_column(SmallInteger, server_default="3")
    exclude_own_region_evaluators: Mapped[bool] = mapped_column(server_default="false")
    divergence_threshold: Mapped[Decimal] = mapped_column(Numeric(3, 2), server_default="2")
    overall_threshold: Mapped[Decimal] = mapped_column(Numeric(3, 2), server_default="3")
    selected_count: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    reserve_count: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    max_selected_per_region: Mapped[int | None] = mapped_column(SmallInteger)
    tie_breaks: Mapped[list[str]] = mapped_column(ARRAY(String(30)), server_default="{}")
    feedback_policy: Mapped[str] = mapped_column(String(20), server_default=FeedbackPolicy.scores_and_comments.value)
    decisions_released_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    phases: Mapped[list[CallPhase]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CallPhase.opens_at"
    )
    fields: Mapped[list[CallField]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CallField.position"
    )
    criteria: Mapped[list[Criterion]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="Criterion.position"
    )
    targets: Mapped[list[CallTarget]] = relationship(lazy="raise", cascade="all, delete-orphan")
    stages: Mapped[list[Stage]] = relationship(lazy="raise", cascade="all, delete-orphan", order_by="Stage.position")
    transitions: Mapped[list[Transition]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="Transition.position"
    )

    __mapper_args__ = {"version_id_col": version}


class CallPhase(UUIDPrimaryKey, Base):
    """One dated phase of a call: submission, evaluation or decision, each at most once."""

    __tablename__ = "call_phase"
    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(PhaseKind)}", name="kind_known"),
        CheckConstraint("closes_at > opens_at", name="closes_after_opening"),
        Index("ix_call_phase_call_id_kind", "call_id", "kind", unique=True),
    )

    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))
    opens_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closes_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CallField(UUIDPrimaryKey, Base):
    """A call-specific question on the proposal form, defined as data.

    `private_to_evaluators`: applicants answer it, but only evaluators, managers and the admin read it back in
    other people's proposals. `frozen_after`: past this moment the answer can no longer change, even in a
    returned draft.
    """

    __tablename__ = "call_field"
    __table_args__ = (
        CheckConstraint(f"type IN {sql_in(FieldType)}", name="type_known"),
        CheckConstraint("key ~ '^[a-z][a-z0-9_]{0,39}$'", name="key_is_identifier"),
        CheckConstraint("type <> 'choice' OR cardinality(options) > 0", name="choice_has_options"),
        Index("ix_call_field_call_id_key", "call_id", "key", unique=True),
    )

    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(300))
    help_text: Mapped[str] = mapped_column(Text, server_default="")
    type: Mapped[str] = mapped_column(String(12))
    required: Mapped[bool] = mapped_column(server_default="false")
    private_to_evaluators: Mapped[bool] = mapped_column(server_default="false")
    frozen_after: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    options: Mapped[list[str]] = mapped_column(ARRAY(String(100)), server_default="{}")
    max_length: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(SmallInteger)


class Criterion(UUIDPrimaryKey, Base):
    """One criterion of the call's rubric: scored 0–5, weighted, with the score a proposal must reach on it."""

    __tablename__ = "criterion"
    __table_args__ = (
        CheckConstraint("key ~ '^[a-z][a-z0-9_]{0,39}$'", name="key_is_identifier"),
        CheckConstraint("weight > 0", name="weight_positive"),
        CheckConstraint("threshold BETWEEN 0 AND 5", name="threshold_in_range"),
        Index("ix_criterion_call_id_key", "call_id", "key", unique=True),
    )

    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, server_default="")
    weight: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    threshold: Mapped[Decimal] = mapped_column(Numeric(3, 2), server_default="0")
    position: Mapped[int] = mapped_column(SmallInteger)


class CallTarget(UUIDPrimaryKey, Base):
    """A portfolio target: e.g. 3 proposals for ITI1, 24 proposals in all, 3 investment projects in 2027."""

    __tablename__ = "call_target"
    __table_args__ = (
        CheckConstraint(f"metric IN {sql_in(TargetMetric)}", name="metric_known"),
        CheckConstraint(f"region_code IS NULL OR region_code ~ '{NUTS2_PATTERN}'", name="region_is_nuts2"),
        CheckConstraint("target >= 0", name="target_not_negative"),
        Index("ix_call_target_scope", "call_id", "metric", "region_code", "year", unique=True,
              postgresql_nulls_not_distinct=True),
    )

    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call.id", ondelete="CASCADE"))
    metric: Mapped[str] = mapped_column(String(30))
    region_code: Mapped[str | None] = mapped_column(String(4))
    year: Mapped[int | None] = mapped_column(SmallInteger)
    target: Mapped[int] = mapped_column(Integer)


class Stage(UUIDPrimaryKey, Base):
    """A stage of a call's pipeline. `editable`: applicants may change the proposal while it is here."""

    __tablename__ = "stage"
    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(StageKind)}", name="kind_known"),
        CheckConstraint("key ~ '^[a-z][a-z0-9_]{0,39}$'", name="key_is_identifier"),
        Index("ix_stage_call_id_key", "call_id", "key", unique=True),
        # exactly one initial stage per call
        Index("ix_stage_one_initial", "call_id", unique=True, postgresql_where="kind = 'initial'"),
    )

    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10))
    editable: Mapped[bool] = mapped_column(server_default="false")
    position: Mapped[int] = mapped_column(SmallInteger)


class Transition(UUIDPrimaryKey, Base):
    """An allowed move between two stages of a call, the actors who may take it, and the guard that applies."""

    __tablename__ = "transition"
    __table_args__ = (
        CheckConstraint(f"actors <@ ARRAY{[a.value for a in Actor]}::varchar[]", name="actors_known"),
        CheckConstraint(f"guard IS NULL OR guard IN {sql_in(Guard)}", name="guard_known"),
        CheckConstraint("from_stage <> to_stage", name="moves"),
        CheckConstraint("key ~ '^[a-z][a-z0-9_]{0,39}$'", name="key_is_identifier"),
        Index("ix_transition_call_id_key", "call_id", "key", unique=True),
        Index("ix_transition_call_id_from_stage_to_stage", "call_id", "from_stage", "to_stage", unique=True),
        ForeignKeyConstraint(["call_id", "from_stage"], ["stage.call_id", "stage.key"], ondelete="CASCADE",
                             name="fk_transition_from_stage_stage"),
        ForeignKeyConstraint(["call_id", "to_stage"], ["stage.call_id", "stage.key"], ondelete="CASCADE",
                             name="fk_transition_to_stage_stage"),
    )

    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(100))
    from_stage: Mapped[str] = mapped_column(String(40))
    to_stage: Mapped[str] = mapped_column(String(40))
    actors: Mapped[list[str]] = mapped_column(ARRAY(String(20)))
    guard: Mapped[str | None] = mapped_column(String(30))
    comment_required: Mapped[bool] = mapped_column(server_default="false")
    position: Mapped[int] = mapped_column(SmallInteger)
