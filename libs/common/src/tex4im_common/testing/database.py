"""Test databases: one per package, built by running that package's real migrations."""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
from alembic import command
from alembic.config import Config

from tex4im_common.local_postgres import LocalPostgres


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield an admin URL: `TEST_DATABASE_URL`'s server if set, else a throwaway local server."""
    external = os.environ.get("TEST_DATABASE_URL")
    if external:
        yield external
        return
    with tempfile.TemporaryDirectory(prefix="tex4im-test-pg-") as tmp:
        server = LocalPostgres(Path(tmp) / "data", fast=True)
        server.start()
        try:
            yield server.url("postgres")
        finally:
            server.stop()


def _asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def swap_database(url: str, database: str) -> str:
    head, _, tail = url.partition("?")
    base = head.rsplit("/", 1)[0]
    return f"{base}/{database}" + (f"?{tail}" if tail else "")


async def recreate_database(admin_url: str, database: str) -> None:
    connection = await asyncpg.connect(_asyncpg_dsn(admin_url))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{database}"')
    finally:
        await connection.close()


def alembic_config(alembic_ini: Path, url: str) -> Config:
    config = Config(str(alembic_ini))
    config.set_main_option("script_location", str(alembic_ini.parent / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(alembic_ini: Path, url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(alembic_ini, url), revision)


def downgrade(alembic_ini: Path, url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(alembic_ini, url), revision)


def create_migrated_database(admin_url: str, database: str, alembic_ini: Path) -> str:
    asyncio.run(recreate_database(admin_url, database))
    url = swap_database(admin_url, database)
    migrate(alembic_ini, url)
    return url
