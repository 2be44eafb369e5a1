"""What the shared fixtures need to know about the package under test."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI

from tex4im_common.settings import ServiceSettings


@dataclass(frozen=True)
class ServiceSpec:
    name: str  # the schema, the token audience and the test database suffix
    alembic_ini: Path
    settings_factory: Callable[..., ServiceSettings]
    app_factory: Callable[[ServiceSettings], FastAPI]
