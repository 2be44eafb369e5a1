"""Create the organisation registry, opportunities, region indicators, S3 priorities, boundaries, the clusters'
ECCP profile and ESCP-S3 state, saved searches, import runs and idempotency records.

Search vectors are written by triggers, so every write path (API, import, bulk load) keeps them in step:
each text is indexed stemmed in the record's language and unstemmed ('simple'), so a query in any of the
partners' languages finds it.

The region indicators below are the partnership's reference figures (secondary sources, with scope, year and
source); a correction is a new revision.

Revision ID: 0003_registry
Revises: 0002_outbox
Create Date: 2026-11-24 23:00:00+00:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003_registry"
down_revision: str | None = "0002_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "intelligence"

# Content language -> text-search configuration (Czech has no stemmer in PostgreSQL: 'simple').
_CONFIG = (
    "CASE NEW.language WHEN 'en' THEN 'english' WHEN 'it' THEN 'italian' WHEN 'ro' THEN 'romanian' "
    "WHEN 'es' THEN 'spanish' WHEN 'pt' THEN 'portuguese' WHEN 'sv' THEN 'swedish' WHEN 'fr' THEN 'french' "
    "ELSE 'simple' END::regconfig"
)


def _both(weight: str, expression: str) -> str:
    return (
        f"setweight(to_tsvector(cfg, {expression}), '{weight}') || "
        f"setweight(to_tsvector('simple', {expression}), '{weight}')"
    )


SEARCH_TRIGGERS = {
    "organisation": " || ".join(
        [
            _both("A", "coalesce(NEW.name, '')"),
            _both("B", "array_to_string(NEW.capabilities, ' ') || ' ' || coalesce(NEW.description, '')"),
            "setweight(to_tsvector('simple', coalesce(NEW.city, '') || ' ' || array_to_string(NEW.certifications, ' ')"
            " || ' ' || array_to_string(NEW.nace_codes, ' ')), 'C')",
        ]
    ),
    "opportunity": " || ".join(
        [
            _both("A", "coalesce(NEW.title, '')"),
            _both("B", "coalesce(NEW.summary, '')"),
            "setweight(to_tsvector('simple', coalesce(NEW.source, '') || ' ' || array_to_string(NEW.nace_codes, ' ')),"
            " 'C')",
        ]
    ),
}


def _create_search_trigger(table: str, vector: str) -> None:
    op.execute(f"""
        CREATE FUNCTION {SCHEMA}.{table}_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE cfg regconfig := {_CONFIG};
        BEGIN
            NEW.search_vector := {vector};
            RETURN NEW;
        END $$
    """)
    op.execute(
        f"CREATE TRIGGER {table}_search_vector BEFORE INSERT OR UPDATE ON {SCHEMA}.{table} "
        f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.{table}_search_vector()"
    )


def _drop_search_trigger(table: str) -> None:
    op.execute(f"DROP TRIGGER {table}_search_vector ON {SCHEMA}.{table}")
    op.execute(f"DROP FUNCTION {SCHEMA}.{table}_search_vector()")


def _id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:{kind}:{key}")


# region, code, label, value, unit, year, scope, quality, source
INDICATORS = [
    (
        "ITI1",
        "textile_employees",
        "Employees in textiles",
        41251,
        "persons",
        2021,
        "Prato textile district; 2021 survey",
        "secondary",
        "Confindustria Toscana Nord, reported by il manifesto, 2024-10-17",
    ),
    (
        "ITI1",
        "textile_local_units",
        "Local units in textiles",
        6627,
        "local units",
        2021,
        "Prato textile district; 2021 survey",
        "secondary",
        "Confindustria Toscana Nord, reported by il manifesto, 2024-10-17",
    ),
    (
        "ITI1",
        "cluster_members",
        "Cluster members",
        480,
        "organisations",
        2019,
        "OTIR2020 cluster, c. 2019",
        "secondary",
        "cluster partner pages",
    ),
    (
        "ITC1",
        "textile_firms",
        "Textile & clothing firms",
        1575,
        "firms",
        2011,
        "Biella district; 2011",
        "secondary",
        "Osservatorio distretti (Regione Piemonte)",
    ),
    (
        "ITC1",
        "textile_employees",
        "Employees in textiles",
        17000,
        "persons (more than)",
        2011,
        "Biella district; 2011",
        "secondary",
        "Osservatorio distretti (Regione Piemonte)",
    ),
    (
        "ITC1",
        "cluster_members",
        "Cluster members",
        86,
        "organisations",
        None,
        "PO.IN.TEX cluster",
        "secondary",
        "EU Textile 2030 partner pages",
    ),
    (
        "RO21",
        "textile_firms",
        "Textile & clothing firms",
        940,
        "firms (more than)",
        None,
        "regional industry; year not stated",
        "secondary",
        "ADR Nord-Est (Invest North East)",
    ),
    (
        "RO21",
        "textile_employees",
        "Employees in textiles",
        30000,
        "persons",
        None,
        "regional industry; year not stated",
        "secondary",
        "ADR Nord-Est (Invest North East)",
    ),
    (
        "RO21",
        "national_export_share",
        "Share of national textile exports",
        19,
        "%",
        None,
        "regional industry; year not stated",
        "secondary",
        "ADR Nord-Est (Invest North East)",
    ),
    (
        "ES52",
        "textile_firms",
        "Textile & clothing firms",
        1424,
        "firms",
        2017,
        "Comunitat Valenciana; 2017 (provisional)",
        "secondary",
        "CITYC, reported 2018-01-31",
    ),
    (
        "ES52",
        "textile_employees",
        "Employees in textiles",
        23188,
        "jobs",
        2017,
        "Comunitat Valenciana; 2017 (provisional)",
        "secondary",
        "CITYC, reported 2018-01-31",
    ),
    (
        "ES52",
        "cluster_members",
        "Cluster members",
        340,
        "companies (more than)",
        None,
        "ATEVAL members",
        "secondary",
        "CLAMTEX partner pages",
    ),
    (
        "PT11",
        "textile_employees",
        "Employees in textiles",
        124536,
        "persons",
        2023,
        "Portugal (national, not the region); 2023 (INE/ATP)",
        "secondary",
        "ATP statistics",
    ),
    (
        "PT11",
        "national_employment_share",
        "Share of national sector employment",
        85,
        "%",
        2019,
        "Norte's share of Portugal's textile & clothing employment; ATP directory 2019",
        "secondary",
        "ATP statistics",
    ),
    (
        "PT11",
        "cluster_members",
        "Cluster members",
        60,
        "organisations",
        2023,
        "Portuguese Textile Cluster",
        "secondary",
        "clustertextil.pt",
    ),
    (
        "CZ05",
        "cluster_members",
        "Cluster members",
        34,
        "organisations",
        None,
        "CLUTEX members (31 companies, 2 associations, 1 university)",
        "secondary",
        "cluster interview",
    ),
    (
        "SE23",
        "cluster_members",
        "Cluster members",
        180,
        "businesses",
        2014,
        "Borås textile cluster; 2014",
        "secondary",
        "Euronews, 2014-02-21",
    ),
    (
        "FRE1",
        "textile_employees",
        "Employees in textiles",
        11680,
        "jobs",
        2018,
        "NUTS-1 Hauts-de-France; 2018",
        "secondary",
        "Insee",
    ),
    (
        "FRE1",
        "cluster_members",
        "Cluster members",
        180,
        "organisations",
        None,
        "UP-tex cluster",
        "secondary",
        "EU Textile 2030 partner pages",
    ),
]


def upgrade() -> None:
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
        "import_run",
        sa.Column("target", sa.String(length=20), nullable=False),
        sa.Column("adapter", sa.String(length=40), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=True),
        sa.Column("run_by", sa.String(length=100), nullable=False),
        sa.Column("rows_total", sa.Integer(), nullable=False),
        sa.Column("rows_created", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.Column("rows_refused", sa.Integer(), nullable=False),
        sa.Column("report", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "warnings", postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False
        ),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("target IN ('organisations', 'opportunities')", name=op.f("ck_import_run_target_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run")),
        schema=SCHEMA,
    )
    op.create_table(
        "organisation",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("vat_number", sa.String(length=20), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("region_code", sa.String(length=4), nullable=True),
        sa.Column("city", sa.String(length=120), nullable=True),
        sa.Column("lon", sa.Numeric(precision=9, scale=6), nullable=True),
        sa.Column("lat", sa.Numeric(precision=9, scale=6), nullable=True),
        sa.Column("nace_codes", postgresql.ARRAY(sa.String(length=6)), server_default="{}", nullable=False),
        sa.Column("size_class", sa.String(length=10), nullable=True),
        sa.Column("value_chain", postgresql.ARRAY(sa.String(length=20)), server_default="{}", nullable=False),
        sa.Column("capabilities", postgresql.ARRAY(sa.String(length=120)), server_default="{}", nullable=False),
        sa.Column("certifications", postgresql.ARRAY(sa.String(length=60)), server_default="{}", nullable=False),
        sa.Column("priorities", postgresql.ARRAY(sa.String(length=40)), server_default="{}", nullable=False),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=2), server_default="en", nullable=False),
        sa.Column("visibility", sa.String(length=12), server_default="consortium", nullable=False),
        sa.Column("steward_region_code", sa.String(length=4), nullable=True),
        sa.Column("merged_into_id", sa.UUID(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("search_vector", postgresql.TSVECTOR(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("country_code ~ '^[A-Z]{2}$'", name=op.f("ck_organisation_country_is_alpha2")),
        sa.CheckConstraint(
            "kind IN ('company', 'rnd_centre', 'university', 'science_park', 'business_network', 'investor')",
            name=op.f("ck_organisation_kind_known"),
        ),
        sa.CheckConstraint(
            "language IN ('en', 'it', 'ro', 'es', 'pt', 'cs', 'sv', 'fr')", name=op.f("ck_organisation_language_known")
        ),
        sa.CheckConstraint(
            "priorities <@ ARRAY['circular_economy', 'industry_4_0', 'digital_technologies', 'advanced_materials', 'creativity']::varchar[]",
            name=op.f("ck_organisation_priorities_known"),
        ),
        sa.CheckConstraint("region_code ~ '^[A-Z]{2}[A-Z0-9]{2}$'", name=op.f("ck_organisation_region_is_nuts2")),
        sa.CheckConstraint(
            "size_class IN ('micro', 'small', 'medium', 'large')", name=op.f("ck_organisation_size_class_known")
        ),
        sa.CheckConstraint(
            "value_chain <@ ARRAY['fibre', 'yarn', 'fabric', 'finishing', 'garment', 'retail', 'recycling']::varchar[]",
            name=op.f("ck_organisation_value_chain_known"),
        ),
        sa.CheckConstraint("visibility IN ('public', 'consortium')", name=op.f("ck_organisation_visibility_known")),
        sa.CheckConstraint("(lon IS NULL) = (lat IS NULL)", name=op.f("ck_organisation_point_complete")),
        sa.CheckConstraint(
            "lon BETWEEN -180 AND 180 AND lat BETWEEN -90 AND 90", name=op.f("ck_organisation_point_on_earth")
        ),
        sa.CheckConstraint(
            "merged_into_id IS NULL OR merged_into_id <> id", name=op.f("ck_organisation_not_merged_into_itself")
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["intelligence.organisation.id"],
            name=op.f("fk_organisation_merged_into_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_organisation_city_key",
        "organisation",
        ["country_code", sa.literal_column("lower(city)")],
        unique=False,
        schema=SCHEMA,
    )
    op.create_index(
        op.f("ix_organisation_merged_into_id"), "organisation", ["merged_into_id"], unique=False, schema=SCHEMA
    )
    op.create_index(
        "ix_organisation_nace_codes",
        "organisation",
        ["nace_codes"],
        unique=False,
        schema=SCHEMA,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_organisation_priorities",
        "organisation",
        ["priorities"],
        unique=False,
        schema=SCHEMA,
        postgresql_using="gin",
    )
    op.create_index(op.f("ix_organisation_region_code"), "organisation", ["region_code"], unique=False, schema=SCHEMA)
    op.create_index(
        "ix_organisation_search_vector",
        "organisation",
        ["search_vector"],
        unique=False,
        schema=SCHEMA,
        postgresql_using="gin",
    )
    op.create_index(op.f("ix_organisation_vat_number"), "organisation", ["vat_number"], unique=False, schema=SCHEMA)
    op.create_table(
        "saved_search",
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("target", sa.String(length=20), nullable=False),
        sa.Column("criteria", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("target IN ('organisations', 'opportunities')", name=op.f("ck_saved_search_target_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_search")),
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_saved_search_owner"), "saved_search", ["owner"], unique=False, schema=SCHEMA)
    op.create_table(
        "duplicate_candidate",
        sa.Column("first_id", sa.UUID(), nullable=False),
        sa.Column("second_id", sa.UUID(), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("similarity", sa.Numeric(precision=4, scale=3), nullable=False),
        sa.Column("status", sa.String(length=10), server_default="open", nullable=False),
        sa.Column("resolved_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "reason IN ('same_vat_number', 'similar_name_same_city')", name=op.f("ck_duplicate_candidate_reason_known")
        ),
        sa.CheckConstraint(
            "status IN ('open', 'merged', 'dismissed')", name=op.f("ck_duplicate_candidate_status_known")
        ),
        sa.CheckConstraint("first_id < second_id", name=op.f("ck_duplicate_candidate_pair_ordered")),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["intelligence.organisation.id"],
            name=op.f("fk_duplicate_candidate_first_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["intelligence.organisation.id"],
            name=op.f("fk_duplicate_candidate_second_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_candidate")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_duplicate_candidate_first_id_second_id",
        "duplicate_candidate",
        ["first_id", "second_id"],
        unique=True,
        schema=SCHEMA,
    )
    op.create_index(
        op.f("ix_duplicate_candidate_second_id"), "duplicate_candidate", ["second_id"], unique=False, schema=SCHEMA
    )
    op.create_table(
        "opportunity",
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=2), server_default="en", nullable=False),
        sa.Column("priorities", postgresql.ARRAY(sa.String(length=40)), server_default="{}", nullable=False),
        sa.Column("region_codes", postgresql.ARRAY(sa.String(length=4)), server_default="{}", nullable=False),
        sa.Column("country_codes", postgresql.ARRAY(sa.String(length=2)), server_default="{}", nullable=False),
        sa.Column("nace_codes", postgresql.ARRAY(sa.String(length=6)), server_default="{}", nullable=False),
        sa.Column("value_chain", postgresql.ARRAY(sa.String(length=20)), server_default="{}", nullable=False),
        sa.Column("lon", sa.Numeric(precision=9, scale=6), nullable=True),
        sa.Column("lat", sa.Numeric(precision=9, scale=6), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("budget_eur", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("source", sa.String(length=120), nullable=True),
        sa.Column("source_ref", sa.String(length=200), nullable=True),
        sa.Column("link", sa.String(length=500), nullable=True),
        sa.Column("status", sa.String(length=10), server_default="open", nullable=False),
        sa.Column("visibility", sa.String(length=12), server_default="consortium", nullable=False),
        sa.Column("owner_region_code", sa.String(length=4), nullable=False),
        sa.Column("organisation_id", sa.UUID(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("search_vector", postgresql.TSVECTOR(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('business_cooperation', 'technology_offer', 'technology_request', 'rnd', 'funding_call', 'tender', 'investment', 'event')",
            name=op.f("ck_opportunity_kind_known"),
        ),
        sa.CheckConstraint(
            "language IN ('en', 'it', 'ro', 'es', 'pt', 'cs', 'sv', 'fr')", name=op.f("ck_opportunity_language_known")
        ),
        sa.CheckConstraint(
            "owner_region_code ~ '^[A-Z]{2}[A-Z0-9]{2}$'", name=op.f("ck_opportunity_owner_region_is_nuts2")
        ),
        sa.CheckConstraint(
            "priorities <@ ARRAY['circular_economy', 'industry_4_0', 'digital_technologies', 'advanced_materials', 'creativity']::varchar[]",
            name=op.f("ck_opportunity_priorities_known"),
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'open', 'closed', 'archived')", name=op.f("ck_opportunity_status_known")
        ),
        sa.CheckConstraint("visibility IN ('public', 'consortium')", name=op.f("ck_opportunity_visibility_known")),
        sa.CheckConstraint("(lon IS NULL) = (lat IS NULL)", name=op.f("ck_opportunity_point_complete")),
        sa.CheckConstraint(
            "(source_ref IS NULL) OR (source IS NOT NULL)", name=op.f("ck_opportunity_source_ref_needs_source")
        ),
        sa.CheckConstraint("budget_eur >= 0", name=op.f("ck_opportunity_budget_not_negative")),
        sa.CheckConstraint(
            "lon BETWEEN -180 AND 180 AND lat BETWEEN -90 AND 90", name=op.f("ck_opportunity_point_on_earth")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["intelligence.organisation.id"],
            name=op.f("fk_opportunity_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity")),
        schema=SCHEMA,
    )
    op.create_index(
        op.f("ix_opportunity_organisation_id"), "opportunity", ["organisation_id"], unique=False, schema=SCHEMA
    )
    op.create_index(
        op.f("ix_opportunity_owner_region_code"), "opportunity", ["owner_region_code"], unique=False, schema=SCHEMA
    )
    op.create_index(
        "ix_opportunity_priorities", "opportunity", ["priorities"], unique=False, schema=SCHEMA, postgresql_using="gin"
    )
    op.create_index(
        "ix_opportunity_region_codes",
        "opportunity",
        ["region_codes"],
        unique=False,
        schema=SCHEMA,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_opportunity_search_vector",
        "opportunity",
        ["search_vector"],
        unique=False,
        schema=SCHEMA,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_opportunity_source_source_ref", "opportunity", ["source", "source_ref"], unique=True, schema=SCHEMA
    )
    op.create_index(
        "ix_opportunity_status_deadline", "opportunity", ["status", "deadline"], unique=False, schema=SCHEMA
    )
    op.create_index(
        "ix_opportunity_browse_order",
        "opportunity",
        [sa.literal_column("coalesce(deadline, 'infinity'::date)"), sa.literal_column("created_at DESC"), "id"],
        unique=False,
        schema=SCHEMA,
    )
    op.create_table(
        "organisation_contact",
        sa.Column("organisation_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("job_title", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["intelligence.organisation.id"],
            name=op.f("fk_organisation_contact_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_contact")),
        schema=SCHEMA,
    )
    op.create_index(
        op.f("ix_organisation_contact_organisation_id"),
        "organisation_contact",
        ["organisation_id"],
        unique=False,
        schema=SCHEMA,
    )
    op.create_table(
        "region_boundary",
        sa.Column("region_id", sa.UUID(), nullable=False),
        sa.Column("geometry", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("imported_by", sa.String(length=100), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["intelligence.region.id"],
            name=op.f("fk_region_boundary_region_id_region"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("region_id", name=op.f("pk_region_boundary")),
        schema=SCHEMA,
    )
    indicator = op.create_table(
        "region_indicator",
        sa.Column("region_id", sa.UUID(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("year", sa.SmallInteger(), nullable=True),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("quality", sa.String(length=10), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_url", sa.String(length=500), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("code ~ '^[a-z][a-z0-9_]{1,59}$'", name=op.f("ck_region_indicator_code_is_slug")),
        sa.CheckConstraint("quality IN ('official', 'secondary')", name=op.f("ck_region_indicator_quality_known")),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["intelligence.region.id"],
            name=op.f("fk_region_indicator_region_id_region"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region_indicator")),
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_region_indicator_code"), "region_indicator", ["code"], unique=False, schema=SCHEMA)
    op.create_index(
        "ix_region_indicator_region_id_code_year_scope",
        "region_indicator",
        ["region_id", "code", "year", "scope"],
        unique=True,
        schema=SCHEMA,
    )
    op.create_table(
        "region_s3_priority",
        sa.Column("region_id", sa.UUID(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("thematic_priorities", postgresql.ARRAY(sa.String(length=40)), server_default="{}", nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "thematic_priorities <@ ARRAY['circular_economy', 'industry_4_0', 'digital_technologies', 'advanced_materials', 'creativity']::varchar[]",
            name=op.f("ck_region_s3_priority_priorities_known"),
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["intelligence.region.id"],
            name=op.f("fk_region_s3_priority_region_id_region"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region_s3_priority")),
        schema=SCHEMA,
    )
    op.create_index(
        op.f("ix_region_s3_priority_region_id"), "region_s3_priority", ["region_id"], unique=False, schema=SCHEMA
    )
    op.create_table(
        "cluster_state_change",
        sa.Column("cluster_id", sa.UUID(), nullable=False),
        sa.Column("from_state", sa.String(length=10), nullable=False),
        sa.Column("to_state", sa.String(length=10), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("changed_by_name", sa.String(length=200), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.CheckConstraint(
            "from_state IN ('draft', 'submitted', 'validated', 'linked')",
            name=op.f("ck_cluster_state_change_from_state_known"),
        ),
        sa.CheckConstraint(
            "to_state IN ('draft', 'submitted', 'validated', 'linked')",
            name=op.f("ck_cluster_state_change_to_state_known"),
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["intelligence.cluster.id"],
            name=op.f("fk_cluster_state_change_cluster_id_cluster"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster_state_change")),
        schema=SCHEMA,
    )
    op.create_index(
        op.f("ix_cluster_state_change_cluster_id"), "cluster_state_change", ["cluster_id"], unique=False, schema=SCHEMA
    )
    op.create_table(
        "opportunity_interest",
        sa.Column("opportunity_id", sa.UUID(), nullable=False),
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("person_name", sa.String(length=200), nullable=True),
        sa.Column("organisation_id", sa.UUID(), nullable=True),
        sa.Column("region_code", sa.String(length=4), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["intelligence.opportunity.id"],
            name=op.f("fk_opportunity_interest_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["intelligence.organisation.id"],
            name=op.f("fk_opportunity_interest_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity_interest")),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_opportunity_interest_opportunity_id_subject",
        "opportunity_interest",
        ["opportunity_id", "subject"],
        unique=True,
        schema=SCHEMA,
    )
    op.create_index(
        op.f("ix_opportunity_interest_subject"), "opportunity_interest", ["subject"], unique=False, schema=SCHEMA
    )
    op.create_table(
        "organisation_cluster",
        sa.Column("organisation_id", sa.UUID(), nullable=False),
        sa.Column("cluster_id", sa.UUID(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["intelligence.cluster.id"],
            name=op.f("fk_organisation_cluster_cluster_id_cluster"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["intelligence.organisation.id"],
            name=op.f("fk_organisation_cluster_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organisation_id", "cluster_id", name=op.f("pk_organisation_cluster")),
        schema=SCHEMA,
    )
    op.create_index(
        op.f("ix_organisation_cluster_cluster_id"), "organisation_cluster", ["cluster_id"], unique=False, schema=SCHEMA
    )
    op.add_column("cluster", sa.Column("website_en", sa.String(length=300), nullable=True), schema=SCHEMA)
    op.add_column("cluster", sa.Column("description", sa.Text(), nullable=True), schema=SCHEMA)
    op.add_column("cluster", sa.Column("year_established", sa.SmallInteger(), nullable=True), schema=SCHEMA)
    op.add_column("cluster", sa.Column("members_sme", sa.Integer(), server_default="0", nullable=False), schema=SCHEMA)
    op.add_column(
        "cluster", sa.Column("members_large", sa.Integer(), server_default="0", nullable=False), schema=SCHEMA
    )
    op.add_column(
        "cluster", sa.Column("members_research", sa.Integer(), server_default="0", nullable=False), schema=SCHEMA
    )
    op.add_column(
        "cluster", sa.Column("members_university", sa.Integer(), server_default="0", nullable=False), schema=SCHEMA
    )
    op.add_column(
        "cluster", sa.Column("members_public", sa.Integer(), server_default="0", nullable=False), schema=SCHEMA
    )
    op.add_column(
        "cluster", sa.Column("members_other", sa.Integer(), server_default="0", nullable=False), schema=SCHEMA
    )
    op.add_column(
        "cluster", sa.Column("management_fte", sa.Numeric(precision=5, scale=2), nullable=True), schema=SCHEMA
    )
    op.add_column(
        "cluster",
        sa.Column("industrial_ecosystems", postgresql.ARRAY(sa.String(length=80)), server_default="{}", nullable=False),
        schema=SCHEMA,
    )
    op.add_column(
        "cluster",
        sa.Column("nace_codes", postgresql.ARRAY(sa.String(length=6)), server_default="{}", nullable=False),
        schema=SCHEMA,
    )
    op.add_column(
        "cluster",
        sa.Column("s3_priorities", postgresql.ARRAY(sa.String(length=200)), server_default="{}", nullable=False),
        schema=SCHEMA,
    )
    op.add_column("cluster", sa.Column("esca_label", sa.String(length=10), nullable=True), schema=SCHEMA)
    op.add_column("cluster", sa.Column("esca_valid_until", sa.Date(), nullable=True), schema=SCHEMA)
    op.add_column("cluster", sa.Column("support_programme", sa.String(length=300), nullable=True), schema=SCHEMA)
    op.add_column("cluster", sa.Column("eccp_profile_url", sa.String(length=300), nullable=True), schema=SCHEMA)
    op.add_column("cluster", sa.Column("partnership_agreement_signed_on", sa.Date(), nullable=True), schema=SCHEMA)
    op.add_column(
        "cluster", sa.Column("escp_state", sa.String(length=10), server_default="draft", nullable=False), schema=SCHEMA
    )
    op.add_column(
        "cluster", sa.Column("escp_state_changed_at", sa.DateTime(timezone=True), nullable=True), schema=SCHEMA
    )
    op.add_column("cluster", sa.Column("version", sa.Integer(), server_default="1", nullable=False), schema=SCHEMA)

    op.create_check_constraint(
        op.f("ck_cluster_escp_state_known"),
        "cluster",
        "escp_state IN ('draft', 'submitted', 'validated', 'linked')",
        schema=SCHEMA,
    )
    op.create_check_constraint(
        op.f("ck_cluster_esca_label_known"), "cluster", "esca_label IN ('bronze', 'silver', 'gold')", schema=SCHEMA
    )
    op.create_check_constraint(
        op.f("ck_cluster_member_counts_not_negative"),
        "cluster",
        "members_sme >= 0 AND members_large >= 0 AND members_research >= 0 AND members_university >= 0 "
        "AND members_public >= 0 AND members_other >= 0",
        schema=SCHEMA,
    )
    op.create_check_constraint(
        op.f("ck_cluster_management_fte_not_negative"), "cluster", "management_fte >= 0", schema=SCHEMA
    )
    for table, vector in SEARCH_TRIGGERS.items():
        _create_search_trigger(table, vector)
    op.bulk_insert(
        indicator,
        [
            {
                "id": _id("indicator", f"{region}:{code}:{year}"),
                "region_id": _id("region", region),
                "code": code,
                "label": label,
                "value": value,
                "unit": unit,
                "year": year,
                "scope": scope,
                "quality": quality,
                "source": source,
            }
            for region, code, label, value, unit, year, scope, quality, source in INDICATORS
        ],
    )


def downgrade() -> None:
    for table in SEARCH_TRIGGERS:
        _drop_search_trigger(table)
    for name in ("escp_state_known", "esca_label_known", "member_counts_not_negative", "management_fte_not_negative"):
        op.drop_constraint(op.f(f"ck_cluster_{name}"), "cluster", schema=SCHEMA)
    op.drop_column("cluster", "version", schema=SCHEMA)
    op.drop_column("cluster", "escp_state_changed_at", schema=SCHEMA)
    op.drop_column("cluster", "escp_state", schema=SCHEMA)
    op.drop_column("cluster", "partnership_agreement_signed_on", schema=SCHEMA)
    op.drop_column("cluster", "eccp_profile_url", schema=SCHEMA)
    op.drop_column("cluster", "support_programme", schema=SCHEMA)
    op.drop_column("cluster", "esca_valid_until", schema=SCHEMA)
    op.drop_column("cluster", "esca_label", schema=SCHEMA)
    op.drop_column("cluster", "s3_priorities", schema=SCHEMA)
    op.drop_column("cluster", "nace_codes", schema=SCHEMA)
    op.drop_column("cluster", "industrial_ecosystems", schema=SCHEMA)
    op.drop_column("cluster", "management_fte", schema=SCHEMA)
    op.drop_column("cluster", "members_other", schema=SCHEMA)
    op.drop_column("cluster", "members_public", schema=SCHEMA)
    op.drop_column("cluster", "members_university", schema=SCHEMA)
    op.drop_column("cluster", "members_research", schema=SCHEMA)
    op.drop_column("cluster", "members_large", schema=SCHEMA)
    op.drop_column("cluster", "members_sme", schema=SCHEMA)
    op.drop_column("cluster", "year_established", schema=SCHEMA)
    op.drop_column("cluster", "description", schema=SCHEMA)
    op.drop_column("cluster", "website_en", schema=SCHEMA)
    op.drop_index(op.f("ix_organisation_cluster_cluster_id"), table_name="organisation_cluster", schema=SCHEMA)
    op.drop_table("organisation_cluster", schema=SCHEMA)
    op.drop_index(op.f("ix_opportunity_interest_subject"), table_name="opportunity_interest", schema=SCHEMA)
    op.drop_index("ix_opportunity_interest_opportunity_id_subject", table_name="opportunity_interest", schema=SCHEMA)
    op.drop_table("opportunity_interest", schema=SCHEMA)
    op.drop_index(op.f("ix_cluster_state_change_cluster_id"), table_name="cluster_state_change", schema=SCHEMA)
    op.drop_table("cluster_state_change", schema=SCHEMA)
    op.drop_index(op.f("ix_region_s3_priority_region_id"), table_name="region_s3_priority", schema=SCHEMA)
    op.drop_table("region_s3_priority", schema=SCHEMA)
    op.drop_index("ix_region_indicator_region_id_code_year_scope", table_name="region_indicator", schema=SCHEMA)
    op.drop_index(op.f("ix_region_indicator_code"), table_name="region_indicator", schema=SCHEMA)
    op.drop_table("region_indicator", schema=SCHEMA)
    op.drop_table("region_boundary", schema=SCHEMA)
    op.drop_index(op.f("ix_organisation_contact_organisation_id"), table_name="organisation_contact", schema=SCHEMA)
    op.drop_table("organisation_contact", schema=SCHEMA)
    op.drop_index("ix_opportunity_browse_order", table_name="opportunity", schema=SCHEMA)
    op.drop_index("ix_opportunity_status_deadline", table_name="opportunity", schema=SCHEMA)
    op.drop_index("ix_opportunity_source_source_ref", table_name="opportunity", schema=SCHEMA)
    op.drop_index("ix_opportunity_search_vector", table_name="opportunity", schema=SCHEMA, postgresql_using="gin")
    op.drop_index("ix_opportunity_region_codes", table_name="opportunity", schema=SCHEMA, postgresql_using="gin")
    op.drop_index("ix_opportunity_priorities", table_name="opportunity", schema=SCHEMA, postgresql_using="gin")
    op.drop_index(op.f("ix_opportunity_owner_region_code"), table_name="opportunity", schema=SCHEMA)
    op.drop_index(op.f("ix_opportunity_organisation_id"), table_name="opportunity", schema=SCHEMA)
    op.drop_table("opportunity", schema=SCHEMA)
    op.drop_index(op.f("ix_duplicate_candidate_second_id"), table_name="duplicate_candidate", schema=SCHEMA)
    op.drop_index("ix_duplicate_candidate_first_id_second_id", table_name="duplicate_candidate", schema=SCHEMA)
    op.drop_table("duplicate_candidate", schema=SCHEMA)
    op.drop_index(op.f("ix_saved_search_owner"), table_name="saved_search", schema=SCHEMA)
    op.drop_table("saved_search", schema=SCHEMA)
    op.drop_index(op.f("ix_organisation_vat_number"), table_name="organisation", schema=SCHEMA)
    op.drop_index("ix_organisation_search_vector", table_name="organisation", schema=SCHEMA, postgresql_using="gin")
    op.drop_index(op.f("ix_organisation_region_code"), table_name="organisation", schema=SCHEMA)
    op.drop_index("ix_organisation_priorities", table_name="organisation", schema=SCHEMA, postgresql_using="gin")
    op.drop_index("ix_organisation_nace_codes", table_name="organisation", schema=SCHEMA, postgresql_using="gin")
    op.drop_index(op.f("ix_organisation_merged_into_id"), table_name="organisation", schema=SCHEMA)
    op.drop_index("ix_organisation_city_key", table_name="organisation", schema=SCHEMA)
    op.drop_table("organisation", schema=SCHEMA)
    op.drop_table("import_run", schema=SCHEMA)
    op.drop_index(op.f("ix_idempotency_record_created_at"), table_name="idempotency_record", schema=SCHEMA)
    op.drop_table("idempotency_record", schema=SCHEMA)
