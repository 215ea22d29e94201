"""Request counts and latency by route template (never the raw path: it carries ids)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from starlette.routing import Match

from emergisphere_runtime.metrics import Metrics


def _route_template(request: Request) -> str:
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match == Match.FULL:
            return str(getattr(route, "path", "unmatched"))
    return "unmatched"


def install(app: FastAPI, metrics: Metrics) -> None:
    @app.middleware("http")
    async def _measure(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        route = _route_template(request)
        metrics.http_requests.labels(route, request.method, str(response.status_code)).inc()
        metrics.http_seconds.labels(route, request.method).observe(time.perf_counter() - started)
        return response
