"""Kill the platform in the middle of workflows, start it again: everything completes once."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from emergisphere_runtime.devprocess import free_port, start_dev
from emergisphere_runtime.testing import sign_in_sync

pytestmark = pytest.mark.e2e


def _start(data_dir: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    # No intake wait, so the kill comes while workflows are still in flight.
    env = {"ES_ENVIRONMENT": "development", "ES_INTAKE_WAIT_SECONDS": "0"}
    return start_dev(data_dir=data_dir, port=port, log=log, env=env)


def _intake(n: int) -> dict[str, Any]:
    return {
        "patient": {
            "national_health_id": f"CRASH-{n:04d}",
            "first_name": "Test",
            "last_name": f"Patient{n}",
            "date_of_birth": "1970-01-01",
            "emergency_contacts": [
                {"name": "Kin", "relationship": "sibling", "phone": "+15550001111"}
            ],
        },
        "chief_complaint": "chest pain" if n % 2 else "abdominal pain and vomiting",
        "arrival_mode": "ambulance",
        "vitals": {"heart_rate": 118, "respiratory_rate": 24, "spo2": 91, "systolic_bp": 92},
    }


def _statuses(db: Path) -> Counter[str]:
    with sqlite3.connect(db) as conn:
        return Counter(row[0] for row in conn.execute("SELECT status FROM workflows"))


def test_killed_mid_workflow_resumes_and_no_effect_happens_twice(tmp_path: Path) -> None:
    data, log, port = tmp_path / "data", tmp_path / "platform.log", free_port()
    first = _start(data, port, log)
    ids = []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
        sign_in_sync(http)
        for n in range(25):
            response = http.post("/api/v1/intakes", json=_intake(n))
            assert response.status_code in (201, 202), response.text
            ids.append(response.json()["workflow_id"])
    first.send_signal(signal.SIGKILL)
    first.wait()

    statuses = _statuses(data / "emergisphere.db")
    assert sum(statuses.values()) == 25
    assert statuses["completed"] < 25, "nothing was in flight at the kill; the test proves nothing"

    second = _start(data, port, log)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            sign_in_sync(http)
            deadline = time.monotonic() + 60
            pending = set(ids)
            while pending and time.monotonic() < deadline:
                for workflow_id in list(pending):
                    body = http.get(f"/api/v1/workflows/{workflow_id}").json()
                    if body["status"] == "completed":
                        pending.discard(workflow_id)
                time.sleep(0.2)
            assert not pending, f"{len(pending)} workflows did not complete after restart"
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)

    with sqlite3.connect(data / "emergisphere.db") as conn:
        encounters = conn.execute(
            "SELECT workflow_id, count(*) FROM admission_encounters GROUP BY workflow_id"
        ).fetchall()
        billing = conn.execute("SELECT count(*), count(DISTINCT workflow_id) FROM billing_records")
        appointments = conn.execute(
            "SELECT count(*) FROM scheduling_appointments WHERE workflow_id IS NOT NULL"
        ).fetchone()[0]
        # National ids are encrypted at rest; these test patients' names are not.
        patients = conn.execute(
            "SELECT count(*) FROM admission_patients "
            "WHERE first_name = 'Test' AND last_name LIKE 'Patient%'"
        ).fetchone()[0]
        billing_rows, billing_workflows = billing.fetchone()
    assert sorted(count for _, count in encounters if _ in ids) == [1] * 25
    assert billing_rows == billing_workflows
    assert appointments == 25
    assert patients == 25
    with sqlite3.connect(data / "documents.db") as conn:
        deliveries = [
            json.loads(body)
            for (body,) in conn.execute("SELECT body FROM documents WHERE collection='deliveries'")
        ]
        messages = conn.execute(
            "SELECT count(*) FROM documents WHERE collection='communications'"
        ).fetchone()[0]
    # One delivery per logged message. An external send and its log entry cannot share a
    # transaction, so a kill between the two may repeat that one message, never more.
    assert messages <= len(deliveries) <= messages + 1
