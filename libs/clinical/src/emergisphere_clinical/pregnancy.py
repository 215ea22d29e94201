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
# From 20 weeks a blow to the abdomen can separate the placenta (RCOG Green-top 63).
LATER_PREGNANCY_WEEKS = 20
_LATE = re.compile(r"\b(?:third trimester|late pregnancy)\b")
_BLOW = re.compile(
    r"\b(?:fell|fall|tripped|slipped|punched|kicked|assaulted|collision|crash|crashed"
    r"|rear ended|hit by|belt across (?:the |her )?bump|missed the bottom \w+ stairs"
    r"|landed on her (?:bottom|bump|tummy|front|side|back))\b"
)
# Affirmed, not denied: "no PV bleeding" or "no abdo pain" leaves nothing to find.
_ABDOMINAL_SYMPTOM = re.compile(
    r"(?<!no )(?<!denies )\b(?:(?:lower )?(?:abdo|abdominal|tummy|stomach|belly) (?:pain|sore"
    r"|cramping|ache)|cramping|cramps|crampy|tightenings?|contractions|(?:small )?pv bleed(?:ing)?"
    r"|bleeding pv|abdo sore|abdomen (?:sore|tender|firm|hard)"
    # a tender bump or abdomen: "mild abdominal tenderness", "tender L side of bump"
    r"|(?:abdo|abdominal|tummy|stomach|belly|uterine|bump) tenderness"
    r"|(?:abdo|tummy|bump|uterus) (?:is )?tender"
    r"|tender (?:(?:left|right) )?(?:side of )?(?:the |her )?bump"
    r"|(?:tummy|bump|abdomen|belly) (?:keeps )?going tight|(?:tummy|bump) tightening)\b"
)
# A gestation, not how long a symptom has lasted: "8 weeks pregnant" ("8/40" is read so),
# "7 weeks by dates", "LMP 6 weeks ago".
_WEEKS = re.compile(
    r"\b(\d{1,2}) ?(?:weeks?|wks?) (?:pregnant|by dates|by lmp|gestation|since (?:her )?lmp)\b"
    r"|\blmp (?:was )?(?:approx |about |around |~)?(\d{1,2}) ?(?:weeks?|wks?)\b"
)
# "38F, 26 weeks, fell...": a bare count of weeks is a gestation where the note speaks of
# the pregnancy, and not a duration ("for 2 weeks", "3 weeks ago").
_WEEKS_BARE = re.compile(
    r"(?<!for )(?<!over )(?<!past )(?<!last )(?<!about )\b(\d{1,2}) ?(?:weeks?|wks?)\b"
    r"(?! ago| post| after| since| of| now| later| before)"
)
_PREGNANCY_WORDS = re.compile(
    r"\b(?:tightenings?|contractions|bump|pv bleed\w*|fetal|foetal|baby moving|midwife"
    r"|pregnan\w*|antenatal|nursery)\b"
)
_POSITIVE_TEST = re.compile(
    r"\b(?:\+ ?hpt|positive (?:home )?(?:pregnancy |preg )?tests?|pregnancy test positive"
    r"|(?:urine )?hcg positive|\+ve (?:home )?preg(?:nancy)? test|upt (?:pos|positive|\+))"
    r"|(?<!not )\bpregnant\b"
)
_ONE_SIDE = re.compile(
    r"\b(?:right|left) iliac fossa|\b(?:rif|lif|rlq|llq)\b|\b(?:right|left) lower quadrant"
    r"|\b(?:right|left|r|l)[ -]?sided\b"
    r"|\b(?:right|left) (?:lower )?(?:abdo|abdominal|pelvic|tummy|belly|stomach)"
    r"|\blower (?:right|left) (?:abdo|abdomen|abdominal|side|tummy|belly)"
    r"|\bmainly (?:on the )?(?:right|left)\b|\bpelvic pain\b|\bshoulder tip pain\b"
    r"|\b(?:pain|ache) (?:on the )?(?:right|left) side\b|\bworse on (?:the )?(?:right|left|r|l)\b"
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
    weeks = _gestation(text)
    if weeks is not None:
        return weeks <= EARLY_PREGNANCY_WEEKS
    return _POSITIVE_TEST.search(text) is not None


def _gestation(text: str) -> int | None:
    weeks = [int(w) for match in _WEEKS.finditer(text) for w in match.groups() if w]
    if not weeks and _PREGNANCY_WORDS.search(text):
        weeks = [int(match.group(1)) for match in _WEEKS_BARE.finditer(text)]
    return min(weeks) if weeks else None


def blow_in_later_pregnancy(note: str) -> str | None:
    """The blow to a pregnancy of 20 weeks or more, or None: with or without symptoms it
    is monitored (ACOG: fetal monitoring for at least four hours after trauma)."""
    text = normalise(note)
    weeks = _gestation(text)
    if (weeks is None or weeks < LATER_PREGNANCY_WEEKS) and not _LATE.search(text):
        return None
    blow = _BLOW.search(text)
    return blow.group() if blow is not None else None


def trauma_in_later_pregnancy(note: str) -> str | None:
    """The blow to a pregnancy of 20 weeks or more that brought pain, tightenings or
    bleeding, or None: a placental abruption until monitoring shows otherwise (RCOG
    Green-top 63)."""
    if _ABDOMINAL_SYMPTOM.search(normalise(note)) is None:
        return None
    return blow_in_later_pregnancy(note)
