"""Admission's service functions as the gateway calls them, and the demo seed."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from admission import service
from admission.agent import build
from admission.models import Patient, PatientCreate
from admission.rules import mrn_for
from admission.seed import DEMO_PATIENTS
from emergisphere_runtime.messages import derived_id
from emergisphere_runtime.platform import Platform

NOW = datetime(2031, 6, 15, 10, 0, tzinfo=UTC)


async def admit(platform: Platform, workflow_id: str, patient: PatientCreate) -> service.Admission:
    async with platform.db.transaction() as session:
        return await service.admit(
            session,
            workflow_id=workflow_id,
            workflow_type="emergency",
            patient=patient,
            arrival_mode="walk_in",
            arrived_at=None,
            now=NOW,
        )


def walter(**changes: object) -> PatientCreate:
    base = PatientCreate(
        national_health_id="100-200-3000",
        first_name="Walter",
        last_name="Stone",
        date_of_birth=date(1970, 1, 31),
    )
    return base.model_copy(update=changes)


async def test_find_patient_by_national_id_ignores_names(platform: Platform) -> None:
    admitted = await admit(platform, "wf-1", walter())
    async with platform.db.session() as session:
        found = await service.find_patient(
            session,
            national_health_id=" 100-200-3000 ",
            first_name="Someone",
            last_name="Else",
            date_of_birth=None,
        )
        missing = await service.find_patient(
            session,
            national_health_id="999",
            first_name="Walter",
            last_name="Stone",
            date_of_birth="1970-01-31",
        )
    assert found is not None
    assert found.id == admitted.patient.id
    assert missing is None


async def test_find_patient_by_name_and_iso_birth_date(platform: Platform) -> None:
    admitted = await admit(platform, "wf-1", walter())
    async with platform.db.session() as session:
        found = await service.find_patient(
            session,
            national_health_id=None,
            first_name="WALTER",
            last_name="stone",
            date_of_birth="1970-01-31",
        )
        wrong_date = await service.find_patient(
            session,
            national_health_id=None,
            first_name="Walter",
            last_name="Stone",
            date_of_birth="1970-02-01",
        )
    assert found is not None
    assert found.id == admitted.patient.id
    assert wrong_date is None


async def test_find_patient_matches_accented_names_case_insensitively(platform: Platform) -> None:
    await admit(platform, "wf-1", walter(national_health_id=None, first_name="ÉLODIE"))
    async with platform.db.session() as session:
        found = await service.find_patient(
            session,
            national_health_id=None,
            first_name="élodie",
            last_name="Stone",
            date_of_birth=date(1970, 1, 31),
        )
    assert found is not None


async def test_gateway_prediction_matches_the_id_admission_assigns(platform: Platform) -> None:
    by_id = await admit(platform, "wf-1", walter())
    by_name = await admit(platform, "wf-2", walter(national_health_id=None, last_name="Rivers"))
    assert by_id.patient.id == derived_id("patient", "100-200-3000")
    assert by_name.patient.id == derived_id("patient", "wf-2")


async def test_unknown_patient_and_workflow_read_as_none(platform: Platform) -> None:
    async with platform.db.session() as session:
        assert await service.get_patient(session, patient_id="missing") is None
        assert await service.get_encounter_for_workflow(session, workflow_id="missing") is None
        assert await service.list_encounters(session, patient_id="missing") == []


async def test_mrn_collision_takes_the_next_derived_number(platform: Platform) -> None:
    target = derived_id("patient", "100-200-3000")
    async with platform.db.transaction() as session:
        session.add(
            Patient(
                id="squatter",
                mrn=mrn_for(target),
                sex="unknown",
                emergency_contacts=[],
                created_at=NOW,
                updated_at=NOW,
            )
        )
    admitted = await admit(platform, "wf-1", walter())
    assert admitted.patient.id == target
    assert admitted.patient.mrn == mrn_for(target, attempt=1)
    assert admitted.patient.mrn != mrn_for(target)


async def test_mrn_is_kept_across_visits(platform: Platform) -> None:
    first = await admit(platform, "wf-1", walter())
    second = await admit(platform, "wf-2", walter(phone="+15550000009"))
    assert second.patient.mrn == first.patient.mrn


async def count_patients(platform: Platform) -> int:
    async with platform.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(Patient)) or 0)


async def test_demo_patients_are_seeded_once_in_development(platform: Platform) -> None:
    platform.settings = platform.settings.model_copy(
        update={"environment": "development", "seed_demo_data": True}
    )
    agent = build(platform)
    await agent.start()
    await agent.start()
    assert await count_patients(platform) == len(DEMO_PATIENTS) == 3
    async with platform.db.session() as session:
        carter = await service.get_patient(
            session, patient_id=derived_id("patient", "943-476-5919")
        )
        lopez = await service.get_patient(session, patient_id=derived_id("patient", "712-004-3381"))
    assert carter is not None
    assert carter.insurance is not None
    assert (carter.insurance.payer, carter.insurance.copay, carter.insurance.deductible_met) == (
        "Acme Health",
        150,
        400,
    )
    assert lopez is not None
    assert lopez.insurance is None


async def test_seed_keeps_later_updates(platform: Platform) -> None:
    platform.settings = platform.settings.model_copy(
        update={"environment": "development", "seed_demo_data": True}
    )
    agent = build(platform)
    await agent.start()
    await admit(
        platform, "wf-1", PatientCreate(national_health_id="943-476-5919", phone="+15559999999")
    )
    await agent.start()
    async with platform.db.session() as session:
        carter = await service.get_patient(
            session, patient_id=derived_id("patient", "943-476-5919")
        )
    assert carter is not None
    assert carter.phone == "+15559999999"


async def test_nothing_is_seeded_outside_development(platform: Platform) -> None:
    await build(platform).start()
    assert await count_patients(platform) == 0
