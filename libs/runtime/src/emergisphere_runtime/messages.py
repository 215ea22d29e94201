"""Building and reading bus envelopes."""

from __future__ import annotations

import uuid
from typing import Any

from google.protobuf import json_format
from google.protobuf.message import Message

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere_runtime.db.base import utcnow

_NAMESPACE = uuid.UUID("5f0b1d2e-8f6a-4c41-9a57-3a1f0e2c9b10")


def derived_id(*parts: str) -> str:
    """A stable id from its parts, so a re-sent message or re-run effect gets the same id."""
    return str(uuid.uuid5(_NAMESPACE, ":".join(parts)))


def new_envelope(
    *,
    producer: str,
    workflow_id: str,
    step_id: str = "",
    attempt: int = 0,
    message_id: str | None = None,
) -> Envelope:
    envelope = Envelope(
        message_id=message_id or str(uuid.uuid4()),
        workflow_id=workflow_id,
        step_id=step_id,
        attempt=attempt,
        producer=producer,
    )
    envelope.produced_at.FromDatetime(utcnow())
    return envelope


def to_dict(message: Message) -> dict[str, Any]:
    """JSON-ready dict with the proto field names (snake_case) the API exposes.

    Fields at their default value are included, so every output has a stable shape
    (a NEWS2 score of 0 is reported as 0, not left out).
    """
    return json_format.MessageToDict(
        message, preserving_proto_field_name=True, always_print_fields_with_no_presence=True
    )
