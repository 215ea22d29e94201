"""Sympathomimetic toxicity: a stimulant taken, with the body showing it.

Cocaine, MDMA and amphetamines drive the heart rate, blood pressure and temperature up and
the patient into agitation (TOXBASE). A stimulant named with the pulse at 120 or more, a
temperature of 38 C or more, or a pulse over 100 with agitation, is a toxicity that needs
monitoring, an ECG, bloods and often benzodiazepines and cooling now: a high-risk
situation (ESI v4 decision point B), whatever the count of resources. A stimulant taken
with none of these (a racing heart that has settled to 98, a nosebleed in a regular user)
is judged on its complaint as usual.
"""

from __future__ import annotations

from emergisphere_clinical.complaints import mentioned_history
from emergisphere_clinical.models import VitalSigns

# "Speed" on its own is a road collision's, so only how the drug is taken names it.
STIMULANT_WORDS = (
    "cocaine",
    "coke",
    "crack",
    "mdma",
    "ecstasy",
    "amphetamine",
    "amphetamines",
    "methamphetamine",
    "crystal meth",
    "meth",
    "mephedrone",
    "monkey dust",
    "took speed",
    "taken speed",
    "snorted speed",
    "line of speed",
    "lines of speed",
)
AGITATION_WORDS = (
    "agitated",
    "agitation",
    "combative",
    "aggressive",
    "pacing",
    "jaw clenching",
    "clenching his jaw",
    "clenching her jaw",
    "jaw grinding",
    "grinding his teeth",
    "grinding her teeth",
    "can't keep still",
    "can't sit still",
)
# TOXBASE's markers of sympathomimetic toxicity, read from 12 years of age: a younger
# child's pulse runs higher, and the danger-zone vitals judge it.
TOXIC_HEART_RATE = 120.0
AGITATED_HEART_RATE = 100.0
TOXIC_TEMPERATURE_C = 38.0
MIN_AGE_YEARS = 12.0


def stimulant_toxicity(note: str, age: float | None, vitals: VitalSigns) -> str | None:
    """The sign of toxicity after a named stimulant, or None."""
    if age is not None and age < MIN_AGE_YEARS:
        return None
    rate, temperature = vitals.heart_rate, vitals.temperature_c
    fast = rate is not None and rate >= TOXIC_HEART_RATE
    hot = temperature is not None and temperature >= TOXIC_TEMPERATURE_C
    # The note is read only when the vitals could show toxicity: most cannot.
    if not (fast or hot or (rate is not None and rate > AGITATED_HEART_RATE)):
        return None
    drug = mentioned_history(note, STIMULANT_WORDS)
    if drug is None:
        return None
    if fast:
        return f"{drug} with a heart rate of {rate:g} ({TOXIC_HEART_RATE:g} or more)"
    if hot:
        return f"{drug} with a temperature of {temperature:g} C ({TOXIC_TEMPERATURE_C:g} or more)"
    agitation = mentioned_history(note, AGITATION_WORDS)
    if agitation is None:
        return None
    return f"{drug} with a heart rate of {rate:g} and '{agitation}'"
