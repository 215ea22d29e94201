"""Optional LLM assist: a second opinion that may raise acuity and can never lower it.

The deterministic rules always run first and their answer stands unless a chat model,
asked the same question, judges the patient more urgent. A lower, equal, malformed, late
or failed answer leaves the rules' result untouched; each outcome is counted in
``emergisphere_triage_llm_assist_total`` (the label is the outcome only, never patient
data). Nothing the model writes is stored or shown: only the level it chose is used.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol
from weakref import WeakKeyDictionary

from prometheus_client import CollectorRegistry, Counter

from emergisphere_clinical import Reason, TriageAssessment, TriageInput
from triage.llm_settings import TriageLlmSettings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

SOURCE = "LLM assist (raise-only second opinion on ESI v4); confirmed by the triage nurse"
OUTCOMES = ("raised", "kept", "lower_ignored", "invalid", "timeout", "error")

_COUNTERS: WeakKeyDictionary[CollectorRegistry, Counter] = WeakKeyDictionary()


def assist_counter(registry: CollectorRegistry) -> Counter:
    """The outcome counter in this process's registry (registered once per registry)."""
    counter = _COUNTERS.get(registry)
    if counter is None:
        counter = Counter(
            "emergisphere_triage_llm_assist",
            "LLM triage assist calls by outcome (raised, kept, lower_ignored, invalid, "
            "timeout, error); every outcome but raised leaves the rules' acuity.",
            ["outcome"],
            registry=registry,
        )
        _COUNTERS[registry] = counter
    return counter


class AcuityAdvisor(Protocol):
    """Asks a model for an ESI level. Returns None for an answer that is not a level."""

    async def suggest(self, data: TriageInput, rules: TriageAssessment) -> int | None: ...


SYSTEM_PROMPT = (
    "You are an emergency triage nurse applying the Emergency Severity Index v4 "
    "(1 = immediate life-saving intervention, 2 = high risk, confused or severe pain, "
    "3 = two or more resources, 4 = one resource, 5 = none). You are given a patient and "
    "the level a rule engine assigned. Reply with JSON only: "
    '{"acuity": <integer 1-5>, "reason": "<one short sentence>"}.'
)


def _describe(data: TriageInput, rules: TriageAssessment) -> str:
    v = data.vitals
    vitals = {
        name: getattr(v, name)
        for name in (
            "heart_rate",
            "respiratory_rate",
            "systolic_bp",
            "diastolic_bp",
            "spo2",
            "temperature_c",
            "consciousness",
            "on_oxygen",
            "pain_score",
        )
        if getattr(v, name) is not None
    }
    return json.dumps(
        {
            "complaint": data.chief_complaint,
            "age_years": data.age_years,
            "vitals": vitals,
            "rule_engine": {
                "acuity": rules.acuity,
                "news2": rules.news2.score,
                "rules": [reason.rule for reason in rules.reasons],
            },
        }
    )


_JSON_OBJECT = re.compile(r"\{.*?\}", re.DOTALL)


def parse_acuity(text: str) -> int | None:
    """The ESI level in a model's reply, or None when the reply is not a level."""
    for candidate in _JSON_OBJECT.findall(text):
        try:
            parsed = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        level = parsed.get("acuity") if isinstance(parsed, dict) else None
        # bool is an int in Python; "acuity": true is not a level.
        if isinstance(level, int) and not isinstance(level, bool) and 1 <= level <= 5:
            return level
        return None
    return None


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p if isinstance(p, str) else str(p.get("text", "")) for p in content]
        return "".join(parts)
    return ""


class ChatModelAdvisor:
    """An advisor over any LangChain chat model."""

    def __init__(self, model: BaseChatModel) -> None:
        self._model = model

    async def suggest(self, data: TriageInput, rules: TriageAssessment) -> int | None:
        from langchain_core.messages import HumanMessage, SystemMessage

        reply = await self._model.ainvoke(
            [SystemMessage(SYSTEM_PROMPT), HumanMessage(_describe(data, rules))]
        )
        return parse_acuity(_text(reply.content))


def build_chat_model(settings: TriageLlmSettings) -> BaseChatModel:
    """The configured provider's chat model. Imported lazily: the default needs none."""
    key = settings.api_key.get_secret_value() or None
    # Retries would stretch the wait far past the timeout; a failed call falls back at once.
    if settings.provider == "anthropic":
        from langchain_anthropic import ChatAnthropic

        return ChatAnthropic(
            model=settings.model,
            api_key=key,
            base_url=settings.base_url or None,
            timeout=settings.timeout_seconds,
            max_retries=0,
            max_tokens=settings.max_tokens,
            temperature=0,
        )
    import httpx
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        # A client of its own: langchain-openai otherwise shares one per process, whose
        # pooled connections belong to the event loop that opened them.
        http_async_client=httpx.AsyncClient(timeout=settings.timeout_seconds),
        model=settings.model,
        api_key=key,
        base_url=settings.base_url or None,
        timeout=settings.timeout_seconds,
        max_retries=0,
        max_tokens=settings.max_tokens,
        temperature=0,
    )


def build_advisor(settings: TriageLlmSettings) -> AcuityAdvisor | None:
    return ChatModelAdvisor(build_chat_model(settings)) if settings.enabled else None


def raise_only(rules: TriageAssessment, suggested: int | None) -> TriageAssessment:
    """The rules' assessment, made more urgent when the suggestion is; never less."""
    if suggested is None or not 1 <= suggested < rules.acuity:
        return rules
    text = (
        f"A second opinion judged ESI {suggested}, more urgent than the rules' ESI "
        f"{rules.acuity}; the more urgent level is kept for the nurse to confirm."
    )
    actions = rules.immediate_actions
    if suggested <= 2 and "physician_now" not in actions:
        actions = ("physician_now", *actions)
    return replace(
        rules,
        acuity=suggested,
        reasons=(Reason("llm.raised_acuity", text, SOURCE), *rules.reasons),
        immediate_actions=actions,
    )


class TriageAssist:
    """Runs the advisor with a deadline and folds its answer in, raise-only."""

    def __init__(
        self, advisor: AcuityAdvisor | None, *, timeout_seconds: float, counter: Counter
    ) -> None:
        self._advisor = advisor
        self._timeout = timeout_seconds
        self._counter = counter

    @property
    def enabled(self) -> bool:
        return self._advisor is not None

    async def review(self, data: TriageInput, rules: TriageAssessment) -> TriageAssessment:
        if self._advisor is None:
            return rules
        try:
            suggested = await asyncio.wait_for(
                self._advisor.suggest(data, rules), timeout=self._timeout
            )
        except TimeoutError:
            self._counter.labels("timeout").inc()
            return rules
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # any provider failure falls back to the rules
            # Provider clients raise their own timeout types (openai.APITimeoutError).
            late = "timeout" in type(exc).__name__.lower()
            self._counter.labels("timeout" if late else "error").inc()
            return rules
        if suggested is None:
            outcome = "invalid"
        elif suggested < rules.acuity:
            outcome = "raised"
        elif suggested > rules.acuity:
            outcome = "lower_ignored"
        else:
            outcome = "kept"
        self._counter.labels(outcome).inc()
        return raise_only(rules, suggested)


def triage_assist(registry: CollectorRegistry, settings: TriageLlmSettings) -> TriageAssist:
    return TriageAssist(
        build_advisor(settings),
        timeout_seconds=settings.timeout_seconds,
        counter=assist_counter(registry),
    )


_ASSISTS: WeakKeyDictionary[CollectorRegistry, TriageAssist] = WeakKeyDictionary()


def assist_for(registry: CollectorRegistry) -> TriageAssist:
    """The process's assist, built from ``ES_TRIAGE_LLM_*`` on first use (not at import)."""
    assist = _ASSISTS.get(registry)
    if assist is None:
        assist = triage_assist(registry, TriageLlmSettings())
        _ASSISTS[registry] = assist
    return assist
