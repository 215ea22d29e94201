import asyncio

import pytest

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere_runtime.bus import InProcessBus
from emergisphere_runtime.messages import new_envelope


def env(workflow_id: str, n: int) -> Envelope:
    e = new_envelope(producer="t", workflow_id=workflow_id)
    e.attempt = n
    return e


async def test_every_group_gets_every_message_in_order_per_workflow() -> None:
    bus = InProcessBus()
    seen: dict[str, list[tuple[str, int]]] = {"a": [], "b": []}

    async def handler_for(group: str, e: Envelope) -> None:
        seen[group].append((e.workflow_id, e.attempt))

    bus.subscribe("t", "a", lambda e: handler_for("a", e))
    bus.subscribe("t", "b", lambda e: handler_for("b", e))
    await bus.start()
    for n in range(20):
        await bus.publish("t", env(f"w{n % 3}", n))
    await bus.drain()
    await bus.stop()
    for group in ("a", "b"):
        assert len(seen[group]) == 20
        for wf in ("w0", "w1", "w2"):
            order = [n for w, n in seen[group] if w == wf]
            assert order == sorted(order)


async def test_a_failing_handler_is_retried_then_dead_lettered() -> None:
    bus = InProcessBus(max_deliveries=3, retry_backoff_seconds=0)
    attempts = 0
    dead: list[Envelope] = []

    async def failing(_e: Envelope) -> None:
        nonlocal attempts
        attempts += 1
        raise RuntimeError("down")

    async def dlq(e: Envelope) -> None:
        dead.append(e)

    bus.subscribe("t", "g", failing)
    bus.subscribe("t.dlq", "ops", dlq)
    await bus.start()
    message = env("w", 1)
    await bus.publish("t", message)
    await bus.drain()
    await bus.drain()
    await bus.stop()
    assert attempts == 3
    assert [e.message_id for e in dead] == [message.message_id]


async def test_a_handler_that_recovers_processes_the_message_once() -> None:
    bus = InProcessBus(max_deliveries=5, retry_backoff_seconds=0)
    calls = 0

    async def flaky(_e: Envelope) -> None:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise RuntimeError("transient")

    bus.subscribe("t", "g", flaky)
    await bus.start()
    await bus.publish("t", env("w", 1))
    await bus.drain()
    await bus.stop()
    assert calls == 3


def test_subscribing_after_start_is_refused() -> None:
    bus = InProcessBus()

    async def run() -> None:
        await bus.start()
        with pytest.raises(RuntimeError):
            bus.subscribe("t", "g", lambda e: asyncio.sleep(0))
        await bus.stop()

    asyncio.run(run())
