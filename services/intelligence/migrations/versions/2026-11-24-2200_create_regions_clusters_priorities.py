"""Create regions, clusters, region figures and thematic priorities, with the partnership's reference data.

The reference data (FACTS.md of the partnership) belongs to this revision: a later correction is a new
revision, so every database says which version of the facts it holds.

Revision ID: 0001_regions
Revises:
Create Date: 2026-11-24 22:00:00+00:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001_regions"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "intelligence"


def _id(kind: str, key: str) -> uuid.UUID:
    """Stable ids for reference rows, the same in every installation."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:{kind}:{key}")


# code, name, country, label lon, label lat, area km²
REGIONS = [
    ("ITI1", "Toscana", "IT", 11.131, 43.479, 22985),
    ("ITC1", "Piemonte", "IT", 7.919, 45.063, 25401),
    ("RO21", "Nord-Est", "RO", 26.695, 47.089, 36851),
    ("ES52", "Comunitat Valenciana", "ES", -0.540, 39.395, 23255),
    ("PT11", "Norte", "PT", -7.693, 41.453, 21285),
    ("CZ05", "Severovýchod", "CZ", 15.780, 50.278, 12443),
    ("SE23", "Västsverige", "SE", 12.872, 58.111, 34597),
    ("FRE1", "Nord-Pas-de-Calais", "FR", 2.710, 50.479, 12438),
]

# region, name, acronym, managed by, coordinator
CLUSTERS = [
    ("ITI1", "OTIR2020 – Tuscany Fashion Cluster", "OTIR2020", "Next Technology Tecnotessile", True),
    ("ITC1", "PO.IN.TEX", "PO.IN.TEX", "Città Studi Biella", False),
    ("RO21", "ASTRICO NORD-EST", "ASTRICO NE", None, False),
    ("ES52", "ATEVAL", "ATEVAL", None, False),
    ("PT11", "CITEVE – Portuguese Textile Cluster", "CITEVE", None, False),
    ("CZ05", "CLUTEX – Klastr technické textilie", "CLUTEX", None, False),
    ("SE23", "SMART TEXTILES", "SMART TEXTILES", None, False),
    ("FRE1", "EURAMATERIALS (UP-tex)", "EURAMATERIALS", None, False),
]

# region, statement, scope, year, source (secondary sources: the scope and year are part of the figure)
FIGURES = [
    ("ITI1", "6,627 local units; 41,251 employees", "Prato textile district; 2021 survey", 2021,
     "Confindustria Toscana Nord, reported by il manifesto, 2024-10-17"),
    ("ITI1", "~480 member companies", "OTIR2020 cluster, c. 2019", 2019, "cluster partner pages"),
    ("ITC1", "1,575 firms; >17,000 employees", "Biella district; 2011", 2011, "Osservatorio distretti (Regione Piemonte)"),
    ("ITC1", "86 affiliates (84% SMEs, 14% large, 2 research organisations)", "PO.IN.TEX cluster", None,
     "EU Textile 2030 partner pages"),
    ("RO21", ">940 companies; 30,000 employees; 19% of Romania's textile exports", "regional industry; year not stated",
     None, "ADR Nord-Est (Invest North East)"),
    ("ES52", "1,424 companies; 23,188 jobs in textiles & clothing", "Comunitat Valenciana; 2017 (provisional)", 2017,
     "CITYC, reported 2018-01-31"),
    ("ES52", ">340 associated companies; ~10,500 persons employed", "ATEVAL members", None, "CLAMTEX partner pages"),
    ("PT11", "124,536 employed in textiles & clothing nationally; the North holds 85% of sector employment",
     "Portugal 2023 (INE/ATP); share from ATP directory 2019", 2023, "ATP statistics"),
    ("PT11", "60 members; ESCA Silver label (Dec 2023)", "Portuguese Textile Cluster", 2023, "clustertextil.pt"),
    ("CZ05", "31 companies, 2 associations, 1 university", "CLUTEX members", None, "cluster interview"),
    ("SE23", "180 businesses, 1,000 students, 60 researchers, 5 labs", "Borås textile cluster; 2014", 2014,
     "Euronews, 2014-02-21"),
    ("FRE1", "11,680 jobs in the textile industry (−40% since 2008)", "NUTS-1 Hauts-de-France; 2018", 2018, "Insee"),
    ("FRE1", "180 members", "UP-tex cluster", None, "EU Textile 2030 partner pages"),
]

PRIORITIES = [
    ("circular_economy", "Circular economy"),
    ("industry_4_0", "Industry 4.0 & advanced manufacturing"),
    ("digital_technologies", "Digital technologies (platforms, e-marketing, thematic social communities)"),
    ("advanced_materials", "Advanced textile materials"),
    ("creativity", "Creativity as a business model for value chains"),
]


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    ]


def upgrade() -> None:
    region = op.create_table(
        "region",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("code", sa.String(5), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("country_code", sa.String(2), nullable=False),
        sa.Column("label_lon", sa.Numeric(9, 6), nullable=False),
        sa.Column("label_lat", sa.Numeric(9, 6), nullable=False),
        sa.Column("area_km2", sa.Integer(), nullable=True),
        *_timestamps(),
        sa.CheckConstraint("code ~ '^[A-Z]{2}[A-Z0-9]{1,3}$'", name=op.f("ck_region_code_is_nuts")),
        sa.CheckConstraint("country_code ~ '^[A-Z]{2}$'", name=op.f("ck_region_country_is_alpha2")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region")),
        sa.UniqueConstraint("code", name=op.f("uq_region_code")),
        schema=SCHEMA,
    )
    cluster = op.create_table(
        "cluster",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("region_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("acronym", sa.String(60), nullable=False),
        sa.Column("managed_by", sa.String(200), nullable=True),
        sa.Column("is_partner", sa.Boolean(), nullable=False),
        sa.Column("is_coordinator", sa.Boolean(), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(["region_id"], [f"{SCHEMA}.region.id"], name=op.f("fk_cluster_region_id_region"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster")),
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_cluster_region_id"), "cluster", ["region_id"], schema=SCHEMA)
    figure = op.create_table(
        "region_figure",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("region_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("year", sa.SmallInteger(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(["region_id"], [f"{SCHEMA}.region.id"],
                                name=op.f("fk_region_figure_region_id_region"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region_figure")),
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_region_figure_region_id"), "region_figure", ["region_id"], schema=SCHEMA)
    priority = op.create_table(
        "thematic_priority",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thematic_priority")),
        sa.UniqueConstraint("code", name=op.f("uq_thematic_priority_code")),
        schema=SCHEMA,
    )

    op.bulk_insert(region, [
        {"id": _id("region", code), "code": code, "name": name, "country_code": country, "label_lon": lon,
         "label_lat": lat, "area_km2": area}
        for code, name, country, lon, lat, area in REGIONS
    ])
    op.bulk_insert(cluster, [
        {"id": _id("cluster", acronym), "region_id": _id("region", code), "name": name, "acronym": acronym,
         "managed_by": managed_by, "is_partner": True, "is_coordinator": coordinator}
        for code, name, acronym, managed_by, coordinator in CLUSTERS
    ])
    positions: dict[str, int] = {}
    rows = []
    for code, statement, scope, year, source in FIGURES:
        positions[code] = positions.get(code, 0) + 1
        rows.append({"id": _id("figure", f"{code}:{positions[code]}"), "region_id": _id("region", code),
                     "position": positions[code], "statement": statement, "scope": scope, "year": year,
                     "source": source})
    op.bulk_insert(figure, rows)
    op.bulk_insert(priority, [
        {"id": _id("priority", code), "code": code, "name": name, "position": index}
        for index, (code, name) in enumerate(PRIORITIES, start=1)
    ])


def downgrade() -> None:
    op.drop_table("thematic_priority", schema=SCHEMA)
    op.drop_index(op.f("ix_region_figure_region_id"), table_name="region_figure", schema=SCHEMA)
    op.drop_table("region_figure", schema=SCHEMA)
    op.drop_index(op.f("ix_cluster_region_id"), table_name="cluster", schema=SCHEMA)
    op.drop_table("cluster", schema=SCHEMA)
    op.drop_table("region", schema=SCHEMA)
