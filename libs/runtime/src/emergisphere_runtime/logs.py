"""JSON log lines. Only the fields listed here are written, so stray PHI in an
``extra`` dict cannot leak into logs."""

from __future__ import annotations

import json
import logging
import sys
import traceback
from datetime import UTC, datetime

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
            "message": record.getMessage(),
        }
        for name in SAFE_EXTRA_FIELDS:
            if name in record.__dict__:
                line[name] = record.__dict__[name]
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
