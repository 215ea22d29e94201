"""Shared fixtures: an embedded platform on temporary SQLite files."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

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
