"""``emergisphere dev``: every service in one process on the embedded adapters (SQLite
files, in-process bus and cache, a temporary data directory), closed loop."""

from __future__ import annotations

import asyncio
import signal
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from emergisphere_runtime.benchmarks.load import Desks
from emergisphere_runtime.cluster import rss_mib
from emergisphere_runtime.devprocess import free_port, start_dev


async def _drive(url: str, count: int, concurrency: int) -> dict[str, Any]:
    desks = Desks(url, uuid.uuid4().hex[:8])
    try:
        await desks.warm_up(concurrency, concurrency)
        return await desks.closed_loop(count, concurrency, max_seconds=60)
    finally:
        await desks.close()


def run(*, count: int, concurrency: int, log_dir: Path) -> dict[str, Any]:
    port = free_port()
    log_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        platform = start_dev(
            data_dir=Path(tmp),
            port=port,
            log=log_dir / "embedded.log",
            env={"ES_LOG_LEVEL": "WARNING", "ES_INTAKE_WAIT_SECONDS": "10"},
        )
        started = time.perf_counter() - began
        try:
            result = asyncio.run(_drive(f"http://127.0.0.1:{port}", count, concurrency))
            current, peak = rss_mib(platform.pid)
        finally:
            platform.send_signal(signal.SIGTERM)
            platform.wait(timeout=30)
    return {
        "start_seconds": started,
        **result,
        "memory": {"rss_mib": current, "peak_mib": peak},
    }
