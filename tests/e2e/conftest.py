"""The whole platform in this process, on embedded adapters, behind a real HTTP port."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from emergisphere_runtime.platform import Platform, Service
from emergisphere_runtime.runner import START_ORDER, start_services, stop_services
from emergisphere_runtime.settings import Settings
from emergisphere_runtime.testing import sign_in


@dataclass
class Running:
    platform: Platform
    services: list[Service]
    http: httpx.AsyncClient

    async def wait_for(
        self, workflow_id: str, statuses: set[str], within: float = 10.0
    ) -> dict[str, Any]:
        deadline = asyncio.get_running_loop().time() + within
        while True:
            body: dict[str, Any] = (await self.http.get(f"/api/v1/workflows/{workflow_id}")).json()
            if body["status"] in statuses:
                return body
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"workflow stuck in {body['status']}: {body['steps']}")
            await asyncio.sleep(0.05)


StartPlatform = Callable[[], Awaitable[Running]]


@pytest.fixture
async def running(settings: Settings) -> AsyncIterator[Running]:
    # Development mode seeds practitioners, slots and demo patients, as `make run` does.
    e2e = settings.model_copy(
        update={
            "http_port": 0,
            "intake_wait_seconds": 3.0,
            "environment": "development",
            "seed_demo_data": True,
            # Tests poll fast as one user; the per-user limit has its own tests.
            "rate_limit_per_minute": 1_000_000,
        }
    )
    platform = Platform.from_settings(e2e)
    services = await start_services(platform, list(START_ORDER))
    gateway = next(s for s in services if s.name == "gateway")
    port = gateway.port  # type: ignore[attr-defined]
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
        # As the seeded development clinician (FHIR as the development integration).
        await sign_in(http)
        yield Running(platform, services, http)
    await stop_services(platform, services)
