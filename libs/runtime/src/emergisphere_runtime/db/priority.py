"""Who goes first when writers queue for the embedded store's single write lock.

Care comes first: the work between an accepted intake and a known acuity (storing the
workflow, dispatching and recording triage) is marked urgent and overtakes queued
bookkeeping such as billing or scheduling. Servers with row-level locking (PostgreSQL)
have no such queue, so the mark costs nothing there.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

URGENT = 0
ROUTINE = 1

_priority: ContextVar[int] = ContextVar("emergisphere_write_priority", default=ROUTINE)


@contextmanager
def urgent() -> Iterator[None]:
    """Mark the writes made inside this block (in this task) as urgent."""
    token = _priority.set(URGENT)
    try:
        yield
    finally:
        _priority.reset(token)


def current() -> int:
    return _priority.get()


class PriorityLock:
    """An asyncio lock granted to the most urgent waiter, first come first served within
    one priority."""

    def __init__(self) -> None:
        self._locked = False
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    async def acquire(self, priority: int) -> None:
        if not self._locked and not self._waiters:
            self._locked = True
            return
        granted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiters, (priority, next(self._order), granted))
        try:
            await granted
        except asyncio.CancelledError:
            if granted.done() and not granted.cancelled():
                # Cancelled just after the lock was handed over: hand it on.
                self.release()
            raise

    def release(self) -> None:
        while self._waiters:
            _, _, granted = heapq.heappop(self._waiters)
            if not granted.done():  # skip waiters that gave up
                granted.set_result(None)  # ownership passes on; the lock stays held
                return
        self._locked = False
