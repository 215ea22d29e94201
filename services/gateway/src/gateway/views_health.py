"""Liveness, readiness and metrics."""

from __future__ import annotations

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from gateway.deps import PlatformDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(platform: PlatformDep, response: Response) -> dict[str, str]:
    try:
        async with platform.db.session() as session:
            await session.execute(text("SELECT 1"))
    except Exception:
        response.status_code = 503
        return {"status": "unavailable", "database": "unreachable"}
    return {"status": "ready"}


@router.get("/metrics", include_in_schema=False)
async def metrics(platform: PlatformDep) -> Response:
    return Response(generate_latest(platform.metrics.registry), media_type=CONTENT_TYPE_LATEST)
