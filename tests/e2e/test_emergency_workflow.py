"""Emergency intake end to end: the acceptance scenario of the platform core."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import func, select

from emergisphere_runtime.workflow.models import Workflow

from .conftest import Running

CHEST_PAIN: dict[str, Any] = {
    "patient": {
        "national_health_id": "300-555-0101",
        "first_name": "Walter",
        "last_name": "Stone",
        "date_of_birth": "1959-02-11",
        "sex": "male",
        "phone": "+15550123456",
        "emergency_contacts": [
            {"name": "Rita Stone", "relationship": "spouse", "phone": "+15550123457"}
        ],
        "insurance": {
            "payer": "Acme Health",
            "member_id": "ACM-1",
            "copay": 150,
            "coinsurance": 0.2,
            "deductible": 1000,
            "deductible_met": 200,
        },
    },
    "chief_complaint": "chest pain",
    "arrival_mode": "ambulance",
    "vitals": {
        "heart_rate": 118,
        "respiratory_rate": 24,
        "spo2": 91,
        "systolic_bp": 92,
        "consciousness": "A",
    },
}

AGENTS = [
    "triage",
    "admission",
    "legal",
    "records",
    "device",
    "billing",
    "communication",
    "scheduling",
]


async def test_chest_pain_is_triaged_urgent_and_the_whole_chain_completes(
    running: Running,
) -> None:
    response = await running.http.post("/api/v1/intakes", json=CHEST_PAIN)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["triage"]["acuity"] in (1, 2)
    assert body["triage"]["news2"]["score"] >= 7
    assert body["triage"]["reasons"]

    workflow = await running.wait_for(body["workflow_id"], {"completed"}, within=5)
    steps = {s["agent"]: s for s in workflow["steps"]}
    assert sorted(steps) == sorted(AGENTS)
    for agent, step in steps.items():
        assert step["status"] == "completed", agent
        assert step["output"], agent
        assert step["started_at"]
        assert step["finished_at"]

    # Staff heard at once (ESI 1-2).
    assert [a["status"] for a in workflow["alerts"]] == ["completed"]
    staff = workflow["alerts"][0]["output"]["messages"]
    assert staff
    assert all(m["audience"] == "staff" for m in staff)

    assert steps["admission"]["output"]["patient_id"] == body["patient_id"]
    assert steps["admission"]["output"]["encounter_id"]
    assert steps["billing"]["output"]["cpt_code"] == "99285"
    assert steps["billing"]["output"]["payment_requested"] is False
    assert steps["scheduling"]["output"]["appointment_id"]
    assert any(m["audience"] == "family" for m in steps["communication"]["output"]["messages"])

    patient = await running.http.get(f"/api/v1/patients/{body['patient_id']}")
    assert patient.status_code == 200
    assert patient.json()["national_health_id"] == "300-555-0101"


async def test_the_same_patient_twice_is_one_patient(running: Running) -> None:
    first = (await running.http.post("/api/v1/intakes", json=CHEST_PAIN)).json()
    second = (await running.http.post("/api/v1/intakes", json=CHEST_PAIN)).json()
    await running.wait_for(first["workflow_id"], {"completed"})
    await running.wait_for(second["workflow_id"], {"completed"})
    assert first["patient_id"] == second["patient_id"]
    assert first["workflow_id"] != second["workflow_id"]


async def test_a_malformed_intake_names_the_fields_and_stores_nothing(running: Running) -> None:
    bad = {
        "patient": {"sex": "robot", "date_of_birth": "yesterday"},
        "chief_complaint": "",
        "arrival_mode": "teleport",
        "vitals": {"heart_rate": -3, "consciousness": "Z"},
        "surprise": 1,
    }
    response = await running.http.post("/api/v1/intakes", json=bad)
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["detail"]}
    assert {
        "patient.sex",
        "patient.date_of_birth",
        "chief_complaint",
        "arrival_mode",
        "vitals.heart_rate",
        "vitals.consciousness",
        "surprise",
    } <= fields
    assert "robot" not in response.text  # submitted values are never echoed
    async with running.platform.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Workflow)) == 0


async def test_unknown_workflow_and_patient_are_404(running: Running) -> None:
    assert (await running.http.get("/api/v1/workflows/nope")).status_code == 404
    assert (await running.http.get("/api/v1/patients/nope")).status_code == 404


async def test_concurrent_intakes_all_complete(running: Running) -> None:
    bodies = []
    for n in range(12):
        body = {**CHEST_PAIN, "patient": {**CHEST_PAIN["patient"]}}
        body["patient"]["national_health_id"] = f"400-000-{n:04d}"
        bodies.append(body)
    responses = await asyncio.gather(
        *(running.http.post("/api/v1/intakes", json=b) for b in bodies)
    )
    assert {r.status_code for r in responses} <= {201, 202}
    for r in responses:
        await running.wait_for(r.json()["workflow_id"], {"completed"}, within=20)


async def test_workflows_can_be_listed_by_status_and_type(running: Running) -> None:
    body = (await running.http.post("/api/v1/intakes", json=CHEST_PAIN)).json()
    await running.wait_for(body["workflow_id"], {"completed"})
    listed = (await running.http.get("/api/v1/workflows?status=completed&type=emergency")).json()
    assert [w["id"] for w in listed] == [body["workflow_id"]]
    assert (await running.http.get("/api/v1/workflows?status=running")).json() == []
    assert (await running.http.get("/api/v1/workflows?status=bogus")).status_code == 422
