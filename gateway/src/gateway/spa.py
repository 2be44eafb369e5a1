"""Serving the built single-page app at `/`, with client-side routes falling back to index.html."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from tex4im_common.problems import NotFound, ServiceUnavailable


def mount_spa(app: FastAPI, spa_dir: Path | None) -> None:
    index = spa_dir / "index.html" if spa_dir else None
    if spa_dir and (spa_dir / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=spa_dir / "assets"), name="spa-assets")

    @app.get("/{path:path}", include_in_schema=False)
    def spa(path: str, request: Request) -> Response:  # sync: it touches the file system
        if path.startswith("api/") or path == "api":
            raise NotFound(f"No API resource at /{path}.")
        if index is None or not index.exists():
            raise ServiceUnavailable("The web app is not built yet: run `make build` (or `make run`).")
        assert spa_dir is not None
        candidate = (spa_dir / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(spa_dir.resolve()):
            return FileResponse(candidate)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
