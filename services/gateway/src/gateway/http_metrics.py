"""Request counts, latency and a server span by route template (never the raw path: it
carries ids). The span continues a caller's ``traceparent`` and is the root of the trace
of every workflow the request starts."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

from emergisphere_runtime import tracing
from emergisphere_runtime.metrics import Metrics

# Probes and scrapes: counted, but no trace of their own every few seconds.
UNTRACED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def _route_template(request: Request) -> str:
    """The template of the route that handled the request (the router records it in the
    scope), or "unmatched" when none did."""
    path = getattr(request.scope.get("route"), "path", None)
    return str(path) if path else "unmatched"


def install(app: FastAPI, metrics: Metrics) -> None:
    @app.middleware("http")
    async def _measure(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        method = request.method
        status = "500"  # what the client gets if the app raises
        try:
            if request.url.path in UNTRACED_PATHS:
                response = await call_next(request)
            else:
                with tracing.server_span(method=method, headers=dict(request.headers)) as span:
                    response = await call_next(request)
                    tracing.set_http_route(span, method, _route_template(request))
                    tracing.set_http_status(span, response.status_code)
            status = str(response.status_code)
        finally:
            route = _route_template(request)
            metrics.http_requests.labels(route, method, status).inc()
            metrics.http_seconds.labels(route, method, status).observe(
                time.perf_counter() - started
            )
        return response
