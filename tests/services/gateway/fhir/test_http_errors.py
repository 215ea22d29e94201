"""Refusals made before a FHIR route runs (sign-in, routing, body size) are
OperationOutcomes too, and real EHR exports are not refused for their size."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from emergisphere_runtime.platform import Platform
from gateway.live import EventHub
from gateway.server import create_app

from .conftest import FHIR_JSON, synthea_files


def outcome_of(response: httpx.Response) -> dict[str, Any]:
    assert response.headers["content-type"].startswith("application/fhir+json")
    body: dict[str, Any] = response.json()
    assert body["resourceType"] == "OperationOutcome"
    (issue,) = body["issue"]
    return issue


async def test_no_token_is_401_as_an_operation_outcome_with_the_challenge(
    platform: Platform,
) -> None:
    app = create_app(platform, EventHub(platform))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://fhir.test") as anonymous:
        response = await anonymous.get("/fhir/r4/Patient/p-1")
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    issue = outcome_of(response)
    assert (issue["code"], issue["expression"]) == ("login", ["Patient"])
    assert "p-1" not in response.text


async def test_an_unsupported_method_is_405_naming_the_allowed_ones(
    fhir: httpx.AsyncClient,
) -> None:
    response = await fhir.delete("/fhir/r4/Patient/p-1")
    assert response.status_code == 405
    assert "GET" in response.headers["allow"]
    assert outcome_of(response)["code"] == "not-supported"


async def test_an_unknown_path_is_404_without_echoing_it(fhir: httpx.AsyncClient) -> None:
    response = await fhir.get("/fhir/r4/Patient/p-1/secret/123-45-6789")
    assert response.status_code == 404
    issue = outcome_of(response)
    assert issue["code"] == "not-found"
    assert "123-45-6789" not in response.text


async def test_a_body_over_the_fhir_limit_is_413_naming_the_limit(
    fhir: httpx.AsyncClient, platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(platform.settings, "fhir_max_body_bytes", 4096)
    bundle = {"resourceType": "Bundle", "type": "batch", "entry": [], "pad": "x" * 5000}
    response = await fhir.post("/fhir/r4", content=json.dumps(bundle))
    assert response.status_code == 413
    issue = outcome_of(response)
    assert issue["code"] == "too-costly"
    assert "4096 bytes" in issue["diagnostics"]


async def test_every_synthea_export_is_accepted_byte_for_byte_as_exported(
    fhir: httpx.AsyncClient,
) -> None:
    # The exports are pretty-printed; the largest is well over the API's 1 MiB limit for
    # other routes.
    largest = max(synthea_files(), key=lambda path: path.stat().st_size)
    raw = largest.read_bytes()
    assert len(raw) > 1_048_576
    response = await fhir.post("/fhir/r4", content=raw, headers=FHIR_JSON)
    assert response.status_code == 200, response.text[:500]
    assert response.json()["type"] == "transaction-response"
