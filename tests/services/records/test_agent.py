"""The records agent through the real agent runtime."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from emergisphere.v1.agents_pb2 import Case, RecordsCommand, RecordsResult
from emergisphere.v1.workflow_pb2 import StepResult
from emergisphere_runtime.agent import AgentService
from emergisphere_runtime.messages import derived_id
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.testing import command_envelope, run_command
from records import service
from records.agent import build
from records.models import MedicationCreate, Visit
from records.seed import DEMO_HISTORIES

from .factories import ARRIVED_AT, PATIENT, case, give_history

Agent = AgentService[RecordsCommand, RecordsResult]


@pytest.fixture
def agent(platform: Platform) -> Agent:
    return build(platform)


async def run(agent: Agent, c: Case, workflow_id: str, *, attempt: int = 1) -> StepResult:
    return await run_command(
        agent, command_envelope("records", c, workflow_id=workflow_id, attempt=attempt)
    )


async def records_of(agent: Agent, c: Case, workflow_id: str, *, attempt: int = 1) -> RecordsResult:
    result = await run(agent, c, workflow_id, attempt=attempt)
    assert result.ok, result.error
    return result.records


async def visit_count(platform: Platform) -> int:
    async with platform.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(Visit)) or 0)


async def test_missing_patient_fails_the_step(platform: Platform, agent: Agent) -> None:
    result = await run(agent, case(patient_id=""), "wf-1")
    assert not result.ok
    assert result.error == "patient not admitted"
    assert await visit_count(platform) == 0


async def test_history_and_alerts_for_planned_and_active_medications(
    platform: Platform, agent: Agent
) -> None:
    await give_history(
        platform,
        allergies=["penicillin", "aspirin"],
        medications=["metoprolol", "amoxicillin"],
        stopped=["ibuprofen"],
        conditions=["hypertension"],
    )
    result = await records_of(agent, case(planned=["aspirin", "ceftriaxone"]), "wf-1")
    assert list(result.allergies) == ["aspirin", "penicillin"]
    assert list(result.active_medications) == ["amoxicillin", "metoprolol"]
    assert list(result.conditions) == ["hypertension"]
    assert [(a.medication, a.allergen, a.severity) for a in result.alerts] == [
        ("aspirin", "aspirin", "high"),
        ("ceftriaxone", "penicillin", "moderate"),
        ("amoxicillin", "penicillin", "high"),
    ]
    assert all(a.reason for a in result.alerts)


async def test_a_stopped_medication_raises_no_alert(platform: Platform, agent: Agent) -> None:
    await give_history(platform, allergies=["aspirin"], stopped=["ibuprofen"])
    result = await records_of(agent, case(), "wf-1")
    assert list(result.alerts) == []


async def test_no_alert_when_nothing_conflicts(platform: Platform, agent: Agent) -> None:
    await give_history(platform, allergies=["penicillin"], medications=["metoprolol"])
    result = await records_of(agent, case(planned=["paracetamol", "ondansetron"]), "wf-1")
    assert list(result.alerts) == []


async def test_without_triage_only_active_medications_are_checked(
    platform: Platform, agent: Agent
) -> None:
    await give_history(platform, allergies=["sulfa"], medications=["Bactrim"])
    result = await records_of(agent, case(with_triage=False), "wf-1")
    assert [(a.medication, a.severity) for a in result.alerts] == [("Bactrim", "high")]


async def test_visit_is_recorded_once_per_workflow(platform: Platform, agent: Agent) -> None:
    c = case(planned=["aspirin"], acuity=2)
    first = await records_of(agent, c, "wf-1")
    # A new attempt after a timeout: new message id, same workflow.
    second = await records_of(agent, c, "wf-1", attempt=2)
    assert first.visit_id == second.visit_id == derived_id("visit", "wf-1")
    assert second == first
    assert await visit_count(platform) == 1
    async with platform.db.session() as session:
        visit = await service.get_visit_for_workflow(session, workflow_id="wf-1")
    assert visit is not None
    assert (visit.patient_id, visit.encounter_id, visit.workflow_type) == (
        PATIENT,
        "enc-1",
        "emergency",
    )
    assert (visit.acuity, visit.chief_complaint, visit.visited_at) == (2, "chest pain", ARRIVED_AT)
    assert visit.summary["triage"]["acuity"] == 2
    assert visit.summary["planned_medications"] == ["aspirin"]


async def test_acuity_override_is_the_visit_acuity(platform: Platform, agent: Agent) -> None:
    c = case(acuity=4)
    c.acuity_override = 2
    await records_of(agent, c, "wf-1")
    async with platform.db.session() as session:
        visit = await service.get_visit_for_workflow(session, workflow_id="wf-1")
    assert visit is not None
    assert visit.acuity == 2


async def test_prior_visits_count_earlier_visits_of_the_same_patient(agent: Agent) -> None:
    earlier = case(arrived_at=ARRIVED_AT - timedelta(days=30))
    later = case(arrived_at=ARRIVED_AT + timedelta(days=30))
    other_patient = case(patient_id="patient-2", arrived_at=ARRIVED_AT - timedelta(days=60))
    assert (await records_of(agent, earlier, "wf-a")).prior_visits == 0
    assert (await records_of(agent, other_patient, "wf-x")).prior_visits == 0
    assert (await records_of(agent, later, "wf-c")).prior_visits == 1
    assert (await records_of(agent, case(), "wf-b")).prior_visits == 1
    # A re-run of the first visit still has nothing before it.
    assert (await records_of(agent, earlier, "wf-a", attempt=2)).prior_visits == 0
    assert (await records_of(agent, later, "wf-c", attempt=2)).prior_visits == 2


async def test_device_results_are_kept_in_the_visit_summary(
    platform: Platform, agent: Agent
) -> None:
    c = case(workflow_type="device_scan", with_triage=False, arrived_at=None)
    c.encounter_id = ""
    c.device.emergency = True
    c.device.readings_considered = 3
    c.device.latest_vitals.spo2 = 86
    c.device.news2.score = 7
    c.device_scan.device_id = "dev-1"
    c.device_scan.measured_at.FromDatetime(ARRIVED_AT)
    await records_of(agent, c, "wf-d")
    async with platform.db.session() as session:
        visit = await service.get_visit_for_workflow(session, workflow_id="wf-d")
    assert visit is not None
    assert visit.encounter_id is None
    assert visit.acuity is None
    assert visit.visited_at == ARRIVED_AT
    device = visit.summary["device"]
    assert (device["emergency"], device["readings_considered"]) == (True, 3)
    assert device["latest_vitals"]["spo2"] == 86
    assert device["news2"]["score"] == 7
    assert "triage" not in visit.summary


async def test_demo_histories_are_seeded_once_in_development(
    platform: Platform, agent: Agent
) -> None:
    platform.settings = platform.settings.model_copy(
        update={"environment": "development", "seed_demo_data": True}
    )
    await agent.start()
    carter = DEMO_HISTORIES[0].patient_id
    assert carter == derived_id("patient", "943-476-5919")
    async with platform.db.transaction() as session:
        # Stopped after the first start: a restart must not re-activate it.
        await service.add_medication(
            session,
            patient_id=carter,
            medication=MedicationCreate(name="metoprolol", status="stopped"),
        )
    await agent.start()
    async with platform.db.session() as session:
        history = await service.get_history(session, patient_id=carter)
        khan = await service.get_history(session, patient_id=DEMO_HISTORIES[2].patient_id)
    assert [a.substance for a in history.allergies] == ["aspirin", "penicillin"]
    assert {(m.name, m.status) for m in history.medications} == {
        ("atorvastatin", "active"),
        ("metoprolol", "stopped"),
    }
    assert [c.name for c in history.conditions] == ["hyperlipidaemia", "hypertension"]
    assert khan.allergies == []
    assert [m.name for m in khan.medications] == ["insulin glargine", "warfarin"]


async def test_nothing_is_seeded_outside_development(platform: Platform, agent: Agent) -> None:
    await agent.start()
    async with platform.db.session() as session:
        history = await service.get_history(session, patient_id=DEMO_HISTORIES[0].patient_id)
    assert history.allergies == []
