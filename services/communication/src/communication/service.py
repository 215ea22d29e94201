"""Sending through the message log, and reading the log back (for the gateway)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from communication.compose import Outgoing
from communication.models import MessageRead
from communication.notifier import SENT_STATUSES, Notifier
from emergisphere_runtime.docstore import DocumentStore
from emergisphere_runtime.messages import derived_id

COMMUNICATIONS: Final = "communications"


def message_id(*, workflow_id: str, outgoing: Outgoing) -> str:
    """Stable per workflow, purpose, audience, recipient and template: a re-run finds it."""
    return derived_id(
        "message",
        workflow_id,
        outgoing.purpose,
        outgoing.audience,
        str(outgoing.index),
        outgoing.template,
    )


async def deliver(
    docs: DocumentStore,
    notifier: Notifier,
    *,
    workflow_id: str,
    patient_id: str | None,
    outgoing: Outgoing,
    now: datetime,
) -> MessageRead:
    """Send one message unless the log shows it already reached the provider.

    The log is written after the send, so a crash in between re-sends on retry: for
    emergency messages a rare duplicate is safer than a message that never goes out.
    """
    doc_id = message_id(workflow_id=workflow_id, outgoing=outgoing)
    existing = await docs.get(COMMUNICATIONS, doc_id)
    if existing is not None and existing.get("status") in SENT_STATUSES:
        return _read(existing)
    delivery = await notifier.send(channel=outgoing.channel, to=outgoing.to, body=outgoing.body)
    document: dict[str, Any] = {
        "workflow_id": workflow_id,
        "patient_id": patient_id,
        "purpose": outgoing.purpose,
        "audience": outgoing.audience,
        "channel": outgoing.channel,
        "to": outgoing.to,
        "template": outgoing.template,
        "status": delivery.status,
        "provider_id": delivery.provider_id,
        "body": outgoing.body,
        "created_at": existing["created_at"] if existing else now.isoformat(),
        "attempts": (existing["attempts"] if existing else 0) + 1,
    }
    await docs.put(COMMUNICATIONS, doc_id, document)
    return _read({**document, "_id": doc_id})


async def messages_for_workflow(
    docs: DocumentStore, *, workflow_id: str, limit: int = 100
) -> list[MessageRead]:
    found = await docs.find(
        COMMUNICATIONS, {"workflow_id": workflow_id}, sort="created_at", limit=limit
    )
    return [_read(doc) for doc in found]


async def messages_for_patient(
    docs: DocumentStore, *, patient_id: str, limit: int = 100
) -> list[MessageRead]:
    found = await docs.find(
        COMMUNICATIONS, {"patient_id": patient_id}, sort="created_at", limit=limit
    )
    return [_read(doc) for doc in found]


def _read(document: dict[str, Any]) -> MessageRead:
    return MessageRead.model_validate({**document, "id": document["_id"]})
