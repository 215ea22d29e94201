"""National Early Warning Score 2 (Royal College of Physicians, 2017).

Each chart row is written as the inclusive upper edge of every band and the points of
each band, read left to right exactly as on the RCP chart. Readings are first rounded
(half up) to the chart's precision, whole numbers or tenths of a degree, so a reading
such as 20.6 breaths/min scores like the 21 a clinician would chart.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable
from typing import TypeVar

from emergisphere_clinical.models import News2Result, VitalSigns

_T = TypeVar("_T")
ChartRow = tuple[tuple[float, ...], tuple[int, ...]]

# (upper edges, points). RR: <=8 | 9-11 | 12-20 | 21-24 | >=25
RESPIRATORY_RATE: ChartRow = ((8, 11, 20, 24), (3, 1, 0, 2, 3))
# SpO2 scale 1: <=91 | 92-93 | 94-95 | >=96
SPO2_SCALE_1: ChartRow = ((91, 93, 95), (3, 2, 1, 0))
# SpO2 scale 2 (prescribed target 88-92, e.g. hypercapnic respiratory failure), on oxygen:
# <=83 | 84-85 | 86-87 | 88-92 | 93-94 | 95-96 | >=97. Over-oxygenation risks CO2 retention.
SPO2_SCALE_2_ON_OXYGEN: ChartRow = ((83, 85, 87, 92, 94, 96), (3, 2, 1, 0, 1, 2, 3))
# Scale 2 on air: 93 or more scores 0, like the 88-92 target.
SPO2_SCALE_2_ON_AIR: ChartRow = ((83, 85, 87), (3, 2, 1, 0))
# Systolic BP: <=90 | 91-100 | 101-110 | 111-219 | >=220
SYSTOLIC_BP: ChartRow = ((90, 100, 110, 219), (3, 2, 1, 0, 3))
# Pulse: <=40 | 41-50 | 51-90 | 91-110 | 111-130 | >=131
HEART_RATE: ChartRow = ((40, 50, 90, 110, 130), (3, 1, 0, 1, 2, 3))
# Temperature: <=35.0 | 35.1-36.0 | 36.1-38.0 | 38.1-39.0 | >=39.1. 37.5 scores 0: at least
# one public FHIR example gets this wrong.
TEMPERATURE: ChartRow = ((35.0, 36.0, 38.0, 39.0), (3, 1, 0, 1, 2))


def chart_points(value: float, row: ChartRow, digits: int = 0) -> int:
    edges, points = row
    scale = 10**digits
    charted = math.floor(value * scale + 0.5) / scale
    return points[bisect_left(edges, charted)]


def news2_band(score: int, *, single_parameter_red: bool) -> str:
    # RCP 2017 clinical risk: >=7 high; 5-6 medium; a single 3 is low-medium; else low.
    if score >= 7:
        return "high"
    if score >= 5:
        return "medium"
    return "low-medium" if single_parameter_red else "low"


def _maybe(scorer: Callable[[_T], int], value: _T | None) -> int | None:
    return None if value is None else scorer(value)


def score_news2(vitals: VitalSigns, *, spo2_scale: int = 1) -> News2Result:
    """Score the seven NEWS2 parameters; a missing one scores 0 and is listed in missing."""
    if spo2_scale not in (1, 2):
        raise ValueError("spo2_scale must be 1 or 2")
    # Unknown oxygen status is scored as air, as every missing parameter scores 0.
    on_oxygen = vitals.on_oxygen is True
    spo2_row = SPO2_SCALE_1
    if spo2_scale == 2:
        spo2_row = SPO2_SCALE_2_ON_OXYGEN if on_oxygen else SPO2_SCALE_2_ON_AIR
    points: dict[str, int | None] = {
        "respiratory_rate": _maybe(
            lambda v: chart_points(v, RESPIRATORY_RATE), vitals.respiratory_rate
        ),
        "spo2": _maybe(lambda v: chart_points(v, spo2_row), vitals.spo2),
        "on_oxygen": _maybe(lambda oxygen: 2 if oxygen else 0, vitals.on_oxygen),
        "systolic_bp": _maybe(lambda v: chart_points(v, SYSTOLIC_BP), vitals.systolic_bp),
        "heart_rate": _maybe(lambda v: chart_points(v, HEART_RATE), vitals.heart_rate),
        # Alert scores 0; new Confusion, Voice, Pain or Unresponsive score 3.
        "consciousness": _maybe(lambda level: 0 if level == "A" else 3, vitals.consciousness),
        "temperature_c": _maybe(lambda v: chart_points(v, TEMPERATURE, 1), vitals.temperature_c),
    }
    components = tuple((name, value) for name, value in points.items() if value is not None)
    missing = tuple(name for name, value in points.items() if value is None)
    score = sum(value for _, value in components)
    red = any(value == 3 for _, value in components)
    return News2Result(
        score=score,
        band=news2_band(score, single_parameter_red=red),
        single_parameter_red=red,
        components=components,
        missing=missing,
    )
