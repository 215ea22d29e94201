"""POST /api/v1/intakes with an Idempotency-Key: a retry never starts a second workflow."""

from __future__ import annotations

import asyncio
import copy

from sqlalchemy import func, select

from emergisphere_runtime.workflow.models import Workflow

from .conftest import Running
from .test_emergency_workflow import CHEST_PAIN


async def workflow_count(running: Running) -> int:
    async with running.platform.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(Workflow)) or 0)


async def test_a_retried_intake_returns_the_first_workflow(running: Running) -> None:
    headers = {"Idempotency-Key": "desk-3-req-0001"}
    first = await running.http.post("/api/v1/intakes", json=CHEST_PAIN, headers=headers)
    again = await running.http.post("/api/v1/intakes", json=CHEST_PAIN, headers=headers)
    assert first.status_code in (201, 202)
    assert again.status_code in (201, 202)
    assert again.json()["workflow_id"] == first.json()["workflow_id"]
    assert again.json()["patient_id"] == first.json()["patient_id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert await workflow_count(running) == 1
    await running.wait_for(first.json()["workflow_id"], {"completed"})


async def test_concurrent_retries_start_one_workflow(running: Running) -> None:
    headers = {"Idempotency-Key": "desk-3-req-0002"}
    answers = await asyncio.gather(
        *(running.http.post("/api/v1/intakes", json=CHEST_PAIN, headers=headers) for _ in range(6))
    )
    assert {a.status_code for a in answers} <= {201, 202}
    assert len({a.json()["workflow_id"] for a in answers}) == 1
    assert await workflow_count(running) == 1


async def test_different_keys_are_different_intakes(running: Running) -> None:
    for key in ("desk-3-a", "desk-3-b"):
        answer = await running.http.post(
            "/api/v1/intakes", json=CHEST_PAIN, headers={"Idempotency-Key": key}
        )
        assert answer.status_code in (201, 202)
    assert await workflow_count(running) == 2


async def test_a_key_reused_for_another_request_is_refused(running: Running) -> None:
    headers = {"Idempotency-Key": "desk-3-req-0003"}
    first = await running.http.post("/api/v1/intakes", json=CHEST_PAIN, headers=headers)
    assert first.status_code in (201, 202)
    other = copy.deepcopy(CHEST_PAIN)
    other["chief_complaint"] = "ankle sprain"
    refused = await running.http.post("/api/v1/intakes", json=other, headers=headers)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["field"] == "Idempotency-Key"
    assert "ankle" not in refused.text
    assert await workflow_count(running) == 1


async def test_a_malformed_key_names_the_header(running: Running) -> None:
    refused = await running.http.post(
        "/api/v1/intakes", json=CHEST_PAIN, headers={"Idempotency-Key": "x" * 300}
    )
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["detail"]] == ["Idempotency-Key"]
    assert await workflow_count(running) == 0
