"""The FHIR API over the embedded platform, in process (no HTTP port)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from tests.e2e.conftest import Running, running  # noqa: F401 - the whole platform, for event tests

from emergisphere_runtime.outbox import OutboxMessage
from emergisphere_runtime.platform import Platform
from gateway.fhir.models import FhirPendingDocument, FhirResource, FhirVersion
from gateway.live import EventHub
from gateway.security.testing import authorize
from gateway.server import create_app

SYNTHEA = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "fhir" / "synthea"
FHIR_JSON = {"content-type": "application/fhir+json"}


def synthea_files() -> list[Path]:
    files = sorted(SYNTHEA.glob("*.json")) if SYNTHEA.is_dir() else []
    if not files:
        pytest.skip(f"no Synthea bundles in {SYNTHEA} (the shared data is absent)")
    return files


def synthea_bundle(index: int = 0) -> dict[str, Any]:
    bundle: dict[str, Any] = json.loads(synthea_files()[index].read_text())
    return bundle


@pytest.fixture
async def fhir(platform: Platform) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(platform, EventHub(platform))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://fhir.test") as client:
        client.headers.update(FHIR_JSON)
        authorize(client, app)  # FHIR as an integration client, the rest as a clinician
        yield client


async def counts(platform: Platform) -> dict[str, int]:
    """Rows of everything a FHIR write stores, to prove a refusal stored nothing."""
    async with platform.db.session() as session:
        found = {}
        for name, model in (
            ("resources", FhirResource),
            ("versions", FhirVersion),
            ("pending", FhirPendingDocument),
            ("outbox", OutboxMessage),
        ):
            found[name] = int(await session.scalar(select(func.count()).select_from(model)) or 0)
    found["documents"] = len(await platform.docs.find("fhir_documents", limit=10_000))
    return found
