"""Accounts, refresh-token families, break-glass grants and resource owners."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from emergisphere_runtime.db.base import Base


class User(Base):
    __tablename__ = "security_users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Client(Base):
    """A hospital integration using OAuth2 client credentials."""

    __tablename__ = "security_clients"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[str] = mapped_column(Text)
    # Space-separated, as in OAuth2.
    scopes: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class RefreshToken(Base):
    """One issued refresh token, stored as its SHA-256 (the token itself is never kept).

    Tokens descending from one login share a family. Using a token rotates it (used_at);
    presenting a used one again means it was stolen, and the whole family is revoked.
    """

    __tablename__ = "security_refresh_tokens"
    __table_args__ = (Index("ix_security_refresh_tokens_family", "family_id"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    family_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str] = mapped_column(ForeignKey("security_users.id", ondelete="CASCADE"))
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class BreakGlassGrant(Base):
    """Emergency access by one user to one patient's records, until it expires."""

    __tablename__ = "security_break_glass"
    __table_args__ = (Index("ix_security_break_glass_user_patient", "user_id", "patient_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36))
    patient_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    granted_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class ResourceOwner(Base):
    """Which integration client created a resource (a device): only it may write to it."""

    __tablename__ = "security_resource_owners"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    resource_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner: Mapped[str] = mapped_column(String(64))
