"""The Alembic migrations build exactly the schema the models declare."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command

from emergisphere_runtime import schema


async def test_migrations_match_the_models(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"
    await schema.upgrade(url)
    # Raises when the models declare anything the migrations do not create.
    await asyncio.to_thread(command.check, schema.alembic_config(url))


async def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"
    await schema.upgrade(url)
    await schema.upgrade(url)
