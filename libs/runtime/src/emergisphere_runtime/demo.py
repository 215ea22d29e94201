"""``emergisphere demo``: a realistic stream of intakes against a running gateway."""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

FIRST = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kofi", "Lena"]
LAST = ["Adams", "Baker", "Cruz", "Diaz", "Evans", "Fox", "Gray", "Hill", "Ito", "Jones", "Khan"]

# (complaint, arrival, vitals) shaped on common ED presentations, from critical to minor.
PRESENTATIONS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "chest pain radiating to left arm, sweating",
        "ambulance",
        {"heart_rate": 118, "respiratory_rate": 24, "spo2": 91, "systolic_bp": 92},
    ),
    (
        "sudden facial droop and slurred speech",
        "ambulance",
        {"heart_rate": 88, "respiratory_rate": 18, "spo2": 96, "systolic_bp": 178},
    ),
    (
        "shortness of breath, wheezing, known asthma",
        "private_vehicle",
        {"heart_rate": 112, "respiratory_rate": 28, "spo2": 90, "systolic_bp": 130},
    ),
    (
        "fever and confusion",
        "ambulance",
        {
            "heart_rate": 124,
            "respiratory_rate": 26,
            "temperature_c": 39.4,
            "systolic_bp": 88,
            "consciousness": "C",
        },
    ),
    (
        "abdominal pain right lower quadrant, vomiting",
        "walk_in",
        {"heart_rate": 98, "respiratory_rate": 18, "temperature_c": 38.2, "pain_score": 7},
    ),
    (
        "fell off bicycle, wrist pain and swelling",
        "walk_in",
        {"heart_rate": 84, "respiratory_rate": 16, "spo2": 99, "pain_score": 5},
    ),
    ("sprained ankle playing football", "walk_in", {"heart_rate": 76, "pain_score": 4}),
    ("sore throat for three days", "public_transport", {"heart_rate": 80, "temperature_c": 37.8}),
    ("needs prescription refill", "walk_in", {}),
    ("dog bite to the hand", "walk_in", {"heart_rate": 90, "pain_score": 5}),
]


@dataclass
class Tally:
    statuses: Counter[int] = field(default_factory=Counter)
    acuity: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    errors: int = 0


def _intake(rng: random.Random, n: int) -> dict[str, Any]:
    complaint, arrival, vitals = rng.choice(PRESENTATIONS)
    birth = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 65))
    return {
        "patient": {
            "national_health_id": f"DEMO-{rng.randrange(10**6):06d}-{n}",
            "first_name": rng.choice(FIRST),
            "last_name": rng.choice(LAST),
            "date_of_birth": birth.isoformat(),
            "sex": rng.choice(["male", "female"]),
            "phone": f"+1555{rng.randrange(10**7):07d}",
            "emergency_contacts": [
                {"name": rng.choice(FIRST), "relationship": "spouse", "phone": "+15550009999"}
            ],
        },
        "chief_complaint": complaint,
        "arrival_mode": arrival,
        "vitals": vitals,
    }


async def run_demo(url: str, *, count: int, concurrency: int, seed: int) -> int:
    rng = random.Random(seed)
    bodies = [_intake(rng, n) for n in range(count)]
    tally = Tally()
    limit = asyncio.Semaphore(concurrency)
    console = Console()

    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        from emergisphere_runtime.testing import sign_in

        await sign_in(client, "desk")  # the development desk account
        with Progress(console=console) as progress:
            task = progress.add_task("Posting intakes", total=count)

            async def post(body: dict[str, Any]) -> None:
                async with limit:
                    started = time.perf_counter()
                    try:
                        response = await client.post("/api/v1/intakes", json=body)
                    except httpx.HTTPError:
                        tally.errors += 1
                    else:
                        tally.latencies.append(time.perf_counter() - started)
                        tally.statuses[response.status_code] += 1
                        triage = response.json().get("triage") if response.is_success else None
                        tally.acuity[f"ESI {triage['acuity']}" if triage else "pending"] += 1
                    progress.advance(task)

            await asyncio.gather(*(post(b) for b in bodies))

    table = Table(title="Demo summary")
    table.add_column("measure")
    table.add_column("value")
    for status, n in sorted(tally.statuses.items()):
        table.add_row(f"HTTP {status}", str(n))
    for level, n in sorted(tally.acuity.items()):
        table.add_row(level, str(n))
    if tally.latencies:
        ordered = sorted(tally.latencies)
        table.add_row("p50 latency", f"{ordered[len(ordered) // 2] * 1000:.0f} ms")
        table.add_row("max latency", f"{ordered[-1] * 1000:.0f} ms")
    table.add_row("connection errors", str(tally.errors))
    console.print(table)
    return 0 if tally.errors == 0 and set(tally.statuses) <= {201, 202} else 1
