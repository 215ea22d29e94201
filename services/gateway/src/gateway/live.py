"""Fan-out of the workflow event stream to waiting requests and WebSocket clients."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from emergisphere.v1.workflow_pb2 import WorkflowEvent
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.workflow.publishing import LIVE_CHANNEL, decode_live

log = logging.getLogger(__name__)

# A slow WebSocket client loses its oldest updates rather than growing memory without bound.
SUBSCRIBER_BUFFER = 256
RESUBSCRIBE_SECONDS = 1.0
_STEP_SETTLED = frozenset({"step_completed", "step_failed"})


class EventHub:
    """Workflow events for this gateway replica, from the cache's pub/sub channel.

    Every replica hears every event (pub/sub, not a consumer group). The channel is
    best-effort; the durable record is the workflow row and the event topic.
    """

    def __init__(self, platform: Platform) -> None:
        self._platform = platform
        self._by_workflow: dict[str, set[asyncio.Queue[WorkflowEvent]]] = defaultdict(set)
        self._by_patient: dict[str, set[asyncio.Queue[WorkflowEvent]]] = defaultdict(set)
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        subscribed = asyncio.Event()
        self._task = asyncio.create_task(self._listen(subscribed), name="gateway:live")
        await subscribed.wait()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _listen(self, subscribed: asyncio.Event) -> None:
        while True:
            try:
                async with self._platform.cache.subscribe(LIVE_CHANNEL) as messages:
                    subscribed.set()
                    async for message in messages:
                        self.dispatch(decode_live(message))
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("live updates interrupted; resubscribing")
                subscribed.set()
                await asyncio.sleep(RESUBSCRIBE_SECONDS)

    def dispatch(self, event: WorkflowEvent) -> None:
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
