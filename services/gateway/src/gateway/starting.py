"""Accepting work: the workflow row is stored before the API says yes."""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from typing import Generic, TypeVar

from fastapi import Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.workflow_pb2 import WorkflowKick
from emergisphere_runtime import topics
from emergisphere_runtime.db import priority
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.messages import new_envelope
from emergisphere_runtime.outbox import Outbox, OutboxMessage
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.workflow import engine
from emergisphere_runtime.workflow.definitions import get_definition
from emergisphere_runtime.workflow.models import Workflow
from gateway.live import EventHub
from gateway.outputs import step_output
from gateway.patients import resolve_patient_id
from gateway.schemas import PatientIn

M = TypeVar("M", bound=BaseModel)


async def start_workflow(
    platform: Platform,
    *,
    workflow_type: str,
    case: Case,
    patient_id: str | None,
    workflow_id: str | None = None,
) -> Workflow:
    """Store a new workflow and the orchestrator's wake-up in one transaction.

    The wake-up leaves through the outbox, so it survives a broker outage or a crash;
    the orchestrator's sweep also finds the workflow (its wake_at is already due).
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
            staged = stage_kick(session, workflow.id, reason="started", urgent=urgent)
    platform.outbox.release([staged])
    platform.metrics.workflows.labels(workflow_type, "started").inc()
    return workflow


@dataclass(frozen=True)
class Accepted(Generic[M]):
    workflow_id: str
    patient_id: str
    # The awaited step's output, when it finished within the wait.
    output: M | None
    # True when an earlier request with the same Idempotency-Key started the workflow.
    replayed: bool = False


async def start_and_wait(
    platform: Platform,
    hub: EventHub,
    *,
    workflow_type: str,
    case: Case,
    patient: PatientIn,
    step_id: str,
    model: type[M],
    workflow_id: str | None = None,
) -> Accepted[M]:
    """Start a workflow for a desk request and wait (briefly) for the step the caller needs.

    With a caller-chosen ``workflow_id`` (from an Idempotency-Key), a workflow that already
    exists is not started again: the answer describes it instead.
    """
    workflow_id = workflow_id or str(uuid.uuid4())
    existing = await _existing(platform, workflow_id, step_id, model)
    if existing is not None:
        return existing
    patient_id = await resolve_patient_id(platform, patient, workflow_id=workflow_id)
    # Watch before starting, so a fast step cannot finish unseen.
    async with hub.watch_workflow(workflow_id) as events:
        try:
            await start_workflow(
                platform,
                workflow_type=workflow_type,
                case=case,
                patient_id=patient_id,
                workflow_id=workflow_id,
            )
        except IntegrityError:
            # The same key raced us and won: answer with its workflow.
            existing = await _existing(platform, workflow_id, step_id, model)
            if existing is None:
                raise
            return existing
        settled = await hub.step_settled(events, step_id, platform.settings.intake_wait_seconds)
    output = await step_output(platform, workflow_id, step_id, model) if settled else None
    return Accepted(workflow_id=workflow_id, patient_id=patient_id, output=output)


async def _existing(
    platform: Platform, workflow_id: str, step_id: str, model: type[M]
) -> Accepted[M] | None:
    async with platform.db.session() as session:
        workflow = await session.get(Workflow, workflow_id)
        patient_id = None if workflow is None else workflow.patient_id
    if workflow is None:
        return None
    return Accepted(
        workflow_id=workflow_id,
        patient_id=patient_id or "",
        output=await step_output(platform, workflow_id, step_id, model),
        replayed=True,
    )


def accepted_response(
    body: BaseModel, *, url: str, done: bool, replayed: bool = False
) -> JSONResponse:
    """201 when the awaited step is done, else 202; Location is the workflow either way."""
    headers = {"Location": url}
    if replayed:
        headers["Idempotent-Replayed"] = "true"
    return JSONResponse(
        status_code=status.HTTP_201_CREATED if done else status.HTTP_202_ACCEPTED,
        content=body.model_dump(mode="json"),
        headers=headers,
    )


def workflow_url(request: Request, workflow_id: str) -> str:
    return str(request.url_for("get_workflow", workflow_id=workflow_id))


def stage_kick(
    session: AsyncSession, workflow_id: str, *, reason: str, urgent: bool = False
) -> OutboxMessage:
    """Wake the orchestrator for this workflow once the transaction commits."""
    envelope = new_envelope(producer="gateway", workflow_id=workflow_id)
    envelope.urgent = urgent
    envelope.kick.CopyFrom(WorkflowKick(reason=reason))
    return Outbox.stage(session, topics.ORCHESTRATOR_COMMANDS, envelope)
