"""Slot search and booking, directly through the service functions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from emergisphere_runtime.platform import Platform
from scheduling import service
from scheduling.errors import (
    BookingContention,
    NoFreeSlot,
    SlotNotFound,
    SlotTaken,
    WorkflowAlreadyBooked,
)
from scheduling.models import Appointment, Practitioner, Slot

from .factories import MONDAY, open_clinic


async def _count(platform: Platform, model: type[Slot] | type[Appointment]) -> int:
    async with platform.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_ensure_slots_is_idempotent(platform: Platform) -> None:
    await open_clinic(platform, days=7)
    await open_clinic(platform, days=7)
    assert await _count(platform, Slot) == 3 * 5 * 16


async def test_a_longer_window_only_adds_the_missing_days(platform: Platform) -> None:
    await open_clinic(platform, days=1)
    await open_clinic(platform, days=2)
    assert await _count(platform, Slot) == 3 * 2 * 16


async def test_practitioners_are_listed_by_specialty(platform: Platform) -> None:
    await open_clinic(platform)
    async with platform.db.session() as session:
        cardiology = await service.list_practitioners(session, specialty="cardiology")
        everyone = await service.list_practitioners(session)
    assert [p.name for p in cardiology] == ["Dr. A. First", "Dr. B. Second"]
    assert len(everyone) == 3


async def test_free_slots_are_earliest_first_within_the_window(platform: Platform) -> None:
    await open_clinic(platform)
    async with platform.db.session() as session:
        slots = await service.free_slots(
            session,
            specialty="cardiology",
            start=MONDAY.replace(hour=10),
            end=MONDAY.replace(hour=11),
            limit=10,
        )
    assert [(s.starts_at.hour, s.starts_at.minute, s.practitioner_name) for s in slots] == [
        (10, 0, "Dr. A. First"),
        (10, 0, "Dr. B. Second"),
        (10, 30, "Dr. A. First"),
        (10, 30, "Dr. B. Second"),
    ]


async def test_booking_picks_the_earliest_free_slot_of_the_specialty(platform: Platform) -> None:
    await open_clinic(platform)
    async with platform.db.transaction() as session:
        first, created = await service.book_for_workflow(
            session,
            workflow_id="wf-1",
            patient_id="p-1",
            reason="r",
            specialty="cardiology",
            earliest=MONDAY,
        )
        second, _ = await service.book_for_workflow(
            session,
            workflow_id="wf-2",
            patient_id="p-2",
            reason="r",
            specialty="cardiology",
            earliest=MONDAY,
        )
        third, _ = await service.book_for_workflow(
            session,
            workflow_id="wf-3",
            patient_id="p-3",
            reason="r",
            specialty="cardiology",
            earliest=MONDAY,
        )
    assert created
    assert (first.starts_at, first.practitioner_name) == (MONDAY.replace(hour=9), "Dr. A. First")
    assert (second.starts_at, second.practitioner_name) == (
        MONDAY.replace(hour=9),
        "Dr. B. Second",
    )
    assert third.starts_at == MONDAY.replace(hour=9, minute=30)
    assert first.specialty == "cardiology"
    assert first.ends_at - first.starts_at == timedelta(minutes=30)


async def test_booking_respects_the_earliest_time(platform: Platform) -> None:
    await open_clinic(platform)
    async with platform.db.transaction() as session:
        booked, _ = await service.book_for_workflow(
            session,
            workflow_id="wf-1",
            patient_id="p-1",
            reason="r",
            specialty="general_practice",
            earliest=MONDAY.replace(hour=16, minute=40),
        )
    assert booked.starts_at == (MONDAY + timedelta(days=1)).replace(hour=9)


async def test_booking_with_a_preferred_practitioner_uses_only_them(platform: Platform) -> None:
    clinic = await open_clinic(platform)
    preferred = clinic["Dr. B. Second"]
    async with platform.db.transaction() as session:
        booked, _ = await service.book_for_workflow(
            session,
            workflow_id="wf-1",
            patient_id="p-1",
            reason="r",
            specialty=None,
            earliest=MONDAY,
            practitioner_id=preferred.id,
        )
    assert (booked.practitioner_id, booked.starts_at) == (preferred.id, MONDAY.replace(hour=9))


async def test_a_workflow_is_booked_once(platform: Platform) -> None:
    await open_clinic(platform)
    kwargs = {
        "workflow_id": "wf-1",
        "patient_id": "p-1",
        "reason": "r",
        "specialty": "cardiology",
        "earliest": MONDAY,
    }
    async with platform.db.transaction() as session:
        first, first_created = await service.book_for_workflow(session, **kwargs)
    async with platform.db.transaction() as session:
        again, again_created = await service.book_for_workflow(session, **kwargs)
    assert (first_created, again_created) == (True, False)
    assert again == first
    assert await _count(platform, Appointment) == 1


async def test_no_slot_for_a_specialty_nobody_practises(platform: Platform) -> None:
    await open_clinic(platform)
    async with platform.db.transaction() as session:
        with pytest.raises(NoFreeSlot, match="no free slot for specialty"):
            await service.book_for_workflow(
                session,
                workflow_id="wf-1",
                patient_id="p-1",
                reason="r",
                specialty="dermatology",
                earliest=MONDAY,
            )


async def test_no_slot_after_the_last_one(platform: Platform) -> None:
    await open_clinic(platform, days=1)
    async with platform.db.transaction() as session:
        with pytest.raises(NoFreeSlot):
            await service.book_for_workflow(
                session,
                workflow_id="wf-1",
                patient_id="p-1",
                reason="r",
                specialty="cardiology",
                earliest=MONDAY + timedelta(days=1),
            )


async def test_booking_a_taken_slot_raises_slot_taken(platform: Platform) -> None:
    await open_clinic(platform)
    async with platform.db.session() as session:
        [slot] = await service.free_slots(
            session, specialty="general_practice", start=MONDAY, end=None, limit=1
        )
    async with platform.db.transaction() as session:
        booked = await service.book_slot(session, slot_id=slot.id, patient_id="p-1", reason="r")
    assert booked.slot_id == slot.id
    async with platform.db.transaction() as session:
        with pytest.raises(SlotTaken):
            await service.book_slot(session, slot_id=slot.id, patient_id="p-2", reason="r")


async def test_booking_an_unknown_slot_raises_slot_not_found(platform: Platform) -> None:
    async with platform.db.transaction() as session:
        with pytest.raises(SlotNotFound):
            await service.book_slot(session, slot_id="nope", patient_id="p-1", reason="r")


async def test_a_second_slot_for_the_same_workflow_is_refused(platform: Platform) -> None:
    await open_clinic(platform)
    async with platform.db.session() as session:
        first, second = await service.free_slots(
            session, specialty="cardiology", start=MONDAY, end=None, limit=2
        )
    async with platform.db.transaction() as session:
        await service.book_slot(
            session, slot_id=first.id, patient_id="p-1", reason="r", workflow_id="wf-1"
        )
        with pytest.raises(WorkflowAlreadyBooked):
            await service.book_slot(
                session, slot_id=second.id, patient_id="p-1", reason="r", workflow_id="wf-1"
            )


async def test_a_slot_lost_to_a_race_is_skipped_for_the_next(
    platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite serialises writers, so the race is staged: the search is made to return a
    slot that is already booked, as a stale snapshot would on PostgreSQL."""
    await open_clinic(platform)
    async with platform.db.session() as session:
        [taken] = await service.free_slots(
            session, specialty="cardiology", start=MONDAY, end=None, limit=1
        )
    async with platform.db.transaction() as session:
        await service.book_slot(session, slot_id=taken.id, patient_id="p-0", reason="r")

    real_query = service._free_slot_query
    stale = {"left": 1}

    def stale_once(**kwargs):  # type: ignore[no-untyped-def]
        if stale["left"]:
            stale["left"] -= 1
            return (
                select(Slot, Practitioner)
                .join(Practitioner, Slot.practitioner_id == Practitioner.id)
                .where(Slot.id == taken.id)
            )
        return real_query(**kwargs)

    monkeypatch.setattr(service, "_free_slot_query", stale_once)
    async with platform.db.transaction() as session:
        booked, created = await service.book_for_workflow(
            session,
            workflow_id="wf-1",
            patient_id="p-1",
            reason="r",
            specialty="cardiology",
            earliest=MONDAY,
        )
    assert created
    assert stale["left"] == 0
    assert booked.slot_id != taken.id
    assert booked.starts_at == MONDAY.replace(hour=9)  # the other cardiologist's 09:00
    assert await _count(platform, Appointment) == 2


async def test_endless_lost_races_give_up_with_a_retryable_error(
    platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Staged as above: every search returns a slot that a concurrent booking already holds."""
    await open_clinic(platform)
    async with platform.db.session() as session:
        slots = await service.free_slots(
            session, specialty="cardiology", start=MONDAY, end=None, limit=30
        )
    async with platform.db.transaction() as session:
        for n, slot in enumerate(slots):
            await service.book_slot(session, slot_id=slot.id, patient_id=f"p-{n}", reason="r")

    def always_stale(**kwargs):  # type: ignore[no-untyped-def]
        return (
            select(Slot, Practitioner)
            .join(Practitioner, Slot.practitioner_id == Practitioner.id)
            .join(Appointment, Appointment.slot_id == Slot.id)
            .order_by(Slot.starts_at, Slot.id)
        )

    monkeypatch.setattr(service, "_free_slot_query", always_stale)
    async with platform.db.transaction() as session:
        with pytest.raises(BookingContention):
            await service.book_for_workflow(
                session,
                workflow_id="wf-1",
                patient_id="p-1",
                reason="r",
                specialty="cardiology",
                earliest=MONDAY,
            )
    assert await _count(platform, Appointment) == 30
