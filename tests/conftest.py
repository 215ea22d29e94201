"""Shared fixtures: an embedded platform on temporary SQLite files."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import re
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from alembic import command
from sqlalchemy.engine import make_url

from emergisphere_runtime import schema
from emergisphere_runtime.db import Base
from emergisphere_runtime.localservers import read_services_env
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(environment="test", data_dir=tmp_path / "data", seed_demo_data=False)


@pytest.fixture
async def platform(settings: Settings) -> AsyncIterator[Platform]:
    """Adapters with the tables of every model imported so far (tests import their service)."""
    p = Platform.from_settings(settings)
    async with p.db.engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    await p.open_stores()
    try:
        yield p
    finally:
        await p.close()


@pytest.fixture(scope="session")
def servers() -> dict[str, str]:
    """``ES_*`` settings for the real local servers (``make services-up``).

    ``make test`` starts them and sets ES_REQUIRE_SERVERS=1, so there a missing server
    fails the run; elsewhere the tests that need them are skipped with this reason.
    """
    env = read_services_env()
    if env is None:
        message = "local servers are not running: `make services-up` starts them"
        if os.environ.get("ES_REQUIRE_SERVERS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return env


# PostgreSQL: one migrated template per test session, a fresh copy of it per test.
# Names carry their creation time, so a run that died without cleaning up is swept by a
# later one; concurrent runs (and CI jobs) never touch each other's databases.
PG_PREFIX = "es_pytest_"
PG_STALE_SECONDS = 6 * 3600


def _pg_name(kind: str) -> str:
    return f"{PG_PREFIX}{kind}_{int(time.time())}_{uuid.uuid4().hex[:10]}"


def _pg_url(url: str, database: str) -> str:
    return make_url(url).set(database=database).render_as_string(hide_password=False)


def _pg_admin(url: str, *statements: str) -> list[str]:
    """Run statements on the server (outside a transaction, as CREATE DATABASE needs) in a
    thread of its own, so the tests' event loops are never touched. Returns the names of
    this suite's databases."""
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)

    async def run() -> list[str]:
        conn = await asyncpg.connect(dsn)
        try:
            for statement in statements:
                await conn.execute(statement)
            rows = await conn.fetch(
                "SELECT datname FROM pg_database WHERE starts_with(datname, $1)", PG_PREFIX
            )
            return [row["datname"] for row in rows]
        finally:
            await conn.close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, run()).result()


def _server_url(servers: dict[str, str]) -> str:
    url = servers.get("ES_DATABASE_URL")
    if not url:
        message = "PostgreSQL is not among the local servers: `make services-up` starts it"
        if os.environ.get("ES_REQUIRE_SERVERS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return url


def _drop(name: str) -> str:
    return f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'


@pytest.fixture(scope="session")
def pg_template(servers: dict[str, str]) -> Iterator[str]:
    """URL of a database migrated to head, built once per session, to copy per test."""
    server_url = _server_url(servers)
    name = _pg_name("template")
    cutoff = time.time() - PG_STALE_SECONDS
    stale = [
        n
        for n in _pg_admin(server_url)
        if (m := re.fullmatch(rf"{PG_PREFIX}[a-z]+_(\d+)_[0-9a-f]+", n)) and int(m[1]) < cutoff
    ]
    _pg_admin(server_url, *(_drop(n) for n in stale), f'CREATE DATABASE "{name}"')
    url = _pg_url(server_url, name)
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(command.upgrade, schema.alembic_config(url), "head").result()
        yield url
    finally:
        _pg_admin(server_url, _drop(name))


@pytest.fixture
def pg_url(servers: dict[str, str], pg_template: str) -> Iterator[str]:
    """URL of a fresh, migrated PostgreSQL database for this test alone (dropped after)."""
    server_url = _server_url(servers)  # not the template: a copy needs it idle
    name = _pg_name("test")
    _pg_admin(server_url, f'CREATE DATABASE "{name}" TEMPLATE "{make_url(pg_template).database}"')
    try:
        yield _pg_url(server_url, name)
    finally:
        _pg_admin(server_url, _drop(name))


@pytest.fixture
async def pg_platform(settings: Settings, pg_url: str) -> AsyncIterator[Platform]:
    """Like ``platform``, on a fresh PostgreSQL database (migrated, not create_all)."""
    p = Platform.from_settings(settings.model_copy(update={"database_url": pg_url}))
    await p.open_stores()
    try:
        yield p
    finally:
        await p.close()
