"""POST /api/v1/triage/assess: stateless triage of an intake or a narrative; nothing stored."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import Intake
from emergisphere_clinical import assess
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.messages import to_dict
from gateway.cases import patient_proto, vitals_proto
from gateway.schemas import AssessIn, TriageOut
from triage.mapping import to_result, triage_input_from_case

router = APIRouter(prefix="/api/v1/triage", tags=["triage"])


@router.post("/assess", response_model=TriageOut)
async def assess_intake(body: AssessIn) -> TriageOut:
    now = utcnow()
    complaint = body.chief_complaint or ""
    if body.narrative:
        complaint = f"{complaint} {body.narrative}".strip()
    intake = Intake(chief_complaint=complaint, arrival_mode=body.arrival_mode or "")
    if body.patient is not None:
        intake.patient.CopyFrom(patient_proto(body.patient))
    if body.vitals is not None:
        intake.vitals.CopyFrom(vitals_proto(body.vitals))
    intake.arrived_at.FromDatetime(now)
    try:
        result = to_result(assess(triage_input_from_case(Case(intake=intake), now=now)))
    except ValueError:
        # The engine refuses combinations it cannot judge safely; say so without the values.
        raise HTTPException(status_code=422, detail="vitals cannot be assessed") from None
    return TriageOut.model_validate(to_dict(result))
