"""Records' service functions as the gateway and FHIR ingest call them."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from emergisphere_runtime.platform import Platform
from records import service
from records.models import AllergyCreate, ConditionCreate, MedicationCreate, VisitCreate

from .factories import PATIENT

NOW = datetime(2031, 6, 15, 10, 0, tzinfo=UTC)


async def test_same_allergy_twice_is_one_entry_with_the_newer_details(platform: Platform) -> None:
    async with platform.db.transaction() as session:
        first = await service.add_allergy(
            session, patient_id=PATIENT, allergy=AllergyCreate(substance="Penicillin"), now=NOW
        )
        again = await service.add_allergy(
            session,
            patient_id=PATIENT,
            allergy=AllergyCreate(
                substance="penicillin ", reaction="hives", criticality="high", source="fhir"
            ),
            now=NOW + timedelta(hours=1),
        )
    assert again.id == first.id
    async with platform.db.session() as session:
        history = await service.get_history(session, patient_id=PATIENT)
    [allergy] = history.allergies
    assert (allergy.substance, allergy.reaction, allergy.criticality) == (
        "penicillin",
        "hives",
        "high",
    )
    # The first recorder stays the source; the update is stamped.
    assert allergy.source == "staff"
    assert (allergy.recorded_at, allergy.updated_at) == (NOW, NOW + timedelta(hours=1))


async def test_re_adding_without_details_keeps_the_known_ones(platform: Platform) -> None:
    async with platform.db.transaction() as session:
        await service.add_allergy(
            session,
            patient_id=PATIENT,
            allergy=AllergyCreate(substance="latex", reaction="rash"),
        )
        kept = await service.add_allergy(
            session, patient_id=PATIENT, allergy=AllergyCreate(substance="latex")
        )
    assert kept.reaction == "rash"


async def test_medication_can_be_stopped_and_restarted(platform: Platform) -> None:
    async with platform.db.transaction() as session:
        await service.add_medication(
            session,
            patient_id=PATIENT,
            medication=MedicationCreate(name="warfarin", dosage="5 mg daily"),
        )
        await service.add_medication(
            session, patient_id=PATIENT, medication=MedicationCreate(name="aspirin")
        )
        stopped = await service.add_medication(
            session,
            patient_id=PATIENT,
            medication=MedicationCreate(name="Warfarin", status="stopped"),
        )
    assert (stopped.status, stopped.dosage) == ("stopped", "5 mg daily")
    async with platform.db.session() as session:
        assert await service.active_medication_names(session, patient_id=PATIENT) == ["aspirin"]
    async with platform.db.transaction() as session:
        await service.add_medication(
            session, patient_id=PATIENT, medication=MedicationCreate(name="warfarin")
        )
    async with platform.db.session() as session:
        assert await service.active_medication_names(session, patient_id=PATIENT) == [
            "aspirin",
            "warfarin",
        ]


async def test_resolved_conditions_are_history_but_not_active(platform: Platform) -> None:
    async with platform.db.transaction() as session:
        await service.add_condition(
            session,
            patient_id=PATIENT,
            condition=ConditionCreate(name="asthma", code="195967001"),
        )
        await service.add_condition(
            session,
            patient_id=PATIENT,
            condition=ConditionCreate(name="pneumonia", status="resolved"),
        )
    async with platform.db.session() as session:
        history = await service.get_history(session, patient_id=PATIENT)
        active = await service.active_condition_names(session, patient_id=PATIENT)
    assert [(c.name, c.code, c.status) for c in history.conditions] == [
        ("asthma", "195967001", "active"),
        ("pneumonia", None, "resolved"),
    ]
    assert active == ["asthma"]


async def test_concurrent_adds_of_one_allergy_keep_one_row(platform: Platform) -> None:
    async def add() -> None:
        async with platform.db.transaction() as session:
            await service.add_allergy(
                session, patient_id=PATIENT, allergy=AllergyCreate(substance="aspirin")
            )

    await asyncio.gather(*(add() for _ in range(4)))
    async with platform.db.session() as session:
        history = await service.get_history(session, patient_id=PATIENT)
    assert [a.substance for a in history.allergies] == ["aspirin"]


async def test_history_lists_visits_most_recent_first(platform: Platform) -> None:
    async with platform.db.transaction() as session:
        for days, workflow_id in ((0, "wf-old"), (10, "wf-new")):
            await service.record_visit(
                session,
                visit=VisitCreate(
                    workflow_id=workflow_id,
                    patient_id=PATIENT,
                    workflow_type="regular",
                    visited_at=NOW + timedelta(days=days),
                ),
                now=NOW,
            )
    async with platform.db.session() as session:
        history = await service.get_history(session, patient_id=PATIENT)
        other = await service.get_history(session, patient_id="someone-else")
    assert [v.workflow_id for v in history.visits] == ["wf-new", "wf-old"]
    assert other.visits == []


async def test_re_recording_a_visit_keeps_its_time_and_refreshes_findings(
    platform: Platform,
) -> None:
    visit = VisitCreate(
        workflow_id="wf-1", patient_id=PATIENT, workflow_type="emergency", visited_at=NOW
    )
    async with platform.db.transaction() as session:
        first, created = await service.record_visit(session, visit=visit, now=NOW)
        later = visit.model_copy(
            update={"visited_at": NOW + timedelta(hours=2), "acuity": 2, "summary": {"x": 1}}
        )
        second, created_again = await service.record_visit(
            session, visit=later, now=NOW + timedelta(hours=2)
        )
    assert (created, created_again) == (True, False)
    assert second.id == first.id
    assert second.visited_at == NOW
    assert (second.acuity, second.summary) == (2, {"x": 1})
