"""The Alembic migrations build exactly the schema the models declare, on SQLite and on
PostgreSQL (which needs the local server: `make services-up`)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect

from emergisphere_runtime import schema
from emergisphere_runtime.db import Database


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        # Already migrated (a copy of the session's template); the tests go down and up.
        pg_url: str = request.getfixturevalue("pg_url")
        return pg_url
    return f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"


async def check(url: str) -> None:
    # Raises when the models declare anything the migrations do not create.
    await asyncio.to_thread(command.check, schema.alembic_config(url))


async def tables(url: str) -> set[str]:
    database = Database(url)
    try:
        async with database.engine.connect() as conn:
            return set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await database.dispose()


async def test_migrations_match_the_models(url: str) -> None:
    await schema.upgrade(url)
    await check(url)


async def test_upgrade_is_idempotent(url: str) -> None:
    await schema.upgrade(url)
    await schema.upgrade(url)
    await check(url)


async def test_downgrade_to_base_removes_everything_and_upgrade_restores_it(url: str) -> None:
    await schema.upgrade(url)
    await asyncio.to_thread(command.downgrade, schema.alembic_config(url), "base")
    assert await tables(url) <= {"alembic_version"}
    await schema.upgrade(url)
    assert {"workflows", "workflow_steps", "inbox", "scheduling_slots"} <= await tables(url)
    await check(url)


async def test_services_starting_together_migrate_one_after_another(url: str) -> None:
    if not url.startswith("postgresql"):
        pytest.skip("one embedded process migrates its own file")
    await asyncio.to_thread(command.downgrade, schema.alembic_config(url), "base")
    # Every service process upgrades at start-up; without the migration lock the later
    # ones fail creating tables the first is creating. (Alembic's context is global to a
    # process, so they must be processes.)
    env = {**os.environ, "ES_DATABASE_URL": url}
    upgrades = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "emergisphere_runtime.cli",
            "db",
            "upgrade",
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(3)
    ]
    results = [await asyncio.wait_for(p.communicate(), 90) for p in upgrades]
    assert [p.returncode for p in upgrades] == [0, 0, 0], [err[-2000:] for _, err in results]
    await check(url)
