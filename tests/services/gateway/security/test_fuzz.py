"""Schemathesis against the gateway's OpenAPI schema, in process and authenticated as a
role each operation allows: well over 1,000 generated requests, none answered with 5xx."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings

from emergisphere_runtime.db import Base
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.settings import Settings
from gateway.live import EventHub
from gateway.security.matrix import rule_for
from gateway.security.testing import bearer
from gateway.server import create_app

EXAMPLES_PER_OPERATION = 35
MIN_CASES = 1000
# The first role (most privileged for patient care first) a rule lets in.
PREFERENCE = ("clinician", "desk", "integration", "admin", "billing", "legal", "ops")


@dataclass
class Stack:
    loop: asyncio.AbstractEventLoop
    platform: Platform
    app: FastAPI
    http: httpx.AsyncClient
    sent: int = 0


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    # One event loop of our own for the whole module: hypothesis drives the test
    # synchronously and every request runs on this loop, as the adapters need.
    loop = asyncio.new_event_loop()
    config = Settings(
        environment="test",
        data_dir=tmp_path_factory.mktemp("fuzz"),
        seed_demo_data=False,
        intake_wait_seconds=0,
        rate_limit_per_minute=1_000_000,
    )
    platform = Platform.from_settings(config)

    async def open_all() -> None:
        async with platform.db.engine.begin() as conn:
            await conn.run_sync(Base.metadata.create_all)
        await platform.open_stores()

    loop.run_until_complete(open_all())
    app = create_app(platform, EventHub(platform))
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    http = httpx.AsyncClient(transport=transport, base_url="http://gateway")
    try:
        yield Stack(loop, platform, app, http)
    finally:
        loop.run_until_complete(http.aclose())
        loop.run_until_complete(platform.close())
        loop.close()


def _role(method: str, path: str) -> str | None:
    rule = rule_for(method, path)
    if rule is None or rule.public:
        return None
    return next(r for r in PREFERENCE if rule.allows(r, method) or r in rule.break_glass)


def _send(stack: Stack, case: Any) -> httpx.Response:
    kwargs = case.as_transport_kwargs(base_url="http://gateway")
    role = _role(case.method.upper(), case.path)
    headers = dict(kwargs.pop("headers", None) or {})
    if role is not None:
        headers.update(bearer(stack.app, role))
    data = kwargs.pop("data", None)
    if isinstance(data, bytes | str):
        kwargs["content"] = data
    elif data is not None:
        kwargs["data"] = data
    kwargs.pop("verify", None)
    cookies = kwargs.pop("cookies", None)
    if cookies:
        headers["cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    request = stack.http.request(kwargs.pop("method"), kwargs.pop("url"), headers=headers, **kwargs)
    return stack.loop.run_until_complete(request)


def test_no_generated_request_gets_a_server_error(stack: Stack) -> None:
    schema = schemathesis.openapi.from_dict(stack.app.openapi())
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case: Any) -> None:
            response = _send(stack, case)
            stack.sent += 1
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.path}: {response.text[:300]}")

        run()
    assert operations >= 40
    assert failures == []


def test_enough_cases_were_generated(stack: Stack) -> None:
    assert stack.sent >= MIN_CASES
