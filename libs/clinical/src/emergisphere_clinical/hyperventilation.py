"""Overbreathing from anxiety: breathlessness and tingling that a panic explains.

Tingling round the mouth and in the hands is the mark of hyperventilation (Gardner, Chest
1996), but it is a diagnosis of exclusion. It is read only when the note gives the anxious
context (a panic, an argument, the same before), the patient is under 45, SpO2 is measured
at 97% or more on air with a heart rate under 120, and nothing points to another cause:
no chest pain, no PERC item, no allergen or sting, no diabetes, ingestion, fever or neck
surgery (low calcium). Anything missing keeps the breathlessness as it was.
"""

from __future__ import annotations

import re

from emergisphere_clinical.chest_pain import HEART_LOWEST_AGE_BAND, PERC_ITEMS
from emergisphere_clinical.complaints import mentioned_history
from emergisphere_clinical.models import VitalSigns
from emergisphere_clinical.wording import normalise

HYPERVENTILATION_MIN_SPO2 = 97.0
HYPERVENTILATION_MAX_HEART_RATE = 120.0

_PERIORAL_TINGLING = re.compile(
    r"\b(?:tingl\w*|pins and needles)\b[^.;]{0,40}?\b(?:lips|mouth|both hands|hands)\b"
    r"|\b(?:lips|mouth)\b[^.;]{0,12}?\btingl\w*"
)
ANXIOUS_CONTEXT = (
    "panic",
    "panicky",
    "panicking",
    "anxiety",
    "anxious",
    "argument",
    "a row",
    "stress",
    "stressed",
    "hyperventilating",
    "hyperventilation",
    "breathing fast",
    "coaching",
    "breathing exercises",
    "had this before",
    "had the same before",
    "same as before",
)
OTHER_CAUSES = (
    *PERC_ITEMS,
    "chest pain",
    "pain in the chest",
    "hives",
    "rash",
    "itchy",
    "swelling",
    "swollen",
    "sting",
    "stung",
    "bite",
    "bitten",
    "allergy",
    "allergic",
    "peanut",
    "nuts",
    "prawns",
    "epipen",
    "diabetes",
    "diabetic",
    "ketones",
    "overdose",
    "took",
    "tablets",
    "drank",
    "acid",
    "fever",
    "thyroidectomy",
    "parathyroid",
    "neck surgery",
    "chvostek",
    "wheeze",
    "wheezy",
    "asthma",
    "collapsed",
    "fainted",
    "confused",
    "drowsy",
    "one side",
    "weakness",
    "slurred",
)


def hyperventilation(complaint: str, age: float | None, v: VitalSigns) -> str | None:
    """The anxious context, when tingling round the mouth and every criterion hold; else
    None."""
    if age is None or age >= HEART_LOWEST_AGE_BAND:
        return None
    if v.spo2 is None or v.spo2 < HYPERVENTILATION_MIN_SPO2 or v.on_oxygen:
        return None
    if v.heart_rate is not None and v.heart_rate >= HYPERVENTILATION_MAX_HEART_RATE:
        return None
    if _PERIORAL_TINGLING.search(normalise(complaint)) is None:
        return None
    context = mentioned_history(complaint, ANXIOUS_CONTEXT)
    if context is None or mentioned_history(complaint, OTHER_CAUSES) is not None:
        return None
    return context
