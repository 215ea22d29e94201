"""WebSocket /ws/patient/{id}: live step updates for one patient's workflows."""

from __future__ import annotations

import asyncio
import contextlib

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from emergisphere_runtime.messages import to_dict
from gateway.live import EventHub

router = APIRouter(tags=["live"])


async def _until_client_leaves(websocket: WebSocket) -> None:
    # Nothing is expected from the client; reading is how a disconnect is noticed.
    with contextlib.suppress(WebSocketDisconnect):
        while (await websocket.receive())["type"] != "websocket.disconnect":
            pass


@router.websocket("/ws/patient/{patient_id}")
async def patient_updates(websocket: WebSocket, patient_id: str) -> None:
    hub: EventHub = websocket.app.state.hub
    # Watch before accepting: a client that connects and then reads the current state
    # must not miss an update made in between.
    async with hub.watch_patient(patient_id) as events:
        await websocket.accept()
        leaving = asyncio.create_task(_until_client_leaves(websocket))
        try:
            while not leaving.done():
                next_event = asyncio.create_task(events.get())
                done, _ = await asyncio.wait(
                    {next_event, leaving}, return_when=asyncio.FIRST_COMPLETED
                )
                if next_event not in done:
                    next_event.cancel()
                    break
                await websocket.send_json(to_dict(next_event.result()))
        except WebSocketDisconnect:
            pass
        finally:
            leaving.cancel()
