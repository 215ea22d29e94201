from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from typing import Protocol


class Cache(Protocol):
    """Short-lived state: cached values, idempotency keys, counters and pub/sub channels."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str, *, ttl_seconds: float | None = None) -> None: ...

    async def set_if_absent(self, key: str, value: str, *, ttl_seconds: float) -> bool:
        """Set the key only if it does not exist; True when this call set it."""

    async def incr(self, key: str, *, ttl_seconds: float) -> int:
        """Increment a counter, starting a fresh window of ``ttl_seconds`` when it is new."""

    async def delete(self, key: str) -> None: ...

    async def publish(self, channel: str, message: str) -> None: ...

    def subscribe(self, channel: str) -> AbstractAsyncContextManager[AsyncIterator[str]]:
        """Messages published on the channel after subscribing."""
