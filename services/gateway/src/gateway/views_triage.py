"""POST /api/v1/triage/assess: stateless triage of an intake or a narrative; nothing stored."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError
from starlette.concurrency import run_in_threadpool

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import Intake
from emergisphere_clinical import TriageAssessment, TriageInput, assess
from emergisphere_clinical.glucose import read_glucose
from emergisphere_clinical.narrative import NarrativeReading, input_from_reading, read_narrative
from emergisphere_runtime.db.base import utcnow
from gateway.cases import patient_proto, vitals_proto
from gateway.deps import PlatformDep
from gateway.schemas import AssessIn, News2Out, ReasonOut, TriageOut
from triage.llm import assist_for
from triage.mapping import triage_input_from_case

router = APIRouter(prefix="/api/v1/triage", tags=["triage"])


def _structured_input(body: AssessIn) -> TriageInput:
    now = utcnow()
    intake = Intake(
        chief_complaint=body.chief_complaint or "", arrival_mode=body.arrival_mode or ""
    )
    if body.patient is not None:
        intake.patient.CopyFrom(patient_proto(body.patient))
    if body.vitals is not None:
        intake.vitals.CopyFrom(vitals_proto(body.vitals))
    intake.arrived_at.FromDatetime(now)
    data = triage_input_from_case(Case(intake=intake), now=now)
    age = data.age_years if data.age_years is not None else body.age_years
    return replace(data, age_years=age, spo2_scale=body.spo2_scale)


def _impossible(fields: tuple[str, ...]) -> RequestValidationError:
    # Same shape as FastAPI's own errors, so the handler names each field; no value echoed.
    return RequestValidationError(
        [
            {
                "type": "value_error",
                "loc": ("body", "narrative", name),
                "msg": f"{name} read from the narrative is outside the physiological range",
            }
            for name in fields
        ]
    )


def _read_back(note: str, reading: NarrativeReading) -> dict[str, float | str | bool]:
    found: dict[str, float | str | bool] = dict(reading.values)
    if (glucose := read_glucose(note)) is not None:
        found["glucose_mg_dl"] = round(glucose, 1)
    if reading.age_years is not None:
        found["age_years"] = round(reading.age_years, 3)
    if reading.sex is not None:
        found["sex"] = reading.sex
    if reading.on_oxygen is not None:
        found["on_oxygen"] = reading.on_oxygen
    if reading.consciousness is not None:
        found["consciousness"] = reading.consciousness
    if reading.gcs is not None:
        found["gcs"] = reading.gcs
    return found


def _out(assessment: TriageAssessment, read: dict[str, float | str | bool]) -> TriageOut:
    news2 = assessment.news2
    return TriageOut(
        acuity=assessment.acuity,
        news2=News2Out(
            score=news2.score,
            band=news2.band,
            single_parameter_red=news2.single_parameter_red,
            components=dict(news2.components),
        ),
        reasons=[ReasonOut(rule=r.rule, text=r.text, source=r.source) for r in assessment.reasons],
        expected_resources=assessment.expected_resources,
        expected_resource_types=list(assessment.expected_resource_types),
        immediate_actions=list(assessment.immediate_actions),
        missing_data=list(assessment.missing_data),
        planned_medications=list(assessment.planned_medications),
        follow_up_specialty=assessment.follow_up_specialty,
        read_from_narrative=read,
    )


@router.post("/assess", response_model=TriageOut)
async def assess_intake(body: AssessIn, platform: PlatformDep) -> TriageOut:
    # Structured vitals are range-checked by VitalsIn (422 naming body.vitals.<field>).
    data = _structured_input(body)
    read: dict[str, float | str | bool] = {}
    if body.narrative:
        # A long note takes milliseconds to read: off the event loop, like the rules.
        reading = await run_in_threadpool(read_narrative, body.narrative)
        if reading.rejected:
            raise _impossible(reading.rejected)
        data = input_from_reading(body.narrative, reading, base=data)
        read = _read_back(body.narrative, reading)
    # The rules decide; an enabled LLM assist may only make the result more urgent.
    ruled = await run_in_threadpool(assess, data)
    assessment = await assist_for(platform.metrics.registry).review(data, ruled)
    return _out(assessment, read)
