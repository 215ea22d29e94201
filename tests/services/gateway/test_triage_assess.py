"""POST /api/v1/triage/assess: structured or narrative intake, explained output, clean 422s."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI, Request

from emergisphere_runtime.platform import Platform
from gateway.live import EventHub
from gateway.security.testing import authorize
from gateway.server import create_app

URL = "/api/v1/triage/assess"
NARRATIVE = (
    "72 y/o male c/o CP radiating to L arm, diaphoretic. "
    "BP 150/90, HR 110, RR 22, SpO2 94% RA, T 37.5"
)


@pytest.fixture
async def api(platform: Platform) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(platform, EventHub(platform))
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
        authorize(client, app)
        yield client


async def test_structured_intake_gets_acuity_news2_reasons_resources_and_actions(
    api: httpx.AsyncClient,
) -> None:
    response = await api.post(
        URL,
        json={
            "chief_complaint": "chest pain radiating to left arm",
            "age_years": 64,
            "vitals": {
                "heart_rate": 118,
                "respiratory_rate": 24,
                "spo2": 91,
                "systolic_bp": 92,
                "consciousness": "A",
            },
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["acuity"] <= 2
    assert body["news2"]["band"] == "high"
    assert body["news2"]["components"]["heart_rate"] == 2
    assert "esi.b.acs" in [reason["rule"] for reason in body["reasons"]]
    assert all(reason["source"] for reason in body["reasons"])
    assert {"physician_now", "ecg_within_10_min"} <= set(body["immediate_actions"])
    assert "ECG" in body["expected_resource_types"]
    assert "temperature_c" in body["missing_data"]
    assert body["read_from_narrative"] == {}


async def test_narrative_is_read_for_age_sex_and_vitals(api: httpx.AsyncClient) -> None:
    response = await api.post(URL, json={"narrative": NARRATIVE})
    assert response.status_code == 200, response.text
    body = response.json()
    read = body["read_from_narrative"]
    assert read["age_years"] == 72
    assert read["sex"] == "male"
    assert (read["systolic_bp"], read["heart_rate"], read["respiratory_rate"]) == (150, 110, 22)
    assert read["spo2"] == 94
    assert read["on_oxygen"] is False
    assert body["acuity"] == 2
    assert body["news2"]["components"]["temperature_c"] == 0  # 37.5 scores 0
    assert "ecg_within_10_min" in body["immediate_actions"]
    # What the note did not say is reported missing, and missing lowers nothing.
    assert "consciousness" in body["missing_data"]


async def test_structured_values_win_over_the_narrative(api: httpx.AsyncClient) -> None:
    response = await api.post(URL, json={"narrative": NARRATIVE, "vitals": {"heart_rate": 80}})
    assert response.status_code == 200
    assert response.json()["news2"]["components"]["heart_rate"] == 0


async def test_negated_red_flag_in_a_narrative_does_not_count(api: httpx.AsyncClient) -> None:
    response = await api.post(
        URL,
        json={"narrative": "25 yo F sore throat, denies chest pain or SOB. HR 80, RR 16"},
    )
    assert response.status_code == 200
    rules = [reason["rule"] for reason in response.json()["reasons"]]
    assert "esi.b.acs" not in rules


@pytest.mark.parametrize(
    ("vitals", "field"),
    [
        ({"heart_rate": 900}, "heart_rate"),
        ({"spo2": 140}, "spo2"),
        ({"respiratory_rate": -4}, "respiratory_rate"),
        ({"systolic_bp": -1}, "systolic_bp"),
        ({"pain_score": 11}, "pain_score"),
        ({"glucose_mg_dl": -3}, "glucose_mg_dl"),
        ({"glucose_mg_dl": 5000}, "glucose_mg_dl"),
    ],
)
async def test_impossible_vitals_get_422_naming_the_field(
    api: httpx.AsyncClient, vitals: dict[str, Any], field: str
) -> None:
    response = await api.post(URL, json={"chief_complaint": "dizzy", "vitals": vitals})
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert [error["loc"] for error in errors] == [["body", "vitals", field]]
    assert str(next(iter(vitals.values()))) not in response.text


async def test_impossible_vital_in_a_narrative_gets_422_naming_the_field(
    api: httpx.AsyncClient,
) -> None:
    response = await api.post(URL, json={"narrative": "fever, T 102.2F, RR 20, HR 990"})
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert [error["loc"] for error in errors] == [["body", "narrative", "heart_rate"]]
    assert "990" not in response.text


async def test_point_of_care_glucose_is_assessed(api: httpx.AsyncClient) -> None:
    body = {"chief_complaint": "feels weak and shaky", "age_years": 50}
    low = await api.post(URL, json={**body, "vitals": {"glucose_mg_dl": 45}})
    assert low.status_code == 200, low.text
    assert low.json()["acuity"] == 2
    assert "esi.b.hypoglycaemia" in [reason["rule"] for reason in low.json()["reasons"]]
    normal = await api.post(URL, json={**body, "vitals": {"glucose_mg_dl": 110}})
    assert normal.json()["acuity"] > 2


async def test_glucose_read_from_a_narrative_is_shown(api: httpx.AsyncClient) -> None:
    response = await api.post(URL, json={"narrative": "diabetic, confused, BS 38"})
    assert response.status_code == 200, response.text
    assert response.json()["read_from_narrative"]["glucose_mg_dl"] == 38
    assert response.json()["acuity"] <= 2


async def test_missing_vitals_are_allowed_and_reported(api: httpx.AsyncClient) -> None:
    response = await api.post(URL, json={"chief_complaint": "twisted ankle"})
    assert response.status_code == 200
    body = response.json()
    assert {"heart_rate", "spo2", "age"} <= set(body["missing_data"])
    assert "obtain_missing_vitals" in body["immediate_actions"]


async def test_nothing_to_assess_is_refused(api: httpx.AsyncClient) -> None:
    response = await api.post(URL, json={"vitals": {"heart_rate": 80}})
    assert response.status_code == 422


# ---- the LLM assist through the endpoint, against a local OpenAI-compatible server ----


@pytest.fixture
def openai_compatible() -> Iterator[tuple[str, list[str]]]:
    asked: list[str] = []
    app = FastAPI()

    @app.post("/v1/chat/completions")
    async def complete(request: Request) -> dict[str, Any]:
        body = await request.json()
        asked.append(body["model"])
        return {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 0,
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": '{"acuity": 1}'},
                    "finish_reason": "stop",
                }
            ],
        }

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/v1", asked
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()


async def test_configured_llm_assist_can_raise_acuity_and_is_counted(
    platform: Platform,
    openai_compatible: tuple[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base_url, asked = openai_compatible
    monkeypatch.setenv("ES_TRIAGE_LLM_PROVIDER", "openai")
    monkeypatch.setenv("ES_TRIAGE_LLM_MODEL", "local-triage")
    monkeypatch.setenv("ES_TRIAGE_LLM_BASE_URL", base_url)
    monkeypatch.setenv("ES_TRIAGE_LLM_API_KEY", "unused")
    app = create_app(platform, EventHub(platform))
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
        authorize(client, app)
        response = await client.post(URL, json={"chief_complaint": "sore throat"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["acuity"] == 1
    assert body["reasons"][0]["rule"] == "llm.raised_acuity"
    assert asked == ["local-triage"]
    raised = platform.metrics.registry.get_sample_value(
        "emergisphere_triage_llm_assist_total", {"outcome": "raised"}
    )
    assert raised == 1


async def test_a_gcs_in_a_narrative_is_read_back_and_an_impossible_one_named(
    api: httpx.AsyncClient,
) -> None:
    response = await api.post(URL, json={"narrative": "found down, GCS 6, HR 90"})
    assert response.status_code == 200, response.text
    assert response.json()["acuity"] == 1
    assert response.json()["read_from_narrative"]["gcs"] == 6
    refused = await api.post(URL, json={"narrative": "GCS 19"})
    assert refused.status_code == 422
    assert [e["loc"] for e in refused.json()["detail"]] == [["body", "narrative", "gcs"]]
