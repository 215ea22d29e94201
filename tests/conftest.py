"""Shared fixtures: an embedded platform on temporary SQLite files."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from emergisphere_runtime.db import Base
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
