"""Persisted workflow state: one row per workflow, one per step, an audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from emergisphere_runtime.crypto.columns import EncryptedBytes, EncryptedJSON
from emergisphere_runtime.db.base import Base, utcnow

WORKFLOW_STATUSES = ("running", "completed", "failed", "escalated")
STEP_STATUSES = ("pending", "running", "completed", "failed", "skipped")


class Workflow(Base):
    __tablename__ = "workflows"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    patient_id: Mapped[str | None] = mapped_column(String(36), index=True)
    acuity: Mapped[int | None] = mapped_column(Integer)
    # The protobuf Case, serialised: it is read and rewritten on every step, and the
    # binary form is an order of magnitude cheaper than JSON both ways.
    # Encrypted at rest: it carries the patient's identity and contact details.
    case_proto: Mapped[bytes] = mapped_column(EncryptedBytes("workflows.case_proto"))
    # When the orchestrator must next look at this workflow (retry due, step deadline).
    wake_at: Mapped[datetime | None] = mapped_column(index=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(128), unique=True)
    staff_alerted_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    # Optimistic concurrency: every UPDATE checks and bumps it, so two writers never
    # both advance the same workflow from the same state.
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    steps: Mapped[list[Step]] = relationship(
        back_populates="workflow",
        order_by="Step.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it


class Step(Base):
    __tablename__ = "workflow_steps"

    workflow_id: Mapped[str] = mapped_column(
        ForeignKey("workflows.id", ondelete="CASCADE"), primary_key=True
    )
    step_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    agent: Mapped[str] = mapped_column(String(32))
    # "step" belongs to the definition's DAG; "alert" is a staff notification added at run time.
    kind: Mapped[str] = mapped_column(String(8), default="step")
    position: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    policy: Mapped[str] = mapped_column(String(16))
    after: Mapped[list[Any]]
    attempt: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer)
    timeout_seconds: Mapped[float]
    backoff_seconds: Mapped[float]
    purpose: Mapped[str] = mapped_column(String(32), default="")
    not_before: Mapped[datetime | None]
    deadline: Mapped[datetime | None]
    dispatched_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    # Encrypted at rest: an agent's output may repeat the patient's details.
    output: Mapped[dict[str, Any] | None] = mapped_column(EncryptedJSON("workflow_steps.output"))
    error: Mapped[str | None] = mapped_column(Text)

    workflow: Mapped[Workflow] = relationship(back_populates="steps")


class AuditEntry(Base):
    """Who changed a workflow by hand, and why. Appended, never updated."""

    __tablename__ = "workflow_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workflow_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))
    step_id: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    detail: Mapped[dict[str, Any]]

    __table_args__ = (Index("ix_workflow_audit_workflow_at", "workflow_id", "at"),)
