"""Baseline: the emergency workflow's eight steps as a Celery chain on the same Redis.

Each task does work comparable to its agent's: it decodes the case (JSON), does the step
(triage runs the real clinical engine; the others a small deterministic computation),
persists the step's result with one Redis HSET keyed by the workflow id, and passes the
case on. A Celery worker runs as a subprocess (prefork, two children, loopback Redis) on a
Redis database of its own, flushed before and after; desks in threads submit chains and
wait for each result, closed loop.

Celery is a development dependency: it is imported only here, when the baseline runs, and
in the worker. The worker finds the app as ``celery_chain:app`` (built on first access
from ``ES_BENCH_CELERY_URL`` and ``ES_BENCH_CELERY_QUEUE``).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from redis import Redis

from emergisphere_runtime import topics
from emergisphere_runtime.benchmarks.load import intake, percentiles
from emergisphere_runtime.cluster import rss_mib

# One task per agent, in the emergency workflow's order.
STEPS = topics.AGENTS
URL_ENV = "ES_BENCH_CELERY_URL"
QUEUE_ENV = "ES_BENCH_CELERY_QUEUE"
WORKER_READY_SECONDS = 60.0
CHAIN_TIMEOUT_SECONDS = 60.0

Case = dict[str, Any]

# --- the steps' work (plain functions; the tasks wrap them) --------------------------------


def _age(date_of_birth: str) -> float:
    born = date.fromisoformat(date_of_birth)
    return (date.today() - born).days / 365.25


def _digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def triage(case: Case) -> dict[str, Any]:
    from emergisphere_clinical import TriageInput, VitalSigns, assess

    assessment = assess(
        TriageInput(
            chief_complaint=case["chief_complaint"],
            vitals=VitalSigns(**case["vitals"]),
            age_years=_age(case["patient"]["date_of_birth"]),
            arrival_mode=case["arrival_mode"],
        )
    )
    return {
        "acuity": assessment.acuity,
        "news2": assessment.news2.score,
        "reasons": [r.rule for r in assessment.reasons],
        "immediate_actions": list(assessment.immediate_actions),
        "follow_up_specialty": assessment.follow_up_specialty,
    }


def admission(case: Case) -> dict[str, Any]:
    acuity = case["results"]["triage"]["acuity"]
    area = "resuscitation" if acuity <= 2 else "majors" if acuity == 3 else "minors"
    return {
        "patient_key": _digest(case["patient"]["national_health_id"]),
        "area": area,
        "contacts": len(case["patient"].get("emergency_contacts", [])),
    }


def legal(case: Case) -> dict[str, Any]:
    adult = _age(case["patient"]["date_of_birth"]) >= 18
    relations = sorted({c["relationship"] for c in case["patient"]["emergency_contacts"]})
    return {"consent": "self" if adult else "guardian", "may_inform": relations}


def records(case: Case) -> dict[str, Any]:
    triaged = case["results"]["triage"]
    summary = (
        f"{case['chief_complaint']}; ESI {triaged['acuity']}; NEWS2 {triaged['news2']}; "
        f"{', '.join(triaged['reasons'])}"
    )
    return {"summary": summary, "document": _digest(case["workflow_id"], summary)}


def device(case: Case) -> dict[str, Any]:
    vitals = case["vitals"]
    shock_index = vitals["heart_rate"] / vitals["systolic_bp"]
    return {"monitor": _digest(case["workflow_id"], "monitor"), "shock_index": shock_index}


TARIFF_CENTS = {1: 150_000, 2: 95_000, 3: 60_000, 4: 30_000, 5: 15_000}


def billing(case: Case) -> dict[str, Any]:
    base = TARIFF_CENTS[case["results"]["triage"]["acuity"]]
    ambulance = 45_000 if case["arrival_mode"] == "ambulance" else 0
    total = base + ambulance
    return {"total_cents": total, "patient_share_cents": min(25_000, total // 5)}


def communication(case: Case) -> dict[str, Any]:
    messages = [
        f"Dear {c['name']}, {case['patient']['first_name']} arrived at the emergency "
        f"department and is being cared for ({case['results']['admission']['area']})."
        for c in case["patient"]["emergency_contacts"]
    ]
    return {"messages": len(messages), "segments": sum(-(-len(m) // 153) for m in messages)}


def scheduling(case: Case) -> dict[str, Any]:
    slot = int(_digest(case["workflow_id"], "slot"), 16) % 16
    specialty = case["results"]["triage"]["follow_up_specialty"] or "general_practice"
    hour, half = divmod(slot, 2)
    # A half-hour slot of the next clinic day, 09:00 to 16:30.
    return {"specialty": specialty, "day_offset": 1, "slot": f"{9 + hour:02d}:{30 * half:02d}"}


WORK: dict[str, Callable[[Case], dict[str, Any]]] = {
    "triage": triage,
    "admission": admission,
    "legal": legal,
    "records": records,
    "device": device,
    "billing": billing,
    "communication": communication,
    "scheduling": scheduling,
}

# --- the Celery app ------------------------------------------------------------------------

_redis_by_pid: dict[int, Redis] = {}


def _redis() -> Redis:
    """One Redis client per worker process (the prefork children must not share one)."""
    pid = os.getpid()
    if pid not in _redis_by_pid:
        _redis_by_pid[pid] = Redis.from_url(os.environ[URL_ENV])
    return _redis_by_pid[pid]


def run_step(step: str, payload: str) -> str:
    """Decode the case, do the step, persist its result, pass the case on."""
    case: Case = json.loads(payload)
    result = WORK[step](case)
    _redis().hset(f"es_bench:workflow:{case['workflow_id']}", step, json.dumps(result))
    case["results"][step] = result
    return json.dumps(case)


def make_app(url: str, queue: str) -> Any:
    from celery import Celery  # type: ignore[import-untyped]

    app = Celery("es_bench", broker=url, backend=url, set_as_current=False)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_default_queue=queue,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        worker_enable_remote_control=False,
        result_expires=600,
    )
    for step in STEPS:

        def task(payload: str, step: str = step) -> str:
            return run_step(step, payload)

        app.task(name=f"es_bench.{step}")(task)
    return app


_app: Any = None


def __getattr__(name: str) -> Any:
    # The worker's ``-A …celery_chain:app``: built when asked for, so importing this module
    # needs no Celery.
    global _app
    if name != "app":
        raise AttributeError(name)
    if _app is None:
        _app = make_app(os.environ[URL_ENV], os.environ[QUEUE_ENV])
    return _app


# --- the baseline run ------------------------------------------------------------------------


def redis_url(cache_url: str, db: int) -> str:
    """``cache_url`` pointing at Redis database ``db``."""
    base, _, last = cache_url.rstrip("/").rpartition("/")
    if base.count("/") >= 2 and last.isdigit():
        return f"{base}/{db}"
    return f"{cache_url.rstrip('/')}/{db}"


def _process_tree_rss(pid: int) -> dict[str, float]:
    """Summed current and peak RSS of a process and its children, in MiB."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.is_file():
        pids += [int(p) for p in children.read_text().split()]
    current = peak = 0.0
    for one in pids:
        try:
            rss, hwm = rss_mib(one)
        except FileNotFoundError:
            continue
        current += rss
        peak += hwm
    return {"processes": len(pids), "rss_mib": current, "peak_mib": peak}


def run_baseline(
    cache_url: str, *, count: int, concurrency: int, log_dir: Path, db: int = 15
) -> dict[str, Any]:
    """Start a worker, run ``count`` chains with ``concurrency`` desks, stop the worker."""
    from celery import chain

    url = redis_url(cache_url, db)
    queue = f"es_bench_{uuid.uuid4().hex[:8]}"
    flush = Redis.from_url(url)
    flush.flushdb()
    env = {**os.environ, URL_ENV: url, QUEUE_ENV: queue}
    log_dir.mkdir(parents=True, exist_ok=True)
    app = make_app(url, queue)
    run = uuid.uuid4().hex[:8]
    numbers = iter(range(10**9))
    lock = threading.Lock()

    def one() -> tuple[float, bool]:
        with lock:
            n = next(numbers)
        case = {**intake(run, n), "workflow_id": f"{run}-{n}", "results": {}}
        started = time.perf_counter()
        signature = chain(
            app.signature(f"es_bench.{STEPS[0]}", args=(json.dumps(case),)),
            *(app.signature(f"es_bench.{step}") for step in STEPS[1:]),
        )
        result = signature.apply_async()
        final = json.loads(result.get(timeout=CHAIN_TIMEOUT_SECONDS))
        return time.perf_counter() - started, set(final["results"]) == set(STEPS)

    with (log_dir / "celery-worker.log").open("ab") as log:
        worker = subprocess.Popen(  # noqa: S603 - the installed celery, fixed arguments
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                f"{__name__}:app",
                "worker",
                "--pool=prefork",
                "--concurrency=2",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=WARNING",
                "-Q",
                queue,
            ],
            env=env,
            stdout=log,
            stderr=log,
        )
    try:
        started = time.perf_counter()
        # Ready when a first chain comes back; then a few more to warm both children.
        with ThreadPoolExecutor(1) as first:
            future = first.submit(one)
            while not future.done():
                if worker.poll() is not None:
                    raise RuntimeError(f"celery worker exited with {worker.returncode}")
                if time.perf_counter() - started > WORKER_READY_SECONDS:
                    raise RuntimeError("celery worker did not answer")
                time.sleep(0.05)
            future.result()
        startup = time.perf_counter() - started
        with ThreadPoolExecutor(concurrency) as desks:
            list(desks.map(lambda _: one(), range(2 * concurrency)))
            began = time.perf_counter()
            outcomes = list(desks.map(lambda _: one(), range(count)))
            wall = time.perf_counter() - began
        memory = _process_tree_rss(worker.pid)
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        flush.flushdb()
        flush.close()
    complete = [seconds for seconds, ok in outcomes if ok]
    return {
        "mode": "closed loop",
        "concurrency": concurrency,
        "worker": "prefork, 2 children",
        "redis_db": db,
        "startup_seconds": startup,
        "chains": count,
        "completed": len(complete),
        "wall_seconds": wall,
        "throughput_wf_per_s": len(complete) / wall,
        "chain_ms": percentiles(complete),
        "worker_memory": memory,
    }
