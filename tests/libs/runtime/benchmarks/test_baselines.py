"""The benchmark's runs on real processes: the embedded platform driven by signed-in desks,
and the Celery chain baseline on the local Redis."""

from __future__ import annotations

from pathlib import Path

import pytest
from redis import Redis

from emergisphere_runtime.benchmarks import celery_chain, embedded

pytestmark = pytest.mark.e2e


def test_embedded_run_completes_every_workflow_it_starts(tmp_path: Path) -> None:
    result = embedded.run(count=6, concurrency=2, log_dir=tmp_path)
    assert result["workflows"] == 6
    assert result["completed"] == 6, result["not_completed"]
    assert result["intake_201"] == 6  # the intake waited for its acuity
    assert result["intake_to_triage_ms"]["p50"] <= result["intake_to_completed_ms"]["p50"]
    assert result["memory"]["peak_mib"] >= result["memory"]["rss_mib"] > 0


def test_celery_chain_runs_all_eight_steps_and_leaves_its_redis_database_empty(
    servers: dict[str, str], tmp_path: Path
) -> None:
    db = 13  # not the platform's database, nor the benchmark's
    result = celery_chain.run_baseline(
        servers["ES_CACHE_URL"], count=6, concurrency=2, log_dir=tmp_path, db=db
    )
    assert (result["chains"], result["completed"]) == (6, 6)
    assert result["chain_ms"]["p50"] > 0
    assert result["worker_memory"]["processes"] == 3  # the worker and its two children
    leftover = Redis.from_url(celery_chain.redis_url(servers["ES_CACHE_URL"], db))
    try:
        assert leftover.dbsize() == 0
    finally:
        leftover.close()


def test_redis_url_replaces_or_appends_the_database() -> None:
    assert celery_chain.redis_url("redis://127.0.0.1:6379/0", 15) == "redis://127.0.0.1:6379/15"
    assert celery_chain.redis_url("redis://127.0.0.1:6379", 15) == "redis://127.0.0.1:6379/15"
