"""Error bodies that name the field and never echo the submitted value (it may be PHI)."""

from __future__ import annotations

import logging
from typing import cast

from fastapi import FastAPI, Request, WebSocket, status
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ExceptionHandler

from emergisphere_runtime.cache.redis import UNAVAILABLE as CACHE_UNAVAILABLE
from emergisphere_runtime.db.base import is_unavailable
from gateway.fhir.outcome import fhir_response, http_outcome
from gateway.fhir.schema import resource_model
from gateway.fhir.views import PREFIX as FHIR_PREFIX
from gateway.fhir.views import is_fhir_path

log = logging.getLogger(__name__)

# How long a client should wait before retrying while the database is unreachable.
RETRY_AFTER_SECONDS = 5
UNAVAILABLE = "Service temporarily unavailable. Nothing was accepted; please retry shortly."
# WebSocket close code "try again later".
WS_TRY_AGAIN_LATER = 1013


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {
            "field": ".".join(str(part) for part in err["loc"][1:]) or str(err["loc"][0]),
            "loc": list(err["loc"]),
            "type": err["type"],
            "msg": err["msg"],
        }
        for err in exc.errors()
    ]
    return JSONResponse(status_code=422, content={"detail": errors})


async def _try_later(conn: Request | WebSocket) -> JSONResponse | None:
    """503 with Retry-After (a WebSocket is closed with "try again later")."""
    if isinstance(conn, WebSocket):
        await conn.close(code=WS_TRY_AGAIN_LATER)
        return None
    return JSONResponse(
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        content={"detail": UNAVAILABLE},
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


async def _store_unavailable(conn: Request | WebSocket, exc: Exception) -> JSONResponse | None:
    """503 with Retry-After when the relational store cannot be reached. The exception's
    text is neither answered nor logged: it may quote statement parameters (PHI)."""
    if not is_unavailable(exc):
        raise exc  # any other database error stays a 500
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    log.warning("database unavailable", extra={"error": type(cause).__name__})
    return await _try_later(conn)


async def _cache_unavailable(conn: Request | WebSocket, exc: Exception) -> JSONResponse | None:
    """The cache (sessions, rate limits, idempotency keys) cannot be reached or has no
    free connection: 503 too, since nothing was accepted."""
    log.warning("cache unavailable", extra={"error": type(exc).__name__})
    return await _try_later(conn)


async def _http_error(request: Request, exc: Exception) -> Response:
    """FHIR clients get every refusal as an OperationOutcome, the rest FastAPI's body."""
    assert isinstance(exc, StarletteHTTPException)
    if not is_fhir_path(request.url.path):
        return await http_exception_handler(request, exc)
    detail = exc.detail if isinstance(exc.detail, str) else "the request was refused"
    # The resource type when the path names one; never the rest of the path (it may
    # carry an identifier).
    first = request.url.path.removeprefix(f"{FHIR_PREFIX}/").split("/", 1)[0]
    expression = first if resource_model(first) is not None else "Resource"
    return fhir_response(
        http_outcome(exc.status_code, detail, expression),
        exc.status_code,
        dict(exc.headers or {}),
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    # SQLAlchemy's connection errors, its pool running dry, and what a driver raises
    # before SQLAlchemy sees it (connection refused, reset, unreachable host).
    # (One handler serves requests and WebSockets; Starlette's types name them apart.)
    handler = cast(ExceptionHandler, _store_unavailable)
    for unavailable in (DBAPIError, PoolTimeoutError, OSError):
        app.add_exception_handler(unavailable, handler)
    cache_handler = cast(ExceptionHandler, _cache_unavailable)
    for unavailable_cache in CACHE_UNAVAILABLE:
        app.add_exception_handler(unavailable_cache, cache_handler)
