"""Bus handlers wait out a database outage instead of failing their messages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from emergisphere_runtime.bus.port import Unavailable
from emergisphere_runtime.db.base import is_unavailable

P = ParamSpec("P")
R = TypeVar("R")


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
            if is_unavailable(exc):
                raise Unavailable("the database is unreachable") from exc
            raise

    return wrapper
