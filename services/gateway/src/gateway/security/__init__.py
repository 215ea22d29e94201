"""Authentication, authorization, audit and abuse limits of the gateway (docs/security.md).

``install`` wires it into an app: the security middleware, CORS, the security routes;
``authorize`` is the dependency every route runs (create_app passes it to FastAPI).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from emergisphere_runtime.crypto.reencrypt import reencrypt_platform
from emergisphere_runtime.platform import Platform
from gateway.security.context import Security
from gateway.security.enforcement import authorize
from gateway.security.middleware import SecurityMiddleware
from gateway.security.views import router

log = logging.getLogger(__name__)

__all__ = ["Security", "authorize", "install", "start", "stop"]


def install(app: FastAPI, platform: Platform) -> Security:
    security = Security.build(platform)
    app.state.security = security
    app.include_router(router)
    origins = [o.strip() for o in platform.settings.cors_origins.split(",") if o.strip()]
    # Added last, so outermost: preflights are answered before authentication.
    app.add_middleware(SecurityMiddleware, security=security)
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "PUT", "PATCH"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "Idempotency-Key",
                "X-Request-ID",
                "X-Purpose-Of-Use",
            ],
            expose_headers=["Location", "Retry-After", "X-Request-ID"],
            max_age=600,
        )
    return security


async def start(app: FastAPI) -> None:
    security: Security = app.state.security
    if security.platform.settings.environment == "development":
        from gateway.security.devusers import seed

        await seed(security.platform)
    await security.audit.start()
    # After a key rotation (or on data from before encryption), rewrite PHI under the
    # active key beside normal traffic (one read of every PHI value per start).
    security.background = asyncio.create_task(_reencrypt(security), name="security:reencrypt")


async def _reencrypt(security: Security) -> None:
    try:
        report = await reencrypt_platform(security.platform)
    except Exception:
        log.exception("re-encryption pass failed; the next start retries it")
        return
    if report.total:
        log.info("re-encrypted PHI under the active key", extra={"values": report.total})


async def stop(app: FastAPI) -> None:
    security: Security = app.state.security
    if security.background is not None:
        security.background.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await security.background
    await security.audit.stop()
