"""Medical-records domain functions, shared by the agent, the gateway and FHIR ingest."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.messages import derived_id
from records.models import (
    ACTIVE,
    Allergy,
    AllergyCreate,
    AllergyRead,
    Condition,
    ConditionCreate,
    ConditionRead,
    HistoryRead,
    Medication,
    MedicationCreate,
    MedicationRead,
    Visit,
    VisitCreate,
    VisitRead,
)
from records.rules import normalise

Row = TypeVar("Row", Allergy, Medication, Condition, Visit)


def visit_id_for(workflow_id: str) -> str:
    return derived_id("visit", workflow_id)


async def add_allergy(
    session: AsyncSession,
    *,
    patient_id: str,
    allergy: AllergyCreate,
    now: datetime | None = None,
) -> AllergyRead:
    """Record an allergy; one already recorded under the same name is updated instead."""
    key = normalise(allergy.substance)
    changes: dict[str, Any] = {"substance": allergy.substance.strip()}
    if allergy.reaction is not None:
        changes["reaction"] = allergy.reaction.strip() or None
    if allergy.criticality is not None:
        changes["criticality"] = allergy.criticality
    row, _ = await _upsert(
        session,
        Allergy,
        derived_id("allergy", patient_id, key),
        created={
            "patient_id": patient_id,
            "substance_key": key,
            "reaction": None,
            "criticality": None,
            "source": allergy.source,
        },
        changes=changes,
        now=now or utcnow(),
    )
    return AllergyRead.model_validate(row)


async def add_medication(
    session: AsyncSession,
    *,
    patient_id: str,
    medication: MedicationCreate,
    now: datetime | None = None,
) -> MedicationRead:
    """Record a medication, or update its status and dosage if already recorded."""
    key = normalise(medication.name)
    changes: dict[str, Any] = {"name": medication.name.strip(), "status": medication.status}
    if medication.dosage is not None:
        changes["dosage"] = medication.dosage.strip() or None
    row, _ = await _upsert(
        session,
        Medication,
        derived_id("medication", patient_id, key),
        created={
            "patient_id": patient_id,
            "name_key": key,
            "dosage": None,
            "source": medication.source,
        },
        changes=changes,
        now=now or utcnow(),
    )
    return MedicationRead.model_validate(row)


async def add_condition(
    session: AsyncSession,
    *,
    patient_id: str,
    condition: ConditionCreate,
    now: datetime | None = None,
) -> ConditionRead:
    """Record a condition, or update its status and code if already recorded."""
    key = normalise(condition.name)
    changes: dict[str, Any] = {"name": condition.name.strip(), "status": condition.status}
    if condition.code is not None:
        changes["code"] = condition.code.strip() or None
    row, _ = await _upsert(
        session,
        Condition,
        derived_id("condition", patient_id, key),
        created={
            "patient_id": patient_id,
            "name_key": key,
            "code": None,
            "source": condition.source,
        },
        changes=changes,
        now=now or utcnow(),
    )
    return ConditionRead.model_validate(row)


async def get_history(session: AsyncSession, *, patient_id: str) -> HistoryRead:
    allergies = await session.scalars(
        select(Allergy).where(Allergy.patient_id == patient_id).order_by(Allergy.substance_key)
    )
    medications = await session.scalars(
        select(Medication)
        .where(Medication.patient_id == patient_id)
        .order_by(Medication.status, Medication.name_key)
    )
    conditions = await session.scalars(
        select(Condition)
        .where(Condition.patient_id == patient_id)
        .order_by(Condition.status, Condition.name_key)
    )
    visits = await session.scalars(
        select(Visit)
        .where(Visit.patient_id == patient_id)
        .order_by(Visit.visited_at.desc(), Visit.id.desc())
    )
    return HistoryRead(
        patient_id=patient_id,
        allergies=[AllergyRead.model_validate(row) for row in allergies],
        medications=[MedicationRead.model_validate(row) for row in medications],
        conditions=[ConditionRead.model_validate(row) for row in conditions],
        visits=[VisitRead.model_validate(row) for row in visits],
    )


async def allergy_names(session: AsyncSession, *, patient_id: str) -> list[str]:
    rows = await session.scalars(
        select(Allergy.substance)
        .where(Allergy.patient_id == patient_id)
        .order_by(Allergy.substance_key)
    )
    return list(rows)


async def active_medication_names(session: AsyncSession, *, patient_id: str) -> list[str]:
    rows = await session.scalars(
        select(Medication.name)
        .where(Medication.patient_id == patient_id, Medication.status == ACTIVE)
        .order_by(Medication.name_key)
    )
    return list(rows)


async def active_condition_names(session: AsyncSession, *, patient_id: str) -> list[str]:
    rows = await session.scalars(
        select(Condition.name)
        .where(Condition.patient_id == patient_id, Condition.status == ACTIVE)
        .order_by(Condition.name_key)
    )
    return list(rows)


async def record_visit(
    session: AsyncSession, *, visit: VisitCreate, now: datetime | None = None
) -> tuple[VisitRead, bool]:
    """The workflow's visit record, created once; a re-run refreshes what it knows
    (acuity, summary) but keeps the visit's time, so prior-visit counts do not shift."""
    row, created = await _upsert(
        session,
        Visit,
        visit_id_for(visit.workflow_id),
        created={
            "workflow_id": visit.workflow_id,
            "patient_id": visit.patient_id,
            "workflow_type": visit.workflow_type,
            "visited_at": visit.visited_at,
        },
        changes={
            "encounter_id": visit.encounter_id,
            "acuity": visit.acuity,
            "chief_complaint": visit.chief_complaint,
            "summary": visit.summary,
        },
        now=now or utcnow(),
        stamp="created_at",
    )
    return VisitRead.model_validate(row), created


async def get_visit_for_workflow(session: AsyncSession, *, workflow_id: str) -> VisitRead | None:
    row = await session.get(Visit, visit_id_for(workflow_id))
    return None if row is None else VisitRead.model_validate(row)


async def count_prior_visits(session: AsyncSession, *, visit: VisitRead) -> int:
    """Visits of the same patient before this one (ties in time broken by id)."""
    earlier = or_(
        Visit.visited_at < visit.visited_at,
        and_(Visit.visited_at == visit.visited_at, Visit.id < visit.id),
    )
    found = await session.scalar(
        select(func.count()).select_from(Visit).where(Visit.patient_id == visit.patient_id, earlier)
    )
    return int(found or 0)


async def _upsert(
    session: AsyncSession,
    model: type[Row],
    row_id: str,
    *,
    created: Mapping[str, Any],
    changes: Mapping[str, Any],
    now: datetime,
    stamp: str = "recorded_at",
) -> tuple[Row, bool]:
    """Insert the row, or apply ``changes`` to the one that has this id.

    The insert runs in a savepoint: when a concurrent writer commits the same id first,
    only that insert is undone and the change is applied to their row.
    """
    row = await session.get(model, row_id)
    if row is None:
        # ``changes`` wins over the creation defaults it shares keys with.
        values = {**created, **changes, stamp: now, "updated_at": now}
        fresh = model(id=row_id, **values)
        try:
            async with session.begin_nested():
                session.add(fresh)
                await session.flush()
        except IntegrityError:
            row = await session.get(model, row_id)
            if row is None:
                raise
        else:
            return fresh, True
    if any(getattr(row, field) != value for field, value in changes.items()):
        for field, value in changes.items():
            setattr(row, field, value)
        row.updated_at = now
    return row, False
