"""Blood glucose stated in a complaint or note ("BS 45", "glucose 500", "CBG 2.8 mmol/L").

Triage nurses write a point-of-care glucose beside the complaint. The reading is returned
in mg/dL. A unit written after the number is obeyed; without one, a value with a decimal
point or below 20 is read as mmol/L (meters show "LO" below about 20 mg/dL, and mmol/L
values are usually charted with a decimal), anything else as mg/dL. Where a bare value
could be either (20 to 33), the mg/dL reading is the low one, so the ambiguity can only
flag hypoglycaemia, never hide it, unless the note names ketones, thirst or much urine,
which a hypoglycaemia that deep would not bring; a "BM" is British, and so mmol/L.
"""

from __future__ import annotations

import re

MG_PER_DL_PER_MMOL = 18.0
# Accepted readings, in mg/dL; anything outside is a typo and is not guessed at.
GLUCOSE_RANGE_MG_DL = (10.0, 2000.0)
# ADA level 2 hypoglycaemia: below 54 mg/dL (3.0 mmol/L).
HYPOGLYCAEMIA_LEVEL_2_MG_DL = 54.0
# ADA hyperglycaemic crises (Kitabchi et al., 2009): DKA glucose above 250 mg/dL, HHS
# above 600 mg/dL.
DKA_GLUCOSE_MG_DL = 250.0
HHS_GLUCOSE_MG_DL = 600.0

# JBDS-IP (2023): diabetic ketoacidosis needs blood ketones of 3.0 mmol/L or more.
DKA_KETONES_MMOL_L = 3.0
# "Blood ketones 1.2", "ketones 0.4": a meter's blood ketone in mmol/L; a urine dip's
# "ketones 2+" is not one.
_KETONES = re.compile(
    r"\b(?:blood |capillary |cap )?ketones?\s*(?:of |is |was |=|:)?\s*(\d{1,2}(?:\.\d+)?)"
    r"(?!\s*\+)(?: ?mmol(?:/l)?)?\b"
)
_GLUCOSE = re.compile(
    r"\b(blood glucose|blood sugars?|glucose|sugars?|bst|bsl|bs|bg|bgl|bm|cbg|fsbs|fsbg"
    r"|fingerstick|finger stick|accu ?che?c?k|dextrostix"
    r"|meter (?:said|says|read|reads|showed|shows))"
    # "Sugars are over 400": the reading is at least the number.
    r"[\s:=,]{0,3}(?:(?:is|was|of|at|are|were)\s+)?(?:(?:over|above)\s+)?"
    r"(\d{1,4}(?:\.\d+)?)(?!\d|\.\d)\s*(mg\s*/?\s*dl|mg%?|mmol(?:\s*/\s*l)?)?"
    # "sugar 2 days" is a duration, not a reading.
    r"(?!\s*(?:days?|d\b|weeks?|wks?|hours?|hrs?|h\b|months?|years?|yrs?|times|x\b|am\b|pm\b))"
)


# A meter that reads "HI" or "LO" is beyond its range: above 600 or below 20 mg/dL.
_METER_LIMIT = re.compile(
    r"\b(?:meter|glucometer|bm|bg|sugar|glucose)\b[^.;]{0,20}?\b(?:says|reads|reading|shows"
    r"|showing|is|just says)\s*[\"']?(hi|high|lo|low)[\"']?(?![\w])"
)
METER_HIGH_MG_DL = 600.0
METER_LOW_MG_DL = 20.0


# Ketones, thirst or passing much urine beside a bare 20 to 33: a high glucose in mmol/L,
# not a low one in mg/dL; a hypoglycaemia that deep would not present with them.
_HIGH_CONTEXT = re.compile(
    r"\b(?:ketones?|thirsty|thirst|polyuria|passing (?:lots of|a lot of) urine"
    r"|passing urine (?:a lot|all the time)|up all night passing urine|hyperglyc\w*)\b"
)
# "BM 2.1 ... glucose gel, now BM 6.8": the reading after treatment is the glucose now.
_NOW = re.compile(r"\bnow\s+$")
_LABEL_NOW = re.compile(r"\b(bm|bg|bgl|cbg|glucose|sugar|bsl) now\b")


def read_glucose(text: str) -> float | None:
    """The glucose reading in the text, in mg/dL, or None: the first one, unless a later
    one is marked as now."""
    if not text:
        return None
    lowered = _LABEL_NOW.sub(r"now \1", text.lower())
    if limit := _METER_LIMIT.search(lowered):
        return METER_HIGH_MG_DL if limit.group(1).startswith("h") else METER_LOW_MG_DL
    readings = list(_GLUCOSE.finditer(lowered))
    if not readings:
        return None
    now = [m for m in readings[1:] if _NOW.search(lowered, max(0, m.start() - 8), m.start())]
    match = now[-1] if now else readings[0]
    label, number, unit = match.group(1), match.group(2), match.group(3)
    value = float(number)
    if unit is not None:
        mmol = unit.startswith("mmol")
    elif label == "bm" and value < 40:
        # "BM" (the BM-Test strip) is British usage, and Britain charts glucose in mmol/L
        # (meters read to 33.3).
        mmol = True
    else:
        mmol = ("." in number and value < 40) or value < 20
        if not mmol and value <= 33 and _HIGH_CONTEXT.search(lowered):
            mmol = True
    mg_dl = value * MG_PER_DL_PER_MMOL if mmol else value
    low, high = GLUCOSE_RANGE_MG_DL
    return round(mg_dl, 1) if low <= mg_dl <= high else None


def read_ketones(text: str) -> float | None:
    """The first blood ketone reading in the text, in mmol/L, or None."""
    match = _KETONES.search(text.lower()) if text else None
    return float(match.group(1)) if match is not None else None
