"""Accepting work: the workflow row is stored before the API says yes."""

from __future__ import annotations

import contextlib
import uuid

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.workflow_pb2 import WorkflowKick
from emergisphere_runtime import topics
from emergisphere_runtime.db import priority
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.messages import new_envelope
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.workflow import engine
from emergisphere_runtime.workflow.definitions import get_definition
from emergisphere_runtime.workflow.models import Workflow


async def start_workflow(
    platform: Platform,
    *,
    workflow_type: str,
    case: Case,
    patient_id: str | None,
    workflow_id: str | None = None,
) -> Workflow:
    """Store a new workflow in one transaction, then wake the orchestrator.

    If the wake-up is lost, the orchestrator's sweep still finds the workflow (its wake_at
    is already due), so accepted work is never dropped.
    """
    workflow = engine.create(
        workflow_id=workflow_id or str(uuid.uuid4()),
        definition=get_definition(workflow_type),
        case=case,
        now=utcnow(),
    )
    workflow.patient_id = patient_id
    urgent = workflow_type in engine.URGENT_WORKFLOWS
    with priority.urgent() if urgent else contextlib.nullcontext():
        async with platform.db.transaction() as session:
            session.add(workflow)
    await kick(platform, workflow.id, reason="started", urgent=urgent)
    platform.metrics.workflows.labels(workflow_type, "started").inc()
    return workflow


async def kick(platform: Platform, workflow_id: str, *, reason: str, urgent: bool = False) -> None:
    envelope = new_envelope(producer="gateway", workflow_id=workflow_id)
    envelope.urgent = urgent
    envelope.kick.CopyFrom(WorkflowKick(reason=reason))
    await platform.bus.publish(topics.ORCHESTRATOR_COMMANDS, envelope)
