"""The tracking board: active patients, most urgent first, then longest waiting."""

from __future__ import annotations

from datetime import datetime
from importlib.resources import files

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from pydantic import BaseModel
from sqlalchemy import case, select

from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.workflow.engine import load_case
from emergisphere_runtime.workflow.models import Workflow
from gateway.deps import SessionDep

router = APIRouter(tags=["board"])

BOARD_TYPES = ("emergency", "emergency_device")


class BoardRow(BaseModel):
    workflow_id: str
    workflow_type: str
    patient_id: str | None
    mrn: str
    acuity: int | None
    chief_complaint: str
    arrival_mode: str
    status: str
    waiting_seconds: float
    arrived_at: datetime
    running_steps: list[str]
    failed_steps: list[str]


@router.get("/api/v1/board", response_model=list[BoardRow])
async def board(session: SessionDep) -> list[BoardRow]:
    # Not yet triaged sorts first: nobody knows yet how sick they are.
    untriaged_first = case((Workflow.acuity.is_(None), 0), else_=Workflow.acuity)
    rows = await session.execute(
        select(Workflow)
        .where(Workflow.status.in_(("running", "escalated")), Workflow.type.in_(BOARD_TYPES))
        .order_by(untriaged_first, Workflow.created_at)
        .limit(500)
    )
    now = utcnow()
    board_rows = []
    for workflow in rows.scalars():
        data = load_case(workflow)
        board_rows.append(
            BoardRow(
                workflow_id=workflow.id,
                workflow_type=workflow.type,
                patient_id=workflow.patient_id,
                mrn=data.mrn,
                acuity=workflow.acuity,
                chief_complaint=data.intake.chief_complaint,
                arrival_mode=data.intake.arrival_mode,
                status=workflow.status,
                waiting_seconds=round((now - workflow.created_at).total_seconds(), 1),
                arrived_at=workflow.created_at,
                running_steps=[s.step_id for s in workflow.steps if s.status == "running"],
                failed_steps=[s.step_id for s in workflow.steps if s.status == "failed"],
            )
        )
    return board_rows


@router.get("/board", response_class=HTMLResponse, include_in_schema=False)
async def board_page() -> HTMLResponse:
    return HTMLResponse(files("gateway").joinpath("board.html").read_text())
