"""Object-level access: break-glass grants (audited, time-limited), integrations limited
to the devices they registered, the admin-only audit API, and live updates."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
import websockets
from fastapi import FastAPI
from sqlalchemy import update

from admission import service as admission
from admission.models import PatientCreate
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from gateway.security.models import BreakGlassGrant
from gateway.security.testing import bearer
from gateway.server import Gateway


@pytest.fixture
async def patient_id(platform: Platform) -> str:
    async with platform.db.transaction() as session:
        patient, _ = await admission.ensure_patient(
            session,
            patient=PatientCreate(national_health_id="300-555-0142", first_name="Iris"),
            now=utcnow(),
        )
    return patient.id


async def test_break_glass_opens_one_patient_for_a_while_and_is_audited(
    app: FastAPI, http: httpx.AsyncClient, platform: Platform, patient_id: str
) -> None:
    desk = bearer(app, "desk", name="desk-7")
    history = f"/api/v1/patients/{patient_id}/history"
    assert (await http.get(history, headers=desk)).status_code == 403

    too_short = await http.post(
        "/api/v1/auth/break-glass", json={"patient_id": patient_id, "reason": "x"}, headers=desk
    )
    assert too_short.status_code == 422
    unknown = await http.post(
        "/api/v1/auth/break-glass",
        json={"patient_id": "nobody", "reason": "unconscious, allergies?"},
        headers=desk,
    )
    assert unknown.status_code == 404
    granted = await http.post(
        "/api/v1/auth/break-glass",
        json={"patient_id": patient_id, "reason": "unconscious, allergies?"},
        headers=desk,
    )
    assert granted.status_code == 201, granted.text
    assert (await http.get(history, headers=desk)).status_code == 200
    # Only that patient, and only that user.
    assert (await http.get(history, headers=bearer(app, "desk", name="desk-8"))).status_code == 403

    trail = await http.get(
        "/api/v1/audit", params={"patient_id": patient_id}, headers=bearer(app, "admin")
    )
    actions = [(e["actor"], e["action"], e["purpose"]) for e in trail.json()]
    assert ("desk-7", "break_glass", "break_glass") in actions
    assert ("desk-7", "break_glass_access", "break_glass") in actions
    refused = [e for e in trail.json() if e["outcome"] == 403]
    assert refused, "refused attempts are on record too"

    async with platform.db.transaction() as session:
        await session.execute(
            update(BreakGlassGrant).values(expires_at=utcnow() - timedelta(seconds=1))
        )
    assert (await http.get(history, headers=desk)).status_code == 403


async def test_integrations_reach_only_the_devices_they_registered(
    app: FastAPI, http: httpx.AsyncClient, patient_id: str
) -> None:
    lab_a = bearer(app, "integration", name="client-a")
    lab_b = bearer(app, "integration", name="client-b")
    registered = await http.post(
        "/api/v1/devices",
        json={"patient_id": patient_id, "kind": "pulse_oximeter", "serial": "SN-1"},
        headers=lab_a,
    )
    assert registered.status_code == 201, registered.text
    device = registered.json()["id"]
    assert (await http.get(f"/api/v1/devices/{device}", headers=lab_a)).status_code == 200
    other = await http.get(f"/api/v1/devices/{device}", headers=lab_b)
    assert other.status_code == 403
    assert "another client" in other.json()["detail"]
    assert (
        await http.get(f"/api/v1/devices/{device}", headers=bearer(app, "clinician"))
    ).status_code == 200


async def test_every_patient_data_request_is_audited_with_its_context(
    app: FastAPI, http: httpx.AsyncClient, patient_id: str
) -> None:
    headers = {
        **bearer(app, "billing", name="biller-3"),
        "X-Request-ID": "req-42",
        "X-Purpose-Of-Use": "payment",
    }
    assert (await http.get(f"/api/v1/patients/{patient_id}", headers=headers)).status_code == 200
    bad_purpose = await http.get(
        f"/api/v1/patients/{patient_id}", headers={**headers, "X-Purpose-Of-Use": "curiosity"}
    )
    assert bad_purpose.status_code == 400
    assert (await http.get("/api/v1/audit", headers=bearer(app, "desk"))).status_code == 403
    entries = (await http.get("/api/v1/audit", headers=bearer(app, "admin"))).json()
    entry = next(e for e in entries if e["request_id"] == "req-42" and e["outcome"] == 200)
    assert entry["actor"] == "biller-3"
    assert entry["role"] == "billing"
    assert entry["action"] == "read"
    assert entry["resource"] == "GET /api/v1/patients/{patient_id}"
    assert entry["patient_id"] == patient_id
    assert entry["purpose"] == "payment"
    assert entry["outcome"] == 200
    assert entry["at"]


async def test_websocket_needs_a_token_and_a_role(platform: Platform, patient_id: str) -> None:
    platform.settings = platform.settings.model_copy(update={"http_port": 0})
    gateway = Gateway(platform)
    await gateway.start()
    try:
        base = f"ws://127.0.0.1:{gateway.port}/ws/patient/{patient_id}"
        for query in ("", "?access_token=garbage"):
            with pytest.raises(websockets.exceptions.InvalidStatus):
                await websockets.connect(base + query)
        billing = bearer(gateway.app, "billing")["Authorization"].removeprefix("Bearer ")
        with pytest.raises(websockets.exceptions.InvalidStatus):
            await websockets.connect(f"{base}?access_token={billing}")
        desk = bearer(gateway.app, "desk")["Authorization"].removeprefix("Bearer ")
        async with websockets.connect(f"{base}?access_token={desk}") as ws:
            await ws.ping()
        await asyncio.sleep(0)
    finally:
        await gateway.stop()
