from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from emergisphere_runtime.cache.port import check_ttl
from emergisphere_runtime.cache.stream import MessageStream


class MemoryCache:
    """The embedded cache: a dict with expiry times and asyncio-queue pub/sub."""

    def __init__(self) -> None:
        self._values: dict[str, tuple[str, float | None]] = {}
        self._channels: dict[str, set[MessageStream]] = {}

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        self._values.clear()

    def _live(self, key: str) -> str | None:
        item = self._values.get(key)
        if item is None:
            return None
        value, expires = item
        if expires is not None and expires <= time.monotonic():
            del self._values[key]
            return None
        return value

    @staticmethod
    def _expiry(ttl_seconds: float | None) -> float | None:
        return None if ttl_seconds is None else time.monotonic() + check_ttl(ttl_seconds)

    async def get(self, key: str) -> str | None:
        return self._live(key)

    async def set(self, key: str, value: str, *, ttl_seconds: float | None = None) -> None:
        self._values[key] = (value, self._expiry(ttl_seconds))

    async def set_if_absent(self, key: str, value: str, *, ttl_seconds: float) -> bool:
        check_ttl(ttl_seconds)
        if self._live(key) is not None:
            return False
        self._values[key] = (value, self._expiry(ttl_seconds))
        return True

    async def incr(self, key: str, *, ttl_seconds: float) -> int:
        check_ttl(ttl_seconds)
        current = self._live(key)
        if current is None:
            self._values[key] = ("1", self._expiry(ttl_seconds))
            return 1
        count = int(current) + 1
        self._values[key] = (str(count), self._values[key][1])
        return count

    async def delete(self, key: str) -> None:
        self._values.pop(key, None)

    async def publish(self, channel: str, message: str) -> None:
        for stream in self._channels.get(channel, ()):
            stream.put(message)

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[str]]:
        stream = MessageStream()
        self._channels.setdefault(channel, set()).add(stream)
        try:
            yield stream
        finally:
            subscribers = self._channels.get(channel)
            if subscribers is not None:
                subscribers.discard(stream)
                if not subscribers:
                    del self._channels[channel]
