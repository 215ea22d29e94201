"""Request counts, latency and a server span by route template (never the raw path: it
carries ids). The span continues a caller's ``traceparent`` and is the root of the trace
of every workflow the request starts."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from starlette.routing import Match

from emergisphere_runtime import tracing
from emergisphere_runtime.metrics import Metrics

# Probes and scrapes: counted, but no trace of their own every few seconds.
UNTRACED_ROUTES = frozenset({"/healthz", "/readyz", "/metrics"})


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
        route = _route_template(request)
        method = request.method
        status = "500"  # what the client gets if the app raises
        try:
            if route in UNTRACED_ROUTES:
                response = await call_next(request)
            else:
                with tracing.server_span(
                    method=method, route=route, headers=dict(request.headers)
                ) as span:
                    response = await call_next(request)
                    tracing.set_http_status(span, response.status_code)
            status = str(response.status_code)
        finally:
            metrics.http_requests.labels(route, method, status).inc()
            metrics.http_seconds.labels(route, method, status).observe(
                time.perf_counter() - started
            )
        return response
