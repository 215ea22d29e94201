"""Fan-out of the workflow event stream to waiting requests and WebSocket clients."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere.v1.workflow_pb2 import WorkflowEvent
from emergisphere_runtime import topics
from emergisphere_runtime.platform import Platform

# A slow WebSocket client loses its oldest updates rather than growing memory without bound.
SUBSCRIBER_BUFFER = 256
_STEP_SETTLED = frozenset({"step_completed", "step_failed"})


class EventHub:
    def __init__(self, platform: Platform) -> None:
        self._by_workflow: dict[str, set[asyncio.Queue[WorkflowEvent]]] = defaultdict(set)
        self._by_patient: dict[str, set[asyncio.Queue[WorkflowEvent]]] = defaultdict(set)
        # Every gateway replica needs every event, so each has its own consumer group.
        group = f"gateway-{platform.settings.instance_id}"
        platform.bus.subscribe(topics.WORKFLOW_EVENTS, group, self._on_event)

    async def _on_event(self, envelope: Envelope) -> None:
        event = envelope.workflow_event
        targets = set(self._by_workflow.get(event.workflow_id, ()))
        if event.patient_id:
            targets |= self._by_patient.get(event.patient_id, set())
        for queue in targets:
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(event)

    @asynccontextmanager
    async def watch_workflow(self, workflow_id: str) -> AsyncIterator[asyncio.Queue[WorkflowEvent]]:
        async with self._watch(self._by_workflow, workflow_id) as queue:
            yield queue

    @asynccontextmanager
    async def watch_patient(self, patient_id: str) -> AsyncIterator[asyncio.Queue[WorkflowEvent]]:
        async with self._watch(self._by_patient, patient_id) as queue:
            yield queue

    @staticmethod
    async def step_settled(
        events: asyncio.Queue[WorkflowEvent], step_id: str, within: float
    ) -> bool:
        """True once the step has an outcome (or the workflow escalated) within the wait."""

        async def wait() -> None:
            while True:
                event = await events.get()
                if event.step_id == step_id and event.kind in _STEP_SETTLED:
                    return
                if event.kind == "workflow_escalated":
                    return

        try:
            await asyncio.wait_for(wait(), within)
        except TimeoutError:
            return False
        return True

    @staticmethod
    @asynccontextmanager
    async def _watch(
        index: dict[str, set[asyncio.Queue[WorkflowEvent]]], key: str
    ) -> AsyncIterator[asyncio.Queue[WorkflowEvent]]:
        queue: asyncio.Queue[WorkflowEvent] = asyncio.Queue(maxsize=SUBSCRIBER_BUFFER)
        index[key].add(queue)
        try:
            yield queue
        finally:
            index[key].discard(queue)
            if not index[key]:
                del index[key]
