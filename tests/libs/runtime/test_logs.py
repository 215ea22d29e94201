"""JSON log lines: trace, span and workflow ids, allowlisted fields, scrubbed messages."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator

import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from emergisphere_runtime import logs, tracing
from emergisphere_runtime.settings import Settings


@pytest.fixture
def traced(settings: Settings) -> Iterator[None]:
    tracing.configure(service="test", settings=settings, exporter=InMemorySpanExporter())
    try:
        yield
    finally:
        tracing.shutdown()


def _line(record: logging.LogRecord) -> dict[str, object]:
    parsed: dict[str, object] = json.loads(logs.JsonFormatter("triage").format(record))
    return parsed


def _record(message: str, *args: object, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord("triage.agent", logging.INFO, __file__, 1, message, args, None)
    record.__dict__.update(extra)
    return record


def test_a_line_carries_the_span_it_was_logged_in_and_the_bound_workflow(traced: None) -> None:
    with (
        tracing.tracer().start_as_current_span("work") as span,
        logs.workflow_context("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
    ):
        line = _line(_record("triage done"))
    context = span.get_span_context()
    assert line["trace_id"] == format(context.trace_id, "032x")
    assert line["span_id"] == format(context.span_id, "016x")
    assert line["workflow_id"] == "7c9e6679-7425-40de-944b-e07fc1f90ae7"
    assert line["service"] == "triage"
    assert line["message"] == "triage done"


def test_outside_a_span_and_a_workflow_those_fields_are_absent() -> None:
    line = _line(_record("started"))
    assert "trace_id" not in line
    assert "workflow_id" not in line


def test_only_allowlisted_extra_fields_are_written() -> None:
    line = _line(
        _record(
            "patient admitted", agent="admission", matched_by="national_id", patient={"name": "Ada"}
        )
    )
    assert line["agent"] == "admission"
    assert line["matched_by"] == "national_id"
    assert "patient" not in line
    assert "Ada" not in json.dumps(line)


def test_messages_lose_contact_details_dates_and_identifiers() -> None:
    line = _line(
        _record(
            "lookup for %s born %s, phone %s, mail %s, national id %s",
            "Ada",
            "1961-07-23",
            "+1 (555) 098-7123",
            "ada@example.org",
            "300-555-0101",
        )
    )
    message = str(line["message"])
    for value in ("1961-07-23", "555", "0987123", "ada@example.org", "300-555-0101"):
        assert value not in message
    assert "[date redacted]" in message
    assert "[email redacted]" in message
    assert "[number redacted]" in message


def test_platform_ids_and_addresses_are_kept() -> None:
    text = "workflow 7c9e6679-7425-40de-944b-e07fc1f90ae7 via 127.0.0.1:29092 in 0.25s, 3 rows"
    assert logs.redact(text) == text


def test_an_exception_is_written_as_its_type_and_stack_without_its_message() -> None:
    # The stack shows source lines; the values a message was built from stay out.
    patient = "Ada " + "Lovelace"
    try:
        raise ValueError(f"duplicate national_health_id for {patient}")
    except ValueError:
        record = logging.LogRecord(
            "triage.agent", logging.ERROR, __file__, 1, "agent handler raised", (), sys.exc_info()
        )
    line = _line(record)
    assert line["error"] == "ValueError"
    assert "test_logs.py" in str(line["trace"])
    assert "Lovelace" not in json.dumps(line)
