"""Where things are in the repository and on the local machine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]


@dataclass(frozen=True)
class Package:
    name: str  # schema, token audience and env prefix (upper-cased)
    directory: Path
    app: str  # uvicorn factory path
    port_offset: int

    @property
    def alembic_ini(self) -> Path:
        return self.directory / "alembic.ini"

    @property
    def env_prefix(self) -> str:
        return f"{self.name.upper()}_"


PACKAGES = [
    Package("gateway", REPO / "gateway", "gateway.main:create_app", 0),
    Package("intelligence", REPO / "services" / "intelligence", "intelligence.main:create_app", 1),
    Package("proposals", REPO / "services" / "proposals", "proposals.main:create_app", 2),
    Package("matchmaking", REPO / "services" / "matchmaking", "matchmaking.main:create_app", 3),
]
SERVICES = [p for p in PACKAGES if p.name != "gateway"]
SPA_DIR = REPO / "frontend" / "dist"
