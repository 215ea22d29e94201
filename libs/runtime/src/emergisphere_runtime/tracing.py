"""Distributed tracing (OpenTelemetry): one trace per workflow, across every service.

Nothing happens at import. A service process calls ``configure`` at start-up (the CLI does);
until then, and after ``shutdown``, spans are no-ops and cost next to nothing.

How a workflow stays one trace:

- the gateway opens a server span per request, continuing a ``traceparent`` the caller sent;
- every message staged in the outbox or published on the bus is stamped with the context
  of the span that caused it (``stamp``) in ``Envelope.trace_context``; the Kafka adapter
  also writes it into the record headers (W3C ``traceparent``/``tracestate``);
- a consumer handles each delivery inside a span whose parent is that context
  (``consumer_span``), so the orchestrator's and every agent's work, and the database
  statements inside it (``instrument_database``), hang below the request;
- the orchestrator's timers (retries due, step deadlines, resume after restart) have no
  message to continue from: they continue the workflow's last known context
  (``WorkflowTraces``).

Spans carry ids the platform made (workflow, step and message ids) and never a value from
a request; exported spans are further stripped of exception text (``PhiSafeExporter``).
"""

from __future__ import annotations

import contextlib
import logging
from collections import OrderedDict
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import Event, ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,
)
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased
from opentelemetry.trace import Span, SpanKind, Status, StatusCode, Tracer
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from sqlalchemy import event

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere_runtime.settings import Settings

if TYPE_CHECKING:
    from emergisphere_runtime.db.base import Database

log = logging.getLogger(__name__)

TRACER_NAME = "emergisphere"
PROPAGATOR = TraceContextTextMapPropagator()
# Attribute names of our own (OpenTelemetry has none for these).
WORKFLOW_ID = "emergisphere.workflow_id"
STEP_ID = "emergisphere.step_id"
# Longest SQL text kept on a database span (an IN list can expand to thousands of
# placeholders; the shape of the statement is what matters).
MAX_STATEMENT_CHARS = 2000
# Workflows whose last trace context the orchestrator remembers for its timers.
REMEMBERED_WORKFLOWS = 10_000


class _Tracing:
    """The process's tracer provider. OpenTelemetry's own global can be set only once per
    process; this one can be replaced, so tests can trace one run and stop."""

    def __init__(self) -> None:
        self.provider: TracerProvider | None = None
        self.tracer: Tracer = trace.NoOpTracer()


_tracing = _Tracing()


def configure(
    *,
    service: str,
    settings: Settings,
    exporter: SpanExporter | None = None,
) -> TracerProvider:
    """Trace this process as ``service``. Spans go to ``exporter`` as each ends (tests) and,
    when ``settings.otlp_endpoint`` is set, in batches to that OTLP/HTTP collector. With
    neither, spans still exist for their ids (logs carry them) but go nowhere."""
    shutdown()
    provider = TracerProvider(
        resource=Resource.create(
            {
                "service.name": service,
                "service.namespace": "emergisphere",
                "service.instance.id": settings.instance_id,
                "deployment.environment.name": settings.environment,
            }
        ),
        sampler=ParentBased(TraceIdRatioBased(settings.trace_sample_ratio)),
    )
    if exporter is not None:
        provider.add_span_processor(SimpleSpanProcessor(PhiSafeExporter(exporter)))
    if settings.otlp_endpoint:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        otlp = OTLPSpanExporter(endpoint=traces_url(settings.otlp_endpoint))
        provider.add_span_processor(BatchSpanProcessor(PhiSafeExporter(otlp)))
    _tracing.provider = provider
    _tracing.tracer = provider.get_tracer(TRACER_NAME)
    return provider


def shutdown() -> None:
    """Flush and stop the provider; spans are no-ops again afterwards."""
    provider, _tracing.provider = _tracing.provider, None
    _tracing.tracer = trace.NoOpTracer()
    if provider is not None:
        provider.shutdown()


def tracer() -> Tracer:
    return _tracing.tracer


def traces_url(endpoint: str) -> str:
    """The OTLP/HTTP traces URL for a collector's base URL (or the full URL as given)."""
    endpoint = endpoint.rstrip("/")
    return endpoint if endpoint.endswith("/v1/traces") else f"{endpoint}/v1/traces"


# -- propagation ------------------------------------------------------------------------


def inject(carrier: MutableMapping[str, str]) -> None:
    """Write the current span's context (traceparent, tracestate) into ``carrier``."""
    PROPAGATOR.inject(carrier)


def extract(carrier: Mapping[str, str]) -> otel_context.Context:
    return PROPAGATOR.extract(carrier)


def stamp(envelope: Envelope) -> None:
    """Make ``envelope`` carry the current span's context, so its consumer continues the
    trace. Outside any span the envelope keeps the context it has."""
    if not trace.get_current_span().get_span_context().is_valid:
        return
    carrier: dict[str, str] = {}
    inject(carrier)
    envelope.trace_context.clear()
    envelope.trace_context.update(carrier)


def kafka_headers(envelope: Envelope) -> list[tuple[str, bytes]]:
    """The envelope's trace context as Kafka record headers."""
    return [(key, value.encode()) for key, value in sorted(envelope.trace_context.items())]


def _from_headers(headers: Sequence[tuple[str, bytes]] | None) -> dict[str, str]:
    carrier: dict[str, str] = {}
    for key, value in headers or ():
        if key in PROPAGATOR.fields and value is not None:
            carrier[key] = value.decode("latin-1")
    return carrier


@contextlib.contextmanager
def consumer_span(
    *,
    system: str,
    topic: str,
    group: str,
    envelope: Envelope,
    headers: Sequence[tuple[str, bytes]] | None = None,
) -> Iterator[Span]:
    """The span of one delivery of a bus message, continuing the producer's trace from the
    record headers (Kafka) or the envelope (both buses carry it there)."""
    carrier = _from_headers(headers) or dict(envelope.trace_context)
    attributes: dict[str, str | int] = {
        "messaging.system": system,
        "messaging.operation.type": "process",
        "messaging.destination.name": topic,
        "messaging.consumer.group.name": group,
        "messaging.message.id": envelope.message_id,
        WORKFLOW_ID: envelope.workflow_id,
    }
    if envelope.step_id:
        attributes[STEP_ID] = envelope.step_id
    with tracer().start_as_current_span(
        f"process {topic}",
        context=extract(carrier),
        kind=SpanKind.CONSUMER,
        attributes=attributes,
        record_exception=False,
        set_status_on_exception=False,
    ) as span:
        try:
            yield span
        except BaseException as exc:
            fail(span, exc)
            raise


def fail(span: Span, exc: BaseException) -> None:
    """Mark ``span`` failed with the exception's type only (its text may quote PHI)."""
    span.set_status(Status(StatusCode.ERROR, type(exc).__name__))
    span.set_attribute("error.type", type(exc).__name__)


@contextlib.contextmanager
def server_span(*, method: str, headers: Mapping[str, str]) -> Iterator[Span]:
    """The span of one HTTP request; ``set_http_route`` names it once routing is done."""
    with tracer().start_as_current_span(
        method,
        context=extract(headers),
        kind=SpanKind.SERVER,
        attributes={"http.request.method": method},
        record_exception=False,
        set_status_on_exception=False,
    ) as span:
        try:
            yield span
        except BaseException as exc:
            fail(span, exc)
            raise


def set_http_route(span: Span, method: str, route: str) -> None:
    """Name the request's span by its route template (never the raw path: it holds ids)."""
    span.update_name(f"{method} {route}")
    span.set_attribute("http.route", route)


def set_http_status(span: Span, status_code: int) -> None:
    span.set_attribute("http.response.status_code", status_code)
    if status_code >= 500:
        span.set_status(Status(StatusCode.ERROR))


class WorkflowTraces:
    """The last trace context seen per workflow, for work that starts from a timer.

    Bounded (least recently seen workflows are forgotten); a workflow this process has not
    seen (another replica's, or from before a restart) starts a new trace there.
    """

    def __init__(self, size: int = REMEMBERED_WORKFLOWS) -> None:
        self._size = size
        self._contexts: OrderedDict[str, dict[str, str]] = OrderedDict()

    def remember(self, workflow_id: str) -> None:
        """Remember the current span's context for ``workflow_id`` (if there is a span)."""
        if not trace.get_current_span().get_span_context().is_valid:
            return
        carrier: dict[str, str] = {}
        inject(carrier)
        self._contexts[workflow_id] = carrier
        self._contexts.move_to_end(workflow_id)
        while len(self._contexts) > self._size:
            self._contexts.popitem(last=False)

    def forget(self, workflow_id: str) -> None:
        self._contexts.pop(workflow_id, None)

    @contextlib.contextmanager
    def span(self, name: str, workflow_id: str) -> Iterator[Span]:
        """A span for timer-driven work on ``workflow_id``, in the workflow's trace."""
        carrier = self._contexts.get(workflow_id, {})
        with tracer().start_as_current_span(
            name,
            context=extract(carrier),
            kind=SpanKind.INTERNAL,
            attributes={WORKFLOW_ID: workflow_id},
            record_exception=False,
            set_status_on_exception=False,
        ) as span:
            try:
                yield span
            except BaseException as exc:
                fail(span, exc)
                raise


# -- database spans -----------------------------------------------------------------------


def instrument_database(db: Database) -> None:
    """A client span per SQL statement on ``db``'s engines, below the current span.

    Does nothing unless tracing is configured. The span has the statement's text (bound
    parameters stay out: they are values) and, on failure, the error type only. Written
    against SQLAlchemy's engine events because the OpenTelemetry instrumentation package
    does not support SQLAlchemy 2.1 and records exception messages.
    """
    if _tracing.provider is None:
        return
    for engine in db.engines:
        sync_engine = engine.sync_engine
        if getattr(sync_engine, "_es_traced", False):
            continue
        sync_engine._es_traced = True  # type: ignore[attr-defined]
        system = sync_engine.dialect.name
        event.listen(sync_engine, "before_cursor_execute", _before_execute(system))
        event.listen(sync_engine, "after_cursor_execute", _after_execute)
        event.listen(sync_engine, "handle_error", _on_error)


def _before_execute(system: str) -> Any:
    def before(
        _conn: Any, _cursor: Any, statement: str, _params: Any, context: Any, _many: bool
    ) -> None:
        if context is None:
            return
        operation = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "SQL"
        span = tracer().start_span(
            f"{operation} {system}",
            kind=SpanKind.CLIENT,
            attributes={
                "db.system.name": system,
                "db.operation.name": operation,
                "db.query.text": statement[:MAX_STATEMENT_CHARS],
            },
        )
        context._es_span = span

    return before


def _after_execute(
    _conn: Any, _cursor: Any, _statement: str, _params: Any, context: Any, _many: bool
) -> None:
    span: Span | None = getattr(context, "_es_span", None)
    if span is not None:
        context._es_span = None
        span.end()


def _on_error(exception_context: Any) -> None:
    context = exception_context.execution_context
    span: Span | None = getattr(context, "_es_span", None) if context is not None else None
    if span is not None:
        context._es_span = None
        fail(span, exception_context.original_exception)
        span.end()


# -- export -------------------------------------------------------------------------------


class PhiSafeExporter(SpanExporter):
    """Exports spans without exception text: status descriptions are cut to the error type
    and exception events lose their message and stack. Our own spans never record either,
    but a library's might, and a database error quotes the values it refused."""

    _DROPPED_EVENT_ATTRIBUTES = frozenset({"exception.message", "exception.stacktrace"})

    def __init__(self, inner: SpanExporter) -> None:
        self._inner = inner

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        return self._inner.export([self._clean(span) for span in spans])

    def shutdown(self) -> None:
        self._inner.shutdown()

    def force_flush(self, timeout_millis: int = 30_000) -> bool:
        return self._inner.force_flush(timeout_millis)

    def _clean(self, span: ReadableSpan) -> ReadableSpan:
        status = span.status
        error_type = (span.attributes or {}).get("error.type")
        if status.description and status.description != error_type:
            status = Status(status.status_code, str(error_type) if error_type else None)
        events = [
            Event(
                name=e.name,
                attributes={
                    k: v
                    for k, v in (e.attributes or {}).items()
                    if k not in self._DROPPED_EVENT_ATTRIBUTES
                },
                timestamp=e.timestamp,
            )
            for e in span.events
        ]
        if status is span.status and all(
            len(a.attributes or {}) == len(e.attributes or {})
            for a, e in zip(events, span.events, strict=True)
        ):
            return span
        return ReadableSpan(
            name=span.name,
            context=span.context,
            parent=span.parent,
            resource=span.resource,
            attributes=span.attributes,
            events=events,
            links=span.links,
            kind=span.kind,
            status=status,
            start_time=span.start_time,
            end_time=span.end_time,
            instrumentation_scope=span.instrumentation_scope,
        )
