from __future__ import annotations

import errno
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, DateTime, MetaData, event
from sqlalchemy.engine import Dialect, ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from emergisphere_runtime.db import priority
from emergisphere_runtime.db.priority import PriorityLock

# Stable constraint names so Alembic migrations are identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


def _configure_sqlite(engine: AsyncEngine, *, begin: str) -> None:
    # WAL lets readers run beside the writer; busy_timeout makes a writer from another
    # process queue instead of failing.
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)


# Connections per process on a database server. Ten services share one PostgreSQL, and
# tests run several platforms at once, so each keeps a small pool.
POOL_SIZE = 5
MAX_OVERFLOW = 5
# How long a unit of work waits for a free pooled connection, and for a new connection to
# the server, before the store counts as unavailable.
POOL_TIMEOUT_SECONDS = 10.0
CONNECT_TIMEOUT_SECONDS = 5.0
# Connections older than this are replaced (server-side limits, failovers, leaks).
POOL_RECYCLE_SECONDS = 1800

# SQLSTATEs meaning the server cannot serve right now: connection exceptions (class 08),
# shutting down or starting (57P01-57P03), too many connections (53300).
_UNAVAILABLE_SQLSTATES = ("57P01", "57P02", "57P03", "53300")
_UNREACHABLE_ERRNOS = frozenset(
    {errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EADDRNOTAVAIL}
)


def is_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` means the relational store cannot be reached (worth retrying later),
    as opposed to a statement it refused."""
    if isinstance(exc, OperationalError | InterfaceError | PoolTimeoutError):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        sqlstate = str(getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", ""))
        return sqlstate.startswith("08") or sqlstate in _UNAVAILABLE_SQLSTATES
    # Raised by drivers while connecting: refused, reset, unreachable, DNS, timeout.
    if isinstance(exc, ConnectionError | TimeoutError | socket.gaierror):
        return True
    if isinstance(exc, OSError):
        # asyncio reports every failed address of a host (IPv6 and IPv4) in one OSError.
        return exc.errno in _UNREACHABLE_ERRNOS or str(exc).startswith("Multiple exceptions")
    return False


def _connect_args(driver: str) -> dict[str, Any]:
    if driver != "asyncpg":
        return {}
    return {
        "timeout": CONNECT_TIMEOUT_SECONDS,
        # Sessions run in UTC whatever the server's default; the name shows in pg_stat_activity.
        "server_settings": {"application_name": "emergisphere", "timezone": "UTC"},
    }


def _configure_server(engine: AsyncEngine) -> None:
    # asyncpg raises plain OSError when the server is down or unreachable. Report it as
    # the driver's OperationalError, which SQLAlchemy raises as its own OperationalError
    # like every other "cannot reach the database" error: callers (the API's 503, the
    # agents' redelivery) then need to know one exception type.
    @event.listens_for(engine.sync_engine, "do_connect")
    def _connect(dialect: Dialect, _record: Any, cargs: Any, cparams: Any) -> Any:
        try:
            return dialect.connect(*cargs, **cparams)
        except Exception as exc:
            if is_unavailable(exc):
                raise dialect.loaded_dbapi.OperationalError(str(exc)) from exc
            raise

    # The same for a connection lost half-way through a statement.
    @event.listens_for(engine.sync_engine, "handle_error")
    def _lost(context: ExceptionContext) -> BaseException | None:
        original = context.original_exception
        if context.sqlalchemy_exception is None and is_unavailable(original):
            return OperationalError(None, None, original)
        return None


class Database:
    """An engine plus a session factory. Sessions are short and one per unit of work.

    On SQLite, writers take the write lock up front (BEGIN IMMEDIATE, so a transaction
    never fails half-way when upgrading a read lock) and queue on an asyncio lock, most
    urgent first (see ``priority``), rather than in SQLite's sleeping busy handler;
    readers use a second engine with deferred transactions, so they read a consistent
    snapshot without blocking writers.

    On PostgreSQL, transactions run at READ COMMITTED with row locks; concurrent writers
    meet on unique constraints and the workflow version column. Each process keeps a small
    pool whose connections are tested before use, and an unreachable server surfaces as
    ``OperationalError`` (see ``is_unavailable``).
    """

    def __init__(
        self, url: str, *, pool_size: int = POOL_SIZE, max_overflow: int = MAX_OVERFLOW
    ) -> None:
        parsed = make_url(url)
        sqlite = parsed.get_backend_name() == "sqlite"
        if sqlite and parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.url = url
        if sqlite:
            self.engine = create_async_engine(url)
        else:
            self.engine = create_async_engine(
                url,
                pool_size=pool_size,
                max_overflow=max_overflow,
                pool_timeout=POOL_TIMEOUT_SECONDS,
                pool_recycle=POOL_RECYCLE_SECONDS,
                # A server restart leaves dead connections in the pool; test before use.
                pool_pre_ping=True,
                connect_args=_connect_args(parsed.get_driver_name()),
            )
            _configure_server(self.engine)
        self._write_lock: PriorityLock | None = None
        read_engine = self.engine
        if sqlite:
            _configure_sqlite(self.engine, begin="BEGIN IMMEDIATE")
            read_engine = create_async_engine(url)
            _configure_sqlite(read_engine, begin="BEGIN")
            self._write_lock = PriorityLock()
        self._read_engine = read_engine
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = async_sessionmaker(read_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def engines(self) -> tuple[AsyncEngine, ...]:
        """Every engine this store uses (SQLite has a second one for reads)."""
        if self._read_engine is self.engine:
            return (self.engine,)
        return (self.engine, self._read_engine)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One unit of work: commits on success, rolls back on any error."""
        if self._write_lock is None:
            async with self._sessions() as session, session.begin():
                yield session
            return
        await self._write_lock.acquire(priority.current())
        try:
            async with self._sessions() as session, session.begin():
                yield session
        finally:
            self._write_lock.release()

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session for reads (writes belong in ``transaction``)."""
        async with self._read_sessions() as session:
            yield session

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self._read_engine is not self.engine:
            await self._read_engine.dispose()
