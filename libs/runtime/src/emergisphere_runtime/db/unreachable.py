"""Telling a database that is away from a write that was refused."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from emergisphere_runtime.bus.port import Unavailable

P = ParamSpec("P")
R = TypeVar("R")


def store_unreachable(exc: BaseException) -> bool:
    """True for a lost or refused database connection, not for a refused statement."""
    if isinstance(exc, (OperationalError, InterfaceError, ConnectionError)):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def redeliver_when_unreachable(handler: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """A bus handler that asks for redelivery (without counting towards the dead-letter
    limit) while the database is away: an outage delays messages, never dead-letters them."""

    @wraps(handler)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await handler(*args, **kwargs)
        except Unavailable:
            raise
        except Exception as exc:
            if store_unreachable(exc):
                raise Unavailable("the database is unreachable") from exc
            raise

    return wrapper
