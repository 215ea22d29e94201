"""The triage agent: ESI acuity and NEWS2 for the case, explained and audited."""

from __future__ import annotations

from emergisphere.v1.agents_pb2 import TriageCommand, TriageResult
from emergisphere_clinical import assess
from emergisphere_runtime.agent import AgentContext, AgentError, AgentService, AgentSpec
from emergisphere_runtime.platform import Platform
from triage.audit import record_assessment
from triage.llm import TriageAssist, triage_assist
from triage.llm_settings import TriageLlmSettings
from triage.mapping import device_filled_vitals, to_result, triage_input_from_case


async def handle(command: TriageCommand, ctx: AgentContext, assist: TriageAssist) -> TriageResult:
    case = command.case
    try:
        data = triage_input_from_case(case, now=ctx.now)
    except (ValueError, TypeError) as exc:
        # The engine's message names the field and range only; keep the reply generic anyway.
        raise AgentError("vital signs out of physiological range") from exc
    # The rules decide; an enabled LLM assist may only make the result more urgent.
    assessment = await assist.review(data, assess(data))
    first_time = await record_assessment(
        ctx.platform.docs,
        assessment,
        workflow_id=ctx.workflow_id,
        attempt=ctx.attempt,
        assessed_at=ctx.now,
        vitals_from_device=device_filled_vitals(case),
    )
    # A re-sent attempt of the same workflow is the same assessment: count the mix once.
    if first_time:
        ctx.platform.metrics.acuity.labels(str(assessment.acuity)).inc()
    return to_result(assessment)


def build(
    platform: Platform, *, llm_settings: TriageLlmSettings | None = None
) -> AgentService[TriageCommand, TriageResult]:
    assist = triage_assist(platform.metrics.registry, llm_settings or TriageLlmSettings())

    async def handler(command: TriageCommand, ctx: AgentContext) -> TriageResult:
        return await handle(command, ctx, assist)

    return AgentService(platform, AgentSpec(name="triage", handler=handler))
