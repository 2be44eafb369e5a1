"""Reading an uploaded GeoJSON FeatureCollection of NUTS polygons (e.g. Eurostat GISCO's NUTS files).

Features are matched to the partnership's regions by their NUTS code, in GISCO's `NUTS_ID` property (or
`nuts_id`, `id`, or the feature's own `id`). Only Polygon and MultiPolygon geometries in WGS 84 longitude /
latitude are accepted; they are stored as given, not simplified.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from numbers import Real
from typing import Any

from intelligence.region.schemas import BoundaryFeatureNote

ID_PROPERTIES = ("NUTS_ID", "nuts_id", "id")


@dataclass
class SortedFeatures:
    matched: dict[str, dict[str, Any]] = field(default_factory=dict)  # region code -> geometry
    skipped: list[BoundaryFeatureNote] = field(default_factory=list)
    refused: list[BoundaryFeatureNote] = field(default_factory=list)


def features_of(document: Any) -> list[Any] | None:
    """The `features` of a FeatureCollection, or None when the document is not one."""
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return None
    features = document.get("features")
    return features if isinstance(features, list) else None


def feature_id(feature: dict[str, Any]) -> str | None:
    properties = feature.get("properties")
    candidates = [properties.get(key) for key in ID_PROPERTIES] if isinstance(properties, dict) else []
    for value in [*candidates, feature.get("id")]:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _position_problem(position: Any) -> str | None:
    if not isinstance(position, list) or len(position) not in (2, 3):
        return f"position {position!r} is not [longitude, latitude]"
    if not all(isinstance(n, Real) and not isinstance(n, bool) for n in position):
        return f"position {position!r} holds something other than numbers"
    lon, lat = position[0], position[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return (
            f"position [{lon}, {lat}] is outside longitude -180..180 / latitude -90..90; "
            "the file must be in WGS 84 (EPSG:4326)"
        )
    return None


def _ring_problem(ring: Any) -> str | None:
    if not isinstance(ring, list) or len(ring) < 4:
        return "a ring needs at least 4 positions"
    for position in ring:
        problem = _position_problem(position)
        if problem:
            return problem
    if ring[0] != ring[-1]:
        return "a ring is not closed (its first and last positions differ)"
    return None


def geometry_problem(geometry: Any) -> str | None:
    """Why `geometry` is not a usable Polygon or MultiPolygon, or None when it is."""
    if not isinstance(geometry, dict):
        return "the feature has no geometry"
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind not in ("Polygon", "MultiPolygon"):
        return f"geometry type {kind!r} is not Polygon or MultiPolygon"
    polygons = [coordinates] if kind == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        return f"the {kind} has no coordinates"
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return "a polygon has no rings"
        for ring in polygon:
            problem = _ring_problem(ring)
            if problem:
                return problem
    return None


def sort_features(features: list[Any], region_codes: set[str]) -> SortedFeatures:
    """Match each feature to a region, skip other regions' features, refuse unusable ones (with the reason)."""
    result = SortedFeatures()
    for index, feature in enumerate(features):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            result.refused.append(BoundaryFeatureNote(index=index, id=None, reason="not a GeoJSON Feature"))
            continue
        nuts_id = feature_id(feature)
        if nuts_id is None:
            reason = "no NUTS code: expected a NUTS_ID (or nuts_id / id) property"
            result.refused.append(BoundaryFeatureNote(index=index, id=None, reason=reason))
            continue
        code = nuts_id.upper()
        if code not in region_codes:
            result.skipped.append(BoundaryFeatureNote(index=index, id=nuts_id))
            continue
        problem = geometry_problem(feature.get("geometry"))
        if problem is None and code in result.matched:
            problem = f"a second feature for {code}; only the first one is used"
        if problem is not None:
            result.refused.append(BoundaryFeatureNote(index=index, id=nuts_id, reason=problem))
            continue
        result.matched[code] = feature["geometry"]
    return result
