"""The gateway app in process on the embedded platform, with helpers to act as a role."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from emergisphere_runtime.platform import Platform
from gateway.live import EventHub
from gateway.server import create_app


@pytest.fixture
def app(platform: Platform) -> FastAPI:
    return create_app(platform, EventHub(platform))


@pytest.fixture
async def http(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """No credentials: each test says who is calling."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
        yield client


def detail(response: httpx.Response) -> Any:
    return response.json().get("detail")
