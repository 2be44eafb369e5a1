"""The partner clusters' ECCP profiles (facts where FACTS.md has them, marked demo text elsewhere) and S3 entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from itertools import pairwise

from intelligence.cluster.models import Cluster, ClusterStateChange
from intelligence.demo.ids import DEMO_DOMAIN, demo_id
from intelligence.demo.organisations import slug
from intelligence.region.models import Region, RegionS3Priority

DEMO_PROFILE = "Demo profile text — replace with the cluster's ECCP profile."
SUPPORT_PROGRAMME = "COSME – ESCP-S3 TEX4IM (grant agreement 822083)"
S3_SOURCE = "Illustrative demo entry, not the region's official S3 text"
CHANGED_BY, CHANGED_BY_NAME = "demo", "Demo data"
PIPELINE = ("draft", "submitted", "validated", "linked")
# how many days before the reference day each step was taken
STEP_DAYS_AGO = {"submitted": 200, "validated": 140, "linked": 70}
STEP_COMMENTS = {
    "submitted": "Cluster profile submitted to ECCP for validation (demo).",
    "validated": "ECCP validated the cluster profile (demo).",
    "linked": "Profile linked from the TEX4IM partnership page (demo).",
}


@dataclass(frozen=True)
class ClusterProfile:
    members: dict[str, int]  # ECCP member types: sme, large, research, university, public, other
    members_note: str  # where the counts come from, or that they are demo values
    state: str
    management_fte: str  # demo value, said so in the description
    nace_codes: tuple[str, ...] = ("C13", "C14")
    esca_label: str | None = None


# Totals follow the published figures; where only a total is known, its split by member type is a demo value (so
# the profile meets ECCP's two-member-types criterion), and the description says so. SMART TEXTILES keeps its
# one-type figure and stays a draft that is not ready yet.
PROFILES = {
    "OTIR2020": ClusterProfile(
        {"sme": 466, "large": 14}, "~480 member companies (OTIR2020 cluster, c. 2019; cluster partner pages); the "
        "split into SMEs and large companies is a demo value.", "validated", "3.0", ("C13", "C14", "C15")),
    "PO.IN.TEX": ClusterProfile(
        {"sme": 72, "large": 12, "research": 2}, "86 affiliates: 72 SMEs, 12 large companies, 2 research "
        "organisations (PO.IN.TEX cluster; EU Textile 2030 partner pages).", "linked", "2.0"),
    "ASTRICO NE": ClusterProfile(
        {"sme": 38, "large": 3, "research": 1, "university": 1, "public": 1, "other": 2},
        "the member counts are demo values.", "draft", "1.5"),
    "ATEVAL": ClusterProfile(
        {"sme": 325, "large": 15}, ">340 associated companies (ATEVAL members; CLAMTEX partner pages), a lower "
        "bound; the split into SMEs and large companies is a demo value.", "submitted", "4.0"),
    "CITEVE": ClusterProfile(
        {"sme": 48, "large": 6, "research": 3, "university": 2, "other": 1}, "60 members (Portuguese Textile "
        "Cluster; clustertextil.pt); the split by type is a demo value. ESCA Silver label awarded in December "
        "2023.", "validated", "2.5", esca_label="silver"),
    "CLUTEX": ClusterProfile(
        {"sme": 31, "university": 1, "other": 2}, "31 companies (counted as SMEs), 2 associations, 1 university "
        "(CLUTEX members; cluster interview).", "linked", "1.0"),
    "SMART TEXTILES": ClusterProfile(
        {"sme": 180}, "180 businesses (Borås textile cluster, 2014; Euronews), a wider scope than the cluster's "
        "own membership; no split by type is known.", "draft", "2.0"),
    "EURAMATERIALS": ClusterProfile(
        {"sme": 150, "large": 12, "research": 10, "university": 5, "other": 3}, "180 members (UP-tex cluster; EU "
        "Textile 2030 partner pages); the split by type is a demo value.", "submitted", "3.0"),
}

# region -> three (title, description, thematic priorities); illustrative, not the regions' official S3 texts
S3_PRIORITIES = {
    "ITI1": (("Sustainable and circular textiles", "Regenerated wool and textile-to-textile recycling in the Prato "
              "district.", ("circular_economy",)),
             ("Smart manufacturing for fashion supply chains", "Connected machines and data along the fashion "
              "value chain.", ("industry_4_0", "digital_technologies")),
             ("Creative industries and fashion design", "Design-led collections and heritage skills.",
              ("creativity",))),
    "ITC1": (("Sustainable and circular textiles", "Traceable, low-impact wool processing in the Biella district.",
              ("circular_economy",)),
             ("Advanced materials and technical textiles", "Functional fibres and fabrics for new markets.",
              ("advanced_materials",)),
             ("Industry 4.0 in textile manufacturing", "Automation and digital twins in spinning and weaving.",
              ("industry_4_0", "digital_technologies"))),
    "RO21": (("Modernisation of the clothing industry", "Productivity and automation for garment makers.",
              ("industry_4_0",)),
             ("Sustainable and circular textiles", "Reuse of cutting waste and cleaner finishing.",
              ("circular_economy",)),
             ("Digital skills and e-commerce for textile SMEs", "Own brands and online sales.",
              ("digital_technologies", "creativity"))),
    "ES52": (("Sustainable and circular textiles", "Recycled fibres and eco-design for home textiles.",
              ("circular_economy",)),
             ("Technical and functional textiles", "Textiles for health, transport and building.",
              ("advanced_materials",)),
             ("Digital transformation of textile value chains", "Data-driven production and traceability.",
              ("digital_technologies", "industry_4_0"))),
    "PT11": (("Sustainable and circular textiles", "Recycled cotton, low-water finishing and circular business "
              "models.", ("circular_economy", "advanced_materials")),
             ("Digitalisation of the textile and clothing value chain", "Smart factories and digital product "
              "passports.", ("industry_4_0", "digital_technologies")),
             ("Fashion design and creative industries", "Design, brands and short series.", ("creativity",))),
    "CZ05": (("Advanced materials and nanofibre textiles", "Nanofibres and technical nonwovens.",
              ("advanced_materials",)),
             ("Industry 4.0 in textile manufacturing", "Automation of technical textile production.",
              ("industry_4_0",)),
             ("Sustainable and circular textiles", "Recyclable technical textiles.", ("circular_economy",))),
    "SE23": (("Sustainable and circular textiles", "Sorting, recycling and new business models for textiles.",
              ("circular_economy",)),
             ("Smart textiles and wearables", "Sensors, conductive yarns and e-textiles.",
              ("advanced_materials", "digital_technologies")),
             ("Design-led textile innovation", "Textile design research with industry.", ("creativity",))),
    "FRE1": (("Sustainable and circular textiles", "Textile recycling and the regional recycling chain.",
              ("circular_economy",)),
             ("Technical textiles and functional materials", "Textiles for health, mobility and protection.",
              ("advanced_materials", "industry_4_0")),
             ("Digital retail and e-commerce", "Online retail and data for textile brands.",
              ("digital_technologies", "creativity"))),
}


def s3_priorities(regions: dict[str, Region]) -> list[RegionS3Priority]:
    """Three illustrative S3 entries per region, each tied to the partnership's thematic priorities."""
    return [
        RegionS3Priority(
            id=demo_id("s3-priority", f"{code}:{position}"), region_id=regions[code].id, position=position,
            title=title, description=description, thematic_priorities=list(priorities), source=S3_SOURCE,
        )
        for code, entries in S3_PRIORITIES.items()
        for position, (title, description, priorities) in enumerate(entries, start=1)
    ]


def _at(today: date, days_ago: int) -> datetime:
    return datetime.combine(today - timedelta(days=days_ago), time(10, 0), tzinfo=UTC)


def fill_profile(cluster: Cluster, *, region_code: str, region_name: str, today: date) -> list[ClusterStateChange]:
    """Fill a partner cluster's ECCP profile and ESCP-S3 state; returns the state history that led there."""
    profile = PROFILES[cluster.acronym]
    reached = PIPELINE[: PIPELINE.index(profile.state) + 1]
    site = slug(cluster.acronym)
    cluster.website_en = f"https://{site}.{DEMO_DOMAIN}"
    cluster.description = (
        f"{DEMO_PROFILE} {cluster.name} is the textile and clothing cluster of {region_name} in the TEX4IM "
        f"partnership (ESCP-S3). Members: {profile.members_note} The management staff (FTE) and the website are "
        "demo values."
    )
    for member_type in ("sme", "large", "research", "university", "public", "other"):
        setattr(cluster, f"members_{member_type}", profile.members.get(member_type, 0))
    cluster.management_fte = Decimal(profile.management_fte)
    cluster.industrial_ecosystems = ["Textiles"]
    cluster.nace_codes = list(profile.nace_codes)
    cluster.s3_priorities = [title for title, _, _ in S3_PRIORITIES[region_code]]
    cluster.esca_label = profile.esca_label
    cluster.esca_valid_until = None
    cluster.support_programme = SUPPORT_PROGRAMME
    # what each step needed (cluster/escp.py): the validated profile's URL, then the signed agreement
    validated, linked = "validated" in reached, "linked" in reached
    cluster.eccp_profile_url = f"https://eccp.{DEMO_DOMAIN}/clusters/{site}" if validated else None
    cluster.partnership_agreement_signed_on = today - timedelta(days=80) if linked else None
    cluster.escp_state = profile.state
    changes = [
        ClusterStateChange(
            id=demo_id("cluster-state-change", f"{cluster.acronym}:{step}"), cluster_id=cluster.id,
            from_state=previous, to_state=step, changed_by=CHANGED_BY, changed_by_name=CHANGED_BY_NAME,
            comment=STEP_COMMENTS[step], changed_at=_at(today, STEP_DAYS_AGO[step]),
        )
        for previous, step in pairwise(reached)
    ]
    cluster.escp_state_changed_at = changes[-1].changed_at if changes else None
    return changes
