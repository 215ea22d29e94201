"""The scheduling agent through the real agent runtime."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from sqlalchemy import func, select

from emergisphere.v1.agents_pb2 import Case, SchedulingCommand, SchedulingResult
from emergisphere.v1.workflow_pb2 import StepResult
from emergisphere_runtime.agent import AgentService
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.testing import command_envelope, run_command
from scheduling.agent import build
from scheduling.models import Appointment, Practitioner, Slot
from scheduling.seed import DEMO_PRACTITIONERS
from scheduling.service import ensure_slots

from .factories import MONDAY, case, open_clinic

Agent = AgentService[SchedulingCommand, SchedulingResult]


@pytest.fixture
def agent(platform: Platform) -> Agent:
    return build(platform)


async def _run(
    agent: Agent,
    built_case: Case,
    *,
    workflow_id: str,
    attempt: int = 1,
) -> StepResult:
    envelope = command_envelope("scheduling", built_case, workflow_id=workflow_id, attempt=attempt)
    return await run_command(agent, envelope)


async def test_regular_appointment_takes_the_earliest_slot_after_not_before(
    platform: Platform, agent: Agent
) -> None:
    await open_clinic(platform)
    not_before = MONDAY.replace(hour=11, minute=15)
    result = await _run(
        agent, case(specialty="cardiology", not_before=not_before), workflow_id="wf-1"
    )
    assert result.ok, result.error
    booked = result.scheduling
    assert booked.starts_at.ToDatetime(tzinfo=UTC) == MONDAY.replace(hour=11, minute=30)
    assert (booked.practitioner_name, booked.specialty, booked.created) == (
        "Dr. A. First",
        "cardiology",
        True,
    )
    assert booked.appointment_id


async def test_triage_suggestion_decides_the_specialty(platform: Platform, agent: Agent) -> None:
    await open_clinic(platform)
    result = await _run(agent, case(follow_up="cardiology"), workflow_id="wf-1")
    assert result.scheduling.specialty == "cardiology"


async def test_without_a_specialty_the_gp_follows_up(platform: Platform, agent: Agent) -> None:
    await open_clinic(platform)
    result = await _run(agent, case(), workflow_id="wf-1")
    assert (result.scheduling.specialty, result.scheduling.practitioner_name) == (
        "general_practice",
        "Dr. G. Practice",
    )


async def test_a_suggested_clinic_the_hospital_lacks_falls_back_to_the_gp(
    platform: Platform, agent: Agent
) -> None:
    await open_clinic(platform)
    result = await _run(agent, case(follow_up="dermatology"), workflow_id="wf-1")
    assert result.ok
    assert result.scheduling.specialty == "general_practice"


async def test_a_requested_specialty_without_slots_fails_the_step(
    platform: Platform, agent: Agent
) -> None:
    await open_clinic(platform)
    result = await _run(agent, case(specialty="dermatology"), workflow_id="wf-1")
    assert (result.ok, result.error) == (False, "no free slot for specialty")


async def test_the_preferred_practitioner_is_booked(platform: Platform, agent: Agent) -> None:
    clinic = await open_clinic(platform)
    preferred = clinic["Dr. B. Second"]
    result = await _run(
        agent,
        case(specialty="general_practice", practitioner_id=preferred.id),
        workflow_id="wf-1",
    )
    assert result.ok, result.error
    assert (result.scheduling.practitioner_id, result.scheduling.specialty) == (
        preferred.id,
        "cardiology",
    )
    assert result.scheduling.starts_at.ToDatetime(tzinfo=UTC) == MONDAY.replace(hour=9)


async def test_an_unknown_practitioner_fails_the_step(platform: Platform, agent: Agent) -> None:
    await open_clinic(platform)
    result = await _run(agent, case(practitioner_id="nobody"), workflow_id="wf-1")
    assert (result.ok, result.error) == (False, "unknown practitioner")


async def test_a_re_sent_command_returns_the_same_appointment(
    platform: Platform, agent: Agent
) -> None:
    await open_clinic(platform)
    first = await _run(agent, case(follow_up="cardiology"), workflow_id="wf-1")
    again = await _run(agent, case(follow_up="cardiology"), workflow_id="wf-1", attempt=2)
    assert first.scheduling.created
    assert not again.scheduling.created
    assert again.scheduling.appointment_id == first.scheduling.appointment_id
    assert again.scheduling.starts_at == first.scheduling.starts_at
    async with platform.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Appointment)) == 1


async def test_emergency_follow_up_is_at_least_a_day_away(platform: Platform, agent: Agent) -> None:
    before = utcnow()
    await open_clinic(platform, days=0)
    async with platform.db.transaction() as session:
        await ensure_slots(session, start=before, days=7)
    result = await _run(agent, case(workflow_type="emergency", not_before=None), workflow_id="wf-1")
    assert result.ok, result.error
    starts_at = result.scheduling.starts_at.ToDatetime(tzinfo=UTC)
    assert starts_at >= before + timedelta(hours=24)
    # The earliest such slot: at most a weekend plus a night past the lead time.
    assert starts_at < before + timedelta(hours=24 + 72)


async def test_an_unadmitted_patient_is_refused(platform: Platform, agent: Agent) -> None:
    await open_clinic(platform)
    result = await _run(agent, case(patient_id=""), workflow_id="wf-1")
    assert (result.ok, result.error) == (False, "patient not admitted")


async def test_development_start_seeds_the_clinics_once(platform: Platform) -> None:
    platform.settings = platform.settings.model_copy(
        update={"environment": "development", "seed_demo_data": True}
    )
    service = build(platform)
    await service.start()
    await service.start()
    async with platform.db.session() as session:
        practitioners = await session.scalar(select(func.count()).select_from(Practitioner))
        slots = await session.scalar(select(func.count()).select_from(Slot))
        specialties = set(await session.scalars(select(Practitioner.specialty).distinct()))
    assert practitioners == len(DEMO_PRACTITIONERS)
    assert slots is not None
    assert 14 * 16 * len(DEMO_PRACTITIONERS) <= slots <= 16 * 16 * len(DEMO_PRACTITIONERS)
    assert {"cardiology", "paediatrics", "general_practice", "endocrinology"} <= specialties


async def test_other_environments_are_not_seeded(platform: Platform) -> None:
    await build(platform).start()
    async with platform.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Practitioner)) == 0
