"""The dependency every route runs first: who is calling, and may they do this.

Order: find the route's rule (none: refused), authenticate (401), rate-limit (429),
check role and scope (403), then object-level limits: break-glass grants and ownership.
What it decided is left on the request for the audit middleware.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi import HTTPException, WebSocketException, status
from sqlalchemy import select
from starlette.requests import HTTPConnection

from device.models import Device
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.workflow.models import Workflow
from gateway.security import limits
from gateway.security.context import Security, security_of
from gateway.security.matrix import WS, Rule, rule_for
from gateway.security.models import BreakGlassGrant, ResourceOwner
from gateway.security.roles import DEFAULT_PURPOSE
from gateway.security.tokens import InvalidToken, Principal

PURPOSES = frozenset({"treatment", "payment", "operations", "emergency", "legal", "research"})
_PURPOSE = re.compile(r"^[a-z_]{1,32}$")
STATE_KEY = "es_access"


@dataclass
class Access:
    """What the gate decided about one request (read by the audit middleware)."""

    rule: Rule
    resource: str
    principal: Principal | None = None
    patient_id: str | None = None
    purpose: str = ""
    break_glass: bool = False


def _refuse(
    conn: HTTPConnection, code: int, detail: str, headers: dict[str, str] | None = None
) -> Exception:
    if conn.scope["type"] == "websocket":
        return WebSocketException(code=status.WS_1008_POLICY_VIOLATION, reason=detail)
    return HTTPException(status_code=code, detail=detail, headers=headers)


def _bearer(conn: HTTPConnection) -> str | None:
    header = conn.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    if conn.scope["type"] == "websocket":
        # Browsers cannot set headers on a WebSocket; the token rides in the query.
        return conn.query_params.get("access_token")
    return None


async def _principal(conn: HTTPConnection, security: Security) -> Principal:
    challenge = {"WWW-Authenticate": 'Bearer realm="emergisphere"'}
    token = _bearer(conn)
    if token is None:
        raise _refuse(conn, 401, "not authenticated", challenge)
    try:
        principal = security.tokens.verify(token)
    except InvalidToken:
        raise _refuse(
            conn,
            401,
            "invalid or expired token",
            {"WWW-Authenticate": 'Bearer error="invalid_token"'},
        ) from None
    if await security.sessions.is_revoked(principal):
        raise _refuse(
            conn, 401, "token revoked", {"WWW-Authenticate": 'Bearer error="invalid_token"'}
        )
    return principal


async def _patient_of(conn: HTTPConnection, security: Security) -> str | None:
    params = conn.path_params
    if "patient_id" in params:
        return str(params["patient_id"])
    db = security.platform.db
    if "workflow_id" in params:
        async with db.session() as session:
            return await session.scalar(
                select(Workflow.patient_id).where(Workflow.id == params["workflow_id"])
            )
    if "device_id" in params:
        async with db.session() as session:
            return await session.scalar(
                select(Device.patient_id).where(Device.id == params["device_id"])
            )
    return None


async def active_grant(
    security: Security, *, user_id: str, patient_id: str
) -> BreakGlassGrant | None:
    async with security.platform.db.session() as session:
        grant: BreakGlassGrant | None = await session.scalar(
            select(BreakGlassGrant)
            .where(
                BreakGlassGrant.user_id == user_id,
                BreakGlassGrant.patient_id == patient_id,
                BreakGlassGrant.expires_at > utcnow(),
            )
            .limit(1)
        )
    return grant


async def _owns(security: Security, kind: str, resource_id: str, owner: str) -> bool:
    async with security.platform.db.session() as session:
        found = await session.get(ResourceOwner, (kind, resource_id))
    return found is not None and found.owner == owner


async def authorize(conn: HTTPConnection) -> None:
    security = security_of(conn)
    method = WS if conn.scope["type"] == "websocket" else conn.scope["method"]
    path = security.route_path(conn.app, conn.scope.get("route"))
    rule = None if path is None else rule_for(method, path)
    if rule is None:
        # Fail closed: a route nobody declared a rule for is nobody's.
        raise _refuse(conn, 403, "no permission rule covers this route")
    access = Access(rule=rule, resource=f"{method} {path}")
    conn.state.es_access = access
    if rule.public:
        return
    principal = await _principal(conn, security)
    access.principal = principal
    verdict = await limits.hit(
        security.platform.cache,
        f"{principal.kind}:{principal.subject}",
        limit=security.platform.settings.rate_limit_per_minute,
    )
    if not verdict.allowed:
        raise _refuse(conn, 429, "too many requests", {"Retry-After": str(verdict.retry_after)})
    if rule.phi or rule.break_glass:
        # Before any refusal, so refused attempts are on record with their patient too.
        access.patient_id = await _patient_of(conn, security)
    purpose = conn.headers.get("x-purpose-of-use", "").strip().lower()
    if purpose and (not _PURPOSE.match(purpose) or purpose not in PURPOSES):
        raise _refuse(conn, 400, f"X-Purpose-Of-Use: one of {', '.join(sorted(PURPOSES))}")
    access.purpose = purpose or DEFAULT_PURPOSE.get(principal.role, "operations")

    allowed = rule.allows(principal.role, method)
    if not allowed and principal.role not in rule.break_glass:
        raise _refuse(conn, 403, "your role may not do this")
    if principal.kind == "client" and rule.scope is not None and rule.scope not in principal.scopes:
        raise _refuse(conn, 403, f"the token lacks the {rule.scope} scope")
    if not allowed:
        # Only break-glass can let this role in, for this patient, for a while.
        grant = None
        if access.patient_id is not None and principal.kind == "user":
            grant = await active_grant(
                security, user_id=principal.subject, patient_id=access.patient_id
            )
        if grant is None:
            raise _refuse(conn, 403, "your role may not do this without break-glass access")
        access.break_glass = True
        access.purpose = "break_glass"
    if principal.role in rule.owned and rule.owner_kind is not None:
        resource_id = conn.path_params.get(f"{rule.owner_kind}_id")
        if resource_id is not None and not await _owns(
            security, rule.owner_kind, str(resource_id), principal.subject
        ):
            raise _refuse(conn, 403, f"this {rule.owner_kind} belongs to another client")
