"""Staff users and integration clients: create, list, change, deactivate, authenticate."""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere_runtime.db.base import utcnow
from gateway.security import passwords
from gateway.security.models import Client, User
from gateway.security.roles import SCOPES, STAFF_ROLES, Role, Scope

USERNAME = r"^[a-z0-9][a-z0-9._-]{1,63}$"
_USERNAME = re.compile(USERNAME)


class AccountError(ValueError):
    """A request the account store refuses; the message names the field."""


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(pattern=USERNAME)
    role: Role
    password: str = Field(min_length=passwords.MIN_PASSWORD_LENGTH, max_length=256)


class UserUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Role | None = None
    active: bool | None = None
    password: str | None = Field(
        default=None, min_length=passwords.MIN_PASSWORD_LENGTH, max_length=256
    )


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    username: str
    role: str
    active: bool


def _fhir_only() -> list[Scope]:
    return ["fhir"]


class ClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    scopes: list[Scope] = Field(default_factory=_fhir_only, min_length=1)


class ClientRead(BaseModel):
    id: str
    name: str
    scopes: list[str]
    active: bool


class ClientIssued(ClientRead):
    # Shown once, at creation; only its hash is stored.
    client_secret: str


async def create_user(
    session: AsyncSession, *, username: str, role: str, password: str
) -> UserRead:
    if not _USERNAME.match(username):
        raise AccountError("username: lowercase letters, digits, '.', '_' or '-', 2-64 long")
    if role not in STAFF_ROLES:
        raise AccountError(f"role: one of {', '.join(STAFF_ROLES)}")
    try:
        passwords.check_strength(password)
    except passwords.WeakPassword as exc:
        raise AccountError(f"password: {exc}") from None
    now = utcnow()
    user = User(
        id=str(uuid.uuid4()),
        username=username,
        role=role,
        password_hash=passwords.hash_secret(password),
        active=True,
        created_at=now,
        updated_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(user)
            await session.flush()
    except IntegrityError:
        raise AccountError("username: already taken") from None
    return UserRead.model_validate(user)


async def get_user_by_name(session: AsyncSession, username: str) -> User | None:
    found: User | None = await session.scalar(select(User).where(User.username == username))
    return found


async def list_users(session: AsyncSession) -> list[UserRead]:
    rows = await session.scalars(select(User).order_by(User.username))
    return [UserRead.model_validate(u) for u in rows]


async def update_user(session: AsyncSession, *, username: str, change: UserUpdate) -> UserRead:
    user = await get_user_by_name(session, username)
    if user is None:
        raise LookupError("user not found")
    if change.role is not None:
        if change.role not in STAFF_ROLES:
            raise AccountError(f"role: one of {', '.join(STAFF_ROLES)}")
        user.role = change.role
    if change.active is not None:
        user.active = change.active
    if change.password is not None:
        user.password_hash = passwords.hash_secret(change.password)
    user.updated_at = utcnow()
    return UserRead.model_validate(user)


async def authenticate_user(session: AsyncSession, username: str, password: str) -> User | None:
    """The active user with this password, else None (the same time either way)."""
    user = await get_user_by_name(session, username)
    ok = passwords.verify_secret(user.password_hash if user else None, password)
    if user is None or not ok or not user.active:
        return None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_secret(password)
    return user


def _client_read(client: Client) -> ClientRead:
    return ClientRead(
        id=client.id, name=client.name, scopes=client.scopes.split(), active=client.active
    )


async def create_client(
    session: AsyncSession,
    *,
    name: str,
    scopes: list[str],
    secret: str | None = None,
    client_id: str | None = None,
) -> ClientIssued:
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown or not scopes:
        raise AccountError(f"scopes: one or more of {', '.join(SCOPES)}")
    secret = secret or passwords.generate_secret()
    now = utcnow()
    client = Client(
        id=client_id or f"client-{secrets.token_hex(8)}",
        name=name,
        secret_hash=passwords.hash_secret(secret),
        scopes=" ".join(sorted(set(scopes))),
        active=True,
        created_at=now,
        updated_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(client)
            await session.flush()
    except IntegrityError:
        raise AccountError("client_id: already taken") from None
    return ClientIssued(**_client_read(client).model_dump(), client_secret=secret)


async def list_clients(session: AsyncSession) -> list[ClientRead]:
    return [_client_read(c) for c in await session.scalars(select(Client).order_by(Client.id))]


async def set_client_active(session: AsyncSession, *, client_id: str, active: bool) -> ClientRead:
    client = await session.get(Client, client_id)
    if client is None:
        raise LookupError("client not found")
    client.active = active
    client.updated_at = utcnow()
    return _client_read(client)


@dataclass(frozen=True)
class AuthenticatedClient:
    id: str
    scopes: frozenset[str]


async def authenticate_client(
    session: AsyncSession, client_id: str, secret: str
) -> AuthenticatedClient | None:
    client = await session.get(Client, client_id) if client_id else None
    ok = passwords.verify_secret(client.secret_hash if client else None, secret)
    if client is None or not ok or not client.active:
        return None
    return AuthenticatedClient(id=client.id, scopes=frozenset(client.scopes.split()))
