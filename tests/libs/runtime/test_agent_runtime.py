"""The agent runtime: typed handler, inbox dedup, failures become failed step results."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from emergisphere.v1.agents_pb2 import Case, LegalCommand, LegalResult
from emergisphere_runtime.agent import AgentContext, AgentError, AgentService, AgentSpec
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.inbox import InboxEntry
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.testing import command_envelope, run_command


async def test_duplicate_message_is_answered_from_the_inbox(platform: Platform) -> None:
    calls = 0

    async def handle(command: LegalCommand, ctx: AgentContext) -> LegalResult:
        nonlocal calls
        calls += 1
        return LegalResult(case_id=f"case-{ctx.workflow_id}", consent_status="able_to_consent")

    service = AgentService(platform, AgentSpec(name="legal", handler=handle))
    envelope = command_envelope("legal", Case(), workflow_id="wf-1")
    first = await run_command(service, envelope)
    second = await run_command(service, envelope)
    assert calls == 1
    assert first == second
    assert first.ok
    assert first.legal.case_id == "case-wf-1"
    async with platform.db.session() as session:
        count = await session.scalar(select(func.count()).select_from(InboxEntry))
    assert count == 1


async def test_handler_errors_fail_the_step_without_leaking_details(platform: Platform) -> None:
    async def handle(command: LegalCommand, ctx: AgentContext) -> LegalResult:
        raise ValueError("Jane Doe has no id")  # a message that must not escape

    service = AgentService(platform, AgentSpec(name="legal", handler=handle))
    result = await run_command(service, command_envelope("legal", Case(), workflow_id="wf-2"))
    assert not result.ok
    assert result.error == "ValueError"


async def test_agent_errors_keep_their_safe_message(platform: Platform) -> None:
    async def handle(command: LegalCommand, ctx: AgentContext) -> LegalResult:
        raise AgentError("patient not admitted")

    service = AgentService(platform, AgentSpec(name="legal", handler=handle))
    result = await run_command(service, command_envelope("legal", Case(), workflow_id="wf-3"))
    assert (result.ok, result.error) == (False, "patient not admitted")


async def test_a_failed_message_is_processed_again_when_redelivered(platform: Platform) -> None:
    calls = 0

    async def handle(command: LegalCommand, ctx: AgentContext) -> LegalResult:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise AgentError("transient")
        return LegalResult(case_id="ok")

    service = AgentService(platform, AgentSpec(name="legal", handler=handle))
    envelope = command_envelope("legal", Case(), workflow_id="wf-4")
    assert not (await run_command(service, envelope)).ok
    assert (await run_command(service, envelope)).ok


async def test_pruning_forgets_only_this_agents_entries_past_the_retention(
    platform: Platform,
) -> None:
    async def handle(command: LegalCommand, ctx: AgentContext) -> LegalResult:
        return LegalResult(case_id=f"case-{ctx.workflow_id}", consent_status="able_to_consent")

    service = AgentService(platform, AgentSpec(name="legal", handler=handle))
    await run_command(service, command_envelope("legal", Case(), workflow_id="wf-old"))
    await run_command(service, command_envelope("legal", Case(), workflow_id="wf-new"))
    retention = timedelta(hours=platform.settings.inbox_retention_hours)
    async with platform.db.transaction() as session:
        rows = list(await session.scalars(select(InboxEntry).order_by(InboxEntry.processed_at)))
        rows[0].processed_at = utcnow() - retention - timedelta(minutes=1)
        rows[1].processed_at = utcnow() - retention + timedelta(minutes=1)
        session.add(  # another consumer's old entry is not this agent's to forget
            InboxEntry(
                consumer="billing",
                message_id="m-other",
                reply=b"r",
                processed_at=utcnow() - retention * 2,
            )
        )
    assert await service.prune_inbox() == 1
    async with platform.db.session() as session:
        left = sorted(
            (e.consumer, e.processed_at > utcnow() - retention)
            for e in await session.scalars(select(InboxEntry))
        )
    assert left == [("billing", False), ("legal", True)]
