"""The device table and the device API's request and response bodies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from device.rules import EmergencyCheck
from device.vitals import (
    GLUCOSE_MAX_MG_DL,
    VitalValue,
    glucose_from_dict,
    vital_signs_from_dict,
)
from emergisphere_clinical import VitalSigns
from emergisphere_runtime.db.base import Base, utcnow

DeviceKind = Literal[
    "pulse_oximeter",
    "bp_monitor",
    "thermometer",
    "wearable",
    "multiparameter_monitor",
    "glucometer",
    "glucose_monitor",
]
Consciousness = Literal["A", "C", "V", "P", "U"]
# A device clock a little ahead of ours is normal; far ahead it would pin "latest" forever.
CLOCK_SKEW = timedelta(minutes=5)


class Device(Base):
    __tablename__ = "device_devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    patient_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    serial: Mapped[str] = mapped_column(String(128), unique=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(default=True)


class Strict(BaseModel):
    # Unknown fields are rejected: a typo must not silently drop a reading.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class DeviceCreate(Strict):
    patient_id: str = Field(min_length=1, max_length=64)
    kind: DeviceKind
    serial: str = Field(min_length=1, max_length=128)
    label: str = Field(default="", max_length=200)


class DeviceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    patient_id: str
    kind: str
    serial: str
    label: str
    registered_at: datetime
    active: bool


class ScanCreate(Strict):
    # The engine's physiological ranges, so a value accepted here is always scorable.
    heart_rate: float | None = Field(default=None, ge=0, le=350)
    respiratory_rate: float | None = Field(default=None, ge=0, le=120)
    systolic_bp: float | None = Field(default=None, ge=0, le=350)
    diastolic_bp: float | None = Field(default=None, ge=0, le=250)
    spo2: float | None = Field(default=None, ge=0, le=100)
    temperature_c: float | None = Field(default=None, ge=20, le=46)
    consciousness: Consciousness | None = None
    on_oxygen: bool | None = None
    pain_score: int | None = Field(default=None, ge=0, le=10)
    # Point-of-care glucose in mg/dL (mmol/L x 18); a test, not a NEWS2 vital.
    glucose_mg_dl: float | None = Field(default=None, gt=0, le=GLUCOSE_MAX_MG_DL)
    measured_at: AwareDatetime | None = None

    @model_validator(mode="after")
    def _a_plausible_reading(self) -> ScanCreate:
        if not self.model_dump(exclude_none=True, exclude={"measured_at"}):
            raise ValueError("a scan needs at least one vital sign")
        if self.measured_at is not None and self.measured_at > datetime.now(UTC) + CLOCK_SKEW:
            raise ValueError("measured_at is in the future")
        return self

    def vital_signs(self) -> VitalSigns:
        return vital_signs_from_dict(self.model_dump(exclude_none=True, exclude={"measured_at"}))


class ReadingRead(BaseModel):
    id: str
    device_id: str
    patient_id: str
    measured_at: datetime
    vitals: dict[str, VitalValue]

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> ReadingRead:
        return cls(
            id=document["_id"],
            device_id=document["device_id"],
            patient_id=document["patient_id"],
            measured_at=datetime.fromisoformat(document["measured_at"]),
            vitals=document["vitals"],
        )


class ReportCreate(Strict):
    # A client-chosen id makes re-posting idempotent; without one, the content decides.
    id: str | None = Field(default=None, min_length=1, max_length=64)
    kind: str = Field(min_length=1, max_length=64)
    summary: str = Field(default="", max_length=2000)
    data: dict[str, Any] = Field(default_factory=dict)


class ReportRead(BaseModel):
    id: str
    device_id: str
    patient_id: str
    kind: str
    summary: str
    data: dict[str, Any]
    created_at: datetime

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> ReportRead:
        return cls(
            id=document["_id"],
            device_id=document["device_id"],
            patient_id=document["patient_id"],
            kind=document["kind"],
            summary=document["summary"],
            data=document["data"],
            created_at=datetime.fromisoformat(document["created_at"]),
        )


class LatestVital(BaseModel):
    value: VitalValue
    measured_at: datetime
    device_id: str


class LatestVitalsRead(BaseModel):
    """The newest value of each vital across the devices, each with when it was taken."""

    vitals: dict[str, LatestVital]
    readings_considered: int

    def vital_signs(self) -> VitalSigns:
        return vital_signs_from_dict({name: v.value for name, v in self.vitals.items()})

    def glucose(self) -> float | None:
        return glucose_from_dict({name: v.value for name, v in self.vitals.items()})


class News2Read(BaseModel):
    score: int
    band: str
    single_parameter_red: bool
    missing: list[str]


class ReasonRead(BaseModel):
    rule: str
    text: str
    source: str


class EmergencyCheckRead(BaseModel):
    emergency: bool
    news2: News2Read
    reasons: list[ReasonRead]

    @classmethod
    def from_check(cls, check: EmergencyCheck) -> EmergencyCheckRead:
        return cls(
            emergency=check.emergency,
            news2=News2Read(
                score=check.news2.score,
                band=check.news2.band,
                single_parameter_red=check.news2.single_parameter_red,
                missing=list(check.news2.missing),
            ),
            reasons=[ReasonRead(rule=r.rule, text=r.text, source=r.source) for r in check.reasons],
        )
