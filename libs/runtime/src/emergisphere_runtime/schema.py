"""Bringing a database to the current schema with Alembic."""

from __future__ import annotations

import asyncio
from importlib.resources import files

from alembic import command
from alembic.config import Config


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("emergisphere_runtime") / "migrations"))
    config.attributes["url"] = url
    return config


async def upgrade(url: str, revision: str = "head") -> None:
    # Alembic drives its own event loop inside env.py, so it runs in a worker thread.
    await asyncio.to_thread(command.upgrade, alembic_config(url), revision)
