"""Helpers for testing agents: run one command through the real agent runtime."""

from __future__ import annotations

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere.v1.workflow_pb2 import StepResult
from emergisphere_runtime.agent import AgentService
from emergisphere_runtime.messages import new_envelope


def command_envelope(
    agent: str,
    case: Case,
    *,
    workflow_id: str,
    attempt: int = 1,
    message_id: str | None = None,
    purpose: str = "",
) -> Envelope:
    envelope = new_envelope(
        producer="test",
        workflow_id=workflow_id,
        step_id=agent,
        attempt=attempt,
        message_id=message_id,
    )
    command = getattr(envelope, f"{agent}_command")
    command.case.CopyFrom(case)
    if purpose:
        command.purpose = purpose
    return envelope


async def run_command(service: AgentService, envelope: Envelope) -> StepResult:  # type: ignore[type-arg]
    reply = await service.handle(envelope)
    return reply.step_result
