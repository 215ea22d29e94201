from __future__ import annotations

import asyncio
import logging
import zlib
from collections import deque
from dataclasses import dataclass, field

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere_runtime import tracing
from emergisphere_runtime.bus.observed import delivery
from emergisphere_runtime.bus.port import (
    DLQ_DELIVERIES,
    DLQ_GROUP,
    DLQ_OFFSET,
    DLQ_PARTITION,
    DLQ_REASON,
    DLQ_TOPIC,
    UNDECODABLE,
    DeadLetter,
    Handler,
    Unavailable,
    decode_envelope,
)
from emergisphere_runtime.metrics import Metrics
from emergisphere_runtime.topics import dead_letter, is_dead_letter

log = logging.getLogger(__name__)

# Partitions per consumer group: workflows hash to one, so a workflow's messages stay in order
# while different workflows proceed in parallel.
PARTITIONS = 8
# Dead letters kept for inspection (the in-process stand-in for reading a .dlq topic).
DEAD_LETTERS_KEPT = 1000


@dataclass(frozen=True)
class _Source:
    partition: int
    offset: int
    key: str


@dataclass
class _Group:
    topic: str
    name: str
    handler: Handler
    queues: list[asyncio.Queue[tuple[int, str, bytes]]] = field(default_factory=list)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)


class InProcessBus:
    """The embedded bus: asyncio queues, messages serialised as on the wire.

    Messages live in memory only; services that must not lose work (the orchestrator)
    keep their state in the database and re-send what is outstanding after a restart.
    A group sees messages published after ``start``.
    """

    def __init__(
        self,
        *,
        max_deliveries: int = 5,
        retry_backoff_seconds: float = 0.05,
        metrics: Metrics | None = None,
    ) -> None:
        self._groups: dict[str, list[_Group]] = {}
        self._max_deliveries = max_deliveries
        self._backoff = retry_backoff_seconds
        self._metrics = metrics
        self._started = False
        self._offsets: dict[str, int] = {}
        self.dead_letters: deque[DeadLetter] = deque(maxlen=DEAD_LETTERS_KEPT)

    def subscribe(
        self, topic: str, group: str, handler: Handler, *, only_new: bool = False
    ) -> None:
        # Every group starts at messages published after start: ``only_new`` always holds.
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
                    asyncio.create_task(
                        self._consume(group, q, i), name=f"bus:{group.topic}:{group.name}:{i}"
                    )
                    for i, q in enumerate(group.queues)
                ]

    async def stop(self) -> None:
        tasks = [t for groups in self._groups.values() for g in groups for t in g.tasks]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._started = False

    async def publish(self, topic: str, envelope: Envelope) -> None:
        if not envelope.trace_context:
            tracing.stamp(envelope)
        self.publish_bytes(topic, envelope.SerializeToString(), key=envelope.workflow_id)

    def publish_bytes(self, topic: str, data: bytes, *, key: str = "") -> None:
        """Publish bytes as they would arrive from the wire (tests: a foreign producer)."""
        partition = zlib.crc32(key.encode()) % PARTITIONS
        offset = self._offsets.get(topic, 0)
        self._offsets[topic] = offset + 1
        for group in self._groups.get(topic, []):
            if group.queues:
                group.queues[partition].put_nowait((offset, key, data))

    async def drain(self) -> None:
        """Wait until every queue is empty and idle (tests and graceful shutdown)."""
        for groups in list(self._groups.values()):
            for group in groups:
                for queue in group.queues:
                    await queue.join()

    async def _consume(
        self, group: _Group, queue: asyncio.Queue[tuple[int, str, bytes]], partition: int
    ) -> None:
        while True:
            offset, key, data = await queue.get()
            try:
                await self._deliver(group, _Source(partition, offset, key), data)
            except asyncio.CancelledError:
                raise
            except Exception:
                # Only dead-lettering itself can get here; the partition must go on.
                log.exception("bus delivery failed", extra={"topic": group.topic})
            finally:
                queue.task_done()

    async def _deliver(self, group: _Group, source: _Source, data: bytes) -> None:
        if decode_envelope(data) is None:
            self._dead_letter(group, source, data, UNDECODABLE, 0)
            return
        failures = waits = 0
        while True:
            try:
                # Each delivery gets its own copy, as each would from the wire.
                envelope = Envelope.FromString(data)
                with delivery(
                    system="inprocess",
                    topic=group.topic,
                    group=group.name,
                    envelope=envelope,
                    metrics=self._metrics,
                ):
                    await group.handler(envelope)
                return
            except asyncio.CancelledError:
                raise
            except Unavailable:
                # The handler could not publish (on some other bus): not the message's
                # fault, so it does not count towards dead-lettering.
                delay = min(self._backoff * 2**waits, 5.0)
                waits += 1
                log.warning(
                    "bus handler could not publish; delivering again",
                    extra={"topic": group.topic, "group": group.name},
                )
            except Exception as exc:
                failures += 1
                log.warning(
                    "bus handler failed",
                    exc_info=True,
                    extra={"topic": group.topic, "group": group.name, "delivery": failures},
                )
                if failures >= self._max_deliveries:
                    self._dead_letter(group, source, data, type(exc).__name__, failures)
                    return
                delay = self._backoff * 2 ** (failures - 1)
            if self._metrics is not None:
                self._metrics.bus_redeliveries.labels(group.topic).inc()
            await asyncio.sleep(delay)

    def _dead_letter(
        self, group: _Group, source: _Source, data: bytes, reason: str, deliveries: int
    ) -> None:
        headers = {
            DLQ_REASON: reason,
            DLQ_TOPIC: group.topic,
            DLQ_PARTITION: str(source.partition),
            DLQ_OFFSET: str(source.offset),
            DLQ_GROUP: group.name,
            DLQ_DELIVERIES: str(deliveries),
        }
        if self._metrics is not None:
            kind = UNDECODABLE if reason == UNDECODABLE else "handler_failed"
            self._metrics.bus_dead_letters.labels(group.topic, kind).inc()
        where = {"topic": group.topic, "group": group.name}
        if is_dead_letter(group.topic):
            log.error(
                f"dropping a message that failed on a dead-letter topic ({reason})", extra=where
            )
            return
        log.error(f"dead-lettering a message ({reason})", extra=where)
        self.dead_letters.append(DeadLetter(data=data, headers=headers))
        self.publish_bytes(dead_letter(group.topic), data, key=source.key)
