"""Pain on one side low in the abdomen in early pregnancy: a possible ectopic pregnancy.

NICE NG126 (ectopic pregnancy and miscarriage, 2023): an ectopic pregnancy presents with
pain low in the abdomen, often on one side, with or without bleeding, in the first weeks;
until a scan shows the pregnancy in the uterus it cannot be ruled out. Early means a
gestation of 12 weeks or less, by weeks or by the last period; a pregnancy with no gestation
given may be early, so it counts. A scan that showed an intrauterine pregnancy rules it out.
"""

from __future__ import annotations

import re

from emergisphere_clinical.wording import normalise

EARLY_PREGNANCY_WEEKS = 12
# A gestation, not how long a symptom has lasted: "8 weeks pregnant" ("8/40" is read so),
# "7 weeks by dates", "LMP 6 weeks ago".
_WEEKS = re.compile(
    r"\b(\d{1,2}) ?(?:weeks?|wks?) (?:pregnant|by dates|by lmp|gestation|since (?:her )?lmp)\b"
    r"|\blmp (?:was )?(?:approx |about |around |~)?(\d{1,2}) ?(?:weeks?|wks?)\b"
)
_POSITIVE_TEST = re.compile(
    r"\b(?:\+ ?hpt|positive (?:home )?(?:pregnancy |preg )?tests?|pregnancy test positive"
    r"|(?:urine )?hcg positive|\+ve (?:home )?preg(?:nancy)? test|upt (?:pos|positive|\+))"
    r"|(?<!not )\bpregnant\b"
)
_ONE_SIDE = re.compile(
    r"\b(?:right|left) iliac fossa|\b(?:rif|lif|rlq|llq)\b|\b(?:right|left) lower quadrant"
    r"|\b(?:right|left)[ -]?sided\b|\b(?:right|left) (?:lower )?(?:abdo|abdominal|pelvic)"
    r"|\blower (?:right|left) (?:abdo|abdomen|abdominal|side)"
    r"|\bmainly (?:on the )?(?:right|left)\b|\bpelvic pain\b|\bshoulder tip pain\b"
)
_INTRAUTERINE = re.compile(
    r"\b(?:intrauterine|iup)\b|\bscan (?:at \d+ weeks )?(?:showed|confirmed|shows)"
    r"|\bheartbeat (?:seen|on scan)|\bdating scan (?:done|normal)"
)
_DENIED = re.compile(r"\bno (?:shoulder tip pain|pelvic pain)\b")


def possible_ectopic(note: str) -> str | None:
    """The one-sided pain that makes an early pregnancy a possible ectopic, or None."""
    text = _DENIED.sub("", normalise(note))
    if _INTRAUTERINE.search(text) is not None or not _early(text):
        return None
    side = _ONE_SIDE.search(text)
    return side.group() if side is not None else None


def _early(text: str) -> bool:
    weeks = [int(w) for match in _WEEKS.finditer(text) for w in match.groups() if w]
    if weeks:
        return min(weeks) <= EARLY_PREGNANCY_WEEKS
    return _POSITIVE_TEST.search(text) is not None
