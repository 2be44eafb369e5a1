"""Migration checks every package inherits: a round trip, models in step, and one schema only."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest
from alembic import command

from tex4im_common.testing.database import (
    alembic_config,
    downgrade,
    migrate,
    recreate_database,
    swap_database,
)
from tex4im_common.testing.spec import ServiceSpec


async def _schemas_with_tables(url: str) -> set[str]:
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        rows = await connection.fetch(
            "SELECT DISTINCT table_schema FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        )
    finally:
        await connection.close()
    return {row["table_schema"] for row in rows}


class MigrationChecks:
    @pytest.fixture(scope="class")
    @classmethod
    def scratch_url(cls, admin_url: str, service_spec: ServiceSpec) -> str:
        name = f"test_{service_spec.name}_migrations"
        asyncio.run(recreate_database(admin_url, name))
        return swap_database(admin_url, name)

    def test_upgrade_downgrade_upgrade_round_trip(self, scratch_url: str, service_spec: ServiceSpec) -> None:
        migrate(service_spec.alembic_ini, scratch_url)
        downgrade(service_spec.alembic_ini, scratch_url)
        assert asyncio.run(_schemas_with_tables(scratch_url)) <= {service_spec.name}
        migrate(service_spec.alembic_ini, scratch_url)

    def test_migrations_touch_only_their_own_schema(self, scratch_url: str, service_spec: ServiceSpec) -> None:
        migrate(service_spec.alembic_ini, scratch_url)
        assert asyncio.run(_schemas_with_tables(scratch_url)) == {service_spec.name}

    def test_models_match_the_migrations(self, scratch_url: str, service_spec: ServiceSpec) -> None:
        migrate(service_spec.alembic_ini, scratch_url)
        # raises if autogenerate would propose any operation
        command.check(alembic_config(service_spec.alembic_ini, scratch_url))
