"""The gateway service: the FastAPI app, served by uvicorn inside the service lifecycle."""

from __future__ import annotations

import asyncio
import contextlib

import uvicorn
from fastapi import Depends, FastAPI

from emergisphere_runtime.ops import router as health_router
from emergisphere_runtime.platform import Platform
from gateway import errors, http_metrics, security
from gateway.fhir.views import router as fhir_router
from gateway.live import EventHub
from gateway.patients import router as patients_router
from gateway.views_appointments import router as appointments_router
from gateway.views_board import router as board_router
from gateway.views_devices import router as devices_router
from gateway.views_intakes import router as intakes_router
from gateway.views_live import router as live_router
from gateway.views_triage import router as triage_router
from gateway.views_workflows import router as workflows_router

DESCRIPTION = """
Intake and workflow API of EmergiSphere. Desk staff post arriving patients and follow
their workflows live; clinicians override acuity or steps; hospital systems use the
device API.
"""


def create_app(platform: Platform, hub: EventHub) -> FastAPI:
    # Every route first passes the permission matrix (gateway.security.matrix).
    app = FastAPI(
        title="EmergiSphere",
        version="0.1.0",
        description=DESCRIPTION,
        dependencies=[Depends(security.authorize)],
    )
    app.state.platform = platform
    app.state.hub = hub
    errors.install(app)
    http_metrics.install(app, platform.metrics)
    routers = (
        intakes_router,
        workflows_router,
        appointments_router,
        patients_router,
        devices_router,
        triage_router,
        board_router,
        live_router,
        health_router,
        fhir_router,
    )
    for router in routers:
        app.include_router(router)
    security.install(app, platform)
    return app


class Gateway:
    name = "gateway"

    def __init__(self, platform: Platform) -> None:
        self._platform = platform
        self.hub = EventHub(platform)
        self.app = create_app(platform, self.hub)
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        settings = self._platform.settings
        await self.hub.start()
        await security.start(self.app)
        config = uvicorn.Config(
            self.app,
            host=settings.http_host,
            port=settings.http_port,
            log_config=None,
            access_log=False,  # access lines carry ids in paths; metrics cover traffic
            lifespan="off",
            # Live-update sockets never end by themselves; do not wait on them forever.
            timeout_graceful_shutdown=3,
        )
        self._server = uvicorn.Server(config)
        self._task = asyncio.create_task(self._server.serve(), name="gateway:http")
        while not self._server.started:
            if self._task.done():
                self._task.result()  # surfaces a bind failure
            await asyncio.sleep(0.02)

    @property
    def port(self) -> int:
        """The bound port (differs from settings when they ask for port 0)."""
        if self._server is None or not self._server.servers:
            raise RuntimeError("gateway is not serving")
        port: int = self._server.servers[0].sockets[0].getsockname()[1]
        return port

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await security.stop(self.app)
        await self.hub.stop()


def build(platform: Platform) -> Gateway:
    return Gateway(platform)
