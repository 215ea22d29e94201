"""Triage engine throughput on one core: structured and narrative assessments per second.

``run()`` returns figures and prints nothing; ``make bench`` reports them. The inputs are
a fixed, varied set of synthetic presentations (no patient data), cycled for a fixed time.
Each figure is the median of several short measures, with their range: a shared machine's
speed swings by more than most changes to the rules, and one long measure hides that.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from emergisphere_clinical.assessment import assess
from emergisphere_clinical.complaints import forget_notes
from emergisphere_clinical.models import TriageInput, VitalSigns
from emergisphere_clinical.narrative import input_from_narrative

_T = TypeVar("_T")

TARGET_STRUCTURED_PER_SECOND = 5_000

_STRUCTURED = (
    TriageInput(
        "chest pain radiating to left arm",
        VitalSigns(118, 24, 92, 60, 91, 37.2, "A", False, 6),
        64,
    ),
    TriageInput("twisted ankle", VitalSigns(82, 16, 128, 80, 99, 36.8, "A", False, 4), 31),
    TriageInput("fever and cough", VitalSigns(112, 22, 104, 70, 94, 39.2, "A", False, 2), 78),
    TriageInput("sore throat", VitalSigns(76, 14, 120, 78, 99, 37.0, "A", False, 2), 22),
    TriageInput("denies chest pain, dizzy", VitalSigns(64, 18, 88, 50, 96, None, "C"), 85),
    TriageInput("fever", VitalSigns(170, 44, None, None, 97, 38.6), 0.05),
    TriageInput("abd pain, N/V", VitalSigns(104, 20, 132, 84, None, 37.9, "A", None, 8), 45),
    TriageInput("", VitalSigns(), None),
)
_NARRATIVES = (
    "72 y/o male c/o CP radiating to L arm, diaphoretic. BP 150/90, HR 110, RR 22, "
    "SpO2 94% RA, T 37.5",
    "A 41-year-old male fell off his bike, pain in the right wrist and a 2-centimeter "
    "laceration on his left elbow. Vital signs: BP 128/84, HR 76, RR 16, T 97F.",
    "EMS arrives with a 3-week-old girl, fever since this morning, feeding poorly. "
    "T 38.4, HR 176, RR 48, SpO2 97% on room air.",
    "45 yo F with asthma, wheezing for 2 days, denies chest pain. RR 24, HR 92, "
    "BP 148/86, SpO2 93%, pain 3/10.",
)


def _rate(work: Callable[[_T], object], items: Sequence[_T], seconds: float) -> float:
    count, started = 0, time.perf_counter()
    deadline = started + seconds
    while True:
        for item in items:
            # Real notes are all different: the text cache may help within one
            # assessment, never from the last time round the same few inputs.
            forget_notes()
            work(item)
        count += len(items)
        now = time.perf_counter()
        if now >= deadline:
            return count / (now - started)


def _measures(
    work: Callable[[_T], object], items: Sequence[_T], seconds: float, repeats: int
) -> list[float]:
    return sorted(_rate(work, items, seconds) for _ in range(repeats))


def _pin_to_one_core() -> bool:
    if not hasattr(os, "sched_setaffinity"):
        return False
    cores = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cores[0]})
    return True


def _narrative(note: str) -> object:
    return assess(input_from_narrative(note))


def run(seconds: float = 0.5, repeats: int = 7) -> dict[str, Any]:
    """Assessments per second, structured and from narratives, on one core.

    Each kind is measured ``repeats`` times for ``seconds``; the figure is the median.
    """
    before = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    pinned = _pin_to_one_core()
    try:
        _rate(assess, _STRUCTURED, 0.2)  # warm the regex and phrase caches
        structured = _measures(assess, _STRUCTURED, seconds, repeats)
        narrative = _measures(_narrative, _NARRATIVES, seconds, repeats)
    finally:
        if pinned and before is not None:
            os.sched_setaffinity(0, before)
    median = statistics.median(structured)
    return {
        "name": "triage_engine",
        "structured_per_second": round(median),
        "structured_range": [round(structured[0]), round(structured[-1])],
        "narrative_per_second": round(statistics.median(narrative)),
        "narrative_range": [round(narrative[0]), round(narrative[-1])],
        "target_structured_per_second": TARGET_STRUCTURED_PER_SECOND,
        "meets_target": median >= TARGET_STRUCTURED_PER_SECOND,
        "one_core": pinned,
        "seconds_per_measure": seconds,
        "measures": repeats,
    }
