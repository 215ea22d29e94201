"""Scheduling domain functions, shared by the agent and the HTTP gateway."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Select, exists, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.messages import derived_id
from scheduling.errors import (
    BookingContention,
    NoFreeSlot,
    SlotNotFound,
    SlotTaken,
    UnknownPractitioner,
    WorkflowAlreadyBooked,
)
from scheduling.models import (
    BOOKED,
    Appointment,
    AppointmentRead,
    Practitioner,
    PractitionerCreate,
    PractitionerRead,
    Slot,
    SlotRead,
)
from scheduling.rules import SLOT_LENGTH, clinic_slot_starts

# Each lost race means a concurrent booking committed; this many in a row means heavy
# contention, and failing the step lets the orchestrator retry with backoff.
MAX_BOOKING_ATTEMPTS: Final = 20


def practitioner_id_for(*, name: str, specialty: str) -> str:
    return derived_id("practitioner", specialty, name)


def slot_id_for(*, practitioner_id: str, starts_at: datetime) -> str:
    return derived_id("slot", practitioner_id, starts_at.isoformat())


async def ensure_practitioners(
    session: AsyncSession, *, practitioners: Sequence[PractitionerCreate]
) -> list[PractitionerRead]:
    """Insert the practitioners that are missing (ids derive from name and specialty)."""
    rows = [
        {
            "id": practitioner_id_for(name=p.name, specialty=p.specialty),
            "name": p.name,
            "specialty": p.specialty,
        }
        for p in practitioners
    ]
    await _insert_missing(session, Practitioner, rows)
    return [PractitionerRead.model_validate(row) for row in rows]


async def list_practitioners(
    session: AsyncSession, *, specialty: str | None = None
) -> list[PractitionerRead]:
    query = select(Practitioner).order_by(Practitioner.specialty, Practitioner.name)
    if specialty is not None:
        query = query.where(Practitioner.specialty == specialty)
    return [PractitionerRead.model_validate(p) for p in await session.scalars(query)]


async def get_practitioner(session: AsyncSession, *, practitioner_id: str) -> PractitionerRead:
    practitioner = await session.get(Practitioner, practitioner_id)
    if practitioner is None:
        raise UnknownPractitioner()
    return PractitionerRead.model_validate(practitioner)


async def offers_specialty(session: AsyncSession, *, specialty: str) -> bool:
    return bool(await session.scalar(select(exists().where(Practitioner.specialty == specialty))))


async def ensure_slots(
    session: AsyncSession,
    *,
    start: datetime,
    days: int,
    practitioner_ids: Collection[str] | None = None,
) -> None:
    """Create the clinic's slot grid for ``days`` days from ``start`` for every practitioner
    (or the given ones). Slots that already exist are left alone, so it is safe to repeat."""
    query = select(Practitioner.id)
    if practitioner_ids is not None:
        query = query.where(Practitioner.id.in_(practitioner_ids))
    ids = list(await session.scalars(query))
    starts = list(clinic_slot_starts(start=start, days=days))
    rows = [
        {
            "id": slot_id_for(practitioner_id=pid, starts_at=at),
            "practitioner_id": pid,
            "starts_at": at,
            "ends_at": at + SLOT_LENGTH,
        }
        for pid in ids
        for at in starts
    ]
    await _insert_missing(session, Slot, rows)


async def free_slots(
    session: AsyncSession,
    *,
    specialty: str | None,
    start: datetime,
    end: datetime | None = None,
    limit: int = 20,
    practitioner_id: str | None = None,
) -> list[SlotRead]:
    """Unbooked slots starting in [start, end), earliest first."""
    query = _free_slot_query(
        specialty=specialty, start=start, end=end, practitioner_id=practitioner_id
    )
    rows = await session.execute(query.limit(limit))
    return [_slot_read(slot, practitioner) for slot, practitioner in rows]


async def book_slot(
    session: AsyncSession,
    *,
    slot_id: str,
    patient_id: str,
    reason: str,
    workflow_id: str | None = None,
    now: datetime | None = None,
) -> AppointmentRead:
    """Book one given slot. Raises SlotTaken if another booking holds it."""
    if await session.get(Slot, slot_id) is None:
        raise SlotNotFound()
    appointment = _new_appointment(
        slot_id=slot_id, patient_id=patient_id, reason=reason, workflow_id=workflow_id, now=now
    )
    if not await _insert_appointment(session, appointment):
        taken = await session.scalar(select(exists().where(Appointment.slot_id == slot_id)))
        raise SlotTaken() if taken else WorkflowAlreadyBooked()
    return await _appointment_read(session, Appointment.id == appointment.id)


async def book_for_workflow(
    session: AsyncSession,
    *,
    workflow_id: str,
    patient_id: str,
    reason: str,
    specialty: str | None,
    earliest: datetime,
    practitioner_id: str | None = None,
    now: datetime | None = None,
) -> tuple[AppointmentRead, bool]:
    """The workflow's appointment: the one it already has (False), or the earliest free slot
    at or after ``earliest`` booked now (True). Slots lost to concurrent bookings are skipped.
    """
    existing = await get_appointment_for_workflow(session, workflow_id=workflow_id)
    if existing is not None:
        return existing, False
    lost: set[str] = set()
    for _ in range(MAX_BOOKING_ATTEMPTS):
        query = _free_slot_query(
            specialty=specialty, start=earliest, end=None, practitioner_id=practitioner_id
        )
        if lost:
            # Under snapshot isolation a lost slot can still look free; never retry it.
            query = query.where(Slot.id.not_in(lost))
        row = (await session.execute(query.limit(1))).first()
        if row is None:
            raise NoFreeSlot("practitioner" if practitioner_id else "specialty")
        slot = row[0]
        appointment = _new_appointment(
            slot_id=slot.id, patient_id=patient_id, reason=reason, workflow_id=workflow_id, now=now
        )
        if await _insert_appointment(session, appointment):
            return await _appointment_read(session, Appointment.id == appointment.id), True
        # Either the slot went to someone else, or another attempt of this same workflow
        # booked first; in the second case its appointment is the answer.
        existing = await get_appointment_for_workflow(session, workflow_id=workflow_id)
        if existing is not None:
            return existing, False
        lost.add(slot.id)
    raise BookingContention()


async def get_appointment_for_workflow(
    session: AsyncSession, *, workflow_id: str
) -> AppointmentRead | None:
    return await _appointment_read_or_none(session, Appointment.workflow_id == workflow_id)


async def get_appointment(session: AsyncSession, *, appointment_id: str) -> AppointmentRead | None:
    return await _appointment_read_or_none(session, Appointment.id == appointment_id)


async def appointments_for_patient(
    session: AsyncSession, *, patient_id: str
) -> list[AppointmentRead]:
    rows = await session.execute(
        _appointment_query(Appointment.patient_id == patient_id).order_by(Slot.starts_at)
    )
    return [_appointment_from(*row) for row in rows]


def _new_appointment(
    *,
    slot_id: str,
    patient_id: str,
    reason: str,
    workflow_id: str | None,
    now: datetime | None,
) -> Appointment:
    return Appointment(
        # A workflow's appointment id is fixed, so a re-run reports the same id.
        id=derived_id("appointment", workflow_id) if workflow_id else str(uuid.uuid4()),
        slot_id=slot_id,
        workflow_id=workflow_id,
        patient_id=patient_id,
        reason=reason,
        status=BOOKED,
        created_at=now or utcnow(),
    )


async def _insert_appointment(session: AsyncSession, appointment: Appointment) -> bool:
    """Insert inside a savepoint: a unique-constraint loss undoes only this insert, and the
    caller's transaction stays usable for the next try."""
    try:
        async with session.begin_nested():
            session.add(appointment)
            await session.flush()
    except IntegrityError:
        return False
    return True


def _free_slot_query(
    *,
    specialty: str | None,
    start: datetime,
    end: datetime | None,
    practitioner_id: str | None,
) -> Select[Slot, Practitioner]:
    query = (
        select(Slot, Practitioner)
        .join(Practitioner, Slot.practitioner_id == Practitioner.id)
        .outerjoin(Appointment, Appointment.slot_id == Slot.id)
        .where(Appointment.id.is_(None), Slot.starts_at >= start)
        # Name and id break ties so the same state always yields the same slot.
        .order_by(Slot.starts_at, Practitioner.name, Slot.id)
    )
    if specialty is not None:
        query = query.where(Practitioner.specialty == specialty)
    if practitioner_id is not None:
        query = query.where(Slot.practitioner_id == practitioner_id)
    if end is not None:
        query = query.where(Slot.starts_at < end)
    return query


def _appointment_query(condition: Any) -> Select[Appointment, Slot, Practitioner]:
    return (
        select(Appointment, Slot, Practitioner)
        .join(Slot, Appointment.slot_id == Slot.id)
        .join(Practitioner, Slot.practitioner_id == Practitioner.id)
        .where(condition)
    )


async def _appointment_read_or_none(
    session: AsyncSession, condition: Any
) -> AppointmentRead | None:
    row = (await session.execute(_appointment_query(condition))).first()
    return None if row is None else _appointment_from(*row)


async def _appointment_read(session: AsyncSession, condition: Any) -> AppointmentRead:
    found = await _appointment_read_or_none(session, condition)
    if found is None:
        raise RuntimeError("appointment inserted in this transaction is not readable")
    return found


def _appointment_from(
    appointment: Appointment, slot: Slot, practitioner: Practitioner
) -> AppointmentRead:
    return AppointmentRead(
        id=appointment.id,
        slot_id=slot.id,
        practitioner_id=practitioner.id,
        practitioner_name=practitioner.name,
        specialty=practitioner.specialty,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        patient_id=appointment.patient_id,
        workflow_id=appointment.workflow_id,
        reason=appointment.reason,
        status=appointment.status,
        created_at=appointment.created_at,
    )


def _slot_read(slot: Slot, practitioner: Practitioner) -> SlotRead:
    return SlotRead(
        id=slot.id,
        practitioner_id=practitioner.id,
        practitioner_name=practitioner.name,
        specialty=practitioner.specialty,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
    )


async def _insert_missing(
    session: AsyncSession, model: type[Practitioner] | type[Slot], rows: Sequence[Mapping[str, Any]]
) -> None:
    """INSERT ... ON CONFLICT DO NOTHING: the unique constraints decide what already exists,
    so concurrent seeders (two replicas starting together) cannot collide."""
    if not rows:
        return
    dialect = (await session.connection()).dialect.name
    if dialect == "postgresql":
        statement: Any = postgresql.insert(model).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite.insert(model).on_conflict_do_nothing()
    else:
        # Only the two supported stores; any other must fail loudly, not insert twice.
        raise RuntimeError(f"unsupported database dialect: {dialect}")
    await session.execute(statement, rows)
