"""WebSocket /ws/patient/{id}: live step updates for one patient's workflows."""

from __future__ import annotations

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from emergisphere_runtime.messages import to_dict
from gateway.live import EventHub

router = APIRouter(tags=["live"])


@router.websocket("/ws/patient/{patient_id}")
async def patient_updates(websocket: WebSocket, patient_id: str) -> None:
    hub: EventHub = websocket.app.state.hub
    await websocket.accept()
    async with hub.watch_patient(patient_id) as events:
        try:
            while True:
                event = await events.get()
                await websocket.send_json(to_dict(event))
        except WebSocketDisconnect:
            return
