"""The transaction path on PostgreSQL (migrated with Alembic) and a MongoDB-wire document
store (FerretDB): everything committed, or nothing in either store."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from emergisphere_runtime.platform import Platform
from emergisphere_runtime.settings import Settings
from gateway.live import EventHub
from gateway.security.testing import authorize
from gateway.server import create_app

from .conftest import FHIR_JSON, counts, synthea_bundle


@pytest.fixture
async def server_fhir(
    settings: Settings, pg_url: str, servers: dict[str, str]
) -> AsyncIterator[tuple[Platform, httpx.AsyncClient]]:
    mongo = servers.get("ES_DOCUMENT_STORE_URL", "")
    if not mongo.startswith("mongodb://"):
        pytest.skip("ES_DOCUMENT_STORE_URL names no MongoDB-wire server")
    database = f"es_fhir_{uuid.uuid4().hex[:12]}"
    platform = Platform.from_settings(
        settings.model_copy(
            update={
                "database_url": pg_url,
                "document_store_url": f"{mongo.rsplit('/', 1)[0]}/{database}",
            }
        )
    )
    await platform.open_stores()
    app = create_app(platform, EventHub(platform))
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(
            transport=transport, base_url="http://fhir.test", headers=FHIR_JSON
        ) as client:
            authorize(client, app)  # FHIR as an integration client
            yield platform, client
    finally:
        from pymongo import AsyncMongoClient

        cleanup: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(mongo)
        await cleanup.drop_database(database)
        await cleanup.close()
        await platform.close()


async def test_a_synthea_transaction_on_postgresql_and_ferretdb(
    server_fhir: tuple[Platform, httpx.AsyncClient],
) -> None:
    platform, fhir = server_fhir
    bundle = synthea_bundle(-1)
    response = await fhir.post("/fhir/r4", content=json.dumps(bundle))
    assert response.status_code == 200, response.text[:500]
    patient_id = response.json()["entry"][0]["response"]["location"].split("/")[1]
    everything = (await fhir.get(f"/fhir/r4/Patient/{patient_id}/$everything")).json()
    assert len(everything["entry"]) == len(bundle["entry"])
    stored = await counts(platform)
    assert stored["pending"] == 0  # every document reached the document store
    assert stored["documents"] >= 1

    # The same bundle again plus an update with a stale If-Match: the update fails after
    # every create was written to the transaction, so all of them roll back.
    patient = (await fhir.get(f"/fhir/r4/Patient/{patient_id}")).json()
    spoiled = json.loads(json.dumps(bundle))
    spoiled["entry"].append(
        {
            "fullUrl": f"urn:uuid:{uuid.uuid4()}",
            "resource": patient,
            "request": {"method": "PUT", "url": f"Patient/{patient_id}", "ifMatch": 'W/"9"'},
        }
    )
    refused = await fhir.post("/fhir/r4", content=json.dumps(spoiled))
    assert refused.status_code == 412, refused.text[:300]
    assert await counts(platform) == stored


async def test_concurrent_identical_conditional_creates_make_one_resource(
    server_fhir: tuple[Platform, httpx.AsyncClient],
) -> None:
    _platform, fhir = server_fhir
    system, value = "urn:oid:2.16.840.1.113883.4.1", f"race-{uuid.uuid4().hex[:8]}"
    patient = {
        "resourceType": "Patient",
        "identifier": [{"system": system, "value": value}],
        "name": [{"family": "Race"}],
    }
    condition = {"If-None-Exist": f"identifier={system}|{value}"}

    async def create() -> httpx.Response:
        return await fhir.post("/fhir/r4/Patient", content=json.dumps(patient), headers=condition)

    answers = await asyncio.gather(*(create() for _ in range(8)))
    assert sorted(a.status_code for a in answers) == [200] * 7 + [201]
    assert len({a.json()["id"] for a in answers}) == 1
    found = await fhir.get("/fhir/r4/Patient", params={"identifier": f"{system}|{value}"})
    assert len(found.json()["entry"]) == 1
