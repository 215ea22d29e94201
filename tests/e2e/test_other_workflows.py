"""Regular appointments, device scans and device emergencies end to end, plus the
override, board, live-update and stateless-triage routes."""

from __future__ import annotations

import json
from typing import Any

import websockets

from emergisphere_runtime.messages import derived_id
from emergisphere_runtime.testing import login

from .conftest import Running

# A demo patient seeded in development mode (with insurance and two devices).
DEMO_NHID = "943-476-5919"
DEMO_PATIENT = {
    "national_health_id": DEMO_NHID,
    "first_name": "John",
    "last_name": "Carter",
    "date_of_birth": "1958-03-14",
    "sex": "male",
}


def by_agent(workflow: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["agent"]: s for s in workflow["steps"]}


async def register_device(running: Running, serial: str) -> dict[str, Any]:
    patient_id = derived_id("patient", DEMO_NHID)
    response = await running.http.post(
        "/api/v1/devices",
        json={"patient_id": patient_id, "kind": "multiparameter_monitor", "serial": serial},
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_regular_appointment_books_a_slot_and_confirms_it(running: Running) -> None:
    response = await running.http.post(
        "/api/v1/appointments",
        json={
            "patient": DEMO_PATIENT,
            "reason": "follow-up of palpitations",
            "specialty": "cardiology",
        },
    )
    assert response.status_code in (201, 202), response.text
    accepted = response.json()
    workflow = await running.wait_for(accepted["workflow_id"], {"completed"})
    steps = by_agent(workflow)
    assert [s["agent"] for s in workflow["steps"]] == [
        "admission",
        "triage",
        "records",
        "device",
        "billing",
        "scheduling",
        "communication",
    ]
    assert all(s["status"] == "completed" for s in workflow["steps"])
    booked = steps["scheduling"]["output"]
    assert booked["specialty"] == "cardiology"
    assert booked["appointment_id"]
    # The request carried no phone: the confirmation goes to the number on file.
    templates = {m["template"] for m in steps["communication"]["output"]["messages"]}
    assert "appointment_confirmation" in templates
    # Regular visits may ask for payment after screening; the demo patient is insured.
    assert steps["billing"]["output"]["cpt_code"] in ("99213", "99214")
    # Records found the demo patient's aspirin allergy on file.
    assert "aspirin" in steps["records"]["output"]["allergies"]
    appointments = await running.http.get(f"/api/v1/patients/{accepted['patient_id']}/appointments")
    assert [a["id"] for a in appointments.json()] == [booked["appointment_id"]]


async def test_a_normal_device_scan_runs_the_device_scan_workflow(running: Running) -> None:
    device = await register_device(running, "E2E-MM-1")
    response = await running.http.post(
        f"/api/v1/devices/{device['id']}/scans",
        json={
            "heart_rate": 72,
            "respiratory_rate": 14,
            "spo2": 98,
            "systolic_bp": 124,
            "temperature_c": 36.8,
            "consciousness": "A",
        },
    )
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert accepted["workflow_type"] == "device_scan"
    assert accepted["check"]["emergency"] is False
    workflow = await running.wait_for(accepted["workflow_id"], {"completed"})
    assert [s["agent"] for s in workflow["steps"]] == ["device", "records", "communication"]
    assert by_agent(workflow)["device"]["output"]["emergency"] is False
    vitals = (await running.http.get(f"/api/v1/devices/{device['id']}/vitals")).json()
    assert vitals["vitals"]["heart_rate"]["value"] == 72


async def test_a_dangerous_device_reading_starts_the_emergency_chain(running: Running) -> None:
    device = await register_device(running, "E2E-MM-2")
    response = await running.http.post(
        f"/api/v1/devices/{device['id']}/scans",
        json={
            "heart_rate": 142,
            "respiratory_rate": 28,
            "spo2": 86,
            "systolic_bp": 84,
            "consciousness": "A",
        },
    )
    accepted = response.json()
    assert accepted["workflow_type"] == "emergency_device"
    assert accepted["check"]["emergency"] is True
    workflow = await running.wait_for(accepted["workflow_id"], {"completed"})
    assert [s["agent"] for s in workflow["steps"]] == [
        "device",
        "triage",
        "communication",
        "admission",
    ]
    steps = by_agent(workflow)
    assert steps["device"]["output"]["emergency"] is True
    assert steps["triage"]["output"]["acuity"] <= 2
    assert [a["status"] for a in workflow["alerts"]] == ["completed"]  # staff paged


async def test_a_low_glucose_from_a_monitor_starts_the_emergency_chain(running: Running) -> None:
    device = await register_device(running, "E2E-CGM-1")
    response = await running.http.post(
        f"/api/v1/devices/{device['id']}/scans", json={"glucose_mg_dl": 41}
    )
    accepted = response.json()
    assert accepted["workflow_type"] == "emergency_device", accepted
    assert "device.glucose_below_54" in {r["rule"] for r in accepted["check"]["reasons"]}
    workflow = await running.wait_for(accepted["workflow_id"], {"completed"})
    triage = by_agent(workflow)["triage"]["output"]
    assert triage["acuity"] <= 2
    assert "esi.b.hypoglycaemia" in {r["rule"] for r in triage["reasons"]}
    bad = await running.http.post(
        f"/api/v1/devices/{device['id']}/scans", json={"glucose_mg_dl": 0}
    )
    assert bad.status_code == 422


async def test_emergency_check_of_latest_readings(running: Running) -> None:
    device = await register_device(running, "E2E-MM-3")
    await running.http.post(
        f"/api/v1/devices/{device['id']}/scans", json={"spo2": 84, "heart_rate": 130}
    )
    check = (await running.http.post(f"/api/v1/devices/{device['id']}/emergency-check")).json()
    assert check["check"]["emergency"] is True
    assert check["workflow_id"]
    await running.wait_for(check["workflow_id"], {"completed"})
    report = await running.http.post(
        f"/api/v1/devices/{device['id']}/reports",
        json={"kind": "ecg_summary", "summary": "sinus tachycardia", "data": {"rate": 130}},
    )
    assert report.status_code == 201
    assert (await running.http.get("/api/v1/devices/nope")).status_code == 404


async def test_clinician_override_changes_acuity_with_an_audit_trail(running: Running) -> None:
    intake = {
        "patient": {"first_name": "Ada", "last_name": "Park", "date_of_birth": "1990-04-04"},
        "chief_complaint": "sprained ankle",
        "arrival_mode": "walk_in",
        "vitals": {
            "heart_rate": 78,
            "respiratory_rate": 14,
            "spo2": 99,
            "systolic_bp": 122,
            "pain_score": 3,
        },
    }
    accepted = (await running.http.post("/api/v1/intakes", json=intake)).json()
    assert accepted["triage"]["acuity"] >= 3
    workflow_id = accepted["workflow_id"]
    await running.wait_for(workflow_id, {"completed"})
    response = await running.http.post(
        f"/api/v1/workflows/{workflow_id}/override",
        json={
            "action": "change_acuity",
            "acuity": 2,
            "reason": "ankle is cold and pulseless",
        },
    )
    assert response.status_code == 200, response.text
    assert response.json()["acuity"] == 2
    audit = (await running.http.get(f"/api/v1/workflows/{workflow_id}/audit")).json()
    # The actor is whoever signed in, never what the body claims.
    assert [(a["actor"], a["action"]) for a in audit] == [("dev-clinician", "change_acuity")]
    assert audit[0]["detail"]["acuity"] == 2
    # Raising to ESI 2 pages staff even after the chain finished.
    workflow = await running.wait_for(workflow_id, {"completed"})
    assert [a["status"] for a in workflow["alerts"]] == ["completed"]
    bad = await running.http.post(
        f"/api/v1/workflows/{workflow_id}/override",
        json={"action": "skip", "step": "nope", "actor": "dev-clinician", "reason": "typo"},
    )
    assert bad.status_code == 409
    impostor = await running.http.post(
        f"/api/v1/workflows/{workflow_id}/override",
        json={"action": "change_acuity", "acuity": 1, "actor": "dr.house", "reason": "spoof"},
    )
    assert impostor.status_code == 422
    assert impostor.json()["detail"][0]["field"] == "actor"
    audit = (await running.http.get(f"/api/v1/workflows/{workflow_id}/audit")).json()
    assert len(audit) == 1  # the refused override changed nothing
    missing = await running.http.post(
        f"/api/v1/workflows/{workflow_id}/override",
        json={"action": "change_acuity", "reason": "no level"},
    )
    assert missing.status_code == 422


async def test_live_updates_and_the_board(running: Running) -> None:
    patient_id = derived_id("patient", "LIVE-0001")
    port = running.http.base_url.port
    intake = {
        "patient": {"national_health_id": "LIVE-0001"},
        "chief_complaint": "shortness of breath",
        "arrival_mode": "ambulance",
        "vitals": {"respiratory_rate": 30, "spo2": 88},
    }
    # Browsers cannot set headers on a WebSocket: the token rides in the query string.
    token = (await login(running.http, "clinician"))["Authorization"].removeprefix("Bearer ")
    live = f"ws://127.0.0.1:{port}/ws/patient/{patient_id}?access_token={token}"
    async with websockets.connect(live) as ws:
        accepted = (await running.http.post("/api/v1/intakes", json=intake)).json()
        assert accepted["patient_id"] == patient_id
        kinds = []
        while "workflow_completed" not in kinds:
            event = json.loads(await ws.recv())
            assert event["workflow_id"] == accepted["workflow_id"]
            kinds.append(event["kind"])
    assert kinds[0] == "step_started"
    assert "staff_alerted" in kinds
    board = (await running.http.get("/api/v1/board")).json()
    assert all(row["workflow_id"] != accepted["workflow_id"] for row in board)  # completed


async def test_stateless_triage_stores_nothing(running: Running) -> None:
    response = await running.http.post(
        "/api/v1/triage/assess",
        json={
            "chief_complaint": "facial droop and slurred speech",
            "vitals": {"heart_rate": 88, "systolic_bp": 182},
        },
    )
    assert response.status_code == 200, response.text
    assert response.json()["acuity"] <= 2
    assert "stroke_pathway" in response.json()["immediate_actions"]
    narrative = await running.http.post(
        "/api/v1/triage/assess", json={"narrative": "dog bite to the hand, bleeding controlled"}
    )
    assert narrative.status_code == 200
    assert (await running.http.get("/api/v1/workflows")).json() == []
    assert (await running.http.post("/api/v1/triage/assess", json={})).status_code == 422
