"""The desk client's workload against a gateway: post intakes, follow each workflow to its
end, and time both.

Per workflow: intake-to-triage is the POST round trip when the gateway answers 201 (it
waited for the acuity); after a 202 it is when the triage step is seen settled. Intake-to-
completed is when the live-update WebSocket (``/ws/patient/{id}``) reports the workflow
finished; should the socket stay silent for a second, one GET of the workflow checks
instead, and the outcome is counted as ``polled``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import websockets

from emergisphere_runtime.testing import login

FINISHED = frozenset({"completed", "escalated", "failed"})
STEP_SETTLED = frozenset({"step_completed", "step_failed"})
STEP_TERMINAL = frozenset({"completed", "failed", "skipped"})
# Silence on the socket for this long triggers one GET of the workflow.
POLL_SECONDS = 1.0
WORKFLOW_TIMEOUT_SECONDS = 60.0


def intake(run: str, n: int) -> dict[str, Any]:
    """An ambulance arrival; every third one a minor injury, the rest chest pain."""
    return {
        "patient": {
            "national_health_id": f"BENCH-{run}-{n:06d}",
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


@dataclass(frozen=True)
class Outcome:
    """One workflow as the desk saw it. Times are ``time.perf_counter()`` seconds."""

    started: float
    finished: float
    # completed | escalated | failed | timeout | "http <code>" | "error <type>"
    status: str
    intake_status: int = 0
    triage_s: float | None = None
    complete_s: float | None = None
    polled: bool = False


def percentiles(values: Sequence[float]) -> dict[str, float]:
    """p50, p99, mean and max in milliseconds (nearest rank); NaN when there are none."""
    if not values:
        nan = float("nan")
        return {"p50": nan, "p99": nan, "mean": nan, "max": nan}
    ordered = sorted(values)

    def rank(q: float) -> float:
        return ordered[max(0, math.ceil(q * len(ordered)) - 1)] * 1000

    return {
        "p50": rank(0.50),
        "p99": rank(0.99),
        "mean": sum(ordered) / len(ordered) * 1000,
        "max": ordered[-1] * 1000,
    }


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    completed = [o for o in outcomes if o.status == "completed"]
    return {
        "workflows": len(outcomes),
        "completed": len(completed),
        "not_completed": dict(Counter(o.status for o in outcomes if o.status != "completed")),
        "intake_201": sum(o.intake_status == 201 for o in outcomes),
        "intake_202": sum(o.intake_status == 202 for o in outcomes),
        "completion_seen_by_polling": sum(o.polled for o in completed),
        "intake_to_triage_ms": percentiles(
            [o.triage_s for o in outcomes if o.triage_s is not None]
        ),
        "intake_to_completed_ms": percentiles(
            [o.complete_s for o in completed if o.complete_s is not None]
        ),
    }


class Desks:
    """Simulated front desks sharing one HTTP connection pool to the gateway."""

    def __init__(self, url: str, run: str) -> None:
        self._url = url
        self._ws_url = "ws" + url.removeprefix("http")
        self._run = run
        self._numbers = itertools.count()
        self._ws_query = ""
        self._http = httpx.AsyncClient(
            base_url=url,
            timeout=WORKFLOW_TIMEOUT_SECONDS,
            limits=httpx.Limits(max_connections=400, max_keepalive_connections=100),
        )

    async def close(self) -> None:
        await self._http.aclose()

    async def sign_in(self) -> None:
        """Every desk works under the development desk account (one token lasts 15 min,
        longer than any run); browsers pass the token to the WebSocket in the query."""
        header = await login(self._http, "desk")
        self._http.headers.update(header)
        self._ws_query = "?access_token=" + header["Authorization"].removeprefix("Bearer ")

    async def workflow(self) -> Outcome:
        """Post one intake and follow its workflow until it finishes (or times out)."""
        n = next(self._numbers)
        started = time.perf_counter()
        try:
            response = await self._http.post("/api/v1/intakes", json=intake(self._run, n))
        except httpx.HTTPError as exc:
            return Outcome(started, time.perf_counter(), f"error {type(exc).__name__}")
        answered = time.perf_counter()
        if response.status_code not in (201, 202):
            return Outcome(started, answered, f"http {response.status_code}")
        body = response.json()
        triage_s = answered - started if response.status_code == 201 else None
        try:
            return await self._follow(
                started, response.status_code, body["workflow_id"], body["patient_id"], triage_s
            )
        except (httpx.HTTPError, websockets.WebSocketException, OSError) as exc:
            return Outcome(
                started,
                time.perf_counter(),
                f"error {type(exc).__name__}",
                response.status_code,
                triage_s,
            )

    async def _follow(
        self,
        started: float,
        intake_status: int,
        workflow_id: str,
        patient_id: str,
        triage_s: float | None,
    ) -> Outcome:
        deadline = started + WORKFLOW_TIMEOUT_SECONDS
        polled = False
        async with websockets.connect(
            f"{self._ws_url}/ws/patient/{patient_id}{self._ws_query}"
        ) as ws:
            # Subscribed first, then checked once: a workflow that finished before the
            # subscription is seen by the check, one that finishes after by the socket.
            status, triage_done = await self._status(workflow_id)
            if triage_done and triage_s is None:
                triage_s = time.perf_counter() - started
            while status not in FINISHED:
                if time.perf_counter() > deadline:
                    return Outcome(started, time.perf_counter(), "timeout", intake_status, triage_s)
                try:
                    event = json.loads(await asyncio.wait_for(ws.recv(), POLL_SECONDS))
                except TimeoutError:
                    status, triage_done = await self._status(workflow_id)
                    if triage_done and triage_s is None:
                        triage_s = time.perf_counter() - started
                    polled = status in FINISHED
                    continue
                if event.get("workflow_id") != workflow_id:
                    continue
                if (
                    triage_s is None
                    and event.get("step_id") == "triage"
                    and event.get("kind") in STEP_SETTLED
                ):
                    triage_s = time.perf_counter() - started
                status = event.get("workflow_status") or status
        finished = time.perf_counter()
        return Outcome(
            started, finished, status, intake_status, triage_s, finished - started, polled
        )

    async def _status(self, workflow_id: str) -> tuple[str, bool]:
        """The workflow's status, and whether its triage step has an outcome."""
        response = await self._http.get(f"/api/v1/workflows/{workflow_id}")
        response.raise_for_status()
        workflow = response.json()
        triage_done = any(
            step["id"] == "triage" and step["status"] in STEP_TERMINAL for step in workflow["steps"]
        )
        return str(workflow["status"]), triage_done

    async def warm_up(self, count: int, concurrency: int) -> None:
        """Sign in; first connections, caches and consumer assignments; fails when nothing
        completes."""
        await self.sign_in()
        outcomes = [await self.workflow() for _ in range(2)]
        outcomes += await self._closed(count, concurrency, max_seconds=20)
        if not any(o.status == "completed" for o in outcomes):
            raise RuntimeError(f"no warm-up workflow completed: {summarise(outcomes)}")

    async def open_loop(self, rate: float, seconds: float) -> dict[str, Any]:
        """Intakes arrive every 1/rate seconds, whatever the platform's state."""
        count = max(1, round(rate * seconds))
        loop = asyncio.get_running_loop()
        tasks: list[asyncio.Task[Outcome]] = []
        start = loop.time()
        began = time.perf_counter()
        max_lag = 0.0
        for n in range(count):
            delay = start + n / rate - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            else:
                max_lag = max(max_lag, -delay)
            tasks.append(asyncio.create_task(self.workflow()))
        sent = time.perf_counter() - began
        outcomes = await asyncio.gather(*tasks)
        wall = max(o.finished for o in outcomes) - began
        done = sum(o.status == "completed" for o in outcomes)
        return {
            "mode": "open loop",
            "offered_wf_per_s": rate,
            "arrival_seconds": seconds,
            "sent_wf_per_s": count / max(sent, 1 / rate) if count > 1 else rate,
            "max_send_lag_ms": max_lag * 1000,
            "wall_seconds": wall,
            "achieved_wf_per_s": done / wall,
            **summarise(outcomes),
        }

    async def closed_loop(
        self, count: int, concurrency: int, max_seconds: float | None = None
    ) -> dict[str, Any]:
        """``concurrency`` desks, each posting its next intake when its last one finished;
        after ``max_seconds`` no desk starts another (the run is then cut short)."""
        began = time.perf_counter()
        outcomes = await self._closed(count, concurrency, max_seconds)
        wall = time.perf_counter() - began
        done = sum(o.status == "completed" for o in outcomes)
        return {
            "mode": "closed loop",
            "concurrency": concurrency,
            "planned": count,
            "cut_short": len(outcomes) < count,
            "wall_seconds": wall,
            "throughput_wf_per_s": done / wall,
            **summarise(outcomes),
        }

    async def _closed(
        self, count: int, concurrency: int, max_seconds: float | None = None
    ) -> list[Outcome]:
        remaining = iter(range(count))
        outcomes: list[Outcome] = []
        deadline = time.perf_counter() + max_seconds if max_seconds else math.inf

        async def desk() -> None:
            for _ in remaining:
                outcomes.append(await self.workflow())
                if time.perf_counter() > deadline:
                    return

        await asyncio.gather(*(desk() for _ in range(concurrency)))
        return outcomes
