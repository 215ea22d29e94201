"""The embedded store's write lock serves urgent writers first."""

from __future__ import annotations

import asyncio

import pytest

from emergisphere_runtime.db.priority import ROUTINE, URGENT, PriorityLock


async def test_urgent_waiters_overtake_routine_ones_fifo_within_a_level() -> None:
    lock = PriorityLock()
    order: list[str] = []
    await lock.acquire(ROUTINE)  # held while the others queue

    async def take(name: str, level: int) -> None:
        await lock.acquire(level)
        order.append(name)
        lock.release()

    tasks = [
        asyncio.create_task(take(name, level))
        for name, level in [("r1", ROUTINE), ("r2", ROUTINE), ("u1", URGENT), ("u2", URGENT)]
    ]
    await asyncio.sleep(0)
    lock.release()
    await asyncio.gather(*tasks)
    assert order == ["u1", "u2", "r1", "r2"]


async def test_a_cancelled_waiter_does_not_keep_the_lock() -> None:
    lock = PriorityLock()
    await lock.acquire(ROUTINE)
    waiter = asyncio.create_task(lock.acquire(URGENT))
    await asyncio.sleep(0)
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    lock.release()
    await asyncio.wait_for(lock.acquire(ROUTINE), 1)  # free again


async def test_a_waiter_cancelled_after_the_handover_passes_the_lock_on() -> None:
    lock = PriorityLock()
    await lock.acquire(ROUTINE)
    first = asyncio.create_task(lock.acquire(ROUTINE))
    second = asyncio.create_task(lock.acquire(ROUTINE))
    await asyncio.sleep(0)
    lock.release()  # hands over to `first`...
    first.cancel()  # ...which is cancelled before it runs
    with pytest.raises(asyncio.CancelledError):
        await first
    await asyncio.wait_for(second, 1)
