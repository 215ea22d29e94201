"""Patients, their insurance on file, and encounters; with the schemas the gateway reads.

``admission_patients.national_health_id_index`` (a keyed blind index) is unique, so two
intakes of one person can never create two records; ``admission_encounters.workflow_id``
is unique, so a workflow opens one encounter however often its admission step is re-sent.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Date, ForeignKey, Index, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from emergisphere_runtime.crypto.columns import BlindIndex, EncryptedJSON, EncryptedText
from emergisphere_runtime.db.base import Base

# Exact amounts on PostgreSQL; never floats for money.
Money = Numeric(12, 2, asdecimal=True)
Fraction = Numeric(5, 4, asdecimal=True)


class Patient(Base):
    __tablename__ = "admission_patients"
    # Name-and-birth-date lookups for patients who come without a national id.
    __table_args__ = (Index("ix_admission_patients_name_key_dob", "name_key", "date_of_birth"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # PHI is encrypted at rest (docs/security.md); lookups by national id go through the
    # keyed blind index, which is what keeps one record per person.
    national_health_id: Mapped[str | None] = mapped_column(
        EncryptedText("admission_patients.national_health_id")
    )
    national_health_id_index: Mapped[str | None] = mapped_column(
        BlindIndex("admission_patients.national_health_id"), unique=True
    )
    mrn: Mapped[str] = mapped_column(String(16), unique=True)
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(100))
    # casefolded "first|last": case-insensitive matching that also works for non-ASCII
    # names on SQLite, whose lower() folds ASCII only.
    name_key: Mapped[str | None] = mapped_column(String(202))
    # Placeholder name of an unidentified patient, kept after identification for audit.
    alias: Mapped[str | None] = mapped_column(String(32))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(16), default="unknown")
    phone: Mapped[str | None] = mapped_column(EncryptedText("admission_patients.phone"))
    emergency_contacts: Mapped[list[Any]] = mapped_column(
        EncryptedJSON("admission_patients.emergency_contacts"), default=list
    )
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class InsurancePolicy(Base):
    """The insurance on file: one row per patient, replaced by each intake that has one."""

    __tablename__ = "admission_insurance"

    patient_id: Mapped[str] = mapped_column(
        ForeignKey("admission_patients.id", ondelete="CASCADE"), primary_key=True
    )
    payer: Mapped[str] = mapped_column(String(200))
    member_id: Mapped[str] = mapped_column(String(64), default="")
    plan: Mapped[str] = mapped_column(String(200), default="")
    copay: Mapped[Decimal] = mapped_column(Money)
    coinsurance: Mapped[Decimal] = mapped_column(Fraction)
    deductible: Mapped[Decimal] = mapped_column(Money)
    deductible_met: Mapped[Decimal] = mapped_column(Money)
    updated_at: Mapped[datetime]


class Encounter(Base):
    __tablename__ = "admission_encounters"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    patient_id: Mapped[str] = mapped_column(ForeignKey("admission_patients.id"), index=True)
    workflow_id: Mapped[str] = mapped_column(String(64), unique=True)
    # FHIR Encounter.class: emergency, ambulatory or virtual.
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    arrival_mode: Mapped[str | None] = mapped_column(String(32))
    arrived_at: Mapped[datetime | None]
    opened_at: Mapped[datetime]
    # How this visit's patient was identified, and whether the visit created the record:
    # an audit fact, and what a re-sent admission step reports again.
    matched_by: Mapped[str] = mapped_column(String(32))
    patient_created: Mapped[bool] = mapped_column(default=False)


class EmergencyContactRead(BaseModel):
    name: str
    relationship: str
    phone: str


class InsuranceRead(BaseModel):
    """The fields of the ``Insurance`` protobuf message, so one converts to the other."""

    model_config = ConfigDict(from_attributes=True)

    payer: str = Field(min_length=1, max_length=200)
    member_id: str = ""
    plan: str = ""
    copay: float = Field(default=0, ge=0)
    coinsurance: float = Field(default=0, ge=0, le=1)
    deductible: float = Field(default=0, ge=0)
    deductible_met: float = Field(default=0, ge=0)


class PatientCreate(BaseModel):
    """What an intake (or the demo seed) says about a patient; every field may be missing."""

    national_health_id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    date_of_birth: date | None = None
    sex: str = "unknown"
    phone: str | None = None
    emergency_contacts: list[EmergencyContactRead] = Field(default_factory=list)
    insurance: InsuranceRead | None = None


class PatientRead(BaseModel):
    id: str
    mrn: str
    national_health_id: str | None
    first_name: str | None
    last_name: str | None
    alias: str | None
    date_of_birth: date | None
    sex: str
    phone: str | None
    emergency_contacts: list[EmergencyContactRead]
    insurance: InsuranceRead | None
    created_at: datetime
    updated_at: datetime


class EncounterRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    patient_id: str
    workflow_id: str
    kind: str
    status: str
    arrival_mode: str | None
    arrived_at: datetime | None
    opened_at: datetime
    matched_by: str
    patient_created: bool
