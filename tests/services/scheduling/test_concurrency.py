"""Concurrent bookings in separate transactions: the unique slot constraint keeps them apart.

Each test runs on the embedded store, whose writers take turns, and on PostgreSQL, whose
transactions really interleave (it needs the local server: `make services-up`)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from emergisphere_runtime.platform import Platform
from scheduling import service
from scheduling.errors import SlotTaken
from scheduling.models import Appointment, AppointmentRead

from .factories import MONDAY, open_clinic


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> Platform:
    platform: Platform = request.getfixturevalue(
        "platform" if request.param == "sqlite" else "pg_platform"
    )
    return platform


async def test_ten_concurrent_bookings_of_one_slot_exactly_one_wins(store: Platform) -> None:
    await open_clinic(store)
    async with store.db.session() as session:
        [slot] = await service.free_slots(
            session, specialty="cardiology", start=MONDAY, end=None, limit=1
        )

    async def book(n: int) -> AppointmentRead:
        async with store.db.transaction() as session:
            return await service.book_slot(
                session, slot_id=slot.id, patient_id=f"p-{n}", reason="r"
            )

    outcomes = await asyncio.gather(*(book(n) for n in range(10)), return_exceptions=True)
    winners = [o for o in outcomes if isinstance(o, AppointmentRead)]
    losers = [o for o in outcomes if not isinstance(o, AppointmentRead)]
    assert len(winners) == 1
    assert len(losers) == 9
    assert all(isinstance(o, SlotTaken) for o in losers)
    async with store.db.session() as session:
        stored = list(await session.scalars(select(Appointment)))
    assert [(a.slot_id, a.patient_id) for a in stored] == [(slot.id, winners[0].patient_id)]


async def test_concurrent_workflows_of_one_specialty_get_distinct_slots(
    store: Platform,
) -> None:
    await open_clinic(store)

    async def book(n: int) -> AppointmentRead:
        async with store.db.transaction() as session:
            booked, created = await service.book_for_workflow(
                session,
                workflow_id=f"wf-{n}",
                patient_id=f"p-{n}",
                reason="r",
                specialty="cardiology",
                earliest=MONDAY,
            )
            assert created
            return booked

    booked = await asyncio.gather(*(book(n) for n in range(10)))
    assert len({b.slot_id for b in booked}) == 10
    # Two cardiologists, so ten bookings fill the first five half-hours exactly.
    assert sorted({b.starts_at for b in booked}) == [
        MONDAY.replace(hour=9 + m // 60, minute=m % 60) for m in range(0, 150, 30)
    ]


async def test_concurrent_attempts_of_one_workflow_book_once(store: Platform) -> None:
    await open_clinic(store)

    async def attempt() -> tuple[AppointmentRead, bool]:
        async with store.db.transaction() as session:
            return await service.book_for_workflow(
                session,
                workflow_id="wf-1",
                patient_id="p-1",
                reason="r",
                specialty="cardiology",
                earliest=MONDAY,
            )

    results = await asyncio.gather(*(attempt() for _ in range(5)))
    assert len({booked.id for booked, _ in results}) == 1
    assert sorted(created for _, created in results) == [False, False, False, False, True]
    async with store.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Appointment)) == 1
