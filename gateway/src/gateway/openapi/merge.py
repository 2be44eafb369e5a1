"""One OpenAPI document for the whole platform: the gateway's own routes plus every service under /api/<name>."""

from __future__ import annotations

import copy
from typing import Any

INTERNAL_PATHS = frozenset({"/healthz", "/readyz"})
REF_PREFIX = "#/components/schemas/"


def _rewrite_refs(node: Any, renames: dict[str, str]) -> Any:
    if isinstance(node, dict):
        return {
            key: (REF_PREFIX + renames.get(value[len(REF_PREFIX):], value[len(REF_PREFIX):])
                  if key == "$ref" and isinstance(value, str) and value.startswith(REF_PREFIX)
                  else _rewrite_refs(value, renames))
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(item, renames) for item in node]
    return node


def merge_openapi(gateway: dict[str, Any], services: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Merge service documents into the gateway's; a schema name two services define differently is prefixed."""
    merged = copy.deepcopy(gateway)
    merged["paths"] = {p: item for p, item in merged.get("paths", {}).items() if p not in INTERNAL_PATHS}
    schemas: dict[str, Any] = merged.setdefault("components", {}).setdefault("schemas", {})
    tags: list[dict[str, Any]] = merged.setdefault("tags", [])
    for name, spec in sorted(services.items()):
        renames: dict[str, str] = {}
        service_schemas = spec.get("components", {}).get("schemas", {})
        for schema_name, schema in service_schemas.items():
            if schema_name in schemas and schemas[schema_name] != schema:
                renames[schema_name] = f"{name.capitalize()}{schema_name}"
        for schema_name, schema in service_schemas.items():
            schemas[renames.get(schema_name, schema_name)] = _rewrite_refs(schema, renames)
        for path, item in spec.get("paths", {}).items():
            if path in INTERNAL_PATHS:
                continue
            item = _rewrite_refs(copy.deepcopy(item), renames)
            for operation in item.values():
                if isinstance(operation, dict) and "operationId" in operation:
                    operation["operationId"] = f"{name}-{operation['operationId']}"
            merged["paths"][f"/api/{name}{path}"] = item
        known = {tag["name"] for tag in tags}
        tags.extend(tag for tag in spec.get("tags", []) if tag["name"] not in known)
    merged["components"]["securitySchemes"] = {
        "session": {"type": "apiKey", "in": "cookie", "name": "tex4im_access",
                    "description": "Set by POST /api/auth/login. Unsafe methods also need the X-CSRF-Token header."},
    }
    merged["security"] = [{"session": []}]
    return merged
