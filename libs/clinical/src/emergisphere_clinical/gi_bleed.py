"""A gastrointestinal bleed with no sign of blood loss the circulation shows.

The risk scores for bleeding from the gut weigh the circulation first: the Glasgow-Blatchford
score (Blatchford et al., Lancet 2000; NICE CG141) gives its points to a heart rate of 100
or more, a systolic pressure under 110 and a faint; the BSG guideline on lower GI bleeding
(Oakland et al., Gut 2019) calls a bleed unstable when the heart rate exceeds the systolic
pressure. A bleed with both measured and normal, no faint or dizziness, no large volume and
no liver disease (varices) is worked up at ESI 3; anything missing keeps it high-risk, the
size of the bleed included: a note that says only "haematemesis" has not told how much.
"""

from __future__ import annotations

import re

from emergisphere_clinical.complaints import mentioned_history
from emergisphere_clinical.models import VitalSigns
from emergisphere_clinical.wording import normalise

BLATCHFORD_HEART_RATE = 100.0
BLATCHFORD_SYSTOLIC = 110.0

# A faint or dizziness, shock, a large bleed, a low haemoglobin, or liver disease.
UNSTABLE = (
    "dizzy",
    "dizziness",
    "lightheaded",
    "light headed",
    "giddy",
    "faint",
    "fainted",
    "feels faint",
    "presyncope",
    "near syncope",
    "syncope",
    "passed out",
    "nearly passed out",
    "blacked out",
    "collapse",
    "collapsed",
    "postural",
    "clammy",
    "sweaty",
    "confused",
    "drowsy",
    "cupful",
    "cup full",
    "cupfuls",
    "large amount",
    "large amounts",
    "large volume",
    "lots of blood",
    "torrential",
    "massive",
    "pints",
    "transfusion",
    "hb",
    "haemoglobin",
    "hemoglobin",
    "varices",
    "variceal",
    "cirrhosis",
    "cirrhotic",
    "liver disease",
    "portal hypertension",
)

# How often or how much: "x2", "twice", "since yesterday", "streaks", "on the paper".
_DESCRIBED = re.compile(
    r"\bx ?\d\b|\b(?:once|twice|one|two|three|four|\d+ times|streaks?|streaked|small"
    r"|moderate|paper|pan|mixed|since|days?|yesterday|today|tonight|this (?:morning|evening"
    r"|afternoon))\b"
)


def stable_gi_bleed(note: str, vitals: VitalSigns) -> str | None:
    """The measured circulation that makes a GI bleed stable, or None."""
    heart_rate, systolic = vitals.heart_rate, vitals.systolic_bp
    if heart_rate is None or systolic is None:
        return None
    if heart_rate >= BLATCHFORD_HEART_RATE or systolic < BLATCHFORD_SYSTOLIC:
        return None
    if _DESCRIBED.search(normalise(note)) is None:
        return None
    if mentioned_history(note, UNSTABLE) is not None:
        return None
    return f"heart rate {heart_rate:g}, systolic {systolic:g}"
