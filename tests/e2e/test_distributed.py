"""The ten services as separate processes on PostgreSQL, Kafka, FerretDB and Redis.

Every accepted intake completes exactly once: through a steady run, through the
orchestrator and an agent being killed mid-run, and through a Kafka outage.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pymongo import AsyncMongoClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from emergisphere_runtime.bus.kafka import delete_prefixed_topics
from emergisphere_runtime.cluster import Cluster
from emergisphere_runtime.settings import Settings
from emergisphere_runtime.testing import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

KAFKA_SCRIPT = Path("deploy/local/kafka.sh")


@pytest.fixture
def cluster(servers: dict[str, str], pg_url: str, tmp_path: Path) -> Iterator[Cluster]:
    mongo_db = f"es_dist_{uuid.uuid4().hex[:10]}"
    mongo_base = servers["ES_DOCUMENT_STORE_URL"].rsplit("/", 1)[0]
    env = {
        **servers,
        "ES_DATABASE_URL": pg_url,
        "ES_DOCUMENT_STORE_URL": f"{mongo_base}/{mongo_db}",
        "ES_KAFKA_TOPIC_PREFIX": f"t{uuid.uuid4().hex[:8]}.",
        "ES_ENVIRONMENT": "development",
        "ES_SEED_DEMO_DATA": "true",
        # Answer at once: these tests follow the workflows, not the intake's wait.
        "ES_INTAKE_WAIT_SECONDS": "0",
        "ES_LOG_LEVEL": "WARNING",
        # One desk account posts every intake here; the per-user limit is not under test.
        "ES_RATE_LIMIT_PER_MINUTE": "1000000",
    }
    running = Cluster(env=env, log_dir=tmp_path / "logs")
    running.prepare()
    running.start()  # stops what it started if any service fails to come up
    try:
        yield running
    finally:
        running.stop()
        # The run's own topics go too, so repeated runs leave the broker as they found it.
        prefixed = Settings(
            kafka_bootstrap_servers=env["ES_KAFKA_BOOTSTRAP_SERVERS"],
            kafka_topic_prefix=env["ES_KAFKA_TOPIC_PREFIX"],
        )
        asyncio.run(delete_prefixed_topics(prefixed))


@pytest.fixture
async def mongo(cluster: Cluster) -> AsyncIterator[Any]:
    url = cluster.env["ES_DOCUMENT_STORE_URL"]
    name = url.rsplit("/", 1)[1]
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(url.rsplit("/", 1)[0])
    try:
        yield client[name]
    finally:
        await client.drop_database(name)
        await client.close()


async def kafka(action: str) -> None:
    process = await asyncio.create_subprocess_exec(str(KAFKA_SCRIPT), action)
    assert await asyncio.wait_for(process.wait(), 300) == 0


def intake(run: str, n: int) -> dict[str, Any]:
    return {
        "patient": {
            "national_health_id": f"{run}-{n:04d}",
            "first_name": "Test",
            "last_name": f"{run}{n:04d}",
            "date_of_birth": "1970-01-01",
            "phone": "+15550001000",
            "emergency_contacts": [
                {"name": "Kin", "relationship": "sibling", "phone": "+15550001111"}
            ],
        },
        "chief_complaint": "chest pain" if n % 2 else "abdominal pain and vomiting",
        "arrival_mode": "ambulance",
        "vitals": {"heart_rate": 118, "respiratory_rate": 24, "spo2": 91, "systolic_bp": 92},
    }


async def post_intakes(
    url: str, run: str, count: int, *, concurrency: int = 8, after: Any = None
) -> list[str]:
    """Post ``count`` intakes; ``after(n)`` is awaited once the n-th answer arrived."""
    ids: list[str] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(count):
        queue.put_nowait(n)

    async def worker(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            n = queue.get_nowait()
            answer = await http.post("/api/v1/intakes", json=intake(run, n))
            assert answer.status_code in (201, 202), answer.status_code
            ids.append(answer.json()["workflow_id"])
            if after is not None:
                await after(len(ids))

    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        await sign_in(http, "desk")
        await asyncio.gather(*(worker(http) for _ in range(concurrency)))
    return ids


async def wait_all_completed(db_url: str, ids: list[str], within: float) -> None:
    engine = create_async_engine(db_url)
    deadline = time.monotonic() + within
    try:
        while True:
            async with engine.connect() as conn:
                rows = await conn.execute(
                    text("SELECT status, count(*) FROM workflows WHERE id = ANY(:ids) GROUP BY 1"),
                    {"ids": ids},
                )
                statuses = {status: count for status, count in rows}
            if statuses.get("completed", 0) == len(ids):
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"workflows not all completed: {statuses}")
            await asyncio.sleep(0.5)
    finally:
        await engine.dispose()


async def assert_exactly_once(db_url: str, mongo: Any, run: str, ids: list[str]) -> None:
    engine = create_async_engine(db_url)
    try:
        async with engine.connect() as conn:

            async def one(sql: str) -> Any:
                return (await conn.execute(text(sql), {"ids": ids, "run": f"{run}%"})).one()

            # National ids are encrypted at rest; each test patient has its own last name.
            patients = await one(
                "SELECT count(*), count(DISTINCT last_name) FROM admission_patients "
                "WHERE last_name LIKE :run"
            )
            encounters = await one(
                "SELECT count(*), count(DISTINCT workflow_id) FROM admission_encounters "
                "WHERE workflow_id = ANY(:ids)"
            )
            appointments = await one(
                "SELECT count(*), count(DISTINCT workflow_id) FROM scheduling_appointments "
                "WHERE workflow_id = ANY(:ids)"
            )
            billing = await one(
                "SELECT count(*), count(DISTINCT workflow_id) FROM billing_records "
                "WHERE workflow_id = ANY(:ids)"
            )
    finally:
        await engine.dispose()
    count = len(ids)
    assert tuple(patients) == (count, count)
    assert tuple(encounters) == (count, count)
    assert tuple(appointments) == (count, count)
    assert tuple(billing) == (count, count)
    messages = await mongo["communications"].count_documents({"workflow_id": {"$in": ids}})
    deliveries = await mongo["deliveries"].count_documents({})
    assert messages >= count  # at least the staff page or the patient's confirmation
    # One delivery per logged message: no notification went out twice.
    assert deliveries == messages


async def test_two_hundred_emergencies_through_ten_processes(cluster: Cluster, mongo: Any) -> None:
    assert len(cluster.pids()) == 10
    assert len(set(cluster.pids().values())) == 10
    ids = await post_intakes(cluster.url, "DIST", 200)
    await wait_all_completed(cluster.env["ES_DATABASE_URL"], ids, within=240)
    await assert_exactly_once(cluster.env["ES_DATABASE_URL"], mongo, "DIST", ids)
    assert cluster.exited() == {}


async def test_killing_the_orchestrator_and_an_agent_mid_run_loses_nothing(
    cluster: Cluster, mongo: Any
) -> None:
    killed = asyncio.Event()

    async def kill_at_sixty(answered: int) -> None:
        if answered == 60 and not killed.is_set():
            killed.set()
            await asyncio.to_thread(cluster.kill, "orchestrator")
            await asyncio.to_thread(cluster.kill, "admission")

    restarted = asyncio.create_task(_restart_after(cluster, killed, ["orchestrator", "admission"]))
    ids = await post_intakes(cluster.url, "CRASH", 200, after=kill_at_sixty)
    await restarted
    await wait_all_completed(cluster.env["ES_DATABASE_URL"], ids, within=300)
    await assert_exactly_once(cluster.env["ES_DATABASE_URL"], mongo, "CRASH", ids)


async def _restart_after(cluster: Cluster, killed: asyncio.Event, names: list[str]) -> None:
    await killed.wait()
    await asyncio.sleep(1.0)
    for name in names:
        await asyncio.to_thread(cluster.restart, name)


async def test_intakes_during_a_kafka_outage_complete_once_it_is_back(
    cluster: Cluster, mongo: Any
) -> None:
    await kafka("down")
    try:
        started = time.monotonic()
        ids = await post_intakes(cluster.url, "OUTAGE", 20, concurrency=4)
        assert len(ids) == 20
        # Accepted promptly even with the broker gone.
        assert time.monotonic() - started < 60
    finally:
        await kafka("up")
    await wait_all_completed(cluster.env["ES_DATABASE_URL"], ids, within=240)
    await assert_exactly_once(cluster.env["ES_DATABASE_URL"], mongo, "OUTAGE", ids)
