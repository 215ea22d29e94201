"""Workflow API: read one, list, and clinician overrides."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere_runtime.workflow import engine, store
from emergisphere_runtime.workflow.engine import Effects, Override, OverrideRejected
from emergisphere_runtime.workflow.models import AuditEntry, Step, Workflow
from gateway.deps import PlatformDep, SessionDep
from gateway.schemas import OverrideIn, StepOut, WorkflowOut, WorkflowSummary
from gateway.security.enforcement import STATE_KEY

router = APIRouter(prefix="/api/v1/workflows", tags=["workflows"])

WorkflowStatus = Literal["running", "completed", "failed", "escalated"]
WorkflowType = Literal["emergency", "regular", "device_scan", "emergency_device"]


def _step_out(step: Step) -> StepOut:
    return StepOut(
        id=step.step_id,
        agent=step.agent,
        status=step.status,
        attempt=step.attempt,
        policy=step.policy,
        started_at=step.started_at,
        finished_at=step.finished_at,
        output=step.output,
        error=step.error,
    )


def workflow_out(workflow: Workflow) -> WorkflowOut:
    return WorkflowOut(
        id=workflow.id,
        type=workflow.type,
        status=workflow.status,
        patient_id=workflow.patient_id,
        acuity=workflow.acuity,
        created_at=workflow.created_at,
        updated_at=workflow.updated_at,
        completed_at=workflow.completed_at,
        steps=[_step_out(s) for s in workflow.steps if s.kind == "step"],
        alerts=[_step_out(s) for s in workflow.steps if s.kind == "alert"],
    )


async def load_or_404(session: AsyncSession, workflow_id: str) -> Workflow:
    workflow = await store.load(session, workflow_id)
    if workflow is None:
        raise HTTPException(status_code=404, detail="workflow not found")
    return workflow


@router.get("/{workflow_id}", response_model=WorkflowOut)
async def get_workflow(workflow_id: str, session: SessionDep) -> WorkflowOut:
    return workflow_out(await load_or_404(session, workflow_id))


@router.get("", response_model=list[WorkflowSummary])
async def list_workflows(
    session: SessionDep,
    status: WorkflowStatus | None = None,
    type: WorkflowType | None = None,
    patient_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[WorkflowSummary]:
    query = select(Workflow).order_by(Workflow.created_at.desc()).limit(limit).offset(offset)
    if status is not None:
        query = query.where(Workflow.status == status)
    if type is not None:
        query = query.where(Workflow.type == type)
    if patient_id is not None:
        query = query.where(Workflow.patient_id == patient_id)
    rows = await session.execute(query)
    return [
        WorkflowSummary(
            id=w.id,
            type=w.type,
            status=w.status,
            patient_id=w.patient_id,
            acuity=w.acuity,
            created_at=w.created_at,
            completed_at=w.completed_at,
        )
        for w in rows.scalars()
    ]


@router.post("/{workflow_id}/override", response_model=WorkflowOut)
async def override_workflow(
    workflow_id: str, body: OverrideIn, platform: PlatformDep, request: Request
) -> WorkflowOut:
    access = getattr(request.state, STATE_KEY, None)
    if access is None or access.principal is None:  # the gate lets no one in unsigned
        raise HTTPException(status_code=401, detail="sign in to override")
    actor = access.principal.name
    if body.actor is not None and body.actor != actor:
        raise HTTPException(
            status_code=422,
            detail=[
                {
                    "field": "actor",
                    "loc": ["body", "actor"],
                    "type": "value_error",
                    "msg": "must be the signed-in user (or left out)",
                }
            ],
        )
    override = Override(
        action=body.action,
        actor=actor,
        reason=body.reason,
        step_id=body.step,
        acuity=body.acuity,
    )

    async def apply(
        session: AsyncSession, workflow: Workflow, now: datetime, fx: Effects
    ) -> WorkflowOut:
        session.add(engine.apply_override(workflow, override, now, fx))
        return workflow_out(workflow)

    try:
        result, _ = await store.mutate(platform, workflow_id, apply)
    except store.WorkflowNotFound:
        raise HTTPException(status_code=404, detail="workflow not found") from None
    except OverrideRejected as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    return result


@router.get("/{workflow_id}/audit")
async def workflow_audit(workflow_id: str, session: SessionDep) -> list[dict[str, object]]:
    await load_or_404(session, workflow_id)
    rows = await session.execute(
        select(AuditEntry).where(AuditEntry.workflow_id == workflow_id).order_by(AuditEntry.id)
    )
    return [
        {
            "at": e.at.isoformat(),
            "actor": e.actor,
            "action": e.action,
            "step": e.step_id,
            "reason": e.reason,
            "detail": e.detail,
        }
        for e in rows.scalars()
    ]
