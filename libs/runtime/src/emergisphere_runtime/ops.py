"""Liveness, readiness and metrics over HTTP, for every service process.

The gateway mounts the same routes on its API; the other services serve them alone on
their HTTP port, so probes and Prometheus reach every process the same way.
"""

from __future__ import annotations

import asyncio
import contextlib

import uvicorn
from fastapi import APIRouter, FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from emergisphere_runtime.platform import Platform

router = APIRouter(tags=["health"])


def _platform(request: Request) -> Platform:
    platform: Platform = request.app.state.platform
    return platform


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request, response: Response) -> dict[str, str]:
    try:
        async with _platform(request).db.session() as session:
            await session.execute(text("SELECT 1"))
    except Exception:
        response.status_code = 503
        return {"status": "unavailable", "database": "unreachable"}
    return {"status": "ready"}


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    registry = _platform(request).metrics.registry
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


class OpsServer:
    """The probe and metrics endpoints of a process that has no API of its own."""

    name = "ops"

    def __init__(self, platform: Platform) -> None:
        app = FastAPI(title="EmergiSphere service", openapi_url=None, docs_url=None)
        app.state.platform = platform
        app.include_router(router)
        settings = platform.settings
        self._server = uvicorn.Server(
            uvicorn.Config(
                app,
                host=settings.http_host,
                port=settings.http_port,
                log_config=None,
                access_log=False,
                lifespan="off",
            )
        )
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._server.serve(), name="ops:http")
        while not self._server.started:
            if self._task.done():
                self._task.result()  # surfaces a bind failure
            await asyncio.sleep(0.02)

    async def stop(self) -> None:
        if self._task is not None:
            self._server.should_exit = True
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
