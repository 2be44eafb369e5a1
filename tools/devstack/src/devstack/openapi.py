"""The merged OpenAPI document built from the apps themselves (nothing is started or connected)."""

from __future__ import annotations

import importlib
from typing import Any

from gateway.openapi.merge import merge_openapi

from devstack.layout import PACKAGES

# settings that let the app factories build without a database or keys; nothing connects
_OFFLINE = {"environment": "test", "database_url": "postgresql+asyncpg://offline/offline", "log_json": False,
            "log_level": "WARNING"}


def _app_openapi(factory_path: str, settings_path: str) -> dict[str, Any]:
    module_name, factory_name = factory_path.split(":")
    settings_module, settings_name = settings_path.rsplit(".", 1)
    settings = getattr(importlib.import_module(settings_module), settings_name)(**_OFFLINE)
    return getattr(importlib.import_module(module_name), factory_name)(settings).openapi()


def build_openapi() -> dict[str, Any]:
    documents = {
        package.name: _app_openapi(package.app, f"{package.name}.settings.{package.name.capitalize()}Settings")
        for package in PACKAGES
    }
    return merge_openapi(documents.pop("gateway"), documents)
