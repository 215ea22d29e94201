"""Accepted FHIR resources into the platform: patients, encounters, medical records and
vital-sign readings, through the admission, records and device services' models.

Also decides the events: an EMER Encounter that is under way starts ``emergency``; a
recent vital sign that brings the patient's NEWS2 to 5 or more, or scores 3 on one
parameter, starts ``emergency_device``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from admission import rules as admission_rules
from admission import service as admission
from admission.models import Encounter, Patient, PatientCreate
from device import service as devices
from device.rules import glucose_alarm
from device.service import READINGS, timestamp
from device.vitals import GLUCOSE, glucose_from_dict, vital_signs_from_dict
from emergisphere_clinical import score_news2
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.messages import derived_id
from emergisphere_runtime.platform import Platform
from gateway.fhir.outcome import invalid
from gateway.fhir.validation import parse_instant
from records import service as records
from records.models import AllergyCreate, ConditionCreate, MedicationCreate

SOURCE: Final = "fhir"
LOINC: Final = "http://loinc.org"
# LOINC code -> the vital's name in the device and triage services.
VITALS: Final = {
    "8867-4": "heart_rate",
    "9279-1": "respiratory_rate",
    "59408-5": "spo2",
    "2708-6": "spo2",
    "8480-6": "systolic_bp",
    "8462-4": "diastolic_bp",
    "8310-5": "temperature_c",
    # Blood glucose: capillary by meter, whole blood, serum or plasma; mass or molar.
    "41653-7": GLUCOSE,
    "2339-0": GLUCOSE,
    "2345-7": GLUCOSE,
    "14743-9": GLUCOSE,
    "15074-8": GLUCOSE,
    "14749-6": GLUCOSE,
}
# Glucose's molar mass is 180.16 g/mol: 1 mmol/L is 18.016 mg/dL.
MG_DL_PER_MMOL_L: Final = 18.016
MOLAR_GLUCOSE_CODES: Final = frozenset({"14743-9", "15074-8", "14749-6"})
BLOOD_PRESSURE_PANEL: Final = "85354-9"
MAPPED_OBSERVATION_STATUS: Final = frozenset({"preliminary", "final", "amended", "corrected"})
# Only readings this recent are events; older ones are history (the device agent's window).
EVENT_WINDOW: Final = timedelta(hours=24)
CLOCK_SKEW: Final = timedelta(minutes=5)
NEWS2_EVENT_SCORE: Final = 5
ACTIVE_ENCOUNTER: Final = frozenset({"arrived", "triaged", "in-progress"})
ENCOUNTER_KIND: Final = {
    "EMER": "emergency",
    "AMB": "ambulatory",
    "VR": "virtual",
    "IMP": "inpatient",
    "HH": "home",
}
NATIONAL_ID_TYPES: Final = frozenset({"SS", "NH", "NI", "SB"})
NATIONAL_ID_SYSTEMS: Final = frozenset({"http://hl7.org/fhir/sid/us-ssn"})
MAX_TEXT: Final = 200


@dataclass
class Reading:
    patient_id: str
    device_id: str
    measured_at: datetime
    vitals: dict[str, float] = field(default_factory=dict)


@dataclass
class Planned:
    """A workflow to start in the same transaction."""

    workflow_type: str
    workflow_id: str
    patient_id: str
    resource_key: str
    encounter_id: str | None = None
    chief_complaint: str = ""
    arrived_at: datetime | None = None
    reading: Reading | None = None


@dataclass
class MappingResult:
    readings: dict[str, Reading] = field(default_factory=dict)
    # Devices registered in this unit, by serial.
    devices: dict[str, str] = field(default_factory=dict)
    workflows: list[Planned] = field(default_factory=list)


def _text(concept: Any) -> str | None:
    if not isinstance(concept, dict):
        return None
    if isinstance(concept.get("text"), str):
        return str(concept["text"])[:MAX_TEXT]
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict):
            label = coding.get("display") or coding.get("code")
            if isinstance(label, str):
                return label[:MAX_TEXT]
    return None


def _codes(concept: Any) -> list[tuple[str, str]]:
    if not isinstance(concept, dict):
        return []
    return [
        (str(c.get("system") or ""), str(c.get("code")))
        for c in concept.get("coding") or []
        if isinstance(c, dict) and isinstance(c.get("code"), str)
    ]


def _first_code(concept: Any) -> str | None:
    codes = _codes(concept)
    return codes[0][1][:64] if codes else None


def national_id(resource: dict[str, Any]) -> str | None:
    for ident in resource.get("identifier") or []:
        value = ident.get("value")
        if not isinstance(value, str) or len(value) > 64:
            continue
        type_codes = {code for _, code in _codes(ident.get("type"))}
        if type_codes & NATIONAL_ID_TYPES or ident.get("system") in NATIONAL_ID_SYSTEMS:
            return value
    return None


def patient_create(resource: dict[str, Any]) -> PatientCreate:
    names = [n for n in resource.get("name") or [] if isinstance(n, dict)]
    official = next((n for n in names if n.get("use") == "official"), names[0] if names else {})
    given = official.get("given") or []
    phones = [
        t.get("value")
        for t in resource.get("telecom") or []
        if t.get("system") == "phone" and isinstance(t.get("value"), str)
    ]
    birth = resource.get("birthDate")
    return PatientCreate(
        national_health_id=national_id(resource),
        first_name=given[0][:100] if given else None,
        last_name=str(official["family"])[:100] if official.get("family") else None,
        date_of_birth=admission_rules.parse_date_of_birth(
            birth if isinstance(birth, str) else None
        ),
        sex=str(resource.get("gender") or "unknown"),
        phone=phones[0][:32] if phones else None,
    )


async def map_patient(session: AsyncSession, resource: dict[str, Any], fhir_id: str) -> str:
    """The platform patient for a FHIR Patient: matched by national id (or name and birth
    date), else created. An existing record is never overwritten from FHIR; fields it
    lacks (a phone, a birth date, a sex recorded as unknown) are filled."""
    data = patient_create(resource)
    now = utcnow()
    if data.national_health_id is not None:
        patient, _ = await admission.ensure_patient(session, patient=data, now=now)
        await admission.fill_gaps(session, patient_id=patient.id, data=data, now=now)
        return patient.id
    found = await admission.find_patient(
        session,
        national_health_id=None,
        first_name=data.first_name,
        last_name=data.last_name,
        date_of_birth=data.date_of_birth,
    )
    if found is not None:
        await admission.fill_gaps(session, patient_id=found.id, data=data, now=now)
        return found.id
    patient_id = admission_rules.patient_id_for(
        national_health_id=None, workflow_id=f"fhir:Patient/{fhir_id}"
    )
    if await session.get(Patient, patient_id) is not None:
        return patient_id
    for attempt in range(admission.MAX_MRN_ATTEMPTS):
        mrn = admission_rules.mrn_for(patient_id, attempt=attempt)
        if not await session.scalar(select(exists().where(Patient.mrn == mrn))):
            break
    session.add(
        Patient(
            id=patient_id,
            national_health_id=None,
            mrn=mrn,
            first_name=data.first_name,
            last_name=data.last_name,
            name_key=admission_rules.name_key(data.first_name, data.last_name),
            alias=None,
            date_of_birth=data.date_of_birth,
            sex=data.sex,
            phone=data.phone,
            emergency_contacts=[],
            created_at=now,
            updated_at=now,
        )
    )
    await session.flush()
    return patient_id


def encounter_workflow_id(fhir_id: str) -> str:
    """The id the encounter row (and an emergency workflow it starts) is keyed by."""
    return derived_id("fhir-encounter", fhir_id)


async def map_encounter(
    session: AsyncSession, resource: dict[str, Any], fhir_id: str, patient_id: str
) -> Planned | None:
    """Open or update the encounter row; an EMER encounter under way plans ``emergency``."""
    workflow_id = encounter_workflow_id(fhir_id)
    klass = resource.get("class") or {}
    class_code = str(klass.get("code") or "")
    period = resource.get("period") or {}
    started = parse_instant(period["start"]) if isinstance(period.get("start"), str) else None
    started = started if started is None or started.tzinfo else started.replace(tzinfo=UTC)
    status = str(resource.get("status"))
    row = await session.scalar(select(Encounter).where(Encounter.workflow_id == workflow_id))
    if row is None:
        row = Encounter(
            id=admission_rules.encounter_id_for(workflow_id),
            patient_id=patient_id,
            workflow_id=workflow_id,
            kind=ENCOUNTER_KIND.get(class_code, "other"),
            status=status,
            arrival_mode=None,
            arrived_at=started,
            opened_at=started or utcnow(),
            matched_by=SOURCE,
            patient_created=False,
        )
        session.add(row)
    else:
        row.status = status
        row.arrived_at = started or row.arrived_at
    if class_code != "EMER" or status not in ACTIVE_ENCOUNTER:
        return None
    complaint = next(
        (t for t in map(_text, resource.get("reasonCode") or resource.get("type") or []) if t),
        "emergency encounter",
    )
    return Planned(
        workflow_type="emergency",
        workflow_id=workflow_id,
        patient_id=patient_id,
        resource_key=f"Encounter/{fhir_id}",
        encounter_id=row.id,
        chief_complaint=complaint,
        arrived_at=started,
    )


async def map_record(
    session: AsyncSession, resource: dict[str, Any], patient_id: str, now: datetime
) -> None:
    """Condition, AllergyIntolerance, MedicationStatement/Request -> medical records."""
    kind = resource["resourceType"]
    if kind == "Condition":
        name = _text(resource.get("code"))
        if name is None:
            return
        clinical = {code for _, code in _codes(resource.get("clinicalStatus"))}
        status = (
            "active"
            if clinical & {"active", "recurrence", "relapse"} or not clinical
            else "resolved"
        )
        await records.add_condition(
            session,
            patient_id=patient_id,
            condition=ConditionCreate(
                name=name, code=_first_code(resource.get("code")), status=status, source=SOURCE
            ),
            now=now,
        )
    elif kind == "AllergyIntolerance":
        substance = _text(resource.get("code"))
        if substance is None:
            return
        reactions = resource.get("reaction") or [{}]
        manifestation = (reactions[0].get("manifestation") or [None])[0]
        await records.add_allergy(
            session,
            patient_id=patient_id,
            allergy=AllergyCreate(
                substance=substance,
                reaction=_text(manifestation),
                criticality=resource.get("criticality"),
                source=SOURCE,
            ),
            now=now,
        )
    elif kind in ("MedicationStatement", "MedicationRequest"):
        name = _text(resource.get("medicationCodeableConcept"))
        reference = resource.get("medicationReference") or {}
        name = name or (str(reference["display"])[:MAX_TEXT] if reference.get("display") else None)
        if name is None:
            return
        dosages = resource.get("dosageInstruction") or resource.get("dosage") or [{}]
        dosage = dosages[0].get("text")
        active = resource.get("status") in ("active", "on-hold", "intended", "draft")
        await records.add_medication(
            session,
            patient_id=patient_id,
            medication=MedicationCreate(
                name=name,
                dosage=str(dosage)[:MAX_TEXT] if dosage else None,
                status="active" if active else "stopped",
                source=SOURCE,
            ),
            now=now,
        )


def _quantity_value(quantity: Any, code: str) -> float | None:
    if not isinstance(quantity, dict) or not isinstance(quantity.get("value"), int | float):
        return None
    value, vital, unit = float(quantity["value"]), VITALS[code], quantity.get("code")
    if vital == "temperature_c" and unit == "[degF]":
        value = (value - 32) * 5 / 9
    if vital == GLUCOSE and (unit == "mmol/L" or (unit is None and code in MOLAR_GLUCOSE_CODES)):
        value *= MG_DL_PER_MMOL_L
    return value


def vital_values(resource: dict[str, Any]) -> list[tuple[str, float, str]]:
    """(vital name, value, FHIRPath of the value) of a vital-sign Observation."""
    found: list[tuple[str, float, str]] = []
    codes = {code for system, code in _codes(resource.get("code")) if system == LOINC}
    for code in codes & VITALS.keys():
        value = _quantity_value(resource.get("valueQuantity"), code)
        if value is not None:
            found.append((VITALS[code], value, "Observation.valueQuantity.value"))
    for index, component in enumerate(resource.get("component") or []):
        for system, code in _codes(component.get("code")):
            if system == LOINC and code in VITALS:
                value = _quantity_value(component.get("valueQuantity"), code)
                if value is not None:
                    path = f"Observation.component[{index}].valueQuantity.value"
                    found.append((VITALS[code], value, path))
    return found


def effective(resource: dict[str, Any]) -> datetime | None:
    period = resource.get("effectivePeriod") or {}
    text = (
        resource.get("effectiveDateTime") or resource.get("effectiveInstant") or period.get("start")
    )
    moment = parse_instant(text) if isinstance(text, str) else None
    return None if moment is None or moment.tzinfo is None else moment


async def map_vitals(
    session: AsyncSession,
    resource: dict[str, Any],
    patient_id: str,
    result: MappingResult,
    path: str,
) -> None:
    """Vital-sign values -> one device reading per device and instant."""
    if resource.get("status") not in MAPPED_OBSERVATION_STATUS:
        return
    values = vital_values(resource)
    measured_at = effective(resource)
    if not values or measured_at is None:
        return
    checked = {}
    for name, value, value_path in values:
        try:
            vital_signs_from_dict({name: value})
            glucose_from_dict({name: value})
        except (ValueError, TypeError):
            raise invalid(
                "value",
                "vital sign outside the physiological range",
                path + value_path.removeprefix("Observation"),
            ) from None
        checked[name] = value
    device_ref = (resource.get("device") or {}).get("reference")
    serial = f"fhir:{device_ref}" if device_ref else f"fhir:feed:{patient_id}"
    device_id = result.devices.get(serial)
    if device_id is None:
        device = await devices.register_device(
            session,
            patient_id=patient_id,
            kind="multiparameter_monitor",
            serial=serial[:128],
            label="FHIR vital signs",
        )
        device_id = result.devices[serial] = device.id
    reading_id = derived_id("reading", device_id, timestamp(measured_at))
    reading = result.readings.get(reading_id)
    if reading is None:
        reading = Reading(patient_id=patient_id, device_id=device_id, measured_at=measured_at)
        result.readings[reading_id] = reading
    reading.vitals.update(checked)


async def stage_readings(
    platform: Platform, result: MappingResult
) -> list[tuple[str, dict[str, Any]]]:
    """Reading documents, merged with what an earlier reading of the same instant holds."""
    documents = []
    for reading_id, reading in result.readings.items():
        stored = await platform.docs.get(READINGS, reading_id)
        vitals = {**(stored or {}).get("vitals", {}), **reading.vitals}
        documents.append(
            (
                reading_id,
                {
                    "device_id": reading.device_id,
                    "patient_id": reading.patient_id,
                    "measured_at": timestamp(reading.measured_at),
                    "vitals": vitals,
                    "workflow_id": (stored or {}).get("workflow_id"),
                },
            )
        )
    return documents


async def plan_vital_events(
    platform: Platform, result: MappingResult, now: datetime
) -> list[Planned]:
    """``emergency_device`` for each patient whose recent vitals now cross the threshold."""
    planned: list[Planned] = []
    newest: dict[str, tuple[str, Reading]] = {}
    for reading_id, reading in result.readings.items():
        if not now - EVENT_WINDOW <= reading.measured_at <= now + CLOCK_SKEW:
            continue
        current = newest.get(reading.patient_id)
        if current is None or reading.measured_at > current[1].measured_at:
            newest[reading.patient_id] = (reading_id, reading)
    for patient_id, (reading_id, reading) in newest.items():
        latest = await devices.latest_vitals(
            platform.docs, patient_id=patient_id, since=now - EVENT_WINDOW
        )
        combined: dict[str, Any] = {name: v.value for name, v in latest.vitals.items()}
        for other in sorted(result.readings.values(), key=lambda r: r.measured_at):
            if other.patient_id == patient_id and other.measured_at >= now - EVENT_WINDOW:
                combined.update(other.vitals)
        news2 = score_news2(vital_signs_from_dict(combined))
        low_glucose = glucose_alarm(glucose_from_dict(combined)) is not None
        if news2.score >= NEWS2_EVENT_SCORE or news2.single_parameter_red or low_glucose:
            planned.append(
                Planned(
                    workflow_type="emergency_device",
                    workflow_id=derived_id("fhir-vitals", reading_id),
                    patient_id=patient_id,
                    resource_key=reading_id,
                    reading=reading,
                )
            )
    return planned
