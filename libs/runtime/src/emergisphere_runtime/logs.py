"""JSON log lines, one object per line, joinable with traces.

Each line carries the service, the trace and span ids of the span it was logged in, and the
workflow it concerns. PHI stays out in three layers: only the extra fields listed here are
written (a stray patient record in ``extra`` is dropped), exceptions are written as their
type and stack (their message may quote a value), and the message text itself is scrubbed
of what looks like contact details, dates or identifiers.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sys
import traceback
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import UTC, datetime

from opentelemetry import trace

SAFE_EXTRA_FIELDS = (
    "service",
    "agent",
    "workflow_id",
    "topic",
    "group",
    "delivery",
    "count",
    "services",
    "url",
    "error",
    # Fixed-vocabulary outcomes the agents report; never identity or free text.
    "matched_by",
    "patient_created",
    "encounter_created",
    "coverage_source",
    "cpt_code",
    "status",
    "payment_requested",
    "consent_status",
    "report_categories",
    "alerts",
    "high_alerts",
    "prior_visits",
)

# The workflow the current task works on (a bus delivery binds it), for lines that do not
# name one themselves.
_workflow_id: ContextVar[str | None] = ContextVar("es_log_workflow_id", default=None)

# Kept as they are: ids the platform makes (UUIDs, trace ids) and network addresses.
_KEEP = (
    r"(?P<keep>\b[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\b"
    r"|\b[0-9a-f]{32}\b|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b)"
)
_EMAIL = r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
# Dates (of birth, of a visit), with any time of day.
_DATE = (
    r"(?P<date>\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b)"
)
# Phone numbers, national and health-record numbers: seven or more digits, maybe split
# by spaces, dots, dashes or brackets.
_NUMBER = r"(?P<number>\+?\(?\d(?:[\s().-]{0,2}\d){6,})"
_SCRUB = re.compile("|".join((_KEEP, _EMAIL, _DATE, _NUMBER)))


def _replace(match: re.Match[str]) -> str:
    kind = match.lastgroup
    if kind == "keep":
        return match.group(0)
    return f"[{kind} redacted]"


def redact(text: str) -> str:
    """``text`` with email addresses, dates and long digit runs (phone, national id, MRN)
    replaced by a marker; platform UUIDs and IP addresses are kept."""
    return _SCRUB.sub(_replace, text)


@contextlib.contextmanager
def workflow_context(workflow_id: str) -> Iterator[None]:
    """Lines logged inside name this workflow (unless they name one themselves)."""
    token = _workflow_id.set(workflow_id or None)
    try:
        yield
    finally:
        _workflow_id.reset(token)


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self._service = service

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "service": self._service,
            "message": redact(record.getMessage()),
        }
        span = trace.get_current_span().get_span_context()
        if span.is_valid:
            line["trace_id"] = format(span.trace_id, "032x")
            line["span_id"] = format(span.span_id, "016x")
        workflow_id = _workflow_id.get()
        if workflow_id is not None:
            line["workflow_id"] = workflow_id
        for name in SAFE_EXTRA_FIELDS:
            if name in record.__dict__:
                value = record.__dict__[name]
                line[name] = redact(value) if isinstance(value, str) else value
        if record.exc_info and record.exc_info[0] is not None:
            # The exception type and where it was raised; its message may hold PHI.
            line["error"] = record.exc_info[0].__name__
            line["trace"] = "".join(traceback.format_tb(record.exc_info[2]))
        return json.dumps(line, default=str)


def configure(*, service: str, level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
