"""The Kafka adapter of the message bus (aiokafka).

Publishing: an idempotent producer with ``acks=all``, keyed by workflow id, so a workflow's
messages share a partition and keep their order. ``publish`` gives up after
PUBLISH_TIMEOUT_SECONDS with BusUnavailable; the producer is then replaced, so while the
broker stays away later publishes fail at once, and work again as soon as it is back. A
publish that raised may still have been delivered: the bus is at-least-once and consumers
drop repeats by message id.

Consuming: one Kafka consumer group per subscribed group name; each assigned partition has
its own worker, so partitions run concurrently and a partition's messages run in order. An
offset is committed only after the handler returned, or after the message went to the
dead-letter topic. On a rebalance the workers of the revoked partitions finish their current
message (or are cancelled after a grace period), their offsets are committed while the
partitions are still ours, and nothing is committed for them afterwards.

Topic and group names on the wire carry ``settings.kafka_topic_prefix``. Topics are not
created here: ``emergisphere topics ensure`` (``ensure_topics``) creates them, and ``start``
waits for the subscribed ones, as it waits for an unreachable broker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from aiokafka import (  # type: ignore[import-untyped]
    AIOKafkaConsumer,
    AIOKafkaProducer,
    ConsumerRebalanceListener,
)
from aiokafka.admin import AIOKafkaAdminClient, NewTopic  # type: ignore[import-untyped]
from aiokafka.errors import (  # type: ignore[import-untyped]
    KafkaError,
    TopicAlreadyExistsError,
    for_code,
)

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
    BusUnavailable,
    Handler,
    Unavailable,
    decode_envelope,
)
from emergisphere_runtime.metrics import Metrics
from emergisphere_runtime.settings import Settings
from emergisphere_runtime.topics import all_topics, dead_letter, is_dead_letter

log = logging.getLogger(__name__)

# A publish that the broker has not acknowledged within this time raises BusUnavailable.
PUBLISH_TIMEOUT_SECONDS = 5.0
# Redelivery to a failing handler: first wait, doubling per delivery, capped.
RETRY_BACKOFF_SECONDS = 0.1
RETRY_BACKOFF_MAX_SECONDS = 5.0
# Waiting for an unreachable broker (start, dead-lettering): first wait, doubling, capped.
CONNECT_BACKOFF_SECONDS = 0.5
CONNECT_BACKOFF_MAX_SECONDS = 10.0
# A fetch waits at most this long on the broker for data; messages that arrive meanwhile
# are returned at once, so this bounds idle polling, not latency.
FETCH_MAX_WAIT_MS = 50
# Records queued per partition before fetching for it pauses (back-pressure).
PARTITION_BUFFER = 100
# How long a revoked partition's worker may finish its current message before it is
# cancelled (the message then goes to the partition's next owner). Well below the
# rebalance timeout.
REVOKE_GRACE_SECONDS = 3.0
REBALANCE_TIMEOUT_MS = 30_000
# ``start`` returns once each group has its partitions, or after this long.
JOIN_TIMEOUT_SECONDS = 30.0
# On stop: in-flight handlers may finish for this long; pending sends may flush for this long.
STOP_GRACE_SECONDS = 5.0
COMMIT_TIMEOUT_SECONDS = 5.0


class _Throttle(logging.Filter):
    """Lets one record per logger and message template through per interval.

    While the broker is away aiokafka logs every reconnection attempt (dozens a second per
    consumer); the first of each kind says all there is to say.
    """

    def __init__(self, interval: float) -> None:
        super().__init__()
        self._interval = interval
        self._last: dict[tuple[str, object], float] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.msg)
        last = self._last.get(key)
        if last is not None and record.created - last < self._interval:
            return False
        if len(self._last) > 1000:
            self._last.clear()
        self._last[key] = record.created
        return True


_AIOKAFKA_LOGGERS = (
    "aiokafka",
    "aiokafka.conn",
    "aiokafka.cluster",
    "aiokafka.consumer.consumer",
    "aiokafka.consumer.fetcher",
    "aiokafka.consumer.group_coordinator",
    "aiokafka.producer.producer",
    "aiokafka.producer.sender",
)
_throttle = _Throttle(interval=30.0)


def _throttle_aiokafka_logs() -> None:
    for name in _AIOKAFKA_LOGGERS:
        logger = logging.getLogger(name)
        if _throttle not in logger.filters:
            logger.addFilter(_throttle)


def _servers(settings: Settings) -> list[str]:
    servers = [s.strip() for s in settings.kafka_bootstrap_servers.split(",") if s.strip()]
    if not servers:
        raise ValueError("ES_KAFKA_BOOTSTRAP_SERVERS is empty")
    return servers


def _backoff(delay: float, cap: float) -> float:
    return min(delay * 2, cap)


@dataclass
class _GroupSpec:
    handlers: dict[str, Handler] = field(default_factory=dict)  # by logical topic
    only_new: bool = False


class KafkaBus:
    """The message bus on Kafka. Construct anywhere; connections open in ``start``."""

    def __init__(
        self,
        settings: Settings,
        *,
        metrics: Metrics | None = None,
        retry_backoff_seconds: float = RETRY_BACKOFF_SECONDS,
        publish_timeout_seconds: float = PUBLISH_TIMEOUT_SECONDS,
    ) -> None:
        self._servers = _servers(settings)
        self._prefix = settings.kafka_topic_prefix
        self.max_deliveries = settings.bus_max_deliveries
        self._client_id = f"emergisphere-{settings.instance_id}"
        self.metrics = metrics if metrics is not None else Metrics()
        self.retry_backoff_seconds = retry_backoff_seconds
        self.publish_timeout_seconds = publish_timeout_seconds
        self._groups: dict[str, _GroupSpec] = {}
        self._consumers: list[_GroupConsumer] = []
        self._producer: Any = None
        self._producer_lock = asyncio.Lock()
        self._closing: set[asyncio.Task[None]] = set()
        self._started = False
        self.metrics.add_lag_source(self.consumer_lag)
        _throttle_aiokafka_logs()

    # -- the port -------------------------------------------------------------------------

    def subscribe(
        self, topic: str, group: str, handler: Handler, *, only_new: bool = False
    ) -> None:
        if self._started:
            raise RuntimeError("subscribe before the bus starts")
        spec = self._groups.get(group)
        if spec is None:
            spec = self._groups[group] = _GroupSpec(only_new=only_new)
        elif spec.only_new != only_new:
            raise ValueError(f"group {group!r}: every topic needs the same only_new")
        if topic in spec.handlers:
            raise ValueError(f"group {group!r} already subscribed to {topic!r}")
        spec.handlers[topic] = handler

    async def start(self) -> None:
        """Connect, waiting (with warnings) until the broker and subscribed topics are there."""
        if self._started:
            return
        self._started = True
        try:
            await self._connect_producer()
            self._consumers = [_GroupConsumer(self, g, spec) for g, spec in self._groups.items()]
            async with asyncio.TaskGroup() as group_starts:
                for consumer in self._consumers:
                    group_starts.create_task(consumer.start())
        except BaseException:
            await self.stop()
            raise

    async def stop(self) -> None:
        """Finish in-flight handlers (bounded), commit what they finished, flush sends, close."""
        consumers, self._consumers = self._consumers, []
        await asyncio.gather(*(c.stop() for c in consumers), return_exceptions=True)
        async with self._producer_lock:
            producer, self._producer = self._producer, None
        if producer is not None:
            await _close_producer(producer, STOP_GRACE_SECONDS)
        await asyncio.gather(*self._closing, return_exceptions=True)
        self._started = False

    async def publish(self, topic: str, envelope: Envelope) -> None:
        key = envelope.workflow_id.encode() or None
        if not envelope.trace_context:
            tracing.stamp(envelope)
        # The trace context rides in the record headers too, for tools that read only them.
        headers = tracing.kafka_headers(envelope) or None
        await self.send(topic, envelope.SerializeToString(), key=key, headers=headers)

    def consumer_lag(self) -> list[tuple[str, str, int, int]]:
        """(group, topic, partition, lag) for every partition this process consumes."""
        return [row for consumer in self._consumers for row in consumer.lag()]

    # -- plumbing ---------------------------------------------------------------------------

    def wire(self, topic: str) -> str:
        """The topic (or group) name on the wire."""
        return f"{self._prefix}{topic}"

    def logical(self, wire_topic: str) -> str:
        return wire_topic.removeprefix(self._prefix)

    def consumer_config(self) -> dict[str, Any]:
        return {"bootstrap_servers": self._servers, "client_id": self._client_id}

    async def send(
        self,
        topic: str,
        value: bytes,
        *,
        key: bytes | None = None,
        headers: list[tuple[str, bytes]] | None = None,
    ) -> None:
        """Produce raw bytes; raises BusUnavailable unless acknowledged within the bound."""
        producer: Any = None
        try:
            async with asyncio.timeout(self.publish_timeout_seconds):
                producer = await self._ready_producer()
                await producer.send_and_wait(self.wire(topic), value, key=key, headers=headers)
        except (TimeoutError, KafkaError, OSError) as exc:
            # Start afresh with the next publish. A producer that failed may be unusable (its
            # sender gave up), and one left holding sends for a broker that is away polls it
            # in a tight loop; while the broker stays away, a fresh one fails at once.
            self.metrics.bus_publish_failures.labels(topic).inc()
            if producer is not None:
                self._discard_producer(producer)
            if isinstance(exc, TimeoutError):
                raise BusUnavailable(
                    f"Kafka did not acknowledge a message on {topic} within "
                    f"{self.publish_timeout_seconds:g}s"
                ) from exc
            raise BusUnavailable(f"publishing on {topic} failed ({type(exc).__name__})") from exc

    async def _ready_producer(self) -> Any:
        producer = self._producer
        if producer is not None:
            return producer
        async with self._producer_lock:
            if self._producer is None:
                self._producer = await self._new_producer()
            return self._producer

    async def _new_producer(self) -> Any:
        producer = AIOKafkaProducer(
            bootstrap_servers=self._servers,
            client_id=self._client_id,
            acks="all",
            enable_idempotence=True,
            linger_ms=1,
            request_timeout_ms=int(self.publish_timeout_seconds * 1000),
        )
        try:
            await producer.start()
        except BaseException:
            with contextlib.suppress(Exception):
                await producer.stop()
            raise
        return producer

    def _discard_producer(self, producer: Any) -> None:
        """Stop using a producer; it closes in the background (it may wait on a request)."""
        if self._producer is not producer:
            return  # another failed publish discarded it already
        self._producer = None
        task = asyncio.create_task(_close_producer(producer, 0), name="kafka:producer-close")
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def _connect_producer(self) -> None:
        delay = CONNECT_BACKOFF_SECONDS
        while True:
            try:
                async with asyncio.timeout(self.publish_timeout_seconds):
                    await self._ready_producer()
                return
            except (KafkaError, OSError, TimeoutError) as exc:
                log.warning(
                    f"Kafka at {','.join(self._servers)} is not reachable "
                    f"({type(exc).__name__}); retrying in {delay:g}s"
                )
            await asyncio.sleep(delay)
            delay = _backoff(delay, CONNECT_BACKOFF_MAX_SECONDS)


async def _close_producer(producer: Any, flush_seconds: float) -> None:
    """Close a producer, giving its pending sends ``flush_seconds`` to be acknowledged."""
    try:
        async with asyncio.timeout(flush_seconds):
            await producer.flush()
    except (TimeoutError, KafkaError):
        log.warning("closing the Kafka producer with unacknowledged messages")
        _abandon_pending(producer)
    with contextlib.suppress(Exception):
        await producer.stop()


def _abandon_pending(producer: Any) -> None:
    """Fail the sends a producer still holds, so that it can close.

    An idempotent producer retries them for as long as the broker is away, and ``stop``
    waits for them. Their callers have already given up (publish raised). aiokafka has no
    public way to do this; these are the internals of the version in uv.lock.
    """
    accumulator = producer._message_accumulator
    batches = [b for queue in accumulator._batches.values() for b in queue]
    batches += list(accumulator._pending_batches)
    accumulator.fail_all(KafkaError("producer closed"))
    for batch in batches:
        # Nobody waits on these any more: mark their exceptions as seen.
        for future in (batch.future, batch._drain_waiter):
            if future.done() and not future.cancelled():
                future.exception()


@dataclass(eq=False)
class _Partition:
    tp: Any
    topic: str  # logical
    handler: Handler
    queue: asyncio.Queue[Any] = field(default_factory=asyncio.Queue)
    task: asyncio.Task[None] | None = None
    paused: bool = False
    closing: bool = False
    # The next offset to hand to the handler: the first fetched, then one past each handled.
    next_offset: int | None = None

    def close(self) -> None:
        """Drop what is queued (the next owner re-reads it) and stop after the current one."""
        self.closing = True
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queue.put_nowait(None)


class _Listener(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, owner: _GroupConsumer) -> None:
        self._owner = owner

    async def on_partitions_revoked(self, revoked: Iterable[Any]) -> None:
        await self._owner.revoked(set(revoked))

    async def on_partitions_assigned(self, assigned: Iterable[Any]) -> None:
        await self._owner.assigned(set(assigned))


class _GroupConsumer:
    def __init__(self, bus: KafkaBus, group: str, spec: _GroupSpec) -> None:
        self._bus = bus
        self._group = group
        self._spec = spec
        self._consumer: Any = None
        self._partitions: dict[Any, _Partition] = {}
        self._pending: dict[Any, int] = {}  # next offset to commit, per partition
        self._commit_lock = asyncio.Lock()
        self._commit_wake = asyncio.Event()
        self._joined = asyncio.Event()  # set at the first assignment
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        wire_topics = sorted(self._bus.wire(t) for t in self._spec.handlers)
        delay = CONNECT_BACKOFF_SECONDS
        while True:
            consumer = AIOKafkaConsumer(
                **self._bus.consumer_config(),
                group_id=self._bus.wire(self._group),
                enable_auto_commit=False,
                auto_offset_reset="latest" if self._spec.only_new else "earliest",
                fetch_max_wait_ms=FETCH_MAX_WAIT_MS,
                heartbeat_interval_ms=1000,
                session_timeout_ms=10_000,
                rebalance_timeout_ms=REBALANCE_TIMEOUT_MS,
            )
            try:
                await consumer.start()
                missing = sorted(set(wire_topics) - set(await consumer.topics()))
                if not missing:
                    consumer.subscribe(topics=wire_topics, listener=_Listener(self))
                    self._consumer = consumer
                    break
                log.warning(
                    f"waiting for topics {', '.join(missing)}: `emergisphere topics ensure` "
                    f"creates them; retrying in {delay:g}s",
                    extra={"group": self._group},
                )
            except (KafkaError, OSError) as exc:
                log.warning(
                    f"Kafka at {','.join(self._bus.consumer_config()['bootstrap_servers'])} "
                    f"is not reachable ({type(exc).__name__}); retrying in {delay:g}s",
                    extra={"group": self._group},
                )
            except BaseException:
                with contextlib.suppress(Exception):
                    await consumer.stop()
                raise
            with contextlib.suppress(Exception):
                await consumer.stop()
            await asyncio.sleep(delay)
            delay = _backoff(delay, CONNECT_BACKOFF_MAX_SECONDS)
        self._tasks = [
            asyncio.create_task(self._fetch(), name=f"kafka:{self._group}:fetch"),
            asyncio.create_task(self._commit_forever(), name=f"kafka:{self._group}:commit"),
        ]
        # Started means consuming: the group was joined and partitions were assigned.
        try:
            async with asyncio.timeout(JOIN_TIMEOUT_SECONDS):
                await self._joined.wait()
        except TimeoutError:
            log.warning(
                f"no partition assignment after {JOIN_TIMEOUT_SECONDS:g}s; going on",
                extra={"group": self._group},
            )

    async def stop(self) -> None:
        fetch = self._tasks[0] if self._tasks else None
        if fetch is not None:
            fetch.cancel()
            await asyncio.gather(fetch, return_exceptions=True)
        await self._finish(list(self._partitions.values()), STOP_GRACE_SECONDS)
        await self._commit()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._partitions.clear()
        self._pending.clear()
        if self._consumer is not None:
            try:
                async with asyncio.timeout(STOP_GRACE_SECONDS * 2):
                    await self._consumer.stop()
            except (TimeoutError, KafkaError):
                log.warning("Kafka consumer did not close cleanly", extra={"group": self._group})

    def lag(self) -> list[tuple[str, str, int, int]]:
        """Per owned partition: the broker's high watermark (as of the last fetch) minus the
        next offset to handle. A paused partition's watermark is not refreshed meanwhile."""
        rows = []
        for tp, part in list(self._partitions.items()):
            highwater = self._consumer.highwater(tp) if self._consumer is not None else None
            if highwater is None:
                continue
            handled_to = highwater if part.next_offset is None else part.next_offset
            rows.append((self._group, part.topic, tp.partition, max(0, highwater - handled_to)))
        return rows

    # -- rebalances -----------------------------------------------------------------------

    async def assigned(self, assigned: set[Any]) -> None:
        for tp in assigned:
            if tp in self._partitions:
                continue
            topic = self._bus.logical(tp.topic)
            part = _Partition(tp=tp, topic=topic, handler=self._spec.handlers[topic])
            part.task = asyncio.create_task(
                self._work(part), name=f"kafka:{self._group}:{tp.topic}:{tp.partition}"
            )
            self._partitions[tp] = part
        if self._spec.only_new:
            # Fix "now" as the start of partitions without a committed position, so that
            # whatever is published once ``start`` returned is seen.
            try:
                for tp in assigned:
                    await self._consumer.position(tp)
            except KafkaError as exc:
                log.warning(
                    f"could not fix the start positions ({type(exc).__name__})",
                    extra={"group": self._group},
                )
        self._joined.set()

    async def revoked(self, revoked: set[Any]) -> None:
        parts = [self._partitions[tp] for tp in revoked if tp in self._partitions]
        await self._finish(parts, REVOKE_GRACE_SECONDS)
        # Still ours until this returns: commit what was finished, then forget the partitions
        # so that nothing more is committed for them.
        await self._commit(only=revoked)
        for tp in revoked:
            self._partitions.pop(tp, None)
            self._pending.pop(tp, None)

    async def _finish(self, parts: list[_Partition], grace: float) -> None:
        """Let each worker finish its current message; cancel those still busy after grace."""
        for part in parts:
            part.close()
        tasks = [p.task for p in parts if p.task is not None]
        if not tasks:
            return
        _, busy = await asyncio.wait(tasks, timeout=grace)
        for task in busy:
            task.cancel()
        if busy:
            log.warning(
                f"cancelled {len(busy)} handler(s) still running after {grace:g}s; "
                "their messages will be delivered again",
                extra={"group": self._group},
            )
        await asyncio.gather(*tasks, return_exceptions=True)

    # -- fetching and handling ------------------------------------------------------------

    async def _fetch(self) -> None:
        consumer = self._consumer
        while True:
            try:
                batches = await consumer.getmany(timeout_ms=200, max_records=500)
            except Exception:
                log.warning("Kafka fetch failed", exc_info=True, extra={"group": self._group})
                await asyncio.sleep(CONNECT_BACKOFF_SECONDS)
                continue
            for tp, records in batches.items():
                part = self._partitions.get(tp)
                if part is None or part.closing:
                    continue  # not ours any more; its owner reads from the last commit
                if part.next_offset is None and records:
                    part.next_offset = records[0].offset
                for record in records:
                    part.queue.put_nowait(record)
                if part.queue.qsize() >= PARTITION_BUFFER and not part.paused:
                    consumer.pause(tp)
                    part.paused = True

    async def _work(self, part: _Partition) -> None:
        while True:
            record = await part.queue.get()
            if record is None:
                return
            await self._handle(part, record)
            part.next_offset = record.offset + 1
            self._pending[part.tp] = record.offset + 1
            self._commit_wake.set()
            if part.paused and part.queue.qsize() <= PARTITION_BUFFER // 2 and not part.closing:
                part.paused = False
                if part.tp in self._consumer.assignment():
                    self._consumer.resume(part.tp)

    async def _handle(self, part: _Partition, record: Any) -> None:
        if decode_envelope(record.value) is None:
            await self._dead_letter(part, record, UNDECODABLE, 0)
            return
        metrics = self._bus.metrics
        backoff = self._bus.retry_backoff_seconds
        failures = waits = 0
        while True:
            try:
                # A fresh copy per delivery, as a redelivery from the wire would be.
                envelope = Envelope.FromString(record.value)
                with delivery(
                    system="kafka",
                    topic=part.topic,
                    group=self._group,
                    envelope=envelope,
                    metrics=metrics,
                    headers=record.headers,
                ):
                    await part.handler(envelope)
                return
            except asyncio.CancelledError:
                raise
            except Unavailable:
                # The handler could not publish: the broker is away, not the message at
                # fault. Deliver again, without counting towards the dead-letter limit.
                delay = min(backoff * 2**waits, CONNECT_BACKOFF_MAX_SECONDS)
                waits += 1
                log.warning(
                    f"bus handler could not publish; delivering again in {delay:g}s",
                    extra={"topic": part.topic, "group": self._group},
                )
            except Exception as exc:
                failures += 1
                log.warning(
                    "bus handler failed",
                    exc_info=True,
                    extra={"topic": part.topic, "group": self._group, "delivery": failures},
                )
                if failures >= self._bus.max_deliveries:
                    await self._dead_letter(part, record, type(exc).__name__, failures)
                    return
                delay = min(backoff * 2 ** (failures - 1), RETRY_BACKOFF_MAX_SECONDS)
            metrics.bus_redeliveries.labels(part.topic).inc()
            await asyncio.sleep(delay)

    async def _dead_letter(
        self, part: _Partition, record: Any, reason: str, deliveries: int
    ) -> None:
        where = {"topic": part.topic, "group": self._group}
        kind = UNDECODABLE if reason == UNDECODABLE else "handler_failed"
        self._bus.metrics.bus_dead_letters.labels(part.topic, kind).inc()
        if is_dead_letter(part.topic):
            log.error(
                f"dropping a message that failed on a dead-letter topic ({reason})", extra=where
            )
            return
        log.error(f"dead-lettering a message ({reason})", extra=where)
        headers = [
            (DLQ_REASON, reason.encode()),
            (DLQ_TOPIC, record.topic.encode()),
            (DLQ_PARTITION, str(record.partition).encode()),
            (DLQ_OFFSET, str(record.offset).encode()),
            (DLQ_GROUP, self._group.encode()),
            (DLQ_DELIVERIES, str(deliveries).encode()),
        ]
        delay = CONNECT_BACKOFF_SECONDS
        while True:
            try:
                await self._bus.send(
                    dead_letter(part.topic), record.value or b"", key=record.key, headers=headers
                )
                return
            except BusUnavailable as exc:
                # Not committed until dead-lettered: keep trying (the partition waits).
                log.warning(f"dead-lettering failed ({exc}); retrying in {delay:g}s", extra=where)
            await asyncio.sleep(delay)
            delay = _backoff(delay, CONNECT_BACKOFF_MAX_SECONDS)

    # -- commits --------------------------------------------------------------------------

    async def _commit_forever(self) -> None:
        while True:
            await self._commit_wake.wait()
            self._commit_wake.clear()
            if not await self._commit():
                self._commit_wake.set()
                await asyncio.sleep(CONNECT_BACKOFF_SECONDS)

    async def _commit(self, only: set[Any] | None = None) -> bool:
        """Commit finished offsets of partitions we own; False when the commit failed."""
        async with self._commit_lock:
            offsets = {
                tp: offset
                for tp, offset in self._pending.items()
                if tp in self._partitions and (only is None or tp in only)
            }
            if not offsets:
                return True
            try:
                async with asyncio.timeout(COMMIT_TIMEOUT_SECONDS):
                    await self._consumer.commit(offsets)
            except (KafkaError, TimeoutError) as exc:
                # Kept for the next attempt; a revocation drops them (the next owner
                # re-reads those messages: at-least-once).
                log.warning(
                    f"offset commit failed ({type(exc).__name__})", extra={"group": self._group}
                )
                return False
            for tp, offset in offsets.items():
                if self._pending.get(tp) == offset:
                    del self._pending[tp]
            return True


class TopicsError(RuntimeError):
    """The topics could not be listed or created (broker unreachable, or it refused)."""


async def ensure_topics(settings: Settings, topics: Iterable[str] | None = None) -> list[str]:
    """Create the topics (default: every platform topic and its DLQ) that do not exist yet,
    with the configured partitions, replication and prefix. Returns the created wire names."""
    try:
        return await _ensure_topics(settings, topics)
    except KafkaError as exc:
        detail = str(exc) or type(exc).__name__
        raise TopicsError(f"Kafka at {settings.kafka_bootstrap_servers}: {detail}") from exc


async def _ensure_topics(settings: Settings, topics: Iterable[str] | None) -> list[str]:
    prefix = settings.kafka_topic_prefix
    names = [f"{prefix}{t}" for t in (all_topics() if topics is None else topics)]
    admin = AIOKafkaAdminClient(
        bootstrap_servers=_servers(settings),
        client_id=f"emergisphere-{settings.instance_id}-admin",
        request_timeout_ms=30_000,
    )
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [n for n in dict.fromkeys(names) if n not in existing]
        if not missing:
            return []
        response = await admin.create_topics(
            [
                NewTopic(n, settings.kafka_partitions, settings.kafka_replication_factor)
                for n in missing
            ]
        )
        created: list[str] = []
        for topic, code, *message in response.topic_errors:
            if code == 0:
                created.append(topic)
            elif code != TopicAlreadyExistsError.errno:  # created meanwhile: fine
                detail = f": {message[0]}" if message and message[0] else ""
                raise KafkaError(
                    f"creating topic {topic} failed ({for_code(code).__name__}{detail})"
                )
        await _wait_for_leaders(admin, missing)
        return created
    finally:
        await admin.close()


async def delete_prefixed_topics(settings: Settings) -> list[str]:
    """Delete every topic under the configured prefix: a test or benchmark run's own topics,
    so runs sharing a broker leave nothing behind. Refuses an empty prefix."""
    prefix = settings.kafka_topic_prefix
    if not prefix:
        raise ValueError("refusing to delete topics without a topic prefix")
    admin = AIOKafkaAdminClient(
        bootstrap_servers=_servers(settings),
        client_id=f"emergisphere-{settings.instance_id}-admin",
        request_timeout_ms=30_000,
    )
    await admin.start()
    try:
        ours = [t for t in await admin.list_topics() if t.startswith(prefix)]
        if ours:
            await admin.delete_topics(ours)
        return ours
    finally:
        await admin.close()


def _has_leaders(topic: dict[str, Any]) -> bool:
    partitions = topic["partitions"]
    led = all(p["leader"] >= 0 for p in partitions)
    return topic["error_code"] == 0 and bool(partitions) and led


async def _wait_for_leaders(admin: Any, topics: list[str], within: float = 30.0) -> None:
    """Return once every partition of the topics has a leader: usable, not just created."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        described = await admin.describe_topics(topics)
        if all(_has_leaders(t) for t in described):
            return
        if asyncio.get_running_loop().time() > deadline:
            raise KafkaError(f"the new topics have no partition leaders after {within:g}s")
        await asyncio.sleep(0.05)


__all__ = [
    "PUBLISH_TIMEOUT_SECONDS",
    "KafkaBus",
    "TopicsError",
    "delete_prefixed_topics",
    "ensure_topics",
]
