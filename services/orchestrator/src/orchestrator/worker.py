"""The orchestrator: applies agent results to persisted workflows and sends what is next."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere_runtime import topics, tracing
from emergisphere_runtime.db import priority
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.db.unreachable import redeliver_when_unreachable
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.workflow import census, engine, store
from emergisphere_runtime.workflow.engine import Effects
from emergisphere_runtime.workflow.models import Workflow

log = logging.getLogger(__name__)

# How often the active and stuck workflow gauges are refreshed from the database.
CENSUS_SECONDS = 5.0


class Orchestrator:
    name = "orchestrator"

    def __init__(self, platform: Platform) -> None:
        self._platform = platform
        self._sweeper: asyncio.Task[None] | None = None
        # Timer-driven work (retries, deadlines) continues the workflow's trace.
        self._traces = tracing.WorkflowTraces()
        # While the database is away, results and kicks wait on the bus rather than
        # counting towards its dead-letter limit.
        on_result = redeliver_when_unreachable(self._on_result)
        on_kick = redeliver_when_unreachable(self._on_kick)
        platform.bus.subscribe(topics.ORCHESTRATOR_RESULTS, self.name, on_result)
        platform.bus.subscribe(topics.ORCHESTRATOR_COMMANDS, self.name, on_kick)

    async def start(self) -> None:
        await self.resume()
        self._sweeper = asyncio.create_task(self._sweep_forever(), name="orchestrator:sweep")

    async def stop(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper

    async def resume(self) -> None:
        """After a restart: re-send every in-flight command, then advance every workflow.

        Re-sent commands keep their message ids, so agents that already did the work
        answer from their inbox instead of doing it again.
        """
        async with self._platform.db.session() as session:
            ids = await store.active_ids(session)
        for workflow_id in ids:
            with self._traces.span("orchestrator resume", workflow_id):
                await self._change(workflow_id, _resend_and_advance)
        if ids:
            log.info("resumed workflows", extra={"count": len(ids)})

    async def _on_result(self, envelope: Envelope) -> None:
        if envelope.WhichOneof("body") != "step_result":
            log.warning("ignoring unexpected message on results topic")
            return

        async def apply(_s: AsyncSession, workflow: Workflow, now: datetime, fx: Effects) -> None:
            engine.apply_result(workflow, envelope, now, fx)

        await self._change(envelope.workflow_id, apply, urgent=envelope.urgent)

    async def _on_kick(self, envelope: Envelope) -> None:
        await self._change(envelope.workflow_id, _advance, urgent=envelope.urgent)

    async def sweep(self) -> int:
        """Advance every workflow with a retry due or a step past its deadline."""
        async with self._platform.db.session() as session:
            ids = await store.due_ids(session, utcnow())
        for workflow_id in ids:
            with self._traces.span("orchestrator sweep", workflow_id):
                await self._change(workflow_id, _advance)
        return len(ids)

    async def _sweep_forever(self) -> None:
        interval = self._platform.settings.orchestrator_sweep_seconds
        counted = 0.0
        while True:
            await asyncio.sleep(interval)
            try:
                if time.monotonic() - counted >= CENSUS_SECONDS:
                    counted = time.monotonic()
                    await census.measure(self._platform)
                await self.sweep()
            except Exception:
                # A failed sweep is retried on the next tick; nothing is lost meanwhile.
                log.exception("orchestrator sweep failed")

    async def _change(
        self, workflow_id: str, change: store.Change, *, urgent: bool = False
    ) -> None:
        self._traces.remember(workflow_id)
        try:
            with priority.urgent() if urgent else contextlib.nullcontext():
                _, effects = await store.mutate(self._platform, workflow_id, change)
            if effects.completions:
                self._traces.forget(workflow_id)
        except store.WorkflowNotFound:
            log.warning("message for unknown workflow", extra={"workflow_id": workflow_id})
            return


async def _advance(_s: AsyncSession, workflow: Workflow, now: datetime, fx: Effects) -> None:
    engine.advance(workflow, now, fx)


async def _resend_and_advance(
    _s: AsyncSession, workflow: Workflow, now: datetime, fx: Effects
) -> None:
    engine.resend_running(workflow, fx)
    engine.advance(workflow, now, fx)


def build(platform: Platform) -> Orchestrator:
    return Orchestrator(platform)
