"""The MessageBus contract, run against every adapter: the in-process bus and Kafka.

The Kafka variant needs the local broker (`deploy/local/kafka.sh up`, or `make services-up`)
and is skipped without it. Each test gets topics and groups under a prefix of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import time
import uuid
import zlib
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.partitioner import DefaultPartitioner

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere_runtime.bus import InProcessBus
from emergisphere_runtime.bus.kafka import (
    PUBLISH_TIMEOUT_SECONDS,
    KafkaBus,
    delete_prefixed_topics,
    ensure_topics,
)
from emergisphere_runtime.bus.port import (
    DLQ_DELIVERIES,
    DLQ_GROUP,
    DLQ_OFFSET,
    DLQ_PARTITION,
    DLQ_REASON,
    DLQ_TOPIC,
    UNDECODABLE,
    BusUnavailable,
    DeadLetter,
    MessageBus,
    decode_envelope,
)
from emergisphere_runtime.messages import new_envelope
from emergisphere_runtime.metrics import Metrics
from emergisphere_runtime.settings import Settings
from emergisphere_runtime.topics import dead_letter

TOPIC = "es.contract.commands"
PARTITIONS = 4
# Handler retries back off from this; keeps the failure tests quick.
BACKOFF = 0.01


def env(workflow_id: str, n: int) -> Envelope:
    """An envelope whose ``attempt`` field carries its sequence number within the test."""
    return new_envelope(producer="contract", workflow_id=workflow_id, attempt=n)


async def until(predicate: Callable[[], bool], what: str, within: float = 20.0) -> None:
    deadline = time.monotonic() + within
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {within:g}s waiting for {what}")
        await asyncio.sleep(0.01)


class Recorder:
    """A handler that records (workflow id, sequence number) in handling order."""

    def __init__(self, before: Callable[[Envelope], Awaitable[None]] | None = None) -> None:
        self.handled: list[tuple[str, int]] = []
        self.calls: Counter[tuple[str, int]] = Counter()
        self._before = before

    async def __call__(self, envelope: Envelope) -> None:
        item = (envelope.workflow_id, envelope.attempt)
        self.calls[item] += 1
        if self._before is not None:
            await self._before(envelope)
        self.handled.append(item)

    def of(self, workflow_id: str) -> list[int]:
        return [n for w, n in self.handled if w == workflow_id]


def counter_value(metrics: Metrics, name: str, **labels: str) -> float:
    value = metrics.registry.get_sample_value(name, labels)
    return value or 0.0


class Harness:
    """What a contract test needs from one adapter, beyond the MessageBus port itself."""

    kind: str
    durable: bool  # committed positions survive a restart of the consumer

    def __init__(self) -> None:
        self.buses: list[MessageBus] = []

    def new_bus(self, *, max_deliveries: int = 3, metrics: Metrics | None = None) -> MessageBus:
        raise NotImplementedError

    async def create_topics(self, *topics: str) -> None:
        """Create the topics and their dead-letter topics."""

    def wire(self, topic: str) -> str:
        return topic

    def partition(self, workflow_id: str) -> int:
        raise NotImplementedError

    async def publish_raw(self, bus: MessageBus, topic: str, data: bytes, key: str) -> None:
        raise NotImplementedError

    async def dead_letters(self, bus: MessageBus, topic: str, count: int) -> list[DeadLetter]:
        raise NotImplementedError

    async def close(self) -> None:
        for bus in reversed(self.buses):
            await bus.stop()


class InProcessHarness(Harness):
    kind = "inproc"
    durable = False

    def new_bus(self, *, max_deliveries: int = 3, metrics: Metrics | None = None) -> MessageBus:
        bus = InProcessBus(
            max_deliveries=max_deliveries, retry_backoff_seconds=BACKOFF, metrics=metrics
        )
        self.buses.append(bus)
        return bus

    def partition(self, workflow_id: str) -> int:
        return zlib.crc32(workflow_id.encode()) % 8

    async def publish_raw(self, bus: MessageBus, topic: str, data: bytes, key: str) -> None:
        assert isinstance(bus, InProcessBus)
        bus.publish_bytes(topic, data, key=key)

    async def dead_letters(self, bus: MessageBus, topic: str, count: int) -> list[DeadLetter]:
        assert isinstance(bus, InProcessBus)
        await until(
            lambda: sum(d.headers[DLQ_TOPIC] == topic for d in bus.dead_letters) >= count,
            f"{count} dead letter(s)",
        )
        return [d for d in bus.dead_letters if d.headers[DLQ_TOPIC] == topic]


class KafkaHarness(Harness):
    kind = "kafka"
    durable = True

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.prefix = settings.kafka_topic_prefix
        self.servers = settings.kafka_bootstrap_servers
        self._partitioner = DefaultPartitioner()

    def new_bus(self, *, max_deliveries: int = 3, metrics: Metrics | None = None) -> MessageBus:
        bus = KafkaBus(
            self.settings.model_copy(update={"bus_max_deliveries": max_deliveries}),
            metrics=metrics,
            retry_backoff_seconds=BACKOFF,
        )
        self.buses.append(bus)
        return bus

    async def create_topics(self, *topics: str) -> None:
        await ensure_topics(self.settings, [n for t in topics for n in (t, dead_letter(t))])

    def wire(self, topic: str) -> str:
        return f"{self.prefix}{topic}"

    def partition(self, workflow_id: str) -> int:
        partitions = list(range(PARTITIONS))
        return int(self._partitioner(workflow_id.encode(), partitions, partitions))

    async def publish_raw(self, bus: MessageBus, topic: str, data: bytes, key: str) -> None:
        producer = AIOKafkaProducer(bootstrap_servers=self.servers)
        await producer.start()
        try:
            await producer.send_and_wait(self.wire(topic), data, key=key.encode())
        finally:
            await producer.stop()

    async def dead_letters(self, bus: MessageBus, topic: str, count: int) -> list[DeadLetter]:
        consumer = AIOKafkaConsumer(bootstrap_servers=self.servers, enable_auto_commit=False)
        await consumer.start()
        letters: list[DeadLetter] = []
        try:
            consumer.assign(
                [TopicPartition(self.wire(dead_letter(topic)), p) for p in range(PARTITIONS)]
            )
            await consumer.seek_to_beginning()
            deadline = time.monotonic() + 20
            while len(letters) < count and time.monotonic() < deadline:
                for records in (await consumer.getmany(timeout_ms=200)).values():
                    letters += [
                        DeadLetter(r.value, {k: v.decode() for k, v in r.headers}) for r in records
                    ]
        finally:
            await consumer.stop()
        return letters

    async def close(self) -> None:
        await super().close()
        await delete_prefixed_topics(self.settings)


def kafka_settings(settings: Settings, servers: dict[str, str]) -> Settings:
    bootstrap = servers.get("ES_KAFKA_BOOTSTRAP_SERVERS")
    if not bootstrap:
        message = "Kafka is not among the local servers: `make services-up` starts it"
        if os.environ.get("ES_REQUIRE_SERVERS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return settings.model_copy(
        update={
            "kafka_bootstrap_servers": bootstrap,
            "kafka_topic_prefix": f"test-{uuid.uuid4().hex[:12]}.",
            "kafka_partitions": PARTITIONS,
        }
    )


@pytest.fixture
def kafka(settings: Settings, servers: dict[str, str]) -> Settings:
    """Settings for a KafkaBus on the local broker, under a topic prefix of this test's own."""
    return kafka_settings(settings, servers)


@pytest.fixture(params=["inproc", "kafka"])
async def harness(request: pytest.FixtureRequest, settings: Settings) -> AsyncIterator[Harness]:
    h: Harness
    if request.param == "kafka":
        h = KafkaHarness(kafka_settings(settings, request.getfixturevalue("servers")))
    else:
        h = InProcessHarness()
    try:
        yield h
    finally:
        await h.close()


async def test_every_group_gets_every_message_in_order_per_workflow(harness: Harness) -> None:
    await harness.create_topics(TOPIC)
    bus = harness.new_bus()
    groups = {"a": Recorder(), "b": Recorder()}
    for name, recorder in groups.items():
        bus.subscribe(TOPIC, name, recorder)
    await bus.start()
    sent = [env(f"w{n % 6}", n) for n in range(60)]
    for e in sent:
        await bus.publish(TOPIC, e)
    await until(lambda: all(len(r.handled) >= 60 for r in groups.values()), "60 per group")
    await asyncio.sleep(0.2)  # nothing more may arrive
    for recorder in groups.values():
        assert sorted(recorder.handled) == sorted((e.workflow_id, e.attempt) for e in sent)
        for w in {e.workflow_id for e in sent}:
            assert recorder.of(w) == [e.attempt for e in sent if e.workflow_id == w]


async def test_partitions_run_concurrently_and_a_workflow_waits_for_its_own(
    harness: Harness,
) -> None:
    await harness.create_topics(TOPIC)
    slow = "slow-workflow"
    fast = next(
        w
        for w in (f"fast-{i}" for i in range(100))
        if harness.partition(w) != harness.partition(slow)
    )
    gate = asyncio.Event()

    async def hold_first_slow(e: Envelope) -> None:
        if e.workflow_id == slow and e.attempt == 0:
            await gate.wait()

    recorder = Recorder(hold_first_slow)
    bus = harness.new_bus()
    bus.subscribe(TOPIC, "g", recorder)
    await bus.start()
    for e in (env(slow, 0), env(slow, 1), env(fast, 0), env(fast, 1)):
        await bus.publish(TOPIC, e)
    await until(lambda: recorder.of(fast) == [0, 1], "the other partition's workflow")
    await asyncio.sleep(0.1)
    assert recorder.of(slow) == []  # its second message waits behind the held first
    gate.set()
    await until(lambda: recorder.of(slow) == [0, 1], "the held workflow, in order")


async def test_a_failed_delivery_is_delivered_again_before_the_next_message(
    harness: Harness,
) -> None:
    await harness.create_topics(TOPIC)
    metrics = Metrics()

    async def fail_twice(e: Envelope) -> None:
        if (e.workflow_id, e.attempt) == ("w", 0) and recorder.calls[("w", 0)] <= 2:
            raise RuntimeError("transient")

    recorder = Recorder(fail_twice)
    bus = harness.new_bus(max_deliveries=5, metrics=metrics)
    bus.subscribe(TOPIC, "g", recorder)
    await bus.start()
    for e in (env("w", 0), env("w", 1), env("other", 0)):
        await bus.publish(TOPIC, e)
    await until(lambda: len(recorder.handled) == 3, "all three handled")
    assert recorder.calls[("w", 0)] == 3
    assert recorder.of("w") == [0, 1]
    assert counter_value(metrics, "emergisphere_bus_redeliveries_total", topic=TOPIC) == 2


async def test_a_message_failing_every_delivery_is_dead_lettered_and_the_rest_go_on(
    harness: Harness,
) -> None:
    await harness.create_topics(TOPIC)
    metrics = Metrics()
    poison = env("w", 0)

    async def refuse_poison(e: Envelope) -> None:
        if e.message_id == poison.message_id:
            raise ValueError("Walter Stone, 300-555-0101")  # text that must not leak

    recorder = Recorder(refuse_poison)
    bus = harness.new_bus(max_deliveries=3, metrics=metrics)
    bus.subscribe(TOPIC, "g", recorder)
    await bus.start()
    for e in (poison, env("w", 1), env("w", 2)):
        await bus.publish(TOPIC, e)
    await until(lambda: recorder.of("w") == [1, 2], "the messages after the poison one")
    assert recorder.calls[("w", 0)] == 3

    [letter] = await harness.dead_letters(bus, TOPIC, 1)
    assert letter.data == poison.SerializeToString()
    assert letter.headers[DLQ_REASON] == "ValueError"
    assert letter.headers[DLQ_GROUP] == "g"
    assert letter.headers[DLQ_TOPIC] == harness.wire(TOPIC)
    assert letter.headers[DLQ_PARTITION] == str(harness.partition("w"))
    assert letter.headers[DLQ_OFFSET] == "0"
    assert letter.headers[DLQ_DELIVERIES] == "3"
    assert not any("Walter" in v or "0101" in v for v in letter.headers.values())
    assert (
        counter_value(
            metrics, "emergisphere_bus_dead_letters_total", topic=TOPIC, reason="handler_failed"
        )
        == 1
    )
    assert counter_value(metrics, "emergisphere_bus_redeliveries_total", topic=TOPIC) == 2


async def test_a_handler_that_cannot_publish_is_retried_without_dead_lettering(
    harness: Harness,
) -> None:
    """BusUnavailable from a handler means the broker is away, not that the message is bad."""
    await harness.create_topics(TOPIC)
    metrics = Metrics()

    async def cannot_publish_at_first(e: Envelope) -> None:
        if recorder.calls[(e.workflow_id, e.attempt)] <= 4:  # more than max_deliveries
            raise BusUnavailable("broker away")

    recorder = Recorder(cannot_publish_at_first)
    bus = harness.new_bus(max_deliveries=2, metrics=metrics)
    bus.subscribe(TOPIC, "g", recorder)
    await bus.start()
    await bus.publish(TOPIC, env("w", 0))
    await until(lambda: recorder.of("w") == [0], "the message, once the handler can publish")
    assert recorder.calls[("w", 0)] == 5
    assert (
        counter_value(
            metrics, "emergisphere_bus_dead_letters_total", topic=TOPIC, reason="handler_failed"
        )
        == 0
    )


async def test_bytes_that_are_no_envelope_are_dead_lettered_at_once(harness: Harness) -> None:
    await harness.create_topics(TOPIC)
    garbage = b"\xff\xff\xff\xff not protobuf"
    assert decode_envelope(garbage) is None
    metrics = Metrics()
    recorder = Recorder()
    bus = harness.new_bus(max_deliveries=3, metrics=metrics)
    bus.subscribe(TOPIC, "g", recorder)
    await bus.start()
    await harness.publish_raw(bus, TOPIC, garbage, key="w")
    await bus.publish(TOPIC, env("w", 1))
    await until(lambda: recorder.of("w") == [1], "the message after the garbage")
    assert sum(recorder.calls.values()) == 1  # the handler never saw the garbage

    [letter] = await harness.dead_letters(bus, TOPIC, 1)
    assert letter.data == garbage
    assert letter.headers[DLQ_REASON] == UNDECODABLE
    assert letter.headers[DLQ_DELIVERIES] == "0"
    assert (
        counter_value(
            metrics, "emergisphere_bus_dead_letters_total", topic=TOPIC, reason=UNDECODABLE
        )
        == 1
    )


async def test_a_restarted_consumer_resumes_after_its_last_handled_message(
    harness: Harness,
) -> None:
    if not harness.durable:
        pytest.skip("the in-process bus keeps no messages across a restart (by design)")
    await harness.create_topics(TOPIC)
    first = Recorder()
    consumer = harness.new_bus()
    consumer.subscribe(TOPIC, "g", first)
    await consumer.start()
    publisher = harness.new_bus()
    await publisher.start()
    for n in range(10):
        await publisher.publish(TOPIC, env(f"w{n % 3}", n))
    await until(lambda: len(first.handled) == 10, "the first ten")
    await consumer.stop()

    for n in range(10, 20):  # while no consumer of the group runs
        await publisher.publish(TOPIC, env(f"w{n % 3}", n))
    second = Recorder()
    restarted = harness.new_bus()
    restarted.subscribe(TOPIC, "g", second)
    await restarted.start()
    await until(lambda: len(second.handled) >= 10, "the next ten")
    await asyncio.sleep(0.3)
    assert sorted(n for _, n in second.handled) == list(range(10, 20))


async def test_a_live_feed_group_sees_what_is_published_once_it_started(harness: Harness) -> None:
    await harness.create_topics(TOPIC)
    live = Recorder()
    bus = harness.new_bus()
    bus.subscribe(TOPIC, "live", live, only_new=True)
    await bus.publish(TOPIC, env("w", 0))  # before the group ever started: not for it
    await bus.start()
    await bus.publish(TOPIC, env("w", 1))  # at once: nothing may slip through
    await until(lambda: live.of("w") == [1], "the message published after start")
    await asyncio.sleep(0.2)
    assert live.of("w") == [1]


async def test_a_new_group_gets_what_was_published_before_it_first_started(
    harness: Harness,
) -> None:
    if not harness.durable:
        pytest.skip("the in-process bus keeps no messages for groups not yet started")
    await harness.create_topics(TOPIC)
    publisher = harness.new_bus()
    await publisher.start()
    for n in range(3):
        await publisher.publish(TOPIC, env("w", n))
    recorder = Recorder()
    bus = harness.new_bus()
    bus.subscribe(TOPIC, "late", recorder)
    await bus.start()
    await until(lambda: recorder.of("w") == [0, 1, 2], "the messages from before")


async def test_subscribing_after_start_is_refused(harness: Harness) -> None:
    await harness.create_topics(TOPIC)
    bus = harness.new_bus()
    bus.subscribe(TOPIC, "g", Recorder())
    await bus.start()
    with pytest.raises(RuntimeError):
        bus.subscribe(TOPIC, "h", Recorder())


# -- Kafka only: rebalancing, an unreachable or unresponsive broker ---------------------


async def test_kafka_rebalance_hands_partitions_over_without_loss_or_replay(
    kafka: Settings,
) -> None:
    harness = KafkaHarness(kafka)
    try:
        await harness.create_topics(TOPIC)
        handled: list[tuple[str, int]] = []  # by both consumers, in handling order
        by_second: list[tuple[str, int]] = []

        def slowly(into: list[tuple[str, int]]) -> Callable[[Envelope], Awaitable[None]]:
            async def handle(e: Envelope) -> None:
                await asyncio.sleep(0.02)
                handled.append((e.workflow_id, e.attempt))
                into.append((e.workflow_id, e.attempt))

            return handle

        one = harness.new_bus()
        one.subscribe(TOPIC, "g", slowly([]))
        await one.start()
        sent = [env(f"w{n % 8}", n) for n in range(400)]
        for e in sent:
            await one.publish(TOPIC, e)
        await until(lambda: len(handled) >= 20, "the first consumer at work")
        two = harness.new_bus()
        two.subscribe(TOPIC, "g", slowly(by_second))
        await two.start()  # joins the group: both rebalance while messages are in flight
        await until(lambda: len(set(handled)) == len(sent), "every message", within=30)
        await asyncio.sleep(0.3)
        assert by_second, "the second consumer got no partition before the work ran out"
        assert len(by_second) < len(sent)
        assert sorted(handled) == sorted((e.workflow_id, e.attempt) for e in sent)  # once each
        for w in {e.workflow_id for e in sent}:
            order = [n for x, n in handled if x == w]
            assert order == sorted(order)
    finally:
        await harness.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_kafka_publish_fails_at_once_when_nothing_listens(kafka: Settings) -> None:
    bus = KafkaBus(kafka.model_copy(update={"kafka_bootstrap_servers": f"127.0.0.1:{free_port()}"}))
    started = time.monotonic()
    with pytest.raises(BusUnavailable):
        await bus.publish(TOPIC, env("w", 0))
    assert time.monotonic() - started < PUBLISH_TIMEOUT_SECONDS
    await bus.stop()


async def test_kafka_publish_gives_up_within_the_bound_when_the_broker_does_not_answer(
    kafka: Settings,
) -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError):
            await reader.read()  # accept, read, never answer
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    bound = 1.0  # the default (PUBLISH_TIMEOUT_SECONDS) works alike, only slower
    bus = KafkaBus(
        kafka.model_copy(update={"kafka_bootstrap_servers": f"127.0.0.1:{port}"}),
        publish_timeout_seconds=bound,
    )
    started = time.monotonic()
    try:
        with pytest.raises(BusUnavailable):
            await bus.publish(TOPIC, env("w", 0))
        assert bound <= time.monotonic() - started < bound + 0.5
    finally:
        await bus.stop()
        server.close()


async def test_kafka_bus_waits_for_the_broker_at_start_and_publishes_once_it_is_there(
    kafka: Settings,
) -> None:
    """The broker is behind a port that opens late (a forwarder to the real one)."""
    harness = KafkaHarness(kafka)
    await harness.create_topics(TOPIC)
    real_host, real_port = kafka.kafka_bootstrap_servers.split(",")[0].rsplit(":", 1)
    port = free_port()
    bus = KafkaBus(kafka.model_copy(update={"kafka_bootstrap_servers": f"127.0.0.1:{port}"}))
    recorder = Recorder()
    bus.subscribe(TOPIC, "g", recorder)
    servers: list[asyncio.Server] = []
    try:
        with pytest.raises(BusUnavailable):
            await bus.publish(TOPIC, env("w", 0))
        starting = asyncio.create_task(bus.start())
        await asyncio.sleep(1.0)
        assert not starting.done()  # still waiting for the broker, not crashed

        async def forward(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            up_reader, up_writer = await asyncio.open_connection(real_host, int(real_port))

            async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
                with contextlib.suppress(ConnectionError):
                    while data := await src.read(65536):
                        dst.write(data)
                        await dst.drain()
                dst.close()

            await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

        servers.append(await asyncio.start_server(forward, "127.0.0.1", port))
        await asyncio.wait_for(starting, 20)
        await bus.publish(TOPIC, env("w", 1))
        await until(lambda: recorder.of("w") == [1], "the message published after start")
    finally:
        await bus.stop()
        for server in servers:
            server.close()
        await harness.close()
