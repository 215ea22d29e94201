"""Practitioners, their bookable slots, and appointments.

``scheduling_appointments.slot_id`` is unique: two bookings of one slot cannot both commit,
whatever the isolation level or the number of replicas. ``workflow_id`` is unique too, so a
workflow books at most one follow-up however often its step is re-sent.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from emergisphere_runtime.db.base import Base

BOOKED = "booked"


class Practitioner(Base):
    __tablename__ = "scheduling_practitioners"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    specialty: Mapped[str] = mapped_column(String(64), index=True)


class Slot(Base):
    __tablename__ = "scheduling_slots"
    __table_args__ = (UniqueConstraint("practitioner_id", "starts_at"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    practitioner_id: Mapped[str] = mapped_column(ForeignKey("scheduling_practitioners.id"))
    # Free-slot search scans by start time across practitioners.
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]


class Appointment(Base):
    __tablename__ = "scheduling_appointments"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    slot_id: Mapped[str] = mapped_column(ForeignKey("scheduling_slots.id"), unique=True)
    workflow_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    patient_id: Mapped[str] = mapped_column(String(64), index=True)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]


class PractitionerCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    specialty: str = Field(min_length=1, max_length=64)


class PractitionerRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    specialty: str


class SlotRead(BaseModel):
    id: str
    practitioner_id: str
    practitioner_name: str
    specialty: str
    starts_at: datetime
    ends_at: datetime


class AppointmentCreate(BaseModel):
    slot_id: str = Field(min_length=1)
    patient_id: str = Field(min_length=1)
    reason: str = Field(min_length=1, max_length=2000)


class AppointmentRead(BaseModel):
    id: str
    slot_id: str
    practitioner_id: str
    practitioner_name: str
    specialty: str
    starts_at: datetime
    ends_at: datetime
    patient_id: str
    workflow_id: str | None
    reason: str
    status: str
    created_at: datetime
