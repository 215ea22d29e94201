"""The public request and response bodies of the intake and workflow API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Sex = Literal["male", "female", "other", "unknown"]
ArrivalMode = Literal[
    "walk_in", "ambulance", "private_vehicle", "public_transport", "police", "transfer", "other"
]
Consciousness = Literal["A", "C", "V", "P", "U"]


class Strict(BaseModel):
    # Unknown fields are rejected: a typo must not silently drop clinical data.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class EmergencyContactIn(Strict):
    name: str = Field(min_length=1, max_length=200)
    relationship: str = Field(min_length=1, max_length=64)
    phone: str = Field(min_length=3, max_length=32, pattern=r"^\+?[0-9 ()\-]{3,32}$")


class InsuranceIn(Strict):
    payer: str = Field(min_length=1, max_length=200)
    member_id: str = Field(default="", max_length=64)
    plan: str = Field(default="", max_length=200)
    copay: float = Field(default=0, ge=0, le=100_000)
    coinsurance: float = Field(default=0, ge=0, le=1)
    deductible: float = Field(default=0, ge=0, le=1_000_000)
    deductible_met: float = Field(default=0, ge=0, le=1_000_000)


class PatientIn(Strict):
    national_health_id: str | None = Field(default=None, min_length=1, max_length=64)
    first_name: str | None = Field(default=None, min_length=1, max_length=100)
    last_name: str | None = Field(default=None, min_length=1, max_length=100)
    date_of_birth: date | None = None
    sex: Sex = "unknown"
    phone: str | None = Field(default=None, max_length=32, pattern=r"^\+?[0-9 ()\-]{3,32}$")
    emergency_contacts: list[EmergencyContactIn] = Field(default_factory=list, max_length=10)
    insurance: InsuranceIn | None = None

    @model_validator(mode="after")
    def _born_in_the_past(self) -> PatientIn:
        if self.date_of_birth is not None and self.date_of_birth > date.today():
            raise ValueError("date_of_birth is in the future")
        return self


class VitalsIn(Strict):
    # Ranges are physiologically possible values, wide on purpose: an extreme but real
    # reading must reach triage, a typo like 1100 must not.
    heart_rate: float | None = Field(default=None, ge=0, le=350)
    respiratory_rate: float | None = Field(default=None, ge=0, le=120)
    systolic_bp: float | None = Field(default=None, ge=0, le=350)
    diastolic_bp: float | None = Field(default=None, ge=0, le=250)
    spo2: float | None = Field(default=None, ge=0, le=100)
    temperature_c: float | None = Field(default=None, ge=20, le=46)
    consciousness: Consciousness | None = None
    on_oxygen: bool | None = None
    pain_score: int | None = Field(default=None, ge=0, le=10)
    # Point-of-care glucose in mg/dL (multiply mmol/L by 18); above 2000 is not a reading.
    glucose_mg_dl: float | None = Field(default=None, gt=0, le=2000)


class IntakeIn(Strict):
    patient: PatientIn
    chief_complaint: str = Field(min_length=1, max_length=2000)
    arrival_mode: ArrivalMode = "walk_in"
    vitals: VitalsIn = Field(default_factory=VitalsIn)
    consent_to_share: bool = False


class AssessIn(Strict):
    """Stateless triage: the intake body (patient optional) or a free-text narrative.

    With both, the structured values win and the narrative fills the gaps (a reading
    staff typed in a field is more deliberate than one quoted in a note).
    """

    patient: PatientIn | None = None
    chief_complaint: str | None = Field(default=None, min_length=1, max_length=2000)
    arrival_mode: ArrivalMode | None = None
    vitals: VitalsIn | None = None
    narrative: str | None = Field(default=None, min_length=1, max_length=5000)
    # For an anonymous assessment without a birth date; a patient's birth date wins.
    age_years: float | None = Field(default=None, ge=0, le=130)
    # NEWS2 SpO2 scale 2 for a prescribed 88-92% target (hypercapnic respiratory failure).
    spo2_scale: Literal[1, 2] = 1

    @model_validator(mode="after")
    def _something_to_assess(self) -> AssessIn:
        if self.narrative is None and self.chief_complaint is None:
            raise ValueError("give chief_complaint (with optional vitals) or narrative")
        return self


class News2Out(BaseModel):
    score: int
    band: str
    single_parameter_red: bool = False
    # Points per charted parameter; parameters not recorded are left out (see missing_data).
    components: dict[str, int] = Field(default_factory=dict)


class ReasonOut(BaseModel):
    rule: str
    text: str
    source: str


class TriageOut(BaseModel):
    acuity: int
    news2: News2Out
    reasons: list[ReasonOut]
    expected_resources: int = 0
    expected_resource_types: list[str] = Field(default_factory=list)
    immediate_actions: list[str] = Field(default_factory=list)
    missing_data: list[str] = Field(default_factory=list)
    planned_medications: list[str] = Field(default_factory=list)
    follow_up_specialty: str = ""
    # Values the engine read out of a narrative (age, sex, vitals), so staff can check them.
    read_from_narrative: dict[str, float | str | bool] = Field(default_factory=dict)


class IntakeAccepted(BaseModel):
    workflow_id: str
    patient_id: str
    workflow_url: str
    triage: TriageOut | None = None


class StepOut(BaseModel):
    id: str
    agent: str
    status: str
    attempt: int
    policy: str
    started_at: datetime | None
    finished_at: datetime | None
    output: dict[str, Any] | None
    error: str | None


class WorkflowOut(BaseModel):
    id: str
    type: str
    status: str
    patient_id: str | None
    acuity: int | None
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    steps: list[StepOut]
    alerts: list[StepOut]


class WorkflowSummary(BaseModel):
    id: str
    type: str
    status: str
    patient_id: str | None
    acuity: int | None
    created_at: datetime
    completed_at: datetime | None


class OverrideIn(Strict):
    action: Literal["change_acuity", "skip", "retry", "force"]
    # The audit records the signed-in user; a client that names its user must name that one.
    actor: str | None = Field(default=None, min_length=1, max_length=128)
    reason: str = Field(min_length=3, max_length=2000)
    step: str | None = Field(default=None, max_length=32)
    acuity: int | None = Field(default=None, ge=1, le=5)

    @model_validator(mode="after")
    def _fields_for_action(self) -> OverrideIn:
        if self.action == "change_acuity" and self.acuity is None:
            raise ValueError("acuity is required to change acuity")
        if self.action != "change_acuity" and self.step is None:
            raise ValueError(f"step is required to {self.action} a step")
        return self


class AppointmentIn(Strict):
    patient: PatientIn
    reason: str = Field(min_length=1, max_length=2000)
    specialty: str | None = Field(default=None, max_length=64)
    practitioner_id: str | None = Field(default=None, max_length=64)
    not_before: datetime | None = None
    vitals: VitalsIn = Field(default_factory=VitalsIn)


class Problem(BaseModel):
    detail: str
