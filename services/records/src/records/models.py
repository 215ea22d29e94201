"""A patient's medical history (allergies, medications, conditions) and visit records.

History rows take their id from (patient, normalised name), so adding the same allergy
twice, from an intake, a FHIR bundle or a re-sent message, updates one row. A visit's id
comes from its workflow and ``workflow_id`` is unique: one visit record per workflow.
Patient ids refer to admission's records; no foreign key, since each service owns its
tables and may live in its own database.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from emergisphere_runtime.crypto.columns import EncryptedText
from emergisphere_runtime.db.base import Base

ACTIVE: Final = "active"
STOPPED: Final = "stopped"
RESOLVED: Final = "resolved"

MedicationStatus = Literal["active", "stopped"]
ConditionStatus = Literal["active", "resolved"]
# FHIR AllergyIntolerance.criticality.
Criticality = Literal["low", "high", "unable-to-assess"]


class Allergy(Base):
    __tablename__ = "records_allergies"
    __table_args__ = (UniqueConstraint("patient_id", "substance_key"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    patient_id: Mapped[str] = mapped_column(String(64), index=True)
    substance: Mapped[str] = mapped_column(String(200))
    substance_key: Mapped[str] = mapped_column(String(200))
    reaction: Mapped[str | None] = mapped_column(String(200))
    criticality: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(32))
    recorded_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Medication(Base):
    __tablename__ = "records_medications"
    __table_args__ = (UniqueConstraint("patient_id", "name_key"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    patient_id: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    dosage: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(32))
    recorded_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Condition(Base):
    __tablename__ = "records_conditions"
    __table_args__ = (UniqueConstraint("patient_id", "name_key"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    patient_id: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    # A coded form when the source had one (SNOMED CT or ICD-10), e.g. from FHIR.
    code: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(32))
    recorded_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Visit(Base):
    __tablename__ = "records_visits"
    # Prior-visit counts and the history page read a patient's visits in time order.
    __table_args__ = (Index("ix_records_visits_patient_id_visited_at", "patient_id", "visited_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    workflow_id: Mapped[str] = mapped_column(String(64), unique=True)
    patient_id: Mapped[str] = mapped_column(String(64))
    encounter_id: Mapped[str | None] = mapped_column(String(64))
    workflow_type: Mapped[str] = mapped_column(String(32))
    acuity: Mapped[int | None]
    # Part of the medical record; it never leaves this table through logs or metrics.
    chief_complaint: Mapped[str] = mapped_column(
        EncryptedText("records_visits.chief_complaint"), default=""
    )
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    visited_at: Mapped[datetime]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class AllergyCreate(BaseModel):
    substance: str = Field(min_length=1, max_length=200)
    reaction: str | None = Field(default=None, max_length=200)
    criticality: Criticality | None = None
    # Where the entry came from: seed, fhir, staff...
    source: str = Field(default="staff", min_length=1, max_length=32)


class AllergyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    patient_id: str
    substance: str
    reaction: str | None
    criticality: str | None
    source: str
    recorded_at: datetime
    updated_at: datetime


class MedicationCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    dosage: str | None = Field(default=None, max_length=200)
    status: MedicationStatus = ACTIVE
    source: str = Field(default="staff", min_length=1, max_length=32)


class MedicationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    patient_id: str
    name: str
    dosage: str | None
    status: str
    source: str
    recorded_at: datetime
    updated_at: datetime


class ConditionCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    code: str | None = Field(default=None, max_length=64)
    status: ConditionStatus = ACTIVE
    source: str = Field(default="staff", min_length=1, max_length=32)


class ConditionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    patient_id: str
    name: str
    code: str | None
    status: str
    source: str
    recorded_at: datetime
    updated_at: datetime


class VisitCreate(BaseModel):
    workflow_id: str = Field(min_length=1)
    patient_id: str = Field(min_length=1)
    encounter_id: str | None = None
    workflow_type: str
    acuity: int | None = None
    chief_complaint: str = ""
    summary: dict[str, Any] = Field(default_factory=dict)
    visited_at: datetime


class VisitRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    workflow_id: str
    patient_id: str
    encounter_id: str | None
    workflow_type: str
    acuity: int | None
    chief_complaint: str
    summary: dict[str, Any]
    visited_at: datetime
    created_at: datetime
    updated_at: datetime


class HistoryRead(BaseModel):
    patient_id: str
    allergies: list[AllergyRead]
    # Active and stopped; ``status`` tells them apart.
    medications: list[MedicationRead]
    conditions: list[ConditionRead]
    # Most recent first.
    visits: list[VisitRead]
