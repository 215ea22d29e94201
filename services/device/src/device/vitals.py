"""Vital signs in their three shapes: engine values, stored dicts and bus protos.

A reading may also carry a point-of-care glucose (a glucometer or glucose monitor). It
is a test, not a NEWS2 vital, so it travels beside the engine's VitalSigns.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from emergisphere.v1.common_pb2 import Vitals
from emergisphere_clinical import VitalSigns

# The engine's field names; the proto and the stored documents use the same names.
VitalName = Literal[
    "heart_rate",
    "respiratory_rate",
    "systolic_bp",
    "diastolic_bp",
    "spo2",
    "temperature_c",
    "consciousness",
    "on_oxygen",
    "pain_score",
]
VITAL_FIELDS: tuple[VitalName, ...] = get_args(VitalName)

VitalValue = bool | int | float | str


GLUCOSE = "glucose_mg_dl"
# A stored reading's fields, as on the bus.
READING_FIELDS: tuple[str, ...] = (*VITAL_FIELDS, GLUCOSE)
GLUCOSE_MAX_MG_DL = 2000.0


def check_glucose(value: float) -> float:
    """A glucose in mg/dL. Raises ValueError for a value no meter reads."""
    if isinstance(value, bool) or not 0 < float(value) <= GLUCOSE_MAX_MG_DL:
        raise ValueError(f"{GLUCOSE} must be above 0 and at most {GLUCOSE_MAX_MG_DL:g}")
    return float(value)


def vitals_dict(vitals: VitalSigns, glucose: float | None = None) -> dict[str, VitalValue]:
    """Only the measured values: an absent vital is left out, never stored as 0."""
    values: dict[str, VitalValue] = {}
    for name in VITAL_FIELDS:
        value = getattr(vitals, name)
        if value is not None:
            values[name] = value
    if glucose is not None:
        values[GLUCOSE] = check_glucose(glucose)
    return values


def glucose_from_dict(values: dict[str, Any]) -> float | None:
    """The stored glucose, or None. Raises ValueError for an impossible value."""
    value = values.get(GLUCOSE)
    return None if value is None else check_glucose(value)


def glucose_from_proto(vitals: Vitals) -> float | None:
    return check_glucose(vitals.glucose_mg_dl) if vitals.HasField("glucose_mg_dl") else None


def vital_signs_from_dict(values: dict[str, Any]) -> VitalSigns:
    """Engine vitals from a stored dict. Raises ValueError for an impossible value."""
    return VitalSigns(**{name: values[name] for name in VITAL_FIELDS if name in values})


def vital_signs_from_proto(vitals: Vitals) -> VitalSigns:
    """Engine vitals from the bus message. Raises ValueError for an impossible value."""
    return vital_signs_from_dict(
        {name: getattr(vitals, name) for name in VITAL_FIELDS if vitals.HasField(name)}
    )


def vitals_proto(values: dict[str, Any]) -> Vitals:
    return Vitals(**{name: values[name] for name in READING_FIELDS if name in values})
