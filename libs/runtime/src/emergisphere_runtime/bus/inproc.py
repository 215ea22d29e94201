from __future__ import annotations

import asyncio
import logging
import zlib
from dataclasses import dataclass, field

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere_runtime.bus.port import Handler
from emergisphere_runtime.topics import dead_letter

log = logging.getLogger(__name__)

# Partitions per consumer group: workflows hash to one, so a workflow's messages stay in order
# while different workflows proceed in parallel.
PARTITIONS = 8


@dataclass
class _Group:
    topic: str
    name: str
    handler: Handler
    queues: list[asyncio.Queue[bytes]] = field(default_factory=list)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)


class InProcessBus:
    """The embedded bus: asyncio queues, messages serialised as on the wire.

    Messages live in memory only; services that must not lose work (the orchestrator)
    keep their state in the database and re-send what is outstanding after a restart.
    """

    def __init__(self, *, max_deliveries: int = 5, retry_backoff_seconds: float = 0.05) -> None:
        self._groups: dict[str, list[_Group]] = {}
        self._max_deliveries = max_deliveries
        self._backoff = retry_backoff_seconds
        self._started = False

    def subscribe(self, topic: str, group: str, handler: Handler) -> None:
        if self._started:
            raise RuntimeError("subscribe before the bus starts")
        groups = self._groups.setdefault(topic, [])
        if any(g.name == group for g in groups):
            raise ValueError(f"group {group!r} already subscribed to {topic!r}")
        groups.append(_Group(topic=topic, name=group, handler=handler))

    async def start(self) -> None:
        self._started = True
        for groups in self._groups.values():
            for group in groups:
                group.queues = [asyncio.Queue() for _ in range(PARTITIONS)]
                group.tasks = [
                    asyncio.create_task(self._consume(group, q), name=f"bus:{group.topic}:{i}")
                    for i, q in enumerate(group.queues)
                ]

    async def stop(self) -> None:
        tasks = [t for groups in self._groups.values() for g in groups for t in g.tasks]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._started = False

    async def publish(self, topic: str, envelope: Envelope) -> None:
        data = envelope.SerializeToString()
        partition = zlib.crc32(envelope.workflow_id.encode()) % PARTITIONS
        for group in self._groups.get(topic, []):
            if group.queues:
                group.queues[partition].put_nowait(data)

    async def drain(self) -> None:
        """Wait until every queue is empty and idle (tests and graceful shutdown)."""
        for groups in list(self._groups.values()):
            for group in groups:
                for queue in group.queues:
                    await queue.join()

    async def _consume(self, group: _Group, queue: asyncio.Queue[bytes]) -> None:
        while True:
            data = await queue.get()
            try:
                await self._deliver(group, data)
            finally:
                queue.task_done()

    async def _deliver(self, group: _Group, data: bytes) -> None:
        for delivery in range(1, self._max_deliveries + 1):
            try:
                await group.handler(Envelope.FromString(data))
                return
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("handler failed", extra={"topic": group.topic, "delivery": delivery})
                await asyncio.sleep(self._backoff * 2 ** (delivery - 1))
        envelope = Envelope.FromString(data)
        log.error("dead-lettering message", extra={"topic": group.topic, "group": group.name})
        await self.publish(dead_letter(group.topic), envelope)
