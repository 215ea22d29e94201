"""Agent runtime: consume a command, skip duplicates, call the typed handler, reply."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from google.protobuf.message import Message
from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere.v1.workflow_pb2 import StepResult
from emergisphere_runtime import inbox, topics
from emergisphere_runtime.db import priority
from emergisphere_runtime.db.base import is_unavailable, utcnow
from emergisphere_runtime.db.unreachable import redeliver_when_unreachable
from emergisphere_runtime.messages import derived_id, new_envelope
from emergisphere_runtime.platform import Platform

log = logging.getLogger(__name__)

# How often an agent deletes inbox entries past their retention.
PRUNE_SECONDS = 3600.0

CommandT = TypeVar("CommandT", bound=Message)
ResultT = TypeVar("ResultT", bound=Message)


class AgentError(Exception):
    """A refusal the step should record as its error. The message must carry no PHI."""


@dataclass(frozen=True)
class AgentContext:
    platform: Platform
    # Relational writes go through this session; they commit atomically with the inbox
    # entry, so a redelivered command never repeats them.
    session: AsyncSession
    workflow_id: str
    step_id: str
    attempt: int
    now: datetime


AgentHandler = Callable[[CommandT, AgentContext], Awaitable[ResultT]]
StartHook = Callable[[Platform], Awaitable[None]]


@dataclass(frozen=True)
class AgentSpec(Generic[CommandT, ResultT]):
    """An agent: its name (also its topic and result field) and its handler."""

    name: str
    handler: AgentHandler[CommandT, ResultT]
    on_start: StartHook | None = None


class AgentService(Generic[CommandT, ResultT]):
    def __init__(self, platform: Platform, spec: AgentSpec[CommandT, ResultT]) -> None:
        self.name = spec.name
        self._platform = platform
        self._spec = spec
        self._pruner: asyncio.Task[None] | None = None
        platform.bus.subscribe(
            topics.agent_commands(spec.name),
            spec.name,
            redeliver_when_unreachable(self._on_message),
        )

    async def start(self) -> None:
        if self._spec.on_start is not None:
            await self._spec.on_start(self._platform)
        self._pruner = asyncio.create_task(self._prune_forever(), name=f"{self.name}:inbox")

    async def stop(self) -> None:
        if self._pruner is not None:
            self._pruner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pruner
            self._pruner = None
        log.info("agent stopped", extra={"agent": self.name})

    async def prune_inbox(self) -> int:
        """Delete this agent's inbox entries older than the retention; how many went."""
        hours = self._platform.settings.inbox_retention_hours
        return await inbox.prune(self._platform.db, self.name, utcnow() - timedelta(hours=hours))

    async def _prune_forever(self) -> None:
        while True:
            await asyncio.sleep(PRUNE_SECONDS)
            try:
                pruned = await self.prune_inbox()
            except Exception as exc:
                # Retried on the next round; a bigger inbox meanwhile harms nothing.
                log.warning(
                    "inbox pruning failed", extra={"agent": self.name, "error": type(exc).__name__}
                )
            else:
                log.info("inbox pruned", extra={"agent": self.name, "count": pruned})

    async def _on_message(self, envelope: Envelope) -> None:
        await self.handle(envelope)

    async def handle(self, envelope: Envelope) -> Envelope:
        """Process one command envelope; the reply is committed to the outbox and returned."""
        with priority.urgent() if envelope.urgent else contextlib.nullcontext():
            return await self._handle(envelope)

    async def _handle(self, envelope: Envelope) -> Envelope:
        platform = self._platform
        metrics = platform.metrics
        started = time.perf_counter()
        try:
            async with platform.db.transaction() as session:
                seen = await inbox.processed_reply(session, self.name, envelope.message_id)
                if seen is None:
                    result = await self._run(envelope, session)
                    reply = self._reply(envelope, result)
                    inbox.record(session, self.name, envelope.message_id, reply.SerializeToString())
                    staged = platform.outbox.stage(session, topics.ORCHESTRATOR_RESULTS, reply)
        except Exception as exc:
            if is_unavailable(exc):
                # Not the command's fault: let the bus redeliver rather than fail the step.
                raise
            # The effects rolled back with the transaction; report the failure to the
            # orchestrator, which decides on retry or escalation.
            safe = str(exc) if isinstance(exc, AgentError) else type(exc).__name__
            if not isinstance(exc, AgentError):
                log.exception("agent handler raised", extra={"agent": self.name})
            reply = self._reply(envelope, StepResult(agent=self.name, ok=False, error=safe))
            async with platform.db.transaction() as session:
                staged = platform.outbox.stage(session, topics.ORCHESTRATOR_RESULTS, reply)
            metrics.agent_messages.labels(self.name, "failed").inc()
        else:
            if seen is not None:
                # Done before. Answer again: a re-sent command means the orchestrator may
                # not have the first reply (and if this one is lost, it re-sends again).
                metrics.agent_messages.labels(self.name, "duplicate").inc()
                duplicate = Envelope.FromString(seen)
                await platform.bus.publish(topics.ORCHESTRATOR_RESULTS, duplicate)
                return duplicate
            metrics.agent_messages.labels(self.name, "processed").inc()
        platform.outbox.release([staged])
        metrics.agent_handler_seconds.labels(self.name).observe(time.perf_counter() - started)
        return reply

    async def _run(self, envelope: Envelope, session: AsyncSession) -> StepResult:
        field = f"{self.name}_command"
        if envelope.WhichOneof("body") != field:
            raise AgentError(f"expected {field}, got {envelope.WhichOneof('body')}")
        command: CommandT = getattr(envelope, field)
        context = AgentContext(
            platform=self._platform,
            session=session,
            workflow_id=envelope.workflow_id,
            step_id=envelope.step_id,
            attempt=envelope.attempt,
            now=utcnow(),
        )
        output = await self._spec.handler(command, context)
        result = StepResult(agent=self.name, ok=True)
        getattr(result, self.name).CopyFrom(output)
        return result

    def _reply(self, envelope: Envelope, result: StepResult) -> Envelope:
        reply = new_envelope(
            producer=self.name,
            workflow_id=envelope.workflow_id,
            step_id=envelope.step_id,
            attempt=envelope.attempt,
            message_id=derived_id(self.name, envelope.message_id, "reply"),
        )
        reply.trace_context.update(envelope.trace_context)
        reply.urgent = envelope.urgent
        reply.step_result.CopyFrom(result)
        return reply
