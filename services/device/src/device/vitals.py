"""Vital signs in their three shapes: engine values, stored dicts and bus protos."""

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


def vitals_dict(vitals: VitalSigns) -> dict[str, VitalValue]:
    """Only the measured values: an absent vital is left out, never stored as 0."""
    values: dict[str, VitalValue] = {}
    for name in VITAL_FIELDS:
        value = getattr(vitals, name)
        if value is not None:
            values[name] = value
    return values


def vital_signs_from_dict(values: dict[str, Any]) -> VitalSigns:
    """Engine vitals from a stored dict. Raises ValueError for an impossible value."""
    return VitalSigns(**{name: values[name] for name in VITAL_FIELDS if name in values})


def vital_signs_from_proto(vitals: Vitals) -> VitalSigns:
    """Engine vitals from the bus message. Raises ValueError for an impossible value."""
    return vital_signs_from_dict(
        {name: getattr(vitals, name) for name in VITAL_FIELDS if vitals.HasField(name)}
    )


def vitals_proto(values: dict[str, Any]) -> Vitals:
    return Vitals(**{name: values[name] for name in VITAL_FIELDS if name in values})
