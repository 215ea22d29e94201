"""After an intake runs through every agent on PostgreSQL and a MongoDB-wire server, the
raw rows and documents hold no plaintext national id or phone number, yet the API reads
them back and finds the patient by national id."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from pymongo import AsyncMongoClient
from sqlalchemy import text

from emergisphere_runtime.platform import Platform, Service
from emergisphere_runtime.runner import START_ORDER, start_services, stop_services
from emergisphere_runtime.settings import Settings
from gateway.security.testing import bearer

NHID = "PHI-7731-0042"
PHONE = "+1 (555) 013-3377"
KIN_PHONE = "+15550199812"
INTAKE = {
    "patient": {
        "national_health_id": NHID,
        "first_name": "Marguerite",
        "last_name": "Okonkwo-Vale",
        "date_of_birth": "1948-07-19",
        "sex": "female",
        "phone": PHONE,
        "emergency_contacts": [{"name": "Tobias Vale", "relationship": "son", "phone": KIN_PHONE}],
    },
    "chief_complaint": "crushing chest pain radiating to the left arm",
    "arrival_mode": "ambulance",
    "vitals": {"heart_rate": 124, "respiratory_rate": 26, "spo2": 89, "systolic_bp": 86},
    "consent_to_share": True,
}
# What must not appear in any stored byte (digits only as well: a phone may be reformatted).
SECRETS = (NHID, PHONE, "5550133377", "0133377", KIN_PHONE, "5550199812")


@pytest.fixture
async def server_platform(
    settings: Settings, pg_url: str, servers: dict[str, str]
) -> AsyncIterator[tuple[Platform, list[Service], str]]:
    mongo = servers.get("ES_DOCUMENT_STORE_URL", "")
    if not mongo.startswith("mongodb://"):
        pytest.skip("ES_DOCUMENT_STORE_URL names no MongoDB-wire server")
    url = f"{mongo.rsplit('/', 1)[0]}/es_phi_{uuid.uuid4().hex[:12]}"
    platform = Platform.from_settings(
        settings.model_copy(
            update={"database_url": pg_url, "document_store_url": url, "http_port": 0}
        )
    )
    services = await start_services(platform, list(START_ORDER))
    try:
        yield platform, services, url
    finally:
        await stop_services(platform, services)
        client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(url)
        await client.drop_database(url.rsplit("/", 1)[1])
        await client.close()


def _leaks(where: str, value: object) -> list[str]:
    raw = (
        value.decode("latin-1") if isinstance(value, bytes | bytearray | memoryview) else str(value)
    )
    digits = "".join(ch for ch in raw if ch.isdigit())
    return [f"{where}: {s}" for s in SECRETS if s in raw or (s.isdigit() and s in digits)]


async def _pg_leaks(platform: Platform) -> tuple[list[str], int]:
    leaks: list[str] = []
    rows = 0
    async with platform.db.session() as session:
        tables = (
            await session.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            )
        ).scalars()
        for table in list(tables):
            result = await session.execute(text(f'SELECT * FROM "{table}"'))  # noqa: S608
            for row in result:
                rows += 1
                for column, value in row._mapping.items():
                    leaks += _leaks(
                        f"{table}.{column}",
                        bytes(value) if isinstance(value, memoryview) else value,
                    )
    return leaks, rows


async def _mongo_leaks(url: str) -> tuple[list[str], int]:
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(url)
    leaks: list[str] = []
    documents = 0
    try:
        database = client[url.rsplit("/", 1)[1]]
        for name in await database.list_collection_names():
            async for document in database[name].find({}):
                documents += 1
                leaks += _leaks(name, document)
    finally:
        await client.close()
    return leaks, documents


async def test_an_intake_leaves_no_plaintext_identifier_or_phone_at_rest(
    server_platform: tuple[Platform, list[Service], str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, every level: the log scan below
    platform, services, url = server_platform
    gateway = next(s for s in services if s.name == "gateway")
    app = gateway.app  # type: ignore[attr-defined]
    base = f"http://127.0.0.1:{gateway.port}"  # type: ignore[attr-defined]
    async with httpx.AsyncClient(base_url=base, timeout=20) as http:
        accepted = await http.post("/api/v1/intakes", json=INTAKE, headers=bearer(app, "desk"))
        assert accepted.status_code in (201, 202), accepted.text
        workflow_id = accepted.json()["workflow_id"]
        clinician = bearer(app, "clinician")
        for _ in range(300):
            workflow = (
                await http.get(f"/api/v1/workflows/{workflow_id}", headers=clinician)
            ).json()
            if workflow["status"] in ("completed", "failed", "escalated"):
                break
            await asyncio.sleep(0.05)
        # Without seeded slots scheduling fails and the workflow escalates; every agent
        # that stores patient data (admission, records, legal, communication) has run.
        steps = {step["id"]: step["status"] for step in workflow["steps"]}
        assert workflow["status"] in ("completed", "escalated"), steps
        for agent in ("admission", "records", "legal", "communication", "billing"):
            assert steps[agent] == "completed", steps
        # Read back through the API: decrypted for those allowed to see it.
        patient = (
            await http.get(f"/api/v1/patients/{accepted.json()['patient_id']}", headers=clinician)
        ).json()
        assert patient["national_health_id"] == NHID
        assert patient["phone"] == PHONE
        assert patient["emergency_contacts"][0]["phone"] == KIN_PHONE
        # A second intake finds the same record through the blind index.
        again = await http.post("/api/v1/intakes", json=INTAKE, headers=bearer(app, "desk"))
        assert again.json()["patient_id"] == accepted.json()["patient_id"]
    await asyncio.sleep(0.2)  # let in-flight agent writes of the second intake land

    pg_leaks, rows = await _pg_leaks(platform)
    mongo_leaks, documents = await _mongo_leaks(url)
    assert rows > 20
    assert documents > 3
    assert sorted(set(pg_leaks)) == []
    assert mongo_leaks == []
    # Nor do the logs of the whole run name the patient, their kin or their numbers.
    logged = "\n".join(r.getMessage() + " " + str(r.__dict__) for r in caplog.records)
    assert len(caplog.records) > 50
    for secret in (*SECRETS, "Marguerite", "Okonkwo", "Tobias"):
        assert secret not in logged
