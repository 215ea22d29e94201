"""FHIR ingest benchmark: a 500-entry Synthea transaction Bundle, end to end through the
HTTP API (validation, mapping, relational and document storage, outbox) on the embedded
platform. ``run()`` returns the figures; ``make bench`` prints them."""

from __future__ import annotations

import asyncio
import json
import resource
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from emergisphere_runtime import schema
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.settings import Settings
from gateway.security.testing import bearer
from gateway.server import Gateway

ENTRIES = 500
RUNS = 7
TARGET_P50_SECONDS = 1.0
SYNTHEA = Path("../shared/data/fhir/synthea")


def _source() -> Path | None:
    """The largest Synthea bundle with at least ENTRIES entries, relative to the repo root."""
    root = Path(__file__).resolve().parents[5]
    folder = root / SYNTHEA
    if not folder.is_dir():
        return None
    for path in sorted(folder.glob("*.json"), key=lambda p: p.stat().st_size, reverse=True):
        if len(json.loads(path.read_text())["entry"]) >= ENTRIES:
            return path
    return None


def _fresh(entries: list[dict[str, Any]]) -> bytes:
    """The bundle with new urn:uuid fullUrls, so every run creates new resources."""
    text = json.dumps({"resourceType": "Bundle", "type": "transaction", "entry": entries})
    for entry in entries:
        old = entry["fullUrl"]
        text = text.replace(old, f"urn:uuid:{uuid.uuid4()}")
    return text.encode()


async def _measure(entries: list[dict[str, Any]]) -> dict[str, Any]:
    bodies = [_fresh(entries) for _ in range(RUNS + 1)]
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            environment="test", data_dir=Path(folder), seed_demo_data=False, http_port=0
        )
        await schema.upgrade(settings.resolved_database_url)
        platform = Platform.from_settings(settings)
        await platform.open_stores()
        gateway = Gateway(platform)
        await gateway.start()
        seconds: list[float] = []
        try:
            base = f"http://127.0.0.1:{gateway.port}"
            headers = {
                "content-type": "application/fhir+json",
                **bearer(gateway.app, "integration"),
            }
            async with httpx.AsyncClient(base_url=base, timeout=60, headers=headers) as http:
                for index, body in enumerate(bodies):
                    started = time.perf_counter()
                    response = await http.post("/fhir/r4", content=body)
                    elapsed = time.perf_counter() - started
                    if response.status_code != 200:
                        raise RuntimeError(f"bundle refused with HTTP {response.status_code}")
                    if index:  # the first run warms caches (schema tables, SQL compilation)
                        seconds.append(elapsed)
        finally:
            await gateway.stop()
            await platform.close()
    p50 = statistics.median(seconds)
    return {
        "bundle_entries": ENTRIES,
        "runs": len(seconds),
        "p50_seconds": round(p50, 3),
        "max_seconds": round(max(seconds), 3),
        "entries_per_second": round(ENTRIES / p50),
        "target_p50_seconds": TARGET_P50_SECONDS,
        "meets_target": p50 <= TARGET_P50_SECONDS,
        # Linux reports kilobytes.
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "store": "embedded (SQLite relational and document stores)",
    }


def run() -> dict[str, Any]:
    source = _source()
    if source is None:
        return {"skipped": f"no Synthea bundle with {ENTRIES}+ entries under {SYNTHEA}"}
    return asyncio.run(_measure(json.loads(source.read_text())["entry"][:ENTRIES]))
