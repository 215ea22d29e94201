"""Acute severe asthma by the BTS/SIGN criteria, which a nebuliser alone does not cover.

An asthma attack is one resource (the nebuliser), so decision point C would place it at
ESI 4, and danger-zone vitals are only weighed with two resources. Yet acute severe asthma
(BTS/SIGN 158, 2019) needs steroids, repeated or continuous nebulisers and a senior review
now. Its features, by age:

- over 12: respiratory rate 25 or more, heart rate 110 or more;
- 5 to 12: respiratory rate above 30, heart rate above 125;
- 2 to 5: respiratory rate above 40, heart rate above 140;
- at any age: unable to complete sentences in one breath (too breathless to talk or
  feed), or a peak flow of 50% of best or predicted or less.

An unknown age is read by the adult thresholds, the lowest. SpO2 below 92% is handled
with the other hypoxaemic breathlessness.
"""

from __future__ import annotations

import re

from emergisphere_clinical.models import VitalSigns
from emergisphere_clinical.wording import normalise

# (older than, in years; respiratory rate; heart rate): the feature is a rate at or above.
_THRESHOLDS = (
    (12.0, 25.0, 110.0),
    (4.99, 31.0, 126.0),
    (1.99, 41.0, 141.0),
)
SEVERE_PEAK_FLOW_PERCENT = 50
_SENTENCES = re.compile(
    r"\b(?:short sentences|(?:can't|cannot|unable to|not able to|couldn't) (?:complete|finish)"
    r" (?:a |her |his |full )?sentences?|words only|single words|one word answers"
    r"|broken sentences|too breathless to (?:talk|speak|feed|eat))\b"
)
_PEAK_FLOW = re.compile(r"\b(?:pef|pefr|peak flow)\b[^.;%]{0,20}?(\d{2,3}) ?%")


def acute_severe_asthma(note: str, age: float | None, vitals: VitalSigns) -> str | None:
    """The first acute severe feature the note or vitals show, or None."""
    thresholds = next((t for t in _THRESHOLDS if age is None or age > t[0]), None)
    if thresholds is not None:
        _, rate, heart = thresholds
        if vitals.respiratory_rate is not None and vitals.respiratory_rate >= rate:
            return f"respiratory rate {vitals.respiratory_rate:g} ({rate:g} or more)"
        if vitals.heart_rate is not None and vitals.heart_rate >= heart:
            return f"heart rate {vitals.heart_rate:g} ({heart:g} or more)"
    text = normalise(note)
    if (said := _SENTENCES.search(text)) is not None:
        return f"'{said.group()}'"
    for flow in _PEAK_FLOW.finditer(text):
        if int(flow.group(1)) <= SEVERE_PEAK_FLOW_PERCENT:
            return f"peak flow {flow.group(1)}% ({SEVERE_PEAK_FLOW_PERCENT}% or less)"
    return None
