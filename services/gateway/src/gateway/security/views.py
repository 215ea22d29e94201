"""Authentication, break-glass, account administration and the audit trail over HTTP."""

from __future__ import annotations

import base64
import binascii
import uuid
from datetime import datetime, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Form, HTTPException, Query, Request, status
from fastapi.responses import JSONResponse
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from admission import service as admission
from emergisphere_runtime.audit import AuditEvent
from emergisphere_runtime.audit.trail import search
from emergisphere_runtime.db.base import utcnow
from gateway.security import accounts, limits
from gateway.security.accounts import (
    AccountError,
    ClientCreate,
    ClientIssued,
    ClientRead,
    UserCreate,
    UserRead,
    UserUpdate,
)
from gateway.security.context import Security, security_of
from gateway.security.enforcement import Access
from gateway.security.models import BreakGlassGrant
from gateway.security.sessions import RefreshReused, TokenPair
from gateway.security.tokens import InvalidToken, Principal

router = APIRouter(tags=["security"])

# Failed and successful token requests per username or client id per minute.
LOGIN_ATTEMPTS_PER_MINUTE = 10


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the OAuth2 token type
    expires_in: int
    refresh_token: str | None = None
    scope: str | None = None


class MeOut(BaseModel):
    subject: str
    name: str
    role: str
    kind: str
    scopes: list[str]


class BreakGlassIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    patient_id: str = Field(min_length=1, max_length=64)
    reason: str = Field(min_length=10, max_length=1000)


class BreakGlassOut(BaseModel):
    patient_id: str
    expires_at: datetime


class ClientUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    active: bool


class AuditOut(BaseModel):
    id: int
    at: datetime
    actor: str
    role: str
    action: str
    resource: str
    patient_id: str | None
    purpose: str
    request_id: str
    outcome: int


def _oauth_error(code: int, error: str, description: str) -> HTTPException:
    headers = {"WWW-Authenticate": 'Basic realm="emergisphere"'} if code == 401 else None
    return HTTPException(
        status_code=code, detail={"error": error, "error_description": description}, headers=headers
    )


def _principal(request: Request) -> Principal:
    access: Access = request.state.es_access
    if access.principal is None:
        raise HTTPException(status_code=401, detail="not authenticated")
    return access.principal


def _token_out(pair: TokenPair) -> JSONResponse:
    body = TokenOut(
        access_token=pair.access_token,
        expires_in=pair.expires_in,
        refresh_token=pair.refresh_token,
        scope=" ".join(sorted(pair.principal.scopes)) or None,
    )
    # RFC 6749 5.1: token responses are never cached.
    return JSONResponse(
        body.model_dump(exclude_none=True),
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        client_id, _, secret = base64.b64decode(encoded).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return client_id, secret


async def _throttle(security: Security, who: str) -> None:
    verdict = await limits.hit(
        security.platform.cache, f"login:{who}", limit=LOGIN_ATTEMPTS_PER_MINUTE
    )
    if not verdict.allowed:
        raise HTTPException(
            status_code=429,
            detail="too many sign-in attempts",
            headers={"Retry-After": str(verdict.retry_after)},
        )


async def _login_event(
    security: Security, request: Request, *, actor: str, role: str, ok: bool
) -> None:
    await security.audit.record(
        AuditEvent(
            actor=actor[:128],
            role=role,
            action="login" if ok else "login_failed",
            resource="POST /api/v1/auth/token",
            patient_id=None,
            purpose="authentication",
            request_id=request.state.request_id,
            outcome=200 if ok else 401,
        )
    )


@router.post("/api/v1/auth/token", response_model=TokenOut)
async def token(
    request: Request,
    grant_type: Annotated[Literal["password", "refresh_token", "client_credentials"], Form()],
    username: Annotated[str | None, Form(max_length=64)] = None,
    password: Annotated[str | None, Form(max_length=256)] = None,
    refresh_token: Annotated[str | None, Form(max_length=128)] = None,
    client_id: Annotated[str | None, Form(max_length=64)] = None,
    client_secret: Annotated[str | None, Form(max_length=256)] = None,
    scope: Annotated[str | None, Form(max_length=200)] = None,
) -> JSONResponse:
    """OAuth2 token endpoint: password (staff), refresh_token (rotating) and
    client_credentials (integrations, scoped)."""
    security = security_of(request)
    if grant_type == "password":
        if not username or not password:
            raise _oauth_error(400, "invalid_request", "username and password are required")
        await _throttle(security, f"user:{username}")
        async with security.platform.db.transaction() as session:
            user = await accounts.authenticate_user(session, username, password)
        await _login_event(
            security, request, actor=username, role=user.role if user else "", ok=user is not None
        )
        if user is None:
            raise _oauth_error(400, "invalid_grant", "wrong username or password")
        return _token_out(await security.sessions.login(user))
    if grant_type == "refresh_token":
        if not refresh_token:
            raise _oauth_error(400, "invalid_request", "refresh_token is required")
        try:
            return _token_out(await security.sessions.refresh(refresh_token))
        except RefreshReused:
            raise _oauth_error(
                400, "invalid_grant", "refresh token reused: every session of this login ended"
            ) from None
        except InvalidToken:
            raise _oauth_error(400, "invalid_grant", "refresh token invalid or expired") from None
    basic = _basic_credentials(request)
    cid, secret = basic if basic else (client_id or "", client_secret or "")
    if not cid or not secret:
        raise _oauth_error(401, "invalid_client", "client_id and client_secret are required")
    await _throttle(security, f"client:{cid}")
    async with security.platform.db.session() as session:
        client = await accounts.authenticate_client(session, cid, secret)
    await _login_event(security, request, actor=cid, role="integration", ok=client is not None)
    if client is None:
        raise _oauth_error(401, "invalid_client", "unknown client or wrong secret")
    scopes = client.scopes
    if scope:
        asked = frozenset(scope.split())
        if not asked <= client.scopes:
            raise _oauth_error(400, "invalid_scope", "the client may not have these scopes")
        scopes = asked
    return _token_out(security.sessions.client_token(client.id, scopes))


@router.post("/api/v1/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(request: Request) -> None:
    """End this login: the access token and every refresh token of its family."""
    await security_of(request).sessions.logout(_principal(request))


@router.get("/api/v1/auth/me", response_model=MeOut)
async def me(request: Request) -> MeOut:
    p = _principal(request)
    return MeOut(subject=p.subject, name=p.name, role=p.role, kind=p.kind, scopes=sorted(p.scopes))


@router.post(
    "/api/v1/auth/break-glass", response_model=BreakGlassOut, status_code=status.HTTP_201_CREATED
)
async def break_glass(body: BreakGlassIn, request: Request) -> BreakGlassOut:
    """Emergency access to one patient's records beyond the caller's role, for a limited
    time. The grant and every access under it are in the audit trail."""
    security = security_of(request)
    principal = _principal(request)
    if principal.kind != "user":
        raise HTTPException(status_code=403, detail="break-glass is for staff users")
    now = utcnow()
    async with security.platform.db.transaction() as session:
        if await admission.get_patient(session, patient_id=body.patient_id) is None:
            raise HTTPException(status_code=404, detail="patient not found")
        grant = BreakGlassGrant(
            id=str(uuid.uuid4()),
            user_id=principal.subject,
            patient_id=body.patient_id,
            reason=body.reason,
            granted_at=now,
            expires_at=now + timedelta(seconds=security.platform.settings.break_glass_seconds),
        )
        session.add(grant)
    await security.audit.record(
        AuditEvent(
            actor=principal.name,
            role=principal.role,
            action="break_glass",
            resource="POST /api/v1/auth/break-glass",
            patient_id=body.patient_id,
            purpose="break_glass",
            request_id=request.state.request_id,
            outcome=201,
        )
    )
    return BreakGlassOut(patient_id=body.patient_id, expires_at=grant.expires_at)


@router.get("/api/v1/admin/users", response_model=list[UserRead])
async def list_users(request: Request) -> list[UserRead]:
    async with security_of(request).platform.db.session() as session:
        return await accounts.list_users(session)


@router.post("/api/v1/admin/users", response_model=UserRead, status_code=status.HTTP_201_CREATED)
async def create_user(body: UserCreate, request: Request) -> UserRead:
    async with security_of(request).platform.db.transaction() as session:
        try:
            return await accounts.create_user(
                session, username=body.username, role=body.role, password=body.password
            )
        except AccountError as exc:
            raise HTTPException(status_code=409, detail=str(exc)) from None


@router.patch("/api/v1/admin/users/{username}", response_model=UserRead)
async def update_user(username: str, body: UserUpdate, request: Request) -> UserRead:
    security = security_of(request)
    async with security.platform.db.transaction() as session:
        try:
            user = await accounts.update_user(session, username=username, change=body)
        except LookupError:
            raise HTTPException(status_code=404, detail="user not found") from None
    if body.role is not None or body.active is False or body.password is not None:
        # Tokens carry the role: a change takes effect now, not at their expiry.
        await security.sessions.revoke_subject(user.id)
    return user


@router.get("/api/v1/admin/clients", response_model=list[ClientRead])
async def list_clients(request: Request) -> list[ClientRead]:
    async with security_of(request).platform.db.session() as session:
        return await accounts.list_clients(session)


@router.post(
    "/api/v1/admin/clients", response_model=ClientIssued, status_code=status.HTTP_201_CREATED
)
async def create_client(body: ClientCreate, request: Request) -> JSONResponse:
    async with security_of(request).platform.db.transaction() as session:
        issued = await accounts.create_client(session, name=body.name, scopes=list(body.scopes))
    return JSONResponse(issued.model_dump(), status_code=201, headers={"Cache-Control": "no-store"})


@router.patch("/api/v1/admin/clients/{client_id}", response_model=ClientRead)
async def update_client(client_id: str, body: ClientUpdate, request: Request) -> ClientRead:
    security = security_of(request)
    async with security.platform.db.transaction() as session:
        try:
            client = await accounts.set_client_active(
                session, client_id=client_id, active=body.active
            )
        except LookupError:
            raise HTTPException(status_code=404, detail="client not found") from None
    if not body.active:
        await security.sessions.revoke_subject(client_id)
    return client


@router.get("/api/v1/audit", response_model=list[AuditOut])
async def audit_trail(
    request: Request,
    patient_id: Annotated[str | None, Query(max_length=64)] = None,
    actor: Annotated[str | None, Query(max_length=128)] = None,
    since: AwareDatetime | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[AuditOut]:
    """The audit trail, newest first (admin only)."""
    security = security_of(request)
    await security.audit.flush()
    rows = await search(
        security.platform.db,
        patient_id=patient_id,
        actor=actor,
        since=since,
        limit=limit,
        offset=offset,
    )
    return [
        AuditOut(
            id=r.id,
            at=r.at,
            actor=r.actor,
            role=r.role,
            action=r.action,
            resource=r.resource,
            patient_id=r.patient_id,
            purpose=r.purpose,
            request_id=r.request_id,
            outcome=r.outcome,
        )
        for r in rows
    ]
