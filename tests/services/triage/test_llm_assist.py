"""The LLM assist: real LangChain clients against a local server speaking the providers' APIs.

The server runs on 127.0.0.1 in a thread and answers as the test tells it: a more urgent
level, a less urgent one, garbage, an error or nothing in time.
"""

from __future__ import annotations

import asyncio
import dataclasses
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from hypothesis import given, settings
from hypothesis import strategies as st
from prometheus_client import CollectorRegistry

from emergisphere_clinical import TriageInput, VitalSigns, assess
from triage.llm import TriageAssist, assist_counter, parse_acuity, raise_only, triage_assist
from triage.llm_settings import TriageLlmSettings

# One event loop for the module: the local provider's clients keep pooled connections.
module_loop = pytest.mark.asyncio(loop_scope="module")

ANKLE = TriageInput(
    chief_complaint="twisted ankle",
    vitals=VitalSigns(heart_rate=80, respiratory_rate=16, systolic_bp=125, spo2=98),
    age_years=30,
)


@dataclass
class FakeProvider:
    """What the local provider answers next, and what it was asked."""

    reply: str = '{"acuity": 3, "reason": "agree"}'
    status: int = 200
    delay: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)


def provider_app(state: FakeProvider) -> FastAPI:
    app = FastAPI()

    async def answer(request: Request) -> dict[str, Any] | None:
        body = await request.json()
        state.requests.append({"path": request.url.path, "body": body})
        if state.delay:
            await asyncio.sleep(state.delay)
        return body if state.status == 200 else None

    @app.post("/v1/chat/completions")
    async def chat_completions(request: Request) -> Any:
        body = await answer(request)
        if body is None:
            return JSONResponse({"error": {"message": "boom", "type": "server_error"}}, 500)
        return {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": state.reply},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
        }

    @app.post("/v1/messages")
    async def messages(request: Request) -> Any:
        body = await answer(request)
        if body is None:
            return JSONResponse({"type": "error", "error": {"type": "api_error"}}, 500)
        return {
            "id": "msg_test",
            "type": "message",
            "role": "assistant",
            "model": body["model"],
            "content": [{"type": "text", "text": state.reply}],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": {"input_tokens": 10, "output_tokens": 5},
        }

    return app


@pytest.fixture(scope="module")
def provider() -> Iterator[tuple[FakeProvider, str]]:
    state = FakeProvider()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        provider_app(state), log_level="warning", timeout_graceful_shutdown=1, lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "local provider did not start"
    try:
        yield state, f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()


@pytest.fixture
def fake(provider: tuple[FakeProvider, str]) -> FakeProvider:
    state = provider[0]
    state.reply, state.status, state.delay = '{"acuity": 3, "reason": "agree"}', 200, 0.0
    state.requests.clear()
    return state


def assist(base_url: str, *, provider: str = "openai", timeout: float = 2.0) -> TriageAssist:
    # A fresh registry per test: outcome counts start at zero.
    llm = TriageLlmSettings(
        provider=provider,  # type: ignore[arg-type]
        model="triage-test-model",
        base_url=f"{base_url}/v1" if provider == "openai" else base_url,
        api_key="test-key",  # type: ignore[arg-type]
        timeout_seconds=timeout,
    )
    return triage_assist(CollectorRegistry(), llm)


def outcome_count(helper: TriageAssist, outcome: str) -> float:
    return helper._counter.labels(outcome)._value.get()  # type: ignore[no-any-return]


@module_loop
async def test_a_more_urgent_answer_raises_acuity_with_a_reason(
    provider: tuple[FakeProvider, str], fake: FakeProvider
) -> None:
    fake.reply = 'Here you go: {"acuity": 2, "reason": "possible high-risk mechanism"}'
    helper = assist(provider[1])
    rules = assess(ANKLE)
    result = await helper.review(ANKLE, rules)
    assert rules.acuity >= 4
    assert result.acuity == 2
    assert result.reasons[0].rule == "llm.raised_acuity"
    assert "physician_now" in result.immediate_actions
    assert result.reasons[1:] == rules.reasons
    assert outcome_count(helper, "raised") == 1
    sent = fake.requests[-1]
    assert sent["path"] == "/v1/chat/completions"
    assert sent["body"]["model"] == "triage-test-model"
    assert "twisted ankle" in sent["body"]["messages"][-1]["content"]


@module_loop
async def test_a_less_urgent_answer_is_ignored(
    provider: tuple[FakeProvider, str], fake: FakeProvider
) -> None:
    chest = dataclasses.replace(ANKLE, chief_complaint="crushing chest pain")
    rules = assess(chest)
    assert rules.acuity == 2
    fake.reply = '{"acuity": 5, "reason": "probably nothing"}'
    helper = assist(provider[1])
    assert await helper.review(chest, rules) == rules
    assert outcome_count(helper, "lower_ignored") == 1


@module_loop
async def test_garbage_falls_back_to_the_rules(
    provider: tuple[FakeProvider, str], fake: FakeProvider
) -> None:
    rules = assess(ANKLE)
    helper = assist(provider[1])
    for reply in ("I think ESI one", '{"acuity": "1"}', '{"acuity": 0}', '{"acuity": true}', "{"):
        fake.reply = reply
        assert await helper.review(ANKLE, rules) == rules
    assert outcome_count(helper, "invalid") == 5


@module_loop
async def test_a_timeout_falls_back_to_the_rules_within_the_deadline(
    provider: tuple[FakeProvider, str], fake: FakeProvider
) -> None:
    fake.reply, fake.delay = '{"acuity": 1}', 1.5
    helper = assist(provider[1], timeout=0.3)
    rules = assess(ANKLE)
    started = time.monotonic()
    assert await helper.review(ANKLE, rules) == rules
    assert time.monotonic() - started < 1.2
    assert outcome_count(helper, "timeout") == 1


@module_loop
async def test_a_provider_error_falls_back_to_the_rules(
    provider: tuple[FakeProvider, str], fake: FakeProvider
) -> None:
    fake.status = 500
    helper = assist(provider[1])
    rules = assess(ANKLE)
    assert await helper.review(ANKLE, rules) == rules
    assert outcome_count(helper, "error") == 1


@module_loop
async def test_an_unreachable_provider_falls_back_to_the_rules() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    helper = assist(f"http://127.0.0.1:{closed}")
    rules = assess(ANKLE)
    assert await helper.review(ANKLE, rules) == rules
    assert outcome_count(helper, "error") == 1


@module_loop
async def test_anthropic_messages_api_can_raise_acuity(
    provider: tuple[FakeProvider, str], fake: FakeProvider
) -> None:
    fake.reply = '{"acuity": 1, "reason": "airway risk"}'
    helper = assist(provider[1], provider="anthropic")
    result = await helper.review(ANKLE, assess(ANKLE))
    assert result.acuity == 1
    assert fake.requests[-1]["path"] == "/v1/messages"


@module_loop
async def test_disabled_assist_returns_the_rules_and_calls_nothing(
    fake: FakeProvider,
) -> None:
    helper = triage_assist(CollectorRegistry(), TriageLlmSettings(provider="off"))
    rules = assess(ANKLE)
    assert not helper.enabled
    assert await helper.review(ANKLE, rules) is rules
    assert fake.requests == []


def test_enabling_without_a_model_is_refused() -> None:
    with pytest.raises(ValueError, match="ES_TRIAGE_LLM_MODEL"):
        TriageLlmSettings(provider="openai", model="")


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ES_TRIAGE_LLM_PROVIDER", "openai")
    monkeypatch.setenv("ES_TRIAGE_LLM_MODEL", "m")
    monkeypatch.setenv("ES_TRIAGE_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("ES_TRIAGE_LLM_TIMEOUT_SECONDS", "1.5")
    llm = TriageLlmSettings()
    assert (llm.provider, llm.model, llm.timeout_seconds) == ("openai", "m", 1.5)
    assert llm.base_url == "http://127.0.0.1:9/v1"


def test_the_outcome_counter_is_registered_once_per_registry() -> None:
    registry = CollectorRegistry()
    assert assist_counter(registry) is assist_counter(registry)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ('{"acuity": 2, "reason": "x"}', 2),
        ('```json\n{"acuity": 4}\n```', 4),
        ('{"acuity": 6}', None),
        ('{"level": 2}', None),
        ("acuity: 2", None),
        ("[1, 2]", None),
    ],
)
def test_parse_acuity(reply: str, expected: int | None) -> None:
    assert parse_acuity(reply) == expected


complaints = st.sampled_from(
    ["twisted ankle", "chest pain", "sore throat", "denies chest pain", "fever", "", "zzz"]
)
inputs = st.builds(
    TriageInput,
    chief_complaint=complaints,
    vitals=st.builds(
        VitalSigns,
        heart_rate=st.none() | st.integers(30, 200).map(float),
        spo2=st.none() | st.integers(70, 100).map(float),
        pain_score=st.none() | st.integers(0, 10),
    ),
    age_years=st.none() | st.floats(0, 100),
)


@settings(max_examples=200, deadline=None)
@given(data=inputs, suggestion=st.none() | st.integers(-3, 9))
def test_the_llm_path_never_lowers_acuity(data: TriageInput, suggestion: int | None) -> None:
    rules = assess(data)
    combined = raise_only(rules, suggestion)
    assert combined.acuity <= rules.acuity
    assert 1 <= combined.acuity <= 5
    if suggestion is None or not 1 <= suggestion < rules.acuity:
        assert combined == rules


class ScriptedAdvisor:
    def __init__(self, level: int | None) -> None:
        self.level = level

    async def suggest(self, data: TriageInput, rules: Any) -> int | None:
        return self.level


@settings(max_examples=100, deadline=None)
@given(data=inputs, level=st.none() | st.integers(1, 5))
def test_review_never_lowers_acuity_whatever_the_advisor_says(
    data: TriageInput, level: int | None
) -> None:
    helper = TriageAssist(
        ScriptedAdvisor(level), timeout_seconds=1, counter=assist_counter(CollectorRegistry())
    )
    rules = assess(data)
    reviewed = asyncio.run(helper.review(data, rules))
    assert reviewed.acuity == min(rules.acuity, level or 5)
