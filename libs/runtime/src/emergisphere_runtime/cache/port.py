from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from typing import Protocol


def check_ttl(ttl_seconds: float) -> float:
    """Times to live are positive; a key that should not live is deleted instead."""
    if not ttl_seconds > 0:
        raise ValueError(f"ttl_seconds must be positive, got {ttl_seconds!r}")
    return ttl_seconds


class Cache(Protocol):
    """Short-lived state: cached values, idempotency keys, counters and pub/sub channels.

    Every ``ttl_seconds`` must be positive (ValueError otherwise).
    """

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str, *, ttl_seconds: float | None = None) -> None:
        """Set the value; without ``ttl_seconds`` it does not expire."""

    async def set_if_absent(self, key: str, value: str, *, ttl_seconds: float) -> bool:
        """Set the key only if it does not exist; True when this call set it."""

    async def incr(self, key: str, *, ttl_seconds: float) -> int:
        """Increment a counter, starting a fresh window of ``ttl_seconds`` when it is new.

        Later increments keep the window: the counter expires ``ttl_seconds`` after the
        increment that created it.
        """

    async def delete(self, key: str) -> None: ...

    async def publish(self, channel: str, message: str) -> None: ...

    def subscribe(self, channel: str) -> AbstractAsyncContextManager[AsyncIterator[str]]:
        """Messages published on the channel after subscribing, in publishing order.

        Entering the context returns once the subscription is in place; leaving it
        unsubscribes.
        """
