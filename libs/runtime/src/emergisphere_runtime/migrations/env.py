"""Alembic environment: the URL comes from the same settings as the services."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection

from emergisphere_runtime.db.base import Base, Database
from emergisphere_runtime.platform import discover_services
from emergisphere_runtime.settings import get_settings

config = context.config

# Held for the migration's transaction on PostgreSQL: services starting together take
# turns, and the later ones find the schema already current.
MIGRATION_LOCK_KEY = 0x45530001


def _url() -> str:
    return str(config.attributes.get("url") or get_settings().resolved_database_url)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables so one migration
        # runs on both SQLite and PostgreSQL.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
            )
        context.run_migrations()


async def _run_online() -> None:
    database = Database(_url())
    async with database.engine.connect() as connection:
        await connection.run_sync(_run)
        await connection.commit()
    await database.dispose()


discover_services()  # every service's models join Base.metadata
if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_online())
