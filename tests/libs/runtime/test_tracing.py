"""Tracing: one connected trace per workflow, W3C context on the bus, PHI-free export."""

from __future__ import annotations

import asyncio
import http.server
import json
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import httpx
import pytest
from aiokafka import AIOKafkaConsumer
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere_runtime import topics, tracing
from emergisphere_runtime.bus import InProcessBus
from emergisphere_runtime.bus.kafka import KafkaBus, delete_prefixed_topics, ensure_topics
from emergisphere_runtime.messages import new_envelope
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.runner import START_ORDER, start_services, stop_services
from emergisphere_runtime.settings import Settings
from emergisphere_runtime.testing import sign_in

INTAKE: dict[str, Any] = {
    "patient": {
        "national_health_id": "TRC-771-4402",
        "first_name": "Octavia",
        "last_name": "Brightwater",
        "date_of_birth": "1961-07-23",
        "sex": "female",
        "phone": "+15550987123",
        "emergency_contacts": [
            {"name": "Lucius Brightwater", "relationship": "spouse", "phone": "+15550987124"}
        ],
    },
    "chief_complaint": "chest pain",
    "arrival_mode": "ambulance",
    "vitals": {
        "heart_rate": 122,
        "respiratory_rate": 26,
        "spo2": 90,
        "systolic_bp": 88,
        "consciousness": "A",
    },
}
PHI = ("Octavia", "Brightwater", "TRC-771-4402", "1961-07-23", "5550987123", "5550987124")


@pytest.fixture
def exporter(settings: Settings) -> Iterator[InMemorySpanExporter]:
    spans = InMemorySpanExporter()
    tracing.configure(service="test", settings=settings, exporter=spans)
    try:
        yield spans
    finally:
        tracing.shutdown()


@pytest.fixture
async def gateway_url(settings: Settings, exporter: InMemorySpanExporter) -> AsyncIterator[str]:
    config = settings.model_copy(
        update={"http_port": 0, "environment": "development", "seed_demo_data": True}
    )
    platform = Platform.from_settings(config)
    services = await start_services(platform, list(START_ORDER))
    gateway = next(s for s in services if s.name == "gateway")
    try:
        yield f"http://127.0.0.1:{gateway.port}"  # type: ignore[attr-defined]
    finally:
        await stop_services(platform, services)


async def _completed(http: httpx.AsyncClient, workflow_id: str) -> None:
    for _ in range(400):
        body = (await http.get(f"/api/v1/workflows/{workflow_id}")).json()
        if body["status"] == "completed":
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"workflow not completed: {body['status']}")


def _span_text(span: ReadableSpan) -> str:
    return json.dumps(
        {
            "name": span.name,
            "attributes": dict(span.attributes or {}),
            "status": span.status.description,
            "events": [dict(e.attributes or {}) for e in span.events],
        },
        default=str,
    )


async def test_an_emergency_intake_is_one_connected_trace_through_every_service(
    gateway_url: str, exporter: InMemorySpanExporter
) -> None:
    async with httpx.AsyncClient(base_url=gateway_url, timeout=15) as http:
        await sign_in(http)
        answer = await http.post("/api/v1/intakes", json=INTAKE)
        assert answer.status_code in (201, 202)
        workflow_id = answer.json()["workflow_id"]
        await _completed(http, workflow_id)
    await asyncio.sleep(0.3)  # the last replies' spans end after the status is stored
    spans = exporter.get_finished_spans()

    root = next(s for s in spans if s.name == "POST /api/v1/intakes")
    assert root.kind == SpanKind.SERVER
    assert root.parent is None
    trace_id = root.context.trace_id
    trace = [s for s in spans if s.context.trace_id == trace_id]
    ids = {s.context.span_id for s in trace}
    # Connected: every span but the request's hangs below another span of the same trace.
    orphans = [
        s.name for s in trace if s is not root and (s.parent is None or s.parent.span_id not in ids)
    ]
    assert orphans == []
    # Everything done for this workflow, by any service, is in that one trace.
    for_workflow = [
        s for s in spans if (s.attributes or {}).get(tracing.WORKFLOW_ID) == workflow_id
    ]
    assert for_workflow
    assert {s.context.trace_id for s in for_workflow} == {trace_id}

    consumed = {
        s.attributes["messaging.destination.name"] for s in trace if s.kind == SpanKind.CONSUMER
    }  # type: ignore[index]
    assert {topics.agent_commands(a) for a in topics.AGENTS} <= consumed
    assert {topics.ORCHESTRATOR_COMMANDS, topics.ORCHESTRATOR_RESULTS} <= consumed
    # Database statements inside, below the agent that made them.
    by_id = {s.context.span_id: s for s in trace}
    db_parents = {
        by_id[s.parent.span_id].name
        for s in trace
        if s.kind == SpanKind.CLIENT
        and s.parent is not None
        and "db.system.name" in (s.attributes or {})
    }
    assert f"process {topics.agent_commands('admission')}" in db_parents
    assert f"process {topics.ORCHESTRATOR_RESULTS}" in db_parents

    exported = "\n".join(_span_text(s) for s in spans)
    assert [value for value in PHI if value in exported] == []


async def test_a_timer_driven_step_continues_the_workflows_trace(
    exporter: InMemorySpanExporter,
) -> None:
    traces = tracing.WorkflowTraces(size=2)
    with tracing.tracer().start_as_current_span("result handled") as handled:
        traces.remember("wf-1")
    with traces.span("orchestrator sweep", "wf-1") as sweep:
        pass
    assert sweep.get_span_context().trace_id == handled.get_span_context().trace_id
    assert sweep.parent is not None
    assert sweep.parent.span_id == handled.get_span_context().span_id
    # Bounded: the least recently seen workflow is forgotten and starts a trace of its own.
    with tracing.tracer().start_as_current_span("other"):
        traces.remember("wf-2")
        traces.remember("wf-3")
    with traces.span("orchestrator sweep", "wf-1") as fresh:
        pass
    assert fresh.parent is None


async def test_the_in_process_bus_carries_the_trace_context_to_the_consumer(
    exporter: InMemorySpanExporter,
) -> None:
    bus = InProcessBus()
    seen: list[tuple[int, int]] = []

    async def handler(envelope: Envelope) -> None:
        current = tracing.trace.get_current_span().get_span_context()
        seen.append((current.trace_id, current.span_id))

    bus.subscribe("es.test.commands", "test", handler)
    await bus.start()
    try:
        with tracing.tracer().start_as_current_span("producer") as producer:
            envelope = new_envelope(producer="test", workflow_id="wf-9")
            await bus.publish("es.test.commands", envelope)
        await bus.drain()
    finally:
        await bus.stop()
    assert envelope.trace_context["traceparent"].split("-")[1] == format(
        producer.get_span_context().trace_id, "032x"
    )
    consumer = next(s for s in exporter.get_finished_spans() if s.kind == SpanKind.CONSUMER)
    assert seen == [(consumer.context.trace_id, consumer.context.span_id)]
    assert consumer.context.trace_id == producer.get_span_context().trace_id
    assert consumer.parent is not None
    assert consumer.parent.span_id == producer.get_span_context().span_id


def test_exported_spans_lose_exception_text(exporter: InMemorySpanExporter) -> None:
    with tracing.tracer().start_as_current_span("insert") as span:
        try:
            raise ValueError("duplicate key national_health_id=TRC-771-4402")
        except ValueError as exc:
            span.record_exception(exc)
            span.set_attribute("error.type", "ValueError")
            span.set_status(StatusCode.ERROR, str(exc))
    (exported,) = exporter.get_finished_spans()
    assert "TRC-771-4402" not in _span_text(exported)
    assert exported.status.status_code == StatusCode.ERROR
    assert exported.status.description == "ValueError"
    assert exported.events[0].name == "exception"
    assert exported.events[0].attributes is not None
    assert exported.events[0].attributes["exception.type"] == "ValueError"


def test_without_configuration_spans_are_no_ops() -> None:
    tracing.shutdown()
    with tracing.tracer().start_as_current_span("nothing") as span:
        assert not span.get_span_context().is_valid
    envelope = new_envelope(producer="test", workflow_id="wf")
    tracing.stamp(envelope)
    assert dict(envelope.trace_context) == {}


def test_the_otlp_url_is_the_collectors_traces_path() -> None:
    assert tracing.traces_url("http://collector:4318") == "http://collector:4318/v1/traces"
    assert tracing.traces_url("http://collector:4318/") == "http://collector:4318/v1/traces"
    assert tracing.traces_url("http://c:4318/v1/traces") == "http://c:4318/v1/traces"


class _Collector(http.server.BaseHTTPRequestHandler):
    """An OTLP/HTTP collector on loopback: keeps each export request it receives."""

    received: ClassVar[list[tuple[str, str, bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.path, self.headers["Content-Type"], body))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.end_headers()
        self.wfile.write(ExportTraceServiceResponse().SerializeToString())

    def log_message(self, format: str, *args: Any) -> None:  # quiet: no request lines
        pass


@pytest.fixture
def collector() -> Iterator[str]:
    _Collector.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_spans_are_exported_over_otlp_when_an_endpoint_is_set(
    settings: Settings, collector: str
) -> None:
    configured = settings.model_copy(update={"otlp_endpoint": collector})
    tracing.configure(service="triage", settings=configured)
    try:
        with tracing.tracer().start_as_current_span("process es.triage.commands") as span:
            span.set_attribute(tracing.WORKFLOW_ID, "wf-otlp")
    finally:
        tracing.shutdown()  # flushes the batch
    (path, content_type, body) = _Collector.received[0]
    assert path == "/v1/traces"
    assert content_type == "application/x-protobuf"
    request = ExportTraceServiceRequest.FromString(body)
    (resource_spans,) = request.resource_spans
    resource = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
    assert resource["service.name"] == "triage"
    assert resource["service.namespace"] == "emergisphere"
    (exported,) = [s for scope in resource_spans.scope_spans for s in scope.spans]
    assert exported.name == "process es.triage.commands"
    assert exported.trace_id == span.get_span_context().trace_id.to_bytes(16, "big")


@pytest.fixture
async def kafka_settings(servers: dict[str, str]) -> AsyncIterator[Settings]:
    settings = Settings(
        kafka_bootstrap_servers=servers["ES_KAFKA_BOOTSTRAP_SERVERS"],
        kafka_topic_prefix=f"trc{uuid.uuid4().hex[:8]}.",
        kafka_partitions=1,
    )
    await ensure_topics(settings, ["es.trace.commands"])
    try:
        yield settings
    finally:
        await delete_prefixed_topics(settings)


async def test_kafka_records_carry_traceparent_headers_and_consumers_continue_from_them(
    kafka_settings: Settings, exporter: InMemorySpanExporter
) -> None:
    topic = "es.trace.commands"
    bus = KafkaBus(kafka_settings)
    bus.subscribe(topic, "trace", _ignore)
    await bus.start()
    try:
        with tracing.tracer().start_as_current_span("producer") as producer:
            await bus.publish(topic, new_envelope(producer="test", workflow_id="wf-kafka"))
        # A second record whose headers name another parent than its envelope: the
        # consumer continues from the headers.
        other = new_envelope(producer="test", workflow_id="wf-kafka-2")
        other.trace_context["traceparent"] = f"00-{'1' * 32}-{'2' * 16}-01"
        header = f"00-{'3' * 32}-{'4' * 16}-01"
        await bus.send(
            topic,
            other.SerializeToString(),
            key=b"wf-kafka-2",
            headers=[("traceparent", header.encode())],
        )
        for _ in range(600):  # the consumer spans end just after their handler returns
            if len([s for s in exporter.get_finished_spans() if s.kind == SpanKind.CONSUMER]) == 2:
                break
            await asyncio.sleep(0.05)
    finally:
        await bus.stop()

    raw = AIOKafkaConsumer(
        bus.wire(topic),
        bootstrap_servers=kafka_settings.kafka_bootstrap_servers,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await raw.start()
    try:
        first = await asyncio.wait_for(raw.getone(), 30)
    finally:
        await raw.stop()
    headers = dict(first.headers)
    trace_hex = format(producer.get_span_context().trace_id, "032x")
    assert headers["traceparent"].decode().split("-")[1] == trace_hex

    consumers = {
        s.attributes[tracing.WORKFLOW_ID]: s  # type: ignore[index]
        for s in exporter.get_finished_spans()
        if s.kind == SpanKind.CONSUMER
    }
    assert consumers["wf-kafka"].context.trace_id == producer.get_span_context().trace_id
    assert consumers["wf-kafka"].attributes["messaging.system"] == "kafka"  # type: ignore[index]
    assert format(consumers["wf-kafka-2"].context.trace_id, "032x") == "3" * 32
    assert consumers["wf-kafka-2"].parent is not None
    assert format(consumers["wf-kafka-2"].parent.span_id, "016x") == "4" * 16


async def _ignore(_envelope: Envelope) -> None:
    return None
