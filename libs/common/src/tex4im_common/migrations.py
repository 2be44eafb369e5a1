"""The shared body of every service's Alembic `env.py`: one schema, its own version table, nothing else."""

from __future__ import annotations

import asyncio
from typing import Any

from alembic import context
from sqlalchemy import MetaData, pool, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from tex4im_common.settings import normalise_database_url


def _include_name(schema: str):
    def include_name(name: str | None, type_: str, parent_names: dict[str, Any]) -> bool:
        if type_ == "schema":
            return name == schema
        return True

    return include_name


def _configure_and_run(connection: Connection, metadata: MetaData, schema: str) -> None:
    connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table_schema=schema,
        include_schemas=True,
        include_name=_include_name(schema),
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations(*, metadata: MetaData, default_url: str) -> None:
    """Run this service's migrations online against the URL alembic was given, or the service default.

    Tests pass an open connection in `config.attributes["connection"]` so migrations run inside it.
    """
    schema = metadata.schema
    assert schema, "service metadata must name its schema"
    config = context.config
    if context.is_offline_mode():
        context.configure(url=config.get_main_option("sqlalchemy.url") or default_url,
                          target_metadata=metadata, version_table_schema=schema, include_schemas=True,
                          include_name=_include_name(schema), literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return

    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection, metadata, schema)
        return

    url = normalise_database_url(config.get_main_option("sqlalchemy.url") or default_url)
    if not url:
        raise RuntimeError("no database URL: set DATABASE_URL or the service's <PREFIX>DATABASE_URL")

    async def run_async() -> None:
        engine = create_async_engine(url, poolclass=pool.NullPool)
        async with engine.connect() as async_connection:
            await async_connection.run_sync(_configure_and_run, metadata, schema)
            await async_connection.commit()
        await engine.dispose()

    asyncio.run(run_async())
