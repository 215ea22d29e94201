"""The distributed platform: ten ``emergisphere run <service>`` processes on the local
servers, driven over HTTP from this process as front desks would.

Every run is isolated and leaves nothing behind: a fresh PostgreSQL database, a fresh
document database, topics under a prefix of its own; all three are removed at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pymongo import MongoClient
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from emergisphere_runtime.benchmarks.load import Desks
from emergisphere_runtime.bus.kafka import delete_prefixed_topics
from emergisphere_runtime.cluster import Cluster, rss_mib
from emergisphere_runtime.settings import Settings

log = logging.getLogger(__name__)

# Long enough that the intake answers 201 with the acuity: its round trip is the
# intake-to-triage latency.
INTAKE_WAIT_SECONDS = 10
# Longest wait for the workflows of one load to finish before the next load starts.
DRAIN_SECONDS = 180.0


@dataclass(frozen=True)
class Plan:
    rate: float
    seconds: float
    count: int
    concurrency: int
    log_dir: Path
    # The closed loop stops starting workflows after this long, should the platform crawl.
    max_seconds: float = 90.0


def _pg_url(url: str, database: str) -> str:
    return make_url(url).set(database=database).render_as_string(hide_password=False)


def _pg_admin(url: str, statement: str) -> None:
    """One statement outside a transaction (as CREATE/DROP DATABASE need)."""

    async def run() -> None:
        engine = create_async_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        try:
            async with engine.connect() as conn:
                await conn.execute(text(statement))
        finally:
            await engine.dispose()

    asyncio.run(run())


@contextlib.contextmanager
def isolated_env(services: dict[str, str], run: str) -> Iterator[dict[str, str]]:
    """The services' settings pointed at a database, document database and topic prefix of
    this run's own; they are removed on leaving."""
    server_url = services["ES_DATABASE_URL"]
    name = f"es_bench_{run}"
    mongo_base = services["ES_DOCUMENT_STORE_URL"].rsplit("/", 1)[0]
    prefix = f"bench{run}."
    _pg_admin(server_url, f'CREATE DATABASE "{name}"')
    try:
        yield {
            **services,
            "ES_DATABASE_URL": _pg_url(server_url, name),
            "ES_DOCUMENT_STORE_URL": f"{mongo_base}/{name}",
            "ES_KAFKA_TOPIC_PREFIX": prefix,
            "ES_ENVIRONMENT": "development",
            "ES_SEED_DEMO_DATA": "true",
            "ES_INTAKE_WAIT_SECONDS": str(INTAKE_WAIT_SECONDS),
            "ES_LOG_LEVEL": "WARNING",
            # All desks share one account; the per-user limit would cap the load offered.
            "ES_RATE_LIMIT_PER_MINUTE": "1000000",
        }
    finally:
        with contextlib.suppress(Exception):
            _pg_admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        with contextlib.suppress(Exception):
            client: MongoClient[dict[str, Any]] = MongoClient(
                mongo_base, serverSelectionTimeoutMS=5000
            )
            try:
                client.drop_database(name)
            finally:
                client.close()
        if services.get("ES_KAFKA_BOOTSTRAP_SERVERS"):
            with contextlib.suppress(Exception):
                topics = Settings(
                    kafka_bootstrap_servers=services["ES_KAFKA_BOOTSTRAP_SERVERS"],
                    kafka_topic_prefix=prefix,
                )
                asyncio.run(delete_prefixed_topics(topics))


def log_findings(log_dir: Path, limit: int = 5) -> dict[str, Any]:
    """Per service log: lines by level and the most frequent warnings and errors."""
    findings: dict[str, Any] = {}
    for path in sorted(log_dir.glob("*.log")):
        if path.stem == "prepare":  # the CLI's own output, not the services'
            continue
        levels: Counter[str] = Counter()
        messages: Counter[str] = Counter()
        for line in path.read_text(errors="replace").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if not isinstance(record, dict):
                if line.strip():
                    levels["unstructured"] += 1
                    messages[line.strip()[:160]] += 1
                continue
            level = str(record.get("level", "?"))
            levels[level] += 1
            if level in ("WARNING", "ERROR", "CRITICAL"):
                text = f"{level} {record.get('logger', '')}: {record.get('message', '')}"
                if record.get("error"):
                    text += f" ({record['error']})"
                messages[text[:160]] += 1
        if levels:
            findings[path.stem] = {
                "lines": dict(levels),
                "top": [[text, n] for text, n in messages.most_common(limit)],
            }
    return findings


async def _drained(database_url: str, within: float = DRAIN_SECONDS) -> dict[str, Any]:
    """Wait until no workflow is unfinished, so one load does not run on another's backlog
    (workflows a desk gave up on still run to their end)."""
    engine = create_async_engine(database_url, poolclass=NullPool)
    began = time.perf_counter()
    try:
        while True:
            async with engine.connect() as conn:
                unfinished = await conn.scalar(
                    text(
                        "SELECT count(*) FROM workflows "
                        "WHERE status NOT IN ('completed', 'escalated', 'failed')"
                    )
                )
            waited = time.perf_counter() - began
            if not unfinished or waited > within:
                return {"seconds": waited, "unfinished": int(unfinished or 0)}
            await asyncio.sleep(0.5)
    finally:
        await engine.dispose()


async def _drive(url: str, database_url: str, plan: Plan) -> dict[str, Any]:
    """Capacity first (closed loop), then arrivals at half of it (the latency a desk sees
    on a normal night), then the issue's rate; each on a drained platform."""
    desks = Desks(url, uuid.uuid4().hex[:8])
    drains = []
    try:
        await desks.warm_up(2 * plan.concurrency, plan.concurrency)
        drains.append(await _drained(database_url))
        saturation = await desks.closed_loop(plan.count, plan.concurrency, plan.max_seconds)
        drains.append(await _drained(database_url))
        half = max(0.5, round(saturation["throughput_wf_per_s"] / 2, 1))
        steady = await desks.open_loop(half, plan.seconds)
        drains.append(await _drained(database_url))
        open_loop = await desks.open_loop(plan.rate, plan.seconds)
        drains.append(await _drained(database_url))
    finally:
        await desks.close()
    return {"saturation": saturation, "steady": steady, "open_loop": open_loop, "drains": drains}


def run(services: dict[str, str], plan: Plan) -> dict[str, Any]:
    run_id = uuid.uuid4().hex[:8]
    with isolated_env(services, run_id) as env:
        cluster = Cluster(env=env, log_dir=plan.log_dir)
        began = time.perf_counter()
        try:
            cluster.prepare()
            prepared = time.perf_counter()
            cluster.start()
            started = time.perf_counter()
            result = asyncio.run(_drive(cluster.url, env["ES_DATABASE_URL"], plan))
            memory = {}
            for name, pid in cluster.pids().items():
                current, peak = rss_mib(pid)
                memory[name] = {"rss_mib": current, "peak_mib": peak}
            exited = cluster.exited()
        finally:
            cluster.stop()
    return {
        "processes": len(memory),
        "prepare_seconds": prepared - began,
        "start_seconds": started - prepared,
        **result,
        "memory": memory,
        "memory_total_mib": {
            "rss_mib": sum(m["rss_mib"] for m in memory.values()),
            "peak_mib": sum(m["peak_mib"] for m in memory.values()),
        },
        "exited_during_run": exited,
        "logs": str(plan.log_dir),
        "log_findings": log_findings(plan.log_dir),
    }
