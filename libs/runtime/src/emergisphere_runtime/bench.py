"""``make bench``: end-to-end throughput and latency of the platform as ``make run`` runs it.

Starts ``emergisphere dev`` (all services in one process, embedded adapters, a temporary
data directory) and, from this separate process as a desk client would, posts emergency
intakes over HTTP. Per workflow it measures the intake response time (door to acuity) and
the time until the whole chain is complete, seen on the live-update WebSocket; then
throughput and the platform process's peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import websockets

from emergisphere_runtime.devprocess import free_port, peak_rss_mib, start_dev

FINISHED = {"completed", "escalated", "failed"}


def _intake(n: int) -> dict[str, Any]:
    return {
        "patient": {
            "national_health_id": f"BENCH-{n:06d}",
            "first_name": "Bench",
            "last_name": f"Patient{n}",
            "date_of_birth": "1960-05-05",
            "emergency_contacts": [
                {"name": "Kin", "relationship": "spouse", "phone": "+15550002222"}
            ],
        },
        "chief_complaint": "chest pain" if n % 3 else "wrist pain after a fall",
        "arrival_mode": "ambulance",
        "vitals": {"heart_rate": 110, "respiratory_rate": 22, "spo2": 94, "systolic_bp": 105},
    }


async def _until_finished(
    http: httpx.AsyncClient, port: int, workflow_id: str, patient_id: str
) -> None:
    """Wait on the live-update WebSocket, as a board would, rather than polling."""
    url = f"ws://127.0.0.1:{port}/ws/patient/{patient_id}"
    async with websockets.connect(url) as ws:
        # Subscribed first, then checked once: a workflow that finished before the
        # subscription is seen by the check, one that finishes after by the socket.
        status = (await http.get(f"/api/v1/workflows/{workflow_id}")).json()["status"]
        while status not in FINISHED:
            event = json.loads(await ws.recv())
            if event["workflow_id"] == workflow_id:
                status = event["workflow_status"]
    if status != "completed":
        raise RuntimeError(f"workflow ended {status}")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def _load(port: int, count: int, concurrency: int) -> dict[str, float]:
    intake_latency: list[float] = []
    completion: list[float] = []
    limit = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:

        async def one(n: int) -> None:
            async with limit:
                started = time.perf_counter()
                response = await http.post("/api/v1/intakes", json=_intake(n))
                intake_latency.append(time.perf_counter() - started)
                accepted = response.json()
                await _until_finished(http, port, accepted["workflow_id"], accepted["patient_id"])
                completion.append(time.perf_counter() - started)

        await one(-1)  # warm-up: first connections, first queries
        intake_latency.clear()
        completion.clear()
        wall = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(count)))
        wall = time.perf_counter() - wall
    return {
        "workflows": count,
        "concurrency": concurrency,
        "throughput_wf_per_s": count / wall,
        "intake_p50_ms": _pct(intake_latency, 0.5),
        "intake_p99_ms": _pct(intake_latency, 0.99),
        "complete_p50_ms": _pct(completion, 0.5),
        "complete_p99_ms": _pct(completion, 0.99),
        "complete_mean_ms": statistics.fmean(completion) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        platform = start_dev(
            data_dir=Path(tmp),
            port=port,
            log=Path(tmp) / "platform.log",
            env={"ES_LOG_LEVEL": "WARNING", "ES_INTAKE_WAIT_SECONDS": "5"},
        )
        try:
            result = asyncio.run(_load(port, args.count, args.concurrency))
            result["platform_peak_rss_mib"] = peak_rss_mib(platform.pid)
        finally:
            platform.send_signal(signal.SIGTERM)
            platform.wait(timeout=30)
    print("EmergiSphere end-to-end benchmark (`emergisphere dev`, embedded adapters)")
    for key, value in result.items():
        print(f"  {key:22} {value:10.1f}" if isinstance(value, float) else f"  {key:22} {value}")


if __name__ == "__main__":
    main()
