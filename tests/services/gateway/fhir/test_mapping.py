"""FHIR Patient to platform patient: matched, never overwritten, gaps filled."""

from __future__ import annotations

from datetime import date
from typing import Any

from admission import service as admission
from admission.models import PatientCreate
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from gateway.fhir.mapping import map_patient

SSN = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "SS"}]}


def fhir_patient(**changes: Any) -> dict[str, Any]:
    return {
        "resourceType": "Patient",
        "identifier": [{"type": SSN, "value": "999-12-3456"}],
        "name": [{"use": "official", "family": "Other", "given": ["Name"]}],
        "gender": "female",
        "birthDate": "1980-07-14",
        "telecom": [{"system": "phone", "value": "+1 555 0100"}],
        **changes,
    }


async def test_a_fhir_patient_fills_what_the_desk_left_empty(platform: Platform) -> None:
    async with platform.db.transaction() as session:
        desk, _ = await admission.ensure_patient(
            session,
            patient=PatientCreate(
                national_health_id="999-12-3456", first_name="Ngozi", last_name="Okafor"
            ),
            now=utcnow(),
        )
    async with platform.db.transaction() as session:
        assert await map_patient(session, fhir_patient(), "p1") == desk.id
    async with platform.db.session() as session:
        patient = await admission.get_patient(session, patient_id=desk.id)
    assert patient is not None
    # What the desk entered stands...
    assert (patient.first_name, patient.last_name) == ("Ngozi", "Okafor")
    # ...and the gaps are filled.
    assert patient.phone == "+1 555 0100"
    assert patient.sex == "female"
    assert patient.date_of_birth == date(1980, 7, 14)


async def test_a_fhir_patient_never_replaces_recorded_values(platform: Platform) -> None:
    async with platform.db.transaction() as session:
        desk, _ = await admission.ensure_patient(
            session,
            patient=PatientCreate(
                national_health_id="999-12-3456",
                first_name="Ngozi",
                last_name="Okafor",
                sex="male",
                phone="+1 555 0199",
                date_of_birth=date(1981, 1, 1),
            ),
            now=utcnow(),
        )
    async with platform.db.transaction() as session:
        await map_patient(session, fhir_patient(), "p1")
    async with platform.db.session() as session:
        patient = await admission.get_patient(session, patient_id=desk.id)
    assert patient is not None
    assert (patient.sex, patient.phone, patient.date_of_birth) == (
        "male",
        "+1 555 0199",
        date(1981, 1, 1),
    )
    assert patient.updated_at == desk.updated_at
