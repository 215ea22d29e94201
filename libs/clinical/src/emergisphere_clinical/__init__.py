"""Deterministic, explainable ED triage: ESI v4 (AHRQ 2012) and NEWS2 (RCP 2017).

Pure functions over immutable values: no I/O, no logging, no patient identity.
"""

from emergisphere_clinical.assessment import assess
from emergisphere_clinical.models import (
    News2Result,
    Reason,
    TriageAssessment,
    TriageInput,
    VitalSigns,
)
from emergisphere_clinical.news2 import score_news2

__all__ = [
    "News2Result",
    "Reason",
    "TriageAssessment",
    "TriageInput",
    "VitalSigns",
    "assess",
    "score_news2",
]
