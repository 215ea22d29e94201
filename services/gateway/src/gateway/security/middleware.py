"""Outermost HTTP layer: request ids, body-size limit, security headers, and the audit
record of every request that touched patient data (written after the response, with its
status, so refusals are on record too)."""

from __future__ import annotations

import json
import logging
import re
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from emergisphere_runtime.audit import AuditEvent
from gateway.fhir.outcome import FHIR_JSON, Issue, operation_outcome
from gateway.fhir.views import is_fhir_path
from gateway.security.context import Security
from gateway.security.enforcement import Access
from gateway.security.models import ResourceOwner

log = logging.getLogger(__name__)

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# Responses read back for the patient id (creating requests learn it from the answer).
_CAPTURE_BYTES = 64 * 1024

API_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"strict-transport-security", b"max-age=63072000; includeSubDomains"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
# API answers carry PHI: never cached, never framed, never scripted.
NO_STORE = [
    (b"cache-control", b"no-store"),
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
]
# The docs and board pages load their own scripts and styles.
_PAGES = ("/docs", "/redoc", "/board")


class BodyTooLarge(Exception):
    pass


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, security: Security) -> None:
        self.app = app
        self.security = security

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        given = headers.get("x-request-id", "")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = request_id
        if scope["type"] == "websocket":
            await self._websocket(scope, receive, send, state)
            return
        settings = self.security.platform.settings
        fhir = is_fhir_path(scope["path"])
        limit = settings.fhir_max_body_bytes if fhir else settings.max_body_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _too_large(send, request_id, limit, fhir=fhir)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge()
            return message

        status_code = 500
        started = False
        captured = bytearray()
        page = scope["path"].startswith(_PAGES)

        async def secured_send(message: Message) -> None:
            nonlocal status_code, started
            if message["type"] == "http.response.start":
                started = True
                status_code = message["status"]
                extra = [*API_HEADERS, (b"x-request-id", request_id.encode())]
                if not page:
                    extra += NO_STORE
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((k, v) for k, v in extra if k not in present),
                ]
            elif message["type"] == "http.response.body" and len(captured) < _CAPTURE_BYTES:
                captured.extend(message.get("body", b"")[: _CAPTURE_BYTES - len(captured)])
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except BodyTooLarge:
            if started:
                raise
            await _too_large(send, request_id, limit, fhir=fhir)
            status_code = 413
        finally:
            access: Access | None = state.get("es_access")
            if access is not None:
                await self._after(access, status_code, bytes(captured), request_id)

    async def _websocket(
        self, scope: Scope, receive: Receive, send: Send, state: dict[str, Any]
    ) -> None:
        accepted = False

        async def watching_send(message: Message) -> None:
            nonlocal accepted
            if message["type"] == "websocket.accept":
                accepted = True
            await send(message)

        try:
            await self.app(scope, receive, watching_send)
        finally:
            access: Access | None = state.get("es_access")
            if access is not None:
                await self._after(access, 101 if accepted else 403, b"", state["request_id"])

    async def _after(self, access: Access, status_code: int, body: bytes, request_id: str) -> None:
        principal = access.principal
        if principal is None:
            return
        answer = _json(body) if 200 <= status_code < 300 else None
        if (
            principal.role == "integration"
            and access.resource == "POST /api/v1/devices"
            and status_code == 201
            and isinstance(answer, dict)
            and isinstance(answer.get("id"), str)
        ):
            async with self.security.platform.db.transaction() as session:
                await session.merge(
                    ResourceOwner(kind="device", resource_id=answer["id"], owner=principal.subject)
                )
        if not access.rule.phi:
            return
        patient_id = access.patient_id
        if patient_id is None and isinstance(answer, dict):
            found = answer.get("patient_id")
            patient_id = found if isinstance(found, str) else None
        await self.security.audit.record(
            AuditEvent(
                actor=principal.name,
                role=principal.role,
                action="break_glass_access" if access.break_glass else access.rule.action,
                resource=access.resource,
                patient_id=patient_id,
                purpose=access.purpose,
                request_id=request_id,
                outcome=status_code,
            )
        )


def _json(body: bytes) -> object:
    try:
        return json.loads(body) if body else None
    except ValueError:
        return None


async def _too_large(send: Send, request_id: str, limit: int, *, fhir: bool) -> None:
    text = f"request body too large: the limit is {limit} bytes"
    if fhir:
        outcome = operation_outcome([Issue("too-costly", text, "Bundle")])
        body, content_type = json.dumps(outcome).encode(), FHIR_JSON.encode()
    else:
        body, content_type = json.dumps({"detail": text}).encode(), b"application/json"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
                (b"x-request-id", request_id.encode()),
                *API_HEADERS,
                *NO_STORE,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
