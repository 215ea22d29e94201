"""Clinically relevant FHIR events start workflows on the whole running platform."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from .conftest import Running

pytestmark = pytest.mark.e2e


def _now(minutes_ago: int = 0) -> str:
    return (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat().replace("+00:00", "Z")


async def _patient(running: Running, mrn: str) -> str:
    response = await running.http.post(
        "/fhir/r4/Patient",
        json={
            "resourceType": "Patient",
            "identifier": [
                {"system": "urn:hospital:mrn", "value": mrn},
                {"system": "http://hl7.org/fhir/sid/us-ssn", "value": f"999-{mrn}"},
            ],
            "name": [{"family": "Monitor", "given": ["Mo"]}],
            "gender": "male",
            "birthDate": "1950-03-01",
        },
    )
    assert response.status_code == 201, response.text
    patient_id: str = response.json()["id"]
    return patient_id


def _spo2(patient_id: str, value: float) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "vital-signs",
                    }
                ]
            }
        ],
        "code": {"coding": [{"system": "http://loinc.org", "code": "59408-5"}]},
        "subject": {"reference": f"Patient/{patient_id}"},
        "effectiveDateTime": _now(1),
        "valueQuantity": {
            "value": value,
            "unit": "%",
            "system": "http://unitsofmeasure.org",
            "code": "%",
        },
    }


async def test_a_monitor_spo2_of_85_starts_emergency_device_and_it_completes(
    running: Running,
) -> None:
    patient_id = await _patient(running, "E2E-1")
    response = await running.http.post("/fhir/r4/Observation", json=_spo2(patient_id, 85))
    assert response.status_code == 201, response.text
    assert response.headers["x-workflow-type"] == "emergency_device"
    workflow = await running.wait_for(response.headers["x-workflow-id"], {"completed"}, within=20)
    assert workflow["type"] == "emergency_device"
    device = next(s for s in workflow["steps"] if s["agent"] == "device")
    assert device["output"]["emergency"] is True
    # The reading is where the device agent and triage read vitals.
    vitals = (await running.http.get(f"/api/v1/patients/{workflow['patient_id']}/vitals")).json()
    assert vitals["vitals"]["spo2"]["value"] == 85


def _glucose(patient_id: str, code: str, value: float, unit: str) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": code}]},
        "subject": {"reference": f"Patient/{patient_id}"},
        "effectiveDateTime": _now(1),
        "valueQuantity": {"value": value, "system": "http://unitsofmeasure.org", "code": unit},
    }


async def test_a_low_glucose_in_mmol_per_litre_starts_emergency_device(running: Running) -> None:
    patient_id = await _patient(running, "E2E-G1")
    low = _glucose(patient_id, "15074-8", 2.3, "mmol/L")  # 41 mg/dL
    response = await running.http.post("/fhir/r4/Observation", json=low)
    assert response.status_code == 201, response.text
    assert response.headers["x-workflow-type"] == "emergency_device"
    workflow = await running.wait_for(response.headers["x-workflow-id"], {"completed"}, within=20)
    triage = next(s for s in workflow["steps"] if s["agent"] == "triage")
    assert "esi.b.hypoglycaemia" in {r["rule"] for r in triage["output"]["reasons"]}
    vitals = (await running.http.get(f"/api/v1/patients/{workflow['patient_id']}/vitals")).json()
    assert round(vitals["vitals"]["glucose_mg_dl"]["value"]) == 41


async def test_a_normal_or_impossible_glucose(running: Running) -> None:
    patient_id = await _patient(running, "E2E-G2")
    normal = _glucose(patient_id, "2339-0", 110, "mg/dL")
    response = await running.http.post("/fhir/r4/Observation", json=normal)
    assert response.status_code == 201
    assert "x-workflow-id" not in response.headers
    impossible = _glucose(patient_id, "2339-0", 9000, "mg/dL")
    refused = await running.http.post("/fhir/r4/Observation", json=impossible)
    assert refused.status_code in (400, 422)
    assert refused.json()["resourceType"] == "OperationOutcome"
    assert refused.json()["issue"][0]["expression"] == ["Observation.valueQuantity.value"]


async def test_a_normal_spo2_starts_nothing(running: Running) -> None:
    patient_id = await _patient(running, "E2E-2")
    response = await running.http.post("/fhir/r4/Observation", json=_spo2(patient_id, 98))
    assert response.status_code == 201
    assert "x-workflow-id" not in response.headers


async def test_an_emer_encounter_under_way_starts_the_emergency_workflow(running: Running) -> None:
    patient_id = await _patient(running, "E2E-3")
    encounter = {
        "resourceType": "Encounter",
        "status": "in-progress",
        "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "EMER"},
        "subject": {"reference": f"Patient/{patient_id}"},
        "period": {"start": _now(2)},
        "reasonCode": [{"text": "chest pain"}],
    }
    bundle = {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [
            {
                "fullUrl": f"urn:uuid:{uuid.uuid4()}",
                "resource": encounter,
                "request": {"method": "POST", "url": "Encounter"},
            }
        ],
    }
    response = await running.http.post("/fhir/r4", content=json.dumps(bundle))
    assert response.status_code == 200, response.text
    outcome = response.json()["entry"][0]["response"]["outcome"]
    text = outcome["issue"][0]["diagnostics"]
    assert text.startswith("started workflow emergency ")
    workflow = await running.wait_for(text.rsplit(" ", 1)[1], {"completed", "running"}, within=10)
    assert workflow["type"] == "emergency"
    # Posting the encounter again (an update) starts no second workflow.
    location = response.json()["entry"][0]["response"]["location"].rsplit("/_history", 1)[0]
    stored = (await running.http.get(f"/fhir/r4/{location}")).json()
    again = await running.http.put(f"/fhir/r4/{location}", json=stored)
    assert again.status_code == 200
    assert "x-workflow-id" not in again.headers
