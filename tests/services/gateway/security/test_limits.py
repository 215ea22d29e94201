"""Abuse limits and transport hygiene: per-principal rate limits (memory and Redis),
413 for large bodies, strict write bodies, CORS allow-list, security headers, and
production refusing development secrets."""

from __future__ import annotations

import uuid

import httpx
import pytest
from fastapi import FastAPI

from emergisphere_runtime.cache.redis import RedisCache
from emergisphere_runtime.crypto import UnsafeSecrets
from emergisphere_runtime.platform import Platform
from gateway.live import EventHub
from gateway.security import limits
from gateway.security.context import Security
from gateway.security.testing import bearer
from gateway.server import create_app


def _client(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://gateway")


async def test_each_principal_has_its_own_rate_limit(platform: Platform) -> None:
    platform.settings = platform.settings.model_copy(update={"rate_limit_per_minute": 5})
    app = create_app(platform, EventHub(platform))
    desk, other = bearer(app, "desk", name="desk-1"), bearer(app, "desk", name="desk-2")
    async with _client(app) as http:
        statuses = [(await http.get("/api/v1/board", headers=desk)).status_code for _ in range(6)]
        assert statuses == [200] * 5 + [429]
        limited = await http.get("/api/v1/board", headers=desk)
        assert 1 <= int(limited.headers["retry-after"]) <= 2 * limits.WINDOW_SECONDS
        assert (await http.get("/api/v1/board", headers=other)).status_code == 200


async def test_rate_limit_counts_in_redis(servers: dict[str, str]) -> None:
    cache = RedisCache(servers["ES_CACHE_URL"])
    await cache.start()
    try:
        key = f"test-{uuid.uuid4().hex}"
        verdicts = [await limits.hit(cache, key, limit=3, now=120.5) for _ in range(4)]
        assert [v.allowed for v in verdicts] == [True, True, True, False]
        # Four counted: the next window must start and half of this one's weight go.
        assert verdicts[-1].retry_after == 90
        # A new window does not start afresh: the burst still lies in the last 60 s.
        at_boundary = await limits.hit(cache, key, limit=3, now=180.0)
        assert not at_boundary.allowed
        assert at_boundary.retry_after == 45  # 4 x (1 - 0.75) + 1 + 1 <= 3
        assert (await limits.hit(cache, key, limit=3, now=225.0)).allowed
    finally:
        await cache.stop()


async def test_a_burst_across_a_window_boundary_is_still_one_limit(platform: Platform) -> None:
    cache = platform.cache
    key = f"test-{uuid.uuid4().hex}"
    before = [await limits.hit(cache, key, limit=10, now=119.0) for _ in range(8)]
    after = [await limits.hit(cache, key, limit=10, now=120.5) for _ in range(3)]
    assert [v.allowed for v in before + after] == [True] * 10 + [False]
    # Most of a minute later the earlier burst has slid out of the window.
    assert (await limits.hit(cache, key, limit=10, now=178.0)).allowed


async def test_large_bodies_get_413_and_nothing_is_stored(
    app: FastAPI, http: httpx.AsyncClient, platform: Platform
) -> None:
    big = b'{"chief_complaint": "' + b"x" * (platform.settings.max_body_bytes + 10) + b'"}'
    response = await http.post(
        "/api/v1/intakes",
        content=big,
        headers={"content-type": "application/json", **bearer(app, "desk")},
    )
    assert response.status_code == 413
    workflows = await http.get("/api/v1/workflows", headers=bearer(app, "desk"))
    assert workflows.json() == []


async def test_unknown_fields_on_writes_are_refused_by_name(
    app: FastAPI, http: httpx.AsyncClient
) -> None:
    response = await http.post(
        "/api/v1/intakes",
        json={"patient": {}, "chief_complaint": "chest pain", "role": "admin"},
        headers=bearer(app, "desk"),
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["detail"]] == ["role"]


async def test_security_headers_and_request_ids(app: FastAPI, http: httpx.AsyncClient) -> None:
    api = await http.get("/api/v1/board", headers={**bearer(app, "desk"), "X-Request-ID": "r-1"})
    assert api.headers["x-request-id"] == "r-1"
    assert api.headers["x-content-type-options"] == "nosniff"
    assert api.headers["x-frame-options"] == "DENY"
    assert api.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in api.headers["content-security-policy"]
    assert "max-age" in api.headers["strict-transport-security"]
    # An id that could smuggle text into logs is replaced.
    odd = await http.get("/healthz", headers={"X-Request-ID": "a b\nforged: 1"})
    assert odd.headers["x-request-id"] != "a b\nforged: 1"
    # The docs page loads its scripts: no API content policy there.
    assert "content-security-policy" not in (await http.get("/docs")).headers


async def test_cors_allows_only_listed_origins(platform: Platform) -> None:
    platform.settings = platform.settings.model_copy(
        update={"cors_origins": "https://board.hospital.example"}
    )
    app = create_app(platform, EventHub(platform))
    preflight = {
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
    }
    async with _client(app) as http:
        allowed = await http.options(
            "/api/v1/board", headers={"Origin": "https://board.hospital.example", **preflight}
        )
        refused = await http.options(
            "/api/v1/board", headers={"Origin": "https://evil.example", **preflight}
        )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://board.hospital.example"
    assert "access-control-allow-origin" not in refused.headers


def test_production_refuses_missing_or_development_secrets(platform: Platform) -> None:
    production = platform.settings.model_copy(update={"environment": "production"})
    with pytest.raises(UnsafeSecrets, match="ES_PHI_KEYS"):
        Platform.from_settings(production)
    platform.settings = production
    with pytest.raises(UnsafeSecrets, match="ES_JWT_SECRET"):
        Security.build(platform)
    platform.settings = production.model_copy(update={"jwt_secret": "short"})
    with pytest.raises(UnsafeSecrets, match="32 bytes"):
        Security.build(platform)
