"""The platform database: the local embedded server unless DATABASE_URL names one, migrated schema by schema."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import asyncpg
from alembic import command
from alembic.config import Config
from tex4im_common.local_postgres import LocalPostgres
from tex4im_common.settings import normalise_database_url

from devstack.layout import PACKAGES

DATABASE_NAME = "tex4im"


def _asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def _ensure_database(admin_url: str, name: str) -> None:
    connection = await asyncpg.connect(_asyncpg_dsn(admin_url))
    try:
        if not await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


def prepare_database(data_dir: Path, *, fast: bool = False) -> tuple[str, LocalPostgres | None]:
    """Return the platform's database URL and the local server if one was started for it."""
    external = os.environ.get("DATABASE_URL")
    if external:
        return normalise_database_url(external), None
    server = LocalPostgres(data_dir / "postgres", fast=fast)
    server.start()
    asyncio.run(_ensure_database(server.url("postgres"), DATABASE_NAME))
    return server.url(DATABASE_NAME), server


def migrate_all(database_url: str) -> None:
    for package in PACKAGES:
        config = Config(str(package.alembic_ini))
        config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
        command.upgrade(config, "head")
