"""Create the pipeline: calls (phases, form fields, rubric, targets, stages and transitions), proposals (partners,
frozen versions, attachments, timeline), screening, evaluation (pool, conflicts, assignments, scores, consensus,
decisions), notifications and the mail log, the organisation copy fed by intelligence, and idempotency records.

Revision ID: 0002_pipeline
Revises: 0001_outbox
Create Date: 2026-11-25 00:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op
from sqlalchemy.dialects import postgresql

revision: str = "0002_pipeline"
down_revision: str | None = "0001_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "proposals"
TRIGRAM_COLUMNS = ("reference", "title", "acronym")


def _trigram_schema() -> str:
    """Where pg_trgm lives: this schema, unless the database had it elsewhere already (`--sql`: this schema)."""
    if context.is_offline_mode():
        return SCHEMA
    found = op.get_bind().scalar(sa.text(
        "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"
    ))
    return str(found or SCHEMA)


def upgrade() -> None:
    op.create_table(
        "attachment_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blob")),
        schema=SCHEMA,
    )
    op.create_table(
        "call",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("year", sa.SmallInteger(), nullable=True),
        sa.Column("status", sa.String(length=10), server_default="draft", nullable=False),
        sa.Column("eligible_priorities", postgresql.ARRAY(sa.String(length=40)), server_default="{}", nullable=False),
        sa.Column("min_partner_regions", sa.SmallInteger(), server_default="2", nullable=False),
        sa.Column("max_proposals_per_region", sa.SmallInteger(), nullable=True),
        sa.Column("min_evaluators", sa.SmallInteger(), server_default="3", nullable=False),
        sa.Column("exclude_own_region_evaluators", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("divergence_threshold", sa.Numeric(precision=3, scale=2), server_default="2", nullable=False),
        sa.Column("overall_threshold", sa.Numeric(precision=3, scale=2), server_default="3", nullable=False),
        sa.Column("selected_count", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("reserve_count", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("max_selected_per_region", sa.SmallInteger(), nullable=True),
        sa.Column("tie_breaks", postgresql.ARRAY(sa.String(length=30)), server_default="{}", nullable=False),
        sa.Column("feedback_policy", sa.String(length=20), server_default="scores_and_comments", nullable=False),
        sa.Column("decisions_released_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("(kind = 'permanent') = (year IS NOT NULL)", name=op.f("ck_call_year_only_for_permanent")),
        sa.CheckConstraint(
            "eligible_priorities <@ ARRAY['circular_economy', 'industry_4_0', 'digital_technologies', 'advanced_materials', 'creativity']::varchar[]",
            name=op.f("ck_call_priorities_known"),
        ),
        sa.CheckConstraint(
            "feedback_policy IN ('none', 'scores', 'scores_and_comments')", name=op.f("ck_call_feedback_policy_known")
        ),
        sa.CheckConstraint("kind IN ('dated', 'permanent')", name=op.f("ck_call_kind_known")),
        sa.CheckConstraint("status IN ('draft', 'published', 'archived')", name=op.f("ck_call_status_known")),
        sa.CheckConstraint(
            "tie_breaks <@ ARRAY['higher_criterion', 'more_partner_regions', 'lower_requested_funding', 'earlier_submission']::varchar[]",
            name=op.f("ck_call_tie_breaks_known"),
        ),
        sa.CheckConstraint("divergence_threshold BETWEEN 0 AND 5", name=op.f("ck_call_divergence_in_range")),
        sa.CheckConstraint(
            "max_proposals_per_region IS NULL OR max_proposals_per_region >= 1",
            name=op.f("ck_call_region_quota_positive"),
        ),
        sa.CheckConstraint(
            "max_selected_per_region IS NULL OR max_selected_per_region >= 1",
            name=op.f("ck_call_selected_per_region_positive"),
        ),
        sa.CheckConstraint("min_evaluators BETWEEN 1 AND 10", name=op.f("ck_call_min_evaluators_in_range")),
        sa.CheckConstraint("min_partner_regions BETWEEN 1 AND 8", name=op.f("ck_call_min_partner_regions_in_range")),
        sa.CheckConstraint("overall_threshold BETWEEN 0 AND 5", name=op.f("ck_call_overall_threshold_in_range")),
        sa.CheckConstraint("selected_count >= 0 AND reserve_count >= 0", name=op.f("ck_call_counts_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call")),
        schema=SCHEMA,
    )
    op.create_index("ix_call_code", "call", ["code"], unique=True, schema=SCHEMA)
    op.create_table(
        "evaluator",
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation_id", sa.UUID(), nullable=True),
        sa.Column("region_code", sa.String(length=4), nullable=True),
        sa.Column("expertise", postgresql.ARRAY(sa.String(length=40)), server_default="{}", nullable=False),
        sa.Column("languages", postgresql.ARRAY(sa.String(length=2)), server_default="{}", nullable=False),
        sa.Column("max_load", sa.SmallInteger(), nullable=True),
        sa.Column("active", sa.Boolean(), server_default="true", nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "expertise <@ ARRAY['circular_economy', 'industry_4_0', 'digital_technologies', 'advanced_materials', 'creativity']::varchar[]",
            name=op.f("ck_evaluator_expertise_known"),
        ),
        sa.CheckConstraint(
            "languages <@ ARRAY['en', 'it', 'ro', 'es', 'pt', 'cs', 'sv', 'fr']::varchar[]",
            name=op.f("ck_evaluator_languages_known"),
        ),
        sa.CheckConstraint(
            "region_code IS NULL OR region_code ~ '^[A-Z]{2}[A-Z0-9]{2}$'", name=op.f("ck_evaluator_region_is_nuts2")
        ),
        sa.CheckConstraint("max_load IS NULL OR max_load >= 1", name=op.f("ck_evaluator_max_load_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluator")),
        sa.UniqueConstraint("subject", name=op.f("uq_evaluator_subject")),
        schema=SCHEMA,
    )
    op.create_table(
        "feed_cursor",
        sa.Column("feed", sa.String(length=60), nullable=False),
        sa.Column("cursor", sa.Text(), nullable=True),
        sa.Column("events_applied", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("feed", name=op.f("pk_feed_cursor")),
        schema=SCHEMA,
    )
    op.create_table(
        "idempotency_record",
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("body", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("subject", "key", name=op.f("pk_idempotency_record")),
        schema=SCHEMA,
    )
    op.create_index(
        op.f("ix_idempotency_record_created_at"), "idempotency_record", ["created_at"], unique=False, schema=SCHEMA
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("region_code", sa.String(length=4), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=True),
        sa.Column("priorities", postgresql.ARRAY(sa.String(length=40)), server_default="{}", nullable=False),
        sa.Column("visibility", sa.String(length=12), nullable=False),
        sa.Column("merged_into_id", sa.UUID(), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_organisation_region_code"), "organisation", ["region_code"], unique=False, schema=SCHEMA)
    op.create_table(
        "person",
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("organisation_ids", postgresql.ARRAY(sa.UUID()), server_default="{}", nullable=False),
        sa.Column("managed_regions", postgresql.ARRAY(sa.String(length=4)), server_default="{}", nullable=False),
        sa.Column("is_admin", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("is_evaluator", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_person")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_person_managed_regions", "person", ["managed_regions"], unique=False, schema=SCHEMA, postgresql_using="gin"
    )
    op.create_index(
        "ix_person_organisation_ids",
        "person",
        ["organisation_ids"],
        unique=False,
        schema=SCHEMA,
        postgresql_using="gin",
    )
    op.create_table(
        "call_field",
        sa.Column("call_id", sa.UUID(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("help_text", sa.Text(), server_default="", nullable=False),
        sa.Column("type", sa.String(length=12), nullable=False),
        sa.Column("required", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("private_to_evaluators", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("frozen_after", sa.DateTime(timezone=True), nullable=True),
        sa.Column("options", postgresql.ARRAY(sa.String(length=100)), server_default="{}", nullable=False),
        sa.Column("max_length", sa.Integer(), nullable=True),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint("key ~ '^[a-z][a-z0-9_]{0,39}$'", name=op.f("ck_call_field_key_is_identifier")),
        sa.CheckConstraint(
            "type <> 'choice' OR cardinality(options) > 0", name=op.f("ck_call_field_choice_has_options")
        ),
        sa.CheckConstraint(
            "type IN ('text', 'long_text', 'number', 'choice', 'boolean', 'date', 'url')",
            name=op.f("ck_call_field_type_known"),
        ),
        sa.ForeignKeyConstraint(
            ["call_id"], ["proposals.call.id"], name=op.f("fk_call_field_call_id_call"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_field")),
        schema=SCHEMA,
    )
    op.create_index("ix_call_field_call_id_key", "call_field", ["call_id", "key"], unique=True, schema=SCHEMA)
    op.create_table(
        "call_phase",
        sa.Column("call_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("opens_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint("kind IN ('submission', 'evaluation', 'decision')", name=op.f("ck_call_phase_kind_known")),
        sa.CheckConstraint("closes_at > opens_at", name=op.f("ck_call_phase_closes_after_opening")),
        sa.ForeignKeyConstraint(
            ["call_id"], ["proposals.call.id"], name=op.f("fk_call_phase_call_id_call"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_phase")),
        schema=SCHEMA,
    )
    op.create_index("ix_call_phase_call_id_kind", "call_phase", ["call_id", "kind"], unique=True, schema=SCHEMA)
    op.create_table(
        "call_target",
        sa.Column("call_id", sa.UUID(), nullable=False),
        sa.Column("metric", sa.String(length=30), nullable=False),
        sa.Column("region_code", sa.String(length=4), nullable=True),
        sa.Column("year", sa.SmallInteger(), nullable=True),
        sa.Column("target", sa.Integer(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint(
            "metric IN ('proposals', 'business_plans', 'funding_identified', 'pilots', 'investment_projects')",
            name=op.f("ck_call_target_metric_known"),
        ),
        sa.CheckConstraint(
            "region_code IS NULL OR region_code ~ '^[A-Z]{2}[A-Z0-9]{2}$'", name=op.f("ck_call_target_region_is_nuts2")
        ),
        sa.CheckConstraint("target >= 0", name=op.f("ck_call_target_target_not_negative")),
        sa.ForeignKeyConstraint(
            ["call_id"], ["proposals.call.id"], name=op.f("fk_call_target_call_id_call"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_target")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_call_target_scope",
        "call_target",
        ["call_id", "metric", "region_code", "year"],
        unique=True,
        schema=SCHEMA,
        postgresql_nulls_not_distinct=True,
    )
    op.create_table(
        "criterion",
        sa.Column("call_id", sa.UUID(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("weight", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("threshold", sa.Numeric(precision=3, scale=2), server_default="0", nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint("key ~ '^[a-z][a-z0-9_]{0,39}$'", name=op.f("ck_criterion_key_is_identifier")),
        sa.CheckConstraint("threshold BETWEEN 0 AND 5", name=op.f("ck_criterion_threshold_in_range")),
        sa.CheckConstraint("weight > 0", name=op.f("ck_criterion_weight_positive")),
        sa.ForeignKeyConstraint(
            ["call_id"], ["proposals.call.id"], name=op.f("fk_criterion_call_id_call"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion")),
        schema=SCHEMA,
    )
    op.create_index("ix_criterion_call_id_key", "criterion", ["call_id", "key"], unique=True, schema=SCHEMA)
    op.create_table(
        "stage",
        sa.Column("call_id", sa.UUID(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("editable", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint("key ~ '^[a-z][a-z0-9_]{0,39}$'", name=op.f("ck_stage_key_is_identifier")),
        sa.CheckConstraint("kind IN ('initial', 'active', 'terminal')", name=op.f("ck_stage_kind_known")),
        sa.ForeignKeyConstraint(
            ["call_id"], ["proposals.call.id"], name=op.f("fk_stage_call_id_call"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage")),
        schema=SCHEMA,
    )
    op.create_index("ix_stage_call_id_key", "stage", ["call_id", "key"], unique=True, schema=SCHEMA)
    op.create_index(
        "ix_stage_one_initial", "stage", ["call_id"], unique=True, schema=SCHEMA, postgresql_where="kind = 'initial'"
    )
    op.create_table(
        "proposal",
        sa.Column("call_id", sa.UUID(), nullable=False),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("acronym", sa.String(length=30), nullable=True),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.Column("priorities", postgresql.ARRAY(sa.String(length=40)), server_default="{}", nullable=False),
        sa.Column("value_chain", postgresql.ARRAY(sa.String(length=20)), server_default="{}", nullable=False),
        sa.Column("trl", sa.SmallInteger(), nullable=True),
        sa.Column("budget_eur", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("requested_eur", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("lead_organisation_id", sa.UUID(), nullable=False),
        sa.Column("region_code", sa.String(length=4), nullable=False),
        sa.Column("answers", postgresql.JSONB(astext_type=sa.Text()), server_default="{}", nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_by_name", sa.String(length=200), nullable=True),
        sa.Column("submitted_version", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("first_submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "priorities <@ ARRAY['circular_economy', 'industry_4_0', 'digital_technologies', 'advanced_materials', 'creativity']::varchar[]",
            name=op.f("ck_proposal_priorities_known"),
        ),
        sa.CheckConstraint(
            "value_chain <@ ARRAY['fibre', 'yarn', 'fabric', 'finishing', 'garment', 'retail', 'recycling']::varchar[]",
            name=op.f("ck_proposal_value_chain_known"),
        ),
        sa.CheckConstraint("budget_eur IS NULL OR budget_eur >= 0", name=op.f("ck_proposal_budget_not_negative")),
        sa.CheckConstraint(
            "requested_eur IS NULL OR budget_eur IS NULL OR requested_eur <= budget_eur",
            name=op.f("ck_proposal_requested_within_budget"),
        ),
        sa.CheckConstraint(
            "requested_eur IS NULL OR requested_eur >= 0", name=op.f("ck_proposal_requested_not_negative")
        ),
        sa.CheckConstraint("trl IS NULL OR trl BETWEEN 1 AND 9", name=op.f("ck_proposal_trl_in_range")),
        sa.ForeignKeyConstraint(
            ["call_id", "stage"], ["proposals.stage.call_id", "proposals.stage.key"], name="fk_proposal_stage_stage"
        ),
        sa.ForeignKeyConstraint(["call_id"], ["proposals.call.id"], name=op.f("fk_proposal_call_id_call")),
        sa.ForeignKeyConstraint(
            ["lead_organisation_id"],
            ["proposals.organisation.id"],
            name=op.f("fk_proposal_lead_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal")),
        sa.UniqueConstraint("reference", name=op.f("uq_proposal_reference")),
        schema=SCHEMA,
    )
    op.create_index("ix_proposal_call_id_stage", "proposal", ["call_id", "stage"], unique=False, schema=SCHEMA)
    op.create_index(op.f("ix_proposal_created_by"), "proposal", ["created_by"], unique=False, schema=SCHEMA)
    op.create_index(
        op.f("ix_proposal_lead_organisation_id"), "proposal", ["lead_organisation_id"], unique=False, schema=SCHEMA
    )
    op.create_index("ix_proposal_list_order", "proposal", ["updated_at", "id"], unique=False, schema=SCHEMA)
    op.create_index(
        "ix_proposal_priorities", "proposal", ["priorities"], unique=False, schema=SCHEMA, postgresql_using="gin"
    )
    op.create_index("ix_proposal_region_code_stage", "proposal", ["region_code", "stage"], unique=False, schema=SCHEMA)
    # the list's `q` is ILIKE '%text%' on reference, title and acronym: trigram indexes serve it; pg_trgm is a
    # trusted extension (PostgreSQL 13+), so the database's owner may create it
    op.execute(f"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA {SCHEMA}")
    trigrams = f"{_trigram_schema()}.gin_trgm_ops"
    for column in TRIGRAM_COLUMNS:
        op.create_index(
            f"ix_proposal_{column}_trgm", "proposal", [column], unique=False, schema=SCHEMA, postgresql_using="gin",
            postgresql_ops={column: trigrams}, postgresql_with={"fastupdate": "off"},
        )
    op.create_table(
        "transition",
        sa.Column("call_id", sa.UUID(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("from_stage", sa.String(length=40), nullable=False),
        sa.Column("to_stage", sa.String(length=40), nullable=False),
        sa.Column("actors", postgresql.ARRAY(sa.String(length=20)), nullable=False),
        sa.Column("guard", sa.String(length=30), nullable=True),
        sa.Column("comment_required", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint(
            "actors <@ ARRAY['applicant', 'region_manager', 'admin']::varchar[]",
            name=op.f("ck_transition_actors_known"),
        ),
        sa.CheckConstraint(
            "guard IS NULL OR guard IN ('submission_ready', 'screening_passed', 'screening_failed', 'decision_released')",
            name=op.f("ck_transition_guard_known"),
        ),
        sa.CheckConstraint("key ~ '^[a-z][a-z0-9_]{0,39}$'", name=op.f("ck_transition_key_is_identifier")),
        sa.CheckConstraint("from_stage <> to_stage", name=op.f("ck_transition_moves")),
        sa.ForeignKeyConstraint(
            ["call_id", "from_stage"],
            ["proposals.stage.call_id", "proposals.stage.key"],
            name="fk_transition_from_stage_stage",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["call_id", "to_stage"],
            ["proposals.stage.call_id", "proposals.stage.key"],
            name="fk_transition_to_stage_stage",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["call_id"], ["proposals.call.id"], name=op.f("fk_transition_call_id_call"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transition")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_transition_call_id_from_stage_to_stage",
        "transition",
        ["call_id", "from_stage", "to_stage"],
        unique=True,
        schema=SCHEMA,
    )
    op.create_index("ix_transition_call_id_key", "transition", ["call_id", "key"], unique=True, schema=SCHEMA)
    op.create_table(
        "assignment",
        sa.Column("proposal_id", sa.UUID(), nullable=False),
        sa.Column("evaluator_id", sa.UUID(), nullable=False),
        sa.Column("status", sa.String(length=10), server_default="assigned", nullable=False),
        sa.Column("reason", sa.String(length=12), nullable=False),
        sa.Column("comment", sa.Text(), server_default="", nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_reason", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("reason IN ('automatic', 'manual', 'divergence')", name=op.f("ck_assignment_reason_known")),
        sa.CheckConstraint("status IN ('assigned', 'submitted', 'withdrawn')", name=op.f("ck_assignment_status_known")),
        sa.ForeignKeyConstraint(
            ["evaluator_id"], ["proposals.evaluator.id"], name=op.f("fk_assignment_evaluator_id_evaluator")
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposals.proposal.id"],
            name=op.f("fk_assignment_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_assignment_evaluator_id"), "assignment", ["evaluator_id"], unique=False, schema=SCHEMA)
    op.create_index(
        "ix_assignment_proposal_id_evaluator_id",
        "assignment",
        ["proposal_id", "evaluator_id"],
        unique=True,
        schema=SCHEMA,
    )
    op.create_table(
        "attachment",
        sa.Column("proposal_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_by", sa.String(length=100), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('budget', 'letter_of_support', 'presentation', 'technical_annex', 'other')",
            name=op.f("ck_attachment_kind_known"),
        ),
        sa.CheckConstraint("size_bytes > 0", name=op.f("ck_attachment_not_empty")),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposals.proposal.id"],
            name=op.f("fk_attachment_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["proposals.attachment_blob.sha256"], name=op.f("fk_attachment_sha256_attachment_blob")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_attachment_proposal_id",
        "attachment",
        ["proposal_id"],
        unique=False,
        schema=SCHEMA,
        postgresql_where="removed_at IS NULL",
    )
    op.create_index(op.f("ix_attachment_sha256"), "attachment", ["sha256"], unique=False, schema=SCHEMA)
    op.create_table(
        "conflict_declaration",
        sa.Column("evaluator_id", sa.UUID(), nullable=False),
        sa.Column("proposal_id", sa.UUID(), nullable=True),
        sa.Column("organisation_id", sa.UUID(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("declared_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint(
            "(proposal_id IS NULL) <> (organisation_id IS NULL)", name=op.f("ck_conflict_declaration_one_target")
        ),
        sa.ForeignKeyConstraint(
            ["evaluator_id"],
            ["proposals.evaluator.id"],
            name=op.f("fk_conflict_declaration_evaluator_id_evaluator"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposals.proposal.id"],
            name=op.f("fk_conflict_declaration_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict_declaration")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_conflict_declaration_target",
        "conflict_declaration",
        ["evaluator_id", "proposal_id", "organisation_id"],
        unique=True,
        schema=SCHEMA,
        postgresql_nulls_not_distinct=True,
    )
    op.create_table(
        "consensus",
        sa.Column("proposal_id", sa.UUID(), nullable=False),
        sa.Column("scores", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("comments", postgresql.JSONB(astext_type=sa.Text()), server_default="{}", nullable=False),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.Column("total", sa.Numeric(precision=4, scale=2), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("finalised_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("written_by", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposals.proposal.id"],
            name=op.f("fk_consensus_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consensus")),
        sa.UniqueConstraint("proposal_id", name=op.f("uq_consensus_proposal_id")),
        schema=SCHEMA,
    )
    op.create_table(
        "decision",
        sa.Column("proposal_id", sa.UUID(), nullable=False),
        sa.Column("call_id", sa.UUID(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("rank", sa.SmallInteger(), nullable=True),
        sa.Column("total", sa.Numeric(precision=4, scale=2), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("staged_by", sa.String(length=100), nullable=False),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("outcome IN ('selected', 'reserve', 'rejected')", name=op.f("ck_decision_outcome_known")),
        sa.ForeignKeyConstraint(["call_id"], ["proposals.call.id"], name=op.f("fk_decision_call_id_call")),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposals.proposal.id"],
            name=op.f("fk_decision_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
        sa.UniqueConstraint("proposal_id", name=op.f("uq_decision_proposal_id")),
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_decision_call_id"), "decision", ["call_id"], unique=False, schema=SCHEMA)
    op.create_table(
        "notification",
        sa.Column("audience", sa.String(length=20), nullable=False),
        sa.Column("audience_key", sa.String(length=100), server_default="", nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.Column("link", sa.String(length=300), nullable=True),
        sa.Column("proposal_id", sa.UUID(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint(
            "audience IN ('person', 'organisation', 'region_managers', 'admins', 'evaluator')",
            name=op.f("ck_notification_audience_known"),
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposals.proposal.id"],
            name=op.f("fk_notification_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_notification_audience_created_at",
        "notification",
        ["audience", "audience_key", "created_at"],
        unique=False,
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_notification_proposal_id"), "notification", ["proposal_id"], unique=False, schema=SCHEMA)
    op.create_table(
        "proposal_partner",
        sa.Column("proposal_id", sa.UUID(), nullable=False),
        sa.Column("organisation_id", sa.UUID(), nullable=False),
        sa.Column("region_code", sa.String(length=4), nullable=True),
        sa.Column("role_description", sa.Text(), server_default="", nullable=False),
        sa.Column("status", sa.String(length=10), server_default="invited", nullable=False),
        sa.Column("invited_by", sa.String(length=100), nullable=False),
        sa.Column("answered_by", sa.String(length=100), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint(
            "status IN ('invited', 'confirmed', 'declined')", name=op.f("ck_proposal_partner_status_known")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["proposals.organisation.id"],
            name=op.f("fk_proposal_partner_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposals.proposal.id"],
            name=op.f("fk_proposal_partner_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal_partner")),
        schema=SCHEMA,
    )
    op.create_index(
        op.f("ix_proposal_partner_organisation_id"),
        "proposal_partner",
        ["organisation_id"],
        unique=False,
        schema=SCHEMA,
    )
    op.create_index(
        "ix_proposal_partner_proposal_id_organisation_id",
        "proposal_partner",
        ["proposal_id", "organisation_id"],
        unique=True,
        schema=SCHEMA,
    )
    op.create_index(
        "ix_proposal_partner_region_code_proposal_id",
        "proposal_partner",
        ["region_code", "proposal_id"],
        unique=False,
        schema=SCHEMA,
    )
    op.create_table(
        "proposal_version",
        sa.Column("proposal_id", sa.UUID(), nullable=False),
        sa.Column("number", sa.SmallInteger(), nullable=False),
        sa.Column("content", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("submitted_by", sa.String(length=100), nullable=False),
        sa.Column("submitted_by_name", sa.String(length=200), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_proposal_version_number_positive")),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposals.proposal.id"],
            name=op.f("fk_proposal_version_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal_version")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_proposal_version_proposal_id_number",
        "proposal_version",
        ["proposal_id", "number"],
        unique=True,
        schema=SCHEMA,
    )
    op.create_table(
        "screening_decision",
        sa.Column("proposal_id", sa.UUID(), nullable=False),
        sa.Column("eligible", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("checks", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("decided_by_name", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposals.proposal.id"],
            name=op.f("fk_screening_decision_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_decision")),
        sa.UniqueConstraint("proposal_id", name=op.f("uq_screening_decision_proposal_id")),
        schema=SCHEMA,
    )
    op.create_table(
        "timeline_entry",
        sa.Column("proposal_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("actor_name", sa.String(length=200), nullable=True),
        sa.Column("transition", sa.String(length=40), nullable=True),
        sa.Column("from_stage", sa.String(length=40), nullable=True),
        sa.Column("to_stage", sa.String(length=40), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("details", postgresql.JSONB(astext_type=sa.Text()), server_default="{}", nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('created', 'transition', 'version', 'partner', 'screening', 'decision')",
            name=op.f("ck_timeline_entry_kind_known"),
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposals.proposal.id"],
            name=op.f("fk_timeline_entry_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timeline_entry")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_timeline_entry_proposal_id_at", "timeline_entry", ["proposal_id", "at"], unique=False, schema=SCHEMA
    )
    op.create_table(
        "mail_message",
        sa.Column("notification_id", sa.UUID(), nullable=True),
        sa.Column("to_address", sa.String(length=320), nullable=False),
        sa.Column("subject_line", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint("status IN ('logged', 'sent', 'failed')", name=op.f("ck_mail_message_status_known")),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["proposals.notification.id"],
            name=op.f("fk_mail_message_notification_id_notification"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_message")),
        schema=SCHEMA,
    )
    op.create_index("ix_mail_message_created_at", "mail_message", ["created_at"], unique=False, schema=SCHEMA)
    op.create_table(
        "notification_read",
        sa.Column("notification_id", sa.UUID(), nullable=False),
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["proposals.notification.id"],
            name=op.f("fk_notification_read_notification_id_notification"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("notification_id", "subject", name=op.f("pk_notification_read")),
        schema=SCHEMA,
    )
    op.create_table(
        "score",
        sa.Column("assignment_id", sa.UUID(), nullable=False),
        sa.Column("criterion", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Numeric(precision=2, scale=1), nullable=False),
        sa.Column("comment", sa.Text(), server_default="", nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint(
            "value BETWEEN 0 AND 5 AND value * 2 = trunc(value * 2)", name=op.f("ck_score_value_in_half_steps")
        ),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["proposals.assignment.id"],
            name=op.f("fk_score_assignment_id_assignment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_score_assignment_id_criterion", "score", ["assignment_id", "criterion"], unique=True, schema=SCHEMA
    )


def downgrade() -> None:
    op.drop_index("ix_score_assignment_id_criterion", table_name="score", schema=SCHEMA)
    op.drop_table("score", schema=SCHEMA)
    op.drop_table("notification_read", schema=SCHEMA)
    op.drop_index("ix_mail_message_created_at", table_name="mail_message", schema=SCHEMA)
    op.drop_table("mail_message", schema=SCHEMA)
    op.drop_index("ix_timeline_entry_proposal_id_at", table_name="timeline_entry", schema=SCHEMA)
    op.drop_table("timeline_entry", schema=SCHEMA)
    op.drop_table("screening_decision", schema=SCHEMA)
    op.drop_index("ix_proposal_version_proposal_id_number", table_name="proposal_version", schema=SCHEMA)
    op.drop_table("proposal_version", schema=SCHEMA)
    op.drop_index("ix_proposal_partner_region_code_proposal_id", table_name="proposal_partner", schema=SCHEMA)
    op.drop_index("ix_proposal_partner_proposal_id_organisation_id", table_name="proposal_partner", schema=SCHEMA)
    op.drop_index(op.f("ix_proposal_partner_organisation_id"), table_name="proposal_partner", schema=SCHEMA)
    op.drop_table("proposal_partner", schema=SCHEMA)
    op.drop_index(op.f("ix_notification_proposal_id"), table_name="notification", schema=SCHEMA)
    op.drop_index("ix_notification_audience_created_at", table_name="notification", schema=SCHEMA)
    op.drop_table("notification", schema=SCHEMA)
    op.drop_index(op.f("ix_decision_call_id"), table_name="decision", schema=SCHEMA)
    op.drop_table("decision", schema=SCHEMA)
    op.drop_table("consensus", schema=SCHEMA)
    op.drop_index(
        "ix_conflict_declaration_target",
        table_name="conflict_declaration",
        schema=SCHEMA,
        postgresql_nulls_not_distinct=True,
    )
    op.drop_table("conflict_declaration", schema=SCHEMA)
    op.drop_index(op.f("ix_attachment_sha256"), table_name="attachment", schema=SCHEMA)
    op.drop_index(
        "ix_attachment_proposal_id", table_name="attachment", schema=SCHEMA, postgresql_where="removed_at IS NULL"
    )
    op.drop_table("attachment", schema=SCHEMA)
    op.drop_index("ix_assignment_proposal_id_evaluator_id", table_name="assignment", schema=SCHEMA)
    op.drop_index(op.f("ix_assignment_evaluator_id"), table_name="assignment", schema=SCHEMA)
    op.drop_table("assignment", schema=SCHEMA)
    op.drop_index("ix_transition_call_id_key", table_name="transition", schema=SCHEMA)
    op.drop_index("ix_transition_call_id_from_stage_to_stage", table_name="transition", schema=SCHEMA)
    op.drop_table("transition", schema=SCHEMA)
    for column in TRIGRAM_COLUMNS:
        op.drop_index(f"ix_proposal_{column}_trgm", table_name="proposal", schema=SCHEMA, postgresql_using="gin")
    op.drop_index("ix_proposal_region_code_stage", table_name="proposal", schema=SCHEMA)
    op.drop_index("ix_proposal_priorities", table_name="proposal", schema=SCHEMA, postgresql_using="gin")
    op.drop_index("ix_proposal_list_order", table_name="proposal", schema=SCHEMA)
    op.drop_index(op.f("ix_proposal_lead_organisation_id"), table_name="proposal", schema=SCHEMA)
    op.drop_index(op.f("ix_proposal_created_by"), table_name="proposal", schema=SCHEMA)
    op.drop_index("ix_proposal_call_id_stage", table_name="proposal", schema=SCHEMA)
    op.drop_table("proposal", schema=SCHEMA)
    op.drop_index("ix_stage_one_initial", table_name="stage", schema=SCHEMA, postgresql_where="kind = 'initial'")
    op.drop_index("ix_stage_call_id_key", table_name="stage", schema=SCHEMA)
    op.drop_table("stage", schema=SCHEMA)
    op.drop_index("ix_criterion_call_id_key", table_name="criterion", schema=SCHEMA)
    op.drop_table("criterion", schema=SCHEMA)
    op.drop_index("ix_call_target_scope", table_name="call_target", schema=SCHEMA, postgresql_nulls_not_distinct=True)
    op.drop_table("call_target", schema=SCHEMA)
    op.drop_index("ix_call_phase_call_id_kind", table_name="call_phase", schema=SCHEMA)
    op.drop_table("call_phase", schema=SCHEMA)
    op.drop_index("ix_call_field_call_id_key", table_name="call_field", schema=SCHEMA)
    op.drop_table("call_field", schema=SCHEMA)
    op.drop_index("ix_person_organisation_ids", table_name="person", schema=SCHEMA, postgresql_using="gin")
    op.drop_index("ix_person_managed_regions", table_name="person", schema=SCHEMA, postgresql_using="gin")
    op.drop_table("person", schema=SCHEMA)
    op.drop_index(op.f("ix_organisation_region_code"), table_name="organisation", schema=SCHEMA)
    op.drop_table("organisation", schema=SCHEMA)
    op.drop_index(op.f("ix_idempotency_record_created_at"), table_name="idempotency_record", schema=SCHEMA)
    op.drop_table("idempotency_record", schema=SCHEMA)
    op.drop_table("feed_cursor", schema=SCHEMA)
    op.drop_table("evaluator", schema=SCHEMA)
    op.drop_index("ix_call_code", table_name="call", schema=SCHEMA)
    op.drop_table("call", schema=SCHEMA)
    op.drop_table("attachment_blob", schema=SCHEMA)
    # pg_trgm goes only if this migration put it in this schema; one made elsewhere serves others too
    op.execute("""
        DO $$ BEGIN
            IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'
                       AND extnamespace = 'proposals'::regnamespace) THEN
                DROP EXTENSION pg_trgm;
            END IF;
        END $$""")
