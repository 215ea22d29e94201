"""The outbox sends exactly what committed, survives a broker outage, and keeps order."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere_runtime.bus import InProcessBus
from emergisphere_runtime.messages import new_envelope
from emergisphere_runtime.outbox import Outbox, OutboxMessage
from emergisphere_runtime.platform import Platform

TOPIC = "es.test.outbox"


class FlakyBus(InProcessBus):
    """The in-process bus with a switch that makes publishing fail, like a broker outage."""

    def __init__(self) -> None:
        super().__init__()
        self.down = False

    async def publish(self, topic: str, envelope: Envelope) -> None:
        if self.down:
            raise ConnectionError("broker unavailable")
        await super().publish(topic, envelope)


@pytest.fixture
async def wired(platform: Platform) -> tuple[Platform, FlakyBus, list[str], Outbox]:
    bus = FlakyBus()
    received: list[str] = []

    async def handler(envelope: Envelope) -> None:
        received.append(envelope.message_id)

    bus.subscribe(TOPIC, "test", handler)
    await bus.start()
    outbox = Outbox(platform.db, bus, platform.metrics, sweep_seconds=0.05, grace=timedelta(0))
    return platform, bus, received, outbox


def envelope(workflow_id: str = "wf-1") -> Envelope:
    return new_envelope(producer="test", workflow_id=workflow_id)


async def rows(platform: Platform) -> int:
    async with platform.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(OutboxMessage)) or 0)


async def eventually(predicate: Callable[[], bool]) -> None:
    async with asyncio.timeout(5):
        while not predicate():  # noqa: ASYNC110 - polls state other tasks change
            await asyncio.sleep(0.01)


async def test_released_messages_are_published_and_deleted(wired) -> None:  # type: ignore[no-untyped-def]
    platform, _bus, received, outbox = wired
    await outbox.start()
    sent = [envelope(f"wf-{i}") for i in range(5)]
    async with platform.db.transaction() as session:
        staged = [outbox.stage(session, TOPIC, e) for e in sent]
    outbox.release(staged)
    await eventually(lambda: len(received) == 5)
    assert sorted(received) == sorted(e.message_id for e in sent)
    for _ in range(100):
        if await rows(platform) == 0:
            break
        await asyncio.sleep(0.02)
    assert await rows(platform) == 0
    await outbox.stop()


async def test_a_rolled_back_change_sends_nothing(wired) -> None:  # type: ignore[no-untyped-def]
    platform, _bus, received, outbox = wired

    async def failing_change() -> None:
        async with platform.db.transaction() as session:
            outbox.stage(session, TOPIC, envelope())
            raise RuntimeError("change failed")

    with pytest.raises(RuntimeError):
        await failing_change()
    assert await outbox.flush() == 0
    assert received == []
    assert await rows(platform) == 0


async def test_committed_but_unreleased_messages_are_swept(wired) -> None:  # type: ignore[no-untyped-def]
    # A crash right after the commit: nothing was released, the sweep sends it.
    platform, _bus, received, outbox = wired
    first = envelope()
    async with platform.db.transaction() as session:
        outbox.stage(session, TOPIC, first)
    await outbox.start()
    await eventually(lambda: received == [first.message_id])
    await outbox.stop()
    assert await rows(platform) == 0


async def test_messages_wait_out_a_broker_outage(wired) -> None:  # type: ignore[no-untyped-def]
    platform, bus, received, outbox = wired
    await outbox.start()
    bus.down = True
    # One workflow: its messages share a partition, so arrival order is publish order.
    sent = [envelope("wf-1") for _ in range(20)]
    for e in sent:
        async with platform.db.transaction() as session:
            staged = outbox.stage(session, TOPIC, e)
        outbox.release([staged])
    await asyncio.sleep(0.3)
    assert received == []
    assert await rows(platform) == 20
    bus.down = False
    await eventually(lambda: len(received) >= 20)
    await outbox.stop()
    # Each message arrives once, in commit order.
    assert received == [e.message_id for e in sent]
    assert await rows(platform) == 0


async def test_sweep_leaves_fresh_rows_to_the_fast_path(platform: Platform) -> None:
    bus = FlakyBus()
    outbox = Outbox(platform.db, bus, platform.metrics, grace=timedelta(minutes=5))
    async with platform.db.transaction() as session:
        outbox.stage(session, TOPIC, envelope())
    assert await outbox.sweep() == 0
    assert await outbox.flush() == 1
    assert await rows(platform) == 0
