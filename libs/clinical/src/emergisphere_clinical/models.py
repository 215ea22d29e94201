"""Value types of the triage engine: immutable and validated when built.

Validation is strict on purpose: a rule engine that silently accepts an impossible
vital sign (negative pulse, SpO2 of 140) gives a confident answer from garbage.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

# ACVPU, best to worst; "C" is new confusion (RCP NEWS2 2017).
AVPU_LEVELS = ("A", "C", "V", "P", "U")


def _check_number(name: str, value: float | None, low: float, high: float) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number or None")
    if not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"{name} must be a finite number in [{low}, {high}]")


@dataclass(frozen=True, slots=True)
class VitalSigns:
    heart_rate: float | None = None
    respiratory_rate: float | None = None
    systolic_bp: float | None = None
    diastolic_bp: float | None = None
    spo2: float | None = None
    temperature_c: float | None = None
    consciousness: str | None = None  # "A","C","V","P","U" (C = new confusion)
    on_oxygen: bool | None = None
    pain_score: int | None = None  # 0..10

    def __post_init__(self) -> None:
        for name in ("heart_rate", "respiratory_rate", "systolic_bp", "diastolic_bp"):
            _check_number(name, getattr(self, name), 0.0, 400.0)
        _check_number("spo2", self.spo2, 0.0, 100.0)
        _check_number("temperature_c", self.temperature_c, 10.0, 50.0)
        if self.consciousness is not None:
            level = self.consciousness.strip().upper()
            if level not in AVPU_LEVELS:
                raise ValueError("consciousness must be one of A, C, V, P, U")
            object.__setattr__(self, "consciousness", level)
        if self.on_oxygen is not None and not isinstance(self.on_oxygen, bool):
            raise TypeError("on_oxygen must be a bool or None")
        if self.pain_score is not None:
            if isinstance(self.pain_score, bool) or not isinstance(self.pain_score, int):
                raise TypeError("pain_score must be an int or None")
            if not 0 <= self.pain_score <= 10:
                raise ValueError("pain_score must be in [0, 10]")


@dataclass(frozen=True, slots=True)
class TriageInput:
    chief_complaint: str = ""
    vitals: VitalSigns = field(default_factory=VitalSigns)
    age_years: float | None = None  # fractional for infants (e.g. 0.05 = ~18 days)
    # "male","female","other","unknown"; only the bedside-dipped cystitis rule reads it
    sex: str | None = None
    # ESI assigns acuity by need, not by how the patient arrived, so no rule reads this.
    arrival_mode: str | None = None
    spo2_scale: int = 1  # NEWS2 SpO2 scale 1 or 2 (hypercapnic target 88-92)
    # Point-of-care blood glucose in mg/dL; when None, a reading stated in the complaint
    # ("BS 45") is used.
    glucose_mg_dl: float | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.chief_complaint, str):
            raise TypeError("chief_complaint must be a str")
        if self.spo2_scale not in (1, 2):
            raise ValueError("spo2_scale must be 1 or 2")
        _check_number("age_years", self.age_years, 0.0, 130.0)
        _check_number("glucose_mg_dl", self.glucose_mg_dl, 0.0, 2000.0)


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str  # stable machine id, e.g. "esi.a.spo2_below_90"
    text: str  # human-readable, never patient identity
    source: str  # the published rule it comes from


@dataclass(frozen=True, slots=True)
class News2Result:
    score: int
    band: str  # "low" | "low-medium" | "medium" | "high"
    single_parameter_red: bool
    components: tuple[tuple[str, int], ...]
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TriageAssessment:
    acuity: int  # ESI 1..5 (1 most urgent)
    news2: News2Result
    reasons: tuple[Reason, ...]
    expected_resources: int
    immediate_actions: tuple[str, ...]
    missing_data: tuple[str, ...]
    planned_medications: tuple[str, ...]
    follow_up_specialty: str
    expected_resource_types: tuple[str, ...] = ()  # the resource types counted, by name
