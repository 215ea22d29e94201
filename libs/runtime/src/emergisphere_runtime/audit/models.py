"""One row per access to patient data. Rows are only ever inserted (see ``trail``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from emergisphere_runtime.db.base import Base, utcnow


class AuditRecord(Base):
    __tablename__ = "security_audit"
    __table_args__ = (
        Index("ix_security_audit_patient_at", "patient_id", "at"),
        Index("ix_security_audit_actor_at", "actor", "at"),
    )

    # Assigned by the trail (previous id + 1), never by the database: a gap is a deletion.
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=False
    )
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(32))
    # What was done: "read", "write", "override", "break_glass", "login", …
    action: Mapped[str] = mapped_column(String(32))
    # The route template or operation, never a raw path (paths carry ids).
    resource: Mapped[str] = mapped_column(String(200))
    patient_id: Mapped[str | None] = mapped_column(String(64))
    purpose: Mapped[str] = mapped_column(String(64))
    request_id: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[int] = mapped_column(Integer)
    # HMAC-SHA256 of the previous entry's hash and this entry's fields.
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


@dataclass(frozen=True)
class AuditEvent:
    """An entry before the trail gives it its place in the chain."""

    actor: str
    role: str
    action: str
    resource: str
    patient_id: str | None
    purpose: str
    request_id: str
    outcome: int
    at: datetime = field(default_factory=utcnow)
