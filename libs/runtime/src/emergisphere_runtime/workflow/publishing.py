"""What a committed workflow change sends: messages through the outbox, live updates, metrics."""

from __future__ import annotations

import base64
import logging

from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere.v1.workflow_pb2 import WorkflowEvent
from emergisphere_runtime import topics
from emergisphere_runtime.messages import new_envelope
from emergisphere_runtime.outbox import Outbox, OutboxMessage
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.workflow.engine import Effects

log = logging.getLogger(__name__)

# Cache pub/sub channel carrying workflow events to every gateway replica's live views.
LIVE_CHANNEL = "es:live:workflow-events"

_LIFECYCLE = {
    "workflow_completed": "completed",
    "workflow_escalated": "escalated",
    "workflow_failed": "failed",
}


def stage_effects(session: AsyncSession, effects: Effects) -> list[OutboxMessage]:
    """Put the change's commands and events in the outbox, inside the change's transaction."""
    staged = [Outbox.stage(session, topic, envelope) for topic, envelope in effects.dispatches]
    for event in effects.events:
        envelope = new_envelope(producer="orchestrator", workflow_id=event.workflow_id)
        envelope.workflow_event.CopyFrom(event)
        staged.append(Outbox.stage(session, topics.WORKFLOW_EVENTS, envelope))
    return staged


async def announce(platform: Platform, effects: Effects) -> None:
    """After the commit: live updates to the gateways, and metrics."""
    for event in effects.events:
        _count(platform, event)
    await publish_live(platform, effects.events)
    for agent, seconds in effects.step_latencies:
        platform.metrics.step_seconds.labels(agent).observe(seconds)
    for workflow_type, seconds in effects.door_to_triage:
        platform.metrics.door_to_triage.labels(workflow_type).observe(seconds)
    for workflow_type, seconds in effects.completions:
        platform.metrics.workflow_seconds.labels(workflow_type).observe(seconds)


async def publish_live(platform: Platform, events: list[WorkflowEvent]) -> None:
    # Live updates are a courtesy on top of the durable event topic: a lost one makes a
    # waiting intake answer 202 instead of 201, nothing more.
    for event in events:
        try:
            await platform.cache.publish(LIVE_CHANNEL, encode_live(event))
        except Exception:
            log.warning("live update not published")
            return


def encode_live(event: WorkflowEvent) -> str:
    return base64.b64encode(event.SerializeToString()).decode("ascii")


def decode_live(message: str) -> WorkflowEvent:
    return WorkflowEvent.FromString(base64.b64decode(message))


def _count(platform: Platform, event: WorkflowEvent) -> None:
    metrics = platform.metrics
    lifecycle = _LIFECYCLE.get(event.kind)
    if lifecycle is not None:
        metrics.workflows.labels(event.workflow_type, lifecycle).inc()
    if event.kind == "step_retrying":
        metrics.step_retries.labels(event.agent, "failure").inc()
