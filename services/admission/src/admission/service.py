"""Admission domain functions, shared by the agent and the HTTP gateway.

Identity is matched in a fixed order (national id, then the record a device workflow
names, then name and birth date) and every effect is keyed so a re-run repeats none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from admission import rules
from admission.errors import MrnExhausted, UnknownWorkflowType
from admission.models import (
    Encounter,
    EncounterRead,
    InsurancePolicy,
    InsuranceRead,
    Patient,
    PatientCreate,
    PatientRead,
)

# Each try re-derives the MRN; a collision at all is a one-in-ten-million event per pair.
MAX_MRN_ATTEMPTS: Final = 10


@dataclass(frozen=True)
class Admission:
    patient: PatientRead
    encounter: EncounterRead
    # What this call did: a re-sent step finds both already there and reports False.
    patient_created: bool
    encounter_created: bool
    matched_by: str
    coverage: InsuranceRead | None
    coverage_source: str


async def get_patient(session: AsyncSession, *, patient_id: str) -> PatientRead | None:
    row = await session.get(Patient, patient_id)
    return None if row is None else await _patient_read(session, row)


async def find_patient(
    session: AsyncSession,
    *,
    national_health_id: str | None,
    first_name: str | None,
    last_name: str | None,
    date_of_birth: str | date | None,
) -> PatientRead | None:
    """The patient these identity fields name, exactly as admission would match them.

    A national id is decisive: when one is given, names are not consulted. Otherwise both
    names and the birth date must match one patient; two matches are ambiguous and find
    nobody, since attaching a stranger's history is worse than a duplicate record.
    """
    nhid = rules.clean(national_health_id)
    if nhid is not None:
        row = await _by_national_health_id(session, nhid)
    else:
        row = await _by_name_and_birth_date(
            session,
            key=rules.name_key(first_name, last_name),
            born=rules.parse_date_of_birth(date_of_birth),
        )
    return None if row is None else await _patient_read(session, row)


async def list_encounters(session: AsyncSession, *, patient_id: str) -> list[EncounterRead]:
    rows = await session.scalars(
        select(Encounter)
        .where(Encounter.patient_id == patient_id)
        .order_by(Encounter.opened_at, Encounter.id)
    )
    return [EncounterRead.model_validate(row) for row in rows]


async def get_encounter_for_workflow(
    session: AsyncSession, *, workflow_id: str
) -> EncounterRead | None:
    row = await _encounter_for_workflow(session, workflow_id)
    return None if row is None else EncounterRead.model_validate(row)


async def admit(
    session: AsyncSession,
    *,
    workflow_id: str,
    workflow_type: str,
    patient: PatientCreate,
    arrival_mode: str | None,
    arrived_at: datetime | None,
    now: datetime,
    known_patient_id: str | None = None,
) -> Admission:
    """Find or create the patient, settle coverage, and open the workflow's encounter.

    ``known_patient_id`` is the record a device-started workflow is about; it identifies
    the patient when the intake itself carries no national id.
    """
    kind = rules.encounter_class(workflow_type)
    if kind is None:
        raise UnknownWorkflowType()
    opened = await _encounter_for_workflow(session, workflow_id)
    if opened is not None:
        # This workflow was admitted already: report it and change nothing, since a later
        # intake of the same patient may have updated the record and must not be undone.
        row = await _require_patient(session, opened.patient_id)
        coverage, source = await _coverage(session, patient_id=row.id, intake=patient.insurance)
        return Admission(
            patient=await _patient_read(session, row),
            encounter=EncounterRead.model_validate(opened),
            patient_created=False,
            encounter_created=False,
            matched_by=opened.matched_by,
            coverage=coverage,
            coverage_source=source,
        )

    row, matched_by, created = await _find_or_create(
        session,
        workflow_id=workflow_id,
        patient=patient,
        known_patient_id=known_patient_id,
        now=now,
    )
    if not created:
        _apply_demographics(row, patient, now=now)
    if patient.insurance is not None:
        await _put_insurance(session, patient_id=row.id, insurance=patient.insurance, now=now)
    coverage, source = await _coverage(session, patient_id=row.id, intake=patient.insurance)
    encounter, encounter_created = await _open_encounter(
        session,
        Encounter(
            id=rules.encounter_id_for(workflow_id),
            patient_id=row.id,
            workflow_id=workflow_id,
            kind=kind,
            status=rules.ENCOUNTER_IN_PROGRESS,
            arrival_mode=rules.clean(arrival_mode),
            arrived_at=arrived_at,
            opened_at=now,
            matched_by=matched_by,
            patient_created=created,
        ),
    )
    return Admission(
        patient=await _patient_read(session, row),
        encounter=EncounterRead.model_validate(encounter),
        patient_created=created,
        encounter_created=encounter_created,
        matched_by=encounter.matched_by,
        coverage=coverage,
        coverage_source=source,
    )


async def ensure_patient(
    session: AsyncSession, *, patient: PatientCreate, now: datetime
) -> tuple[PatientRead, bool]:
    """The patient with this national id, created (with the given insurance) if missing.

    An existing record is left as it is, so re-seeding never undoes later updates.
    """
    nhid = rules.clean(patient.national_health_id)
    if nhid is None:
        raise ValueError("ensure_patient needs a national health id")
    row = await _by_national_health_id(session, nhid)
    if row is not None:
        return await _patient_read(session, row), False
    patient_id = rules.patient_id_for(national_health_id=nhid, workflow_id="")
    row, created = await _insert_patient(
        session, _new_patient(patient_id, patient, alias=None, now=now)
    )
    if created and patient.insurance is not None:
        await _put_insurance(session, patient_id=row.id, insurance=patient.insurance, now=now)
    return await _patient_read(session, row), created


async def _find_or_create(
    session: AsyncSession,
    *,
    workflow_id: str,
    patient: PatientCreate,
    known_patient_id: str | None,
    now: datetime,
) -> tuple[Patient, str, bool]:
    """The patient row, how it was matched, and whether it was created now."""
    nhid = rules.clean(patient.national_health_id)
    if nhid is not None:
        row = await _by_national_health_id(session, nhid)
        if row is not None:
            return row, rules.MATCHED_BY_NATIONAL_HEALTH_ID, False
    else:
        if known_patient_id:
            row = await session.get(Patient, known_patient_id)
            if row is not None:
                return row, rules.MATCHED_BY_PATIENT_ID, False
        row = await _by_name_and_birth_date(
            session,
            key=rules.name_key(patient.first_name, patient.last_name),
            born=patient.date_of_birth,
        )
        if row is not None:
            return row, rules.MATCHED_BY_NAME_DOB, False

    patient_id = rules.patient_id_for(national_health_id=nhid, workflow_id=workflow_id)
    identified = rules.is_identified(
        national_health_id=nhid, first_name=patient.first_name, last_name=patient.last_name
    )
    alias = None if identified else rules.alias_for(patient_id)
    row, created = await _insert_patient(
        session, _new_patient(patient_id, patient, alias=alias, now=now)
    )
    # When a concurrent intake of the same person committed the record first, it is
    # theirs and ours: the caller applies this intake's details to it like any match.
    matched_by = rules.MATCHED_BY_CREATED if identified else rules.MATCHED_BY_UNIDENTIFIED
    if not created and nhid is not None:
        matched_by = rules.MATCHED_BY_NATIONAL_HEALTH_ID
    return row, matched_by, created


def _new_patient(
    patient_id: str, data: PatientCreate, *, alias: str | None, now: datetime
) -> Patient:
    return Patient(
        id=patient_id,
        national_health_id=rules.clean(data.national_health_id),
        national_health_id_index=rules.clean(data.national_health_id),
        mrn=rules.mrn_for(patient_id),
        first_name=rules.clean(data.first_name),
        last_name=rules.clean(data.last_name),
        name_key=rules.name_key(data.first_name, data.last_name),
        alias=alias,
        date_of_birth=data.date_of_birth,
        sex=rules.clean(data.sex) or "unknown",
        phone=rules.clean(data.phone),
        emergency_contacts=[c.model_dump() for c in data.emergency_contacts],
        created_at=now,
        updated_at=now,
    )


async def _insert_patient(session: AsyncSession, row: Patient) -> tuple[Patient, bool]:
    """Insert the record, or return the one a concurrent writer committed with its id.

    Each try runs in a savepoint, so a lost race undoes only that insert and the caller's
    transaction stays usable.
    """
    for attempt in range(MAX_MRN_ATTEMPTS):
        row.mrn = rules.mrn_for(row.id, attempt=attempt)
        if await session.scalar(select(exists().where(Patient.mrn == row.mrn))):
            continue
        try:
            async with session.begin_nested():
                session.add(row)
                await session.flush()
        except IntegrityError:
            existing = await session.get(Patient, row.id)
            if existing is not None:
                return existing, False
            nhid = row.national_health_id
            by_nhid = None if nhid is None else await _by_national_health_id(session, nhid)
            if by_nhid is not None:
                return by_nhid, False
            # Otherwise the MRN went to a concurrent insert: derive the next one.
            continue
        return row, True
    raise MrnExhausted()


def _apply_demographics(row: Patient, data: PatientCreate, *, now: datetime) -> None:
    """Take what the new intake supplies; keep what it leaves out.

    The national id is never rewritten: it is how the record was found, or the intake
    had none.
    """
    changes: dict[str, object] = {}
    first, last = rules.clean(data.first_name), rules.clean(data.last_name)
    if first is not None:
        changes["first_name"] = first
    if last is not None:
        changes["last_name"] = last
    if data.date_of_birth is not None:
        changes["date_of_birth"] = data.date_of_birth
    sex = rules.clean(data.sex)
    if sex is not None and sex != "unknown":
        changes["sex"] = sex
    phone = rules.clean(data.phone)
    if phone is not None:
        changes["phone"] = phone
    if data.emergency_contacts:
        changes["emergency_contacts"] = [c.model_dump() for c in data.emergency_contacts]
    changed = False
    for field, value in changes.items():
        if getattr(row, field) != value:
            setattr(row, field, value)
            changed = True
    if changed:
        row.name_key = rules.name_key(row.first_name, row.last_name)
        row.updated_at = now


async def fill_gaps(
    session: AsyncSession, *, patient_id: str, data: PatientCreate, now: datetime
) -> bool:
    """Fill only the demographics the record lacks; what it holds is never replaced.

    For feeds (FHIR) that describe the same person: staff's entries stand, gaps close.
    """
    row = await session.get(Patient, patient_id)
    if row is None:
        return False
    offered: dict[str, object] = {
        "first_name": rules.clean(data.first_name),
        "last_name": rules.clean(data.last_name),
        "date_of_birth": data.date_of_birth,
        "phone": rules.clean(data.phone),
    }
    sex = rules.clean(data.sex)
    if row.sex in (None, "unknown") and sex not in (None, "unknown"):
        offered["sex"] = sex
    changed = False
    for field, value in offered.items():
        if value is not None and getattr(row, field) in (None, "", "unknown"):
            setattr(row, field, value)
            changed = True
    if changed:
        row.name_key = rules.name_key(row.first_name, row.last_name)
        row.updated_at = now
        await session.flush()
    return changed


async def _put_insurance(
    session: AsyncSession, *, patient_id: str, insurance: InsuranceRead, now: datetime
) -> None:
    values = {
        "payer": insurance.payer.strip(),
        "member_id": insurance.member_id.strip(),
        "plan": insurance.plan.strip(),
        "copay": _money(insurance.copay),
        "coinsurance": Decimal(str(insurance.coinsurance)).quantize(Decimal("0.0001")),
        "deductible": _money(insurance.deductible),
        "deductible_met": _money(insurance.deductible_met),
    }
    policy = await session.get(InsurancePolicy, patient_id)
    if policy is None:
        session.add(InsurancePolicy(patient_id=patient_id, updated_at=now, **values))
        await session.flush()
        return
    if any(getattr(policy, field) != value for field, value in values.items()):
        for field, value in values.items():
            setattr(policy, field, value)
        policy.updated_at = now


async def _coverage(
    session: AsyncSession, *, patient_id: str, intake: InsuranceRead | None
) -> tuple[InsuranceRead | None, str]:
    """The card presented today wins; then the insurance on file; else self-pay."""
    if intake is not None:
        return intake, rules.COVERAGE_INTAKE
    policy = await session.get(InsurancePolicy, patient_id)
    if policy is not None:
        return _insurance_read(policy), rules.COVERAGE_FILE
    return None, rules.COVERAGE_NONE


async def _open_encounter(session: AsyncSession, row: Encounter) -> tuple[Encounter, bool]:
    try:
        async with session.begin_nested():
            session.add(row)
            await session.flush()
    except IntegrityError:
        # Another attempt of this workflow opened it concurrently: that one stands.
        existing = await _encounter_for_workflow(session, row.workflow_id)
        if existing is None:
            raise
        return existing, False
    return row, True


async def _by_national_health_id(session: AsyncSession, nhid: str) -> Patient | None:
    found: Patient | None = await session.scalar(
        select(Patient).where(Patient.national_health_id_index == nhid)
    )
    return found


async def _by_name_and_birth_date(
    session: AsyncSession, *, key: str | None, born: date | None
) -> Patient | None:
    if key is None or born is None:
        return None
    rows = list(
        await session.scalars(
            select(Patient).where(Patient.name_key == key, Patient.date_of_birth == born).limit(2)
        )
    )
    return rows[0] if len(rows) == 1 else None


async def _encounter_for_workflow(session: AsyncSession, workflow_id: str) -> Encounter | None:
    found: Encounter | None = await session.scalar(
        select(Encounter).where(Encounter.workflow_id == workflow_id)
    )
    return found


async def _require_patient(session: AsyncSession, patient_id: str) -> Patient:
    row = await session.get(Patient, patient_id)
    if row is None:
        raise RuntimeError("encounter refers to a missing patient")
    return row


async def _patient_read(session: AsyncSession, row: Patient) -> PatientRead:
    policy = await session.get(InsurancePolicy, row.id)
    return PatientRead(
        id=row.id,
        mrn=row.mrn,
        national_health_id=row.national_health_id,
        first_name=row.first_name,
        last_name=row.last_name,
        alias=row.alias,
        date_of_birth=row.date_of_birth,
        sex=row.sex,
        phone=row.phone,
        emergency_contacts=row.emergency_contacts,
        insurance=None if policy is None else _insurance_read(policy),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _insurance_read(policy: InsurancePolicy) -> InsuranceRead:
    return InsuranceRead(
        payer=policy.payer,
        member_id=policy.member_id,
        plan=policy.plan,
        copay=float(policy.copay),
        coinsurance=float(policy.coinsurance),
        deductible=float(policy.deductible),
        deductible_met=float(policy.deductible_met),
    )


def _money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))
