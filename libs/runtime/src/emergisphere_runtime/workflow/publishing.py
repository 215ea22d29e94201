"""Sending a committed change's effects, and counting them."""

from __future__ import annotations

from emergisphere.v1.workflow_pb2 import WorkflowEvent
from emergisphere_runtime import topics
from emergisphere_runtime.messages import new_envelope
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.workflow.engine import Effects

_LIFECYCLE = {
    "workflow_completed": "completed",
    "workflow_escalated": "escalated",
    "workflow_failed": "failed",
}


async def publish_effects(platform: Platform, effects: Effects) -> None:
    for topic, envelope in effects.dispatches:
        await platform.bus.publish(topic, envelope)
    for event in effects.events:
        envelope = new_envelope(producer="orchestrator", workflow_id=event.workflow_id)
        envelope.workflow_event.CopyFrom(event)
        await platform.bus.publish(topics.WORKFLOW_EVENTS, envelope)
        _count(platform, event)
    for agent, seconds in effects.step_latencies:
        platform.metrics.step_seconds.labels(agent).observe(seconds)
    for seconds in effects.door_to_triage:
        platform.metrics.door_to_triage.observe(seconds)
    for workflow_type, seconds in effects.completions:
        platform.metrics.workflow_seconds.labels(workflow_type).observe(seconds)


def _count(platform: Platform, event: WorkflowEvent) -> None:
    metrics = platform.metrics
    lifecycle = _LIFECYCLE.get(event.kind)
    if lifecycle is not None:
        metrics.workflows.labels(event.workflow_type, lifecycle).inc()
    if event.kind == "step_retrying":
        metrics.step_retries.labels(event.agent, "failure").inc()
