"""Read age, sex and vital signs out of a free-text triage note.

"72 y/o male ... BP 150/90, HR 110, RR 22, SpO2 94% RA, T 101.2F, pain 8/10" becomes
structured values the ESI and NEWS2 rules can use. The whole text still goes to the
complaint matcher, so red flags anywhere in the note count.

Each vital is read from the first labelled mention only ("Initial vital signs" come
first in a note, and triage judges the patient as they arrive). A reading outside the
physiological range the engine accepts is not guessed at: it is reported in ``rejected``
under the field's name, so the caller can refuse the input naming that field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from emergisphere_clinical.models import TriageInput, VitalSigns
from emergisphere_clinical.vitals import avpu_rank

# The engine's accepted ranges (models.VitalSigns); repeated here so a bad reading can be
# reported per field instead of failing the whole note.
_RANGES: dict[str, tuple[float, float]] = {
    "heart_rate": (0.0, 400.0),
    "respiratory_rate": (0.0, 400.0),
    "systolic_bp": (0.0, 400.0),
    "diastolic_bp": (0.0, 400.0),
    "spo2": (0.0, 100.0),
    "temperature_c": (10.0, 50.0),
    "pain_score": (0.0, 10.0),
    "age_years": (0.0, 130.0),
}

_NUM = r"(\d{1,4}(?:\.\d+)?)"
_SEP = r"[\s:=.,]{0,3}"
# "heart rate is 106", "a saturation of 79 percent".
_VERB = (
    r"(?:(?:is|was|are|were|of|at|fell to|dropped to|down to)\s+)?"
    r"(?:(?:about|approximately|approx\.?|around|~)\s*)?"
)
# "old" is required for units so "3 months post partum" or "for 2 days" is not an age.
_AGE = re.compile(
    r"\b(\d{1,3}(?:\.\d+)?)\s*[- ]?\s*(years?|yrs?|months?|mos?|mths?|weeks?|wks?|days?)"
    r"\s*[- ]?\s*old\b"
    r"|\b(\d{1,3})\s*(?:y/o|yo|y\.o\.)(?!\w)"
    # "5 yr boy", "70 year old" without "old": years before a person.
    r"|\b(\d{1,3})\s*(?:years?|yrs?|y)\s+(?=(?:boy|girl|male|female|man|woman|lady|gentleman"
    r"|son|daughter|child)\b)"
    # A parent's "he's 4".
    r"|\b(?:he's|she's|he is|she is) (\d{1,2})\b(?!\s*(?:weeks?|wks?|days?|months?|hours?|hrs?"
    r"|minutes?|mins?|/|%|cm|kg|lbs?|stone|\.\d|x\b|times))"
)
# A usual or prescribed saturation range below 92%, as a note records it ("usual sats
# 88-92%", "sats normally 89 to 91", "target 88-92"): a hypercapnic target (BTS 2017).
_HYPERCAPNIC_TARGET = re.compile(
    r"\b(?:(?:usual|usually|normal|normally|baseline|target)\s+(?:sats?|spo2|saturations?)?"
    r"|(?:sats?|spo2|saturations?)\s+(?:are\s+|is\s+)?(?:usually|normally|usual|target))"
    r"\s*(?:is\s+|are\s+|of\s+|around\s+|about\s+)?(?:8[5-9]|9[01])\s*%?\s*(?:-|\u2013|to)"
    r"\s*(?:8[6-9]|9[0-2])\b"
)
# Known to retain CO2, or on home oxygen for COPD: BTS 2017's 88-92% target applies.
_HYPERCAPNIC_RISK = re.compile(
    r"\b(?:co2 retainer|retains co2|hypercapnic|type 2 respiratory failure)\b"
    r"|\bcopd\b.*(?<!not on )(?<!no )\b(?:home o2|home oxygen|ltot|long[- ]term oxygen)\b"
    r"|\b(?:home o2|home oxygen|ltot|long[- ]term oxygen)\b.*\bcopd\b"
)
_AGE_AFTER = re.compile(r"\b(?:aged?)\s*(\d{1,3})\b")
# A baby just born: age zero, so the neonatal limits apply.
_NEWBORN = re.compile(
    r"\b(?:newborn|new born|neonate|just delivered|delivers? (?:her|a) baby|born at home"
    r"|just born|born \d+ (?:minutes|hours) ago|\d+ (?:minutes|hours) old)\b"
)
# An infant's age as triage notes abbreviate it: "2 m/o", "3 w/o", or "2mo F", "3wk M"
# (a unit alone is an age only when the sex or "infant" follows, as in "72M").
_AGE_INFANT = re.compile(
    r"\b(\d{1,3})\s*(?:([mwd])/o(?!\w)"
    r"|(mos?|mths?|months?|wks?|weeks?)(?=\s*(?:[mf]\b|male|female|boy|girl|infant|baby)))"
    # or opening the note: "6mo tugging L ear"; or after "baby": "baby 3 wks".
    # ("3 wks postpartum" opening a note is the mother's time since birth, not an age.)
    r"|^\s*(\d{1,2})\s*(mos?|wks?)\b(?!\s*(?:post|after|pregnant|gestation|ago|since|of))"
    r"|\b(?:baby|infant) (\d{1,2})\s*(mos?|wks?|months?|weeks?)\b"
)
_OBSTETRIC = re.compile(
    r"\b(?:g\d|gravida|primip|multip|bump|fetal|foetal|pregnan\w*|contractions|tightenings"
    r"|labour|labor|waters|uterus|placenta|midwife|pv bleed|bleeding pv)\b"
)
# British shorthand: "6/52" is six weeks, "4/12" four months, "5/7" five days. It is an age
# only where an age stands: opening the note or before the sex ("6/52 F").
_AGE_FRACTION = re.compile(
    r"(?:^\s*|\b)(\d{1,2})/(52|12|7)\b(?=\s*(?:[mf]\b|male|female|boy|girl|infant|baby|old))"
    r"|^\s*(\d{1,2})/(52|12|7)\b"
)
_FRACTION_DAYS = {"52": 7.0, "12": 365.25 / 12, "7": 1.0}
# "2 yr 2m", "2y 4m": years and months.
_AGE_YEARS_MONTHS = re.compile(r"\b(\d{1,2}) ?(?:y|yr|yrs|years?) ?(\d{1,2}) ?m(?:o|os|onths?)?\b")
# "72M", "45 F", "12 y M" at the start of a note or after "pt", standing alone between
# commas or full stops later on ("rolled ankle, 16M."), or opening a later sentence; a
# length such as "fell 3m" does not, nor a decimal in Fahrenheit ("T 96.2 F.").
_AGE_SEX_SHORT = re.compile(
    r"(?:^|\b(?:pt|patient)\s+)(\d{1,3})\s?(?:y\s)?([mf])\b"
    r"|(?:(?<!\d)\.|[,;])\s*(\d{1,3})\s?(?:y\s)?([mf])(?=\s*(?:[.,;]|$))"
    # or opening a sentence or a clause, before its words: "2010 BIBA. 78F found on kitchen
    # floor", "BIB colleagues, 48M lecturer".
    # ("3m fall", "45 m from home" are lengths).
    r"|[.,;]\s+(\d{1,3})([mf])\s+(?=[a-z])"
    r"(?!fall|from|drop|high|tall|away|onto|off|up|down|deep|long|wide|above|below|into)"
    # or after an arrival time and how the patient came: "1115 BIBA 79F collapsed", or
    # opening a MIST or ATMIST hand-over, whose A is the age: "ATMIST: A 26 F".
    r"|^\s*(?:\d{3,4}h?\s+)?(?:biba|bib|amb|ambulance|crew|walk in|walked in|self presented"
    r"|gp referral|mist|atmist|care home|nursing home|residential home|(?:pm |crew )?handover"
    # or after who tells it: "Daughter says 67M has had ...".
    r"|(?:daughter|son|wife|husband|mum|mother|dad|father|partner|sister|brother|carer|friend"
    r"|neighbour|staff) says)"
    # ...with the time after the word, too: "ATMIST 19:30: 80M", "Handover 0930: 80M".
    # ...or a dash: "ATMIST - A: 91F".
    r"(?:\s+\d{1,2}:?\d{2}h?)?(?:\s*[-\u2013])?[.:,]?\s+(?:a\s*[-\u2013.:]?\s+)?"
    r"(\d{1,3})\s?(f\b|m\b(?!\s*(?:fall|from|drop|high|off|onto)))"
    # or after a colon or "with", whoever hands over: "NWAS: 77F got up", "Care home staff:
    # 82F found", "Carer from nursing home with 88F: rolled out of bed".
    r"|(?::|\bwith)\s+(\d{1,3})\s?(f\b|m\b(?!\s*(?:fall|from|drop|high|off|onto|away|of)))"
    # or after whoever found or brought the patient: "Husband found 81F on the floor".
    r"|\b(?:found|finds|brings|brought|brought in|sends|sent in)\s+(\d{1,3})\s?"
    r"(f\b|m\b(?!\s*(?:fall|from|drop|high|off|onto|away|of)))"
)
_MALE = re.compile(r"\b(male|man|boy|gentleman|he|his|him)\b")
_FEMALE = re.compile(r"\b(female|woman|girl|lady|she|her|pregnant|post ?partum)\b")
# "BP 70/palp": a pressure felt by palpation has a systolic value only, as has "BP 70
# systolic" in a hand-over.
# "Systolic 70", "SBP 82": the systolic pressure alone.
_SYSTOLIC = re.compile(r"\b(?:systolic|sbp)(?: bp| pressure)?" + _SEP + _VERB + r"(\d{2,3})\b")
_BP = re.compile(
    r"\b(?:bp|blood pressure|b/p)"
    + _SEP
    + _VERB
    + r"(\d{2,3})\s*(?:/\s*(?:(\d{1,3})|palp\w*|p\b|-+|\?)|(?:by |per )?palp\w*|systolic\b)"
)
# "PR 110/min" is a rate; "110/70" is a blood pressure, not one.
_PER_MINUTE = r"s?\b(?!\s*/(?!\s*min\b))"
# "HR 130s": the decade the monitor hovers in; its lower bound is taken.
# The rhythm may stand between the word and the rate: "pulse irregularly irregular 128".
_HR_RHYTHM = (
    r"(?:(?:irregularly irregular|irreg(?:ular)?(?: irreg(?:ular)?)?|regular|reg|thready|weak"
    r"|bounding)[\s:,]{1,3})?"
)
# "s/p 3 days" is status post, not a pulse of 3.
_HR = re.compile(
    r"(?<![\w/])(?:hr|pulse|pulse rate|pr|heart rate|p|tachy|tachycardic|brady|bradycardic"
    r"|(?:on (?:the )?)?monitor (?:(?:irregular|regular|irreg|reg) )?at)"
    + _SEP
    + _HR_RHYTHM
    + _VERB
    + _NUM
    + _PER_MINUTE
)
# A rhythm with its rate: "regular narrow complex 196", "AF at 140", "SVT 210/min" (never
# across a comma: "known AF, 2 days").
_RHYTHM_RATE = re.compile(
    r"\b(?:(?:narrow|broad|wide)[ -]complex(?: tachycardia)?|svt|af|atrial fibrillation"
    r"|(?:sinus |regular |irregular )?tachycardia)"
    r"(?:\s+(?:at|of|rate))?\s+(\d{2,3})s?\b(?!\s*(?:/(?!\s*min\b)|%|days?|hours?|hrs?"
    r"|weeks?|years?|mg|mins?|minutes?))"
)
_RR = re.compile(r"\b(?:rr|resp(?:iratory)?(?: rate)?|resps|r)" + _SEP + _VERB + _NUM + _PER_MINUTE)
_SPO2 = re.compile(
    # "Since Sat" is a day, not a saturation.
    r"\b(?:spo2|sao2|sp02|o2 sat(?:uration)?s?|oxygen saturation|saturation"
    r"|(?<!since )(?<!on )(?<!last )(?<!from )(?<!until )(?<!till )sats?"
    r"|pulse ox(?:imetry)?)"
    + _SEP
    + _VERB
    # "Sat 00:20" is a Saturday and a time, not a saturation.
    + r"(\d{1,3}(?:\.\d+)?)(?!\d|\.\d|\s*:\s*\d|\s*[ap]\.?m\b)\s*(?:%|percent\b)?"
    r"(?:\s*(?:on|via|with)?\s*(ra\b|room air|\d+\s*l(?:/min|pm)?\b|nrb|non ?rebreather"
    r"|nasal cannula|nc\b|oxygen|o2\b|face ?mask|bipap|cpap))?"
)
# "T 07:55" in a hand-over (ATMIST) is the time, not a temperature.
# "T: ~14 hr" in an OPQRST history is the time since onset, not a temperature ("T 38.3
# HR 92" is both).
_DEGREES = (
    r"(\d{2,3}(?:\.\d+)?)(?!\s*:\s*\d)"
    r"(?!\s*(?:hrs?|hours?|mins?|minutes?|days?|wks?|weeks?)\b(?!\s*\d))"
    r"\s*(?:°|˚|º|deg(?:rees)?)?\s*([fc])?\b"
)
# Not across a comma: in "low grade temp, 80F" the 80F is the patient, not 26.7 C. "T10"
# to "T12" are thoracic vertebrae ("tender about T12"), never a body temperature.
_TEMP = re.compile(
    r"\b(?:t|temp(?:erature)?|rectal|oral|tympanic|axillary|core)(?: temp(?:erature)?)?"
    + r"[\s:=.]{0,3}"
    + r"(?!1[0-2]\b(?!\.\d))"
    + _VERB
    + _DEGREES
)
# "A fever of 103", "febrile to 39.5": a reported temperature, read only when the note
# has no measured one (the triage measurement is how the patient arrives).
# "38.3 °C rectal", "101.1F": a number carrying a temperature unit is a temperature.
_DEGREES_MARKED = re.compile(r"(?<![\d.])(\d{2,3}(?:\.\d+)?)\s*(?:°|˚|º|deg(?:rees)?)\s*([cf])\b")
_FEVER_REPORTED = re.compile(r"\b(?:fever|febrile)\s*(?:(?:of|to|at|up to)\s+)?" + _DEGREES)
# "39.2 in triage", "38.3 here": a body temperature measured now, read before any other.
_TEMP_HERE = re.compile(
    r"(?<![\d.])(3[3-9]\.\d|4[0-3]\.\d)\s*(?:°\s*)?(c)?\s*"
    r"(?:in triage|at triage|on arrival|here|in the department|in ed|now)\b"
)
# A score may be quoted: rates it as "1" out of 10.
_OF_TEN = r"[\"'\u201c\u201d]?\s*\+?\s*(?:/|out of)\s*10\b"
_PAIN = re.compile(
    r"\bpain\b[^.;]{0,40}?(\d{1,2})"
    + _OF_TEN
    + r"|\b(\d{1,2})"
    + _OF_TEN
    + r"[^.;]{0,20}?\bpain\b"
    + r"|\brates?\b[^.;]{0,30}?(\d{1,2})"
    + _OF_TEN
    # FLACC, the behavioural pain scale for young children, also scores 0 to 10.
    + r"|\bflacc(?: score)?:?\s*(?:of\s+)?(\d{1,2})\b"
    # "Pain 8 after methoxyflurane", "pain score 7": a bare score, never a duration.
    + r"|\bpain(?: score)?:?\s*(10|\d)(?![\d/:]|\.\d)(?!\s*(?:h|hrs?|hours?|d|days?|min"
    + r"|mins|minutes?|nights?|wks?|weeks?|mo|mos|months?|yrs?|years?|x|times|am|pm|cm|mm"
    + r"|sites?|places?|episodes?|o.?clock)\b)"
)
# A score out of ten with no word for pain beside it ("headache ... 10/10") is still the
# pain score in a triage note; read only when no pain score is named.
_PAIN_BARE = re.compile(r"(?<![\d/.])(\d{1,2})\s*/\s*10\b(?!\s*/)")
# "Does not respond to voice" is AVPU P or U: it must not be read as V.
_AVPU_PAIN = re.compile(
    r"\b(?:responds? only to pain|responsive only to pain|avpu:? p|withdraws to pain"
    r"|(?:only )?respond(?:s|ing)? to pain(?! relief| killers?| meds| medication)"
    r"|only withdraws|locali[sz]es to pain|responds? to pain only"
    r"|(?:only )?(?:moan(?:s|ing)?|groan(?:s|ing)?) (?:only )?to pain"
    r"|(?:responds?|responsive) (?:only )?to sternal rub|only to sternal rub"
    r"|(?:moans?|groans?) to sternal rub|not rous(?:ing|able)"
    r"|(?:does not|doesn't|not|no longer) respond(?:s|ing)? to voice|unresponsive to voice"
    r"|(?:only )?opens eyes to pain|eyes open to pain"
    r"|no response to voice|(?:does not|doesn't|not) respond(?:s|ing)? to pain"
    r"|no response to pain|unresponsive to pain)\b"
)
_AVPU_VOICE = re.compile(
    r"\b(?:responds? (?:only )?to (?:loud )?voice|avpu:? v"
    r"|opens (?:her |his |their )?eyes to (?:loud )?voice|(?:a)?rousable to (?:loud )?voice"
    r"|(?:only )?rouses to (?:a )?(?:loud )?voice"
    r"|opens (?:her |his |their )?eyes and mumbles to (?:loud )?voice"
    r"|(?:mumbles|mumbling|moans|moaning|groans|groaning) to (?:loud )?voice"
    r"|opens (?:her |his |their )?eyes (?:\+ |and |& )?(?:mumbles )?(?:when|if) (?:spoken to"
    r"|you speak|called|shouted at|you shout(?: at (?:him|her|them))?))\b"
)
# Glasgow Coma Scale as EMS reports it: "GCS 7", "GCS of 14", "Glasgow Coma Scale score of
# 14". Against AVPU (Kelly et al., Emerg Med J 2004; McNarry and Goldhill, Anaesthesia
# 2004): 8 or less responds at most to pain (P, and the airway is at risk); 9-13 is about
# V; 14 is not alert (new confusion). 15 says nothing the note's words do not.
_GCS = re.compile(r"\b(?:gcs|glasgow coma scale)(?: score)?(?:\s*(?:of|is|was|:|=))?\s*(\d{1,2})\b")
# "GCS E1V1M4", "GCS 13 (E3V4M6)": the components add up to the score.
# "GCS 15 at scene, now 6": the later score.
_GCS_NOW = re.compile(
    r"\b(?:gcs|glasgow coma scale)\s*(?:of\s*)?\d{1,2}\b[^.;]{0,30}?\bnow\s*(\d{1,2})\b"
)
_GCS_PARTS = re.compile(r"\b(?:gcs\s*(?:of\s*)?:?\s*)?e([1-4])\s*v([1-5]|t)\s*m([1-6])\b")
GCS_RANGE = (3, 15)


# "Obs normal", "vitals stable", "NEWS 0": the nurse measured the vital signs and found
# them in range. A value the note gives is still read; the rest are known to be normal.
_OBS_NORMAL = re.compile(
    r"\b(?:obs|observations|vitals|vital signs|nibp and obs)(?: (?:are|were|all|otherwise|is))*"
    r"[\s:]*(?:normal|stable|fine|ok|okay|unremarkable|wnl|within normal limits|satisfactory)\b"
    r"(?! (?:apart|except|but|other than|aside|for age))"
    r"|\bnews ?2?(?: score)?(?: of| is|:)? ?0\b"
)


def observations_stated_normal(note: str) -> bool:
    """Whether the note says the vital signs were measured and normal ("obs normal")."""
    return _OBS_NORMAL.search(note.lower()) is not None


def consciousness_from_gcs(gcs: int) -> str | None:
    if gcs <= 8:
        return "P"
    if gcs <= 13:
        return "V"
    return "C" if gcs == 14 else None


@dataclass(frozen=True, slots=True)
class NarrativeReading:
    age_years: float | None = None
    sex: str | None = None
    values: dict[str, float] = field(default_factory=dict)  # vital name -> reading
    on_oxygen: bool | None = None
    consciousness: str | None = None
    gcs: int | None = None
    spo2_scale: int = 1  # 2 where the note records a hypercapnic target of 88-92%
    rejected: tuple[str, ...] = ()  # fields whose reading is physiologically impossible


def _age(text: str) -> float | None:
    match = _AGE.search(text)
    if match and (years := match.group(3) or match.group(4) or match.group(5)) is not None:
        return float(years)
    if match:
        value, unit = float(match.group(1)), match.group(2)
        if unit.startswith(("month", "mo", "mth")):
            return value / 12
        if unit.startswith(("week", "wk")):
            return value * 7 / 365.25
        if unit.startswith("day"):
            return value / 365.25
        return value
    if _NEWBORN.search(text):
        return 0.0
    infant = _AGE_INFANT.search(text)
    # "36 wks, fell onto her bump" opening a note is a pregnancy, not a baby's age.
    if infant and infant.group(4) is not None and _OBSTETRIC.search(text):
        infant = None
    if infant:
        number = infant.group(1) or infant.group(4) or infant.group(6)
        unit_word = infant.group(2) or infant.group(3) or infant.group(5) or infant.group(7)
        value, unit = float(number), unit_word[0]
        return value / 12 if unit == "m" else value * (7 if unit == "w" else 1) / 365.25
    if both := _AGE_YEARS_MONTHS.search(text):
        return int(both.group(1)) + int(both.group(2)) / 12
    fraction = _AGE_FRACTION.search(text)
    if fraction:
        number, unit = [group for group in fraction.groups() if group is not None]
        return float(number) * _FRACTION_DAYS[unit] / 365.25
    if short := _AGE_SEX_SHORT.search(text):
        return float(next(group for group in short.groups()[::2] if group is not None))
    after = _AGE_AFTER.search(text)
    return float(after.group(1)) if after else None


def _sex(text: str) -> str | None:
    short = _AGE_SEX_SHORT.search(text)
    if short:
        sex = next(group for group in short.groups()[1::2] if group is not None)
        return "male" if sex == "m" else "female"
    male, female = _MALE.search(text), _FEMALE.search(text)
    if male and (not female or male.start() < female.start()):
        return "male"
    return "female" if female else None


def _celsius(value: float, unit: str | None) -> float:
    # No body temperature in Celsius exceeds 50, none in Fahrenheit is below 50: a bare
    # number is read in the scale it can belong to.
    if unit == "f" or (unit is None and value > 50):
        return round((value - 32) * 5 / 9, 1)
    return value


def _first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text)


_UNITS = {
    word: value
    for value, word in enumerate(
        (
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen",
        )
    )
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
# Longest first, whole words only: "seventy" is not "seven" and "ty".
_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", "a", "and"], key=len, reverse=True))
_NUMBER_WORDS = rf"((?:(?:{_WORD})\b[ -]?)+)"
# "BP eighty over fifty": a pressure said aloud and written down.
_BP_WORDS = re.compile(
    r"\b(?:bp|blood pressure)\s*(?:is |of |was )?" + _NUMBER_WORDS + r"\s*over\s+" + _NUMBER_WORDS
)


def _words_to_number(words: str) -> int | None:
    """20 to 299 said in words ("eighty", "one hundred and ten"), or None."""
    total = current = 0
    for word in re.split(r"[ -]+", words.strip()):
        if word in ("and", ""):
            continue
        if word == "a":
            current = 1
        elif word == "hundred":
            current, total = 0, total + max(current, 1) * 100
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        else:
            return None
    value = total + current
    return value if 20 <= value <= 299 else None


def _temperature(text: str) -> float | None:
    temp = (
        _first(_TEMP_HERE, text)
        or _first(_TEMP, text)
        or _first(_DEGREES_MARKED, text)
        or _first(_FEVER_REPORTED, text)
    )
    return None if temp is None else _celsius(float(temp.group(1)), temp.group(2))


def stated_temperature(note: str) -> float | None:
    """The body temperature in Celsius the note writes, as ``read_narrative`` reads it."""
    return _temperature(note.lower().replace("\u2019", "'"))


def read_narrative(note: str) -> NarrativeReading:
    """Age, sex, vitals and consciousness stated in the note; absent ones stay None."""
    text = note.lower().replace("\u2019", "'")
    # A prescribed target range is not a saturation measured now.
    target = _HYPERCAPNIC_TARGET.search(text)
    if target:
        text = text[: target.start()] + "target range" + text[target.end() :]
    values: dict[str, float] = {}
    if bp := _first(_BP, text):
        values["systolic_bp"] = float(bp.group(1))
        if bp.group(2) is not None:
            values["diastolic_bp"] = float(bp.group(2))
    elif systolic := _first(_SYSTOLIC, text):
        values["systolic_bp"] = float(systolic.group(1))
    elif said := _first(_BP_WORDS, text):
        top, bottom = _words_to_number(said.group(1)), _words_to_number(said.group(2))
        if top is not None:
            values["systolic_bp"] = float(top)
            if bottom is not None:
                values["diastolic_bp"] = float(bottom)
    if hr := _first(_HR, text) or _first(_RHYTHM_RATE, text):
        values["heart_rate"] = float(hr.group(1))
    if rr := _first(_RR, text):
        values["respiratory_rate"] = float(rr.group(1))
    on_oxygen = None
    if spo2 := _first(_SPO2, text):
        values["spo2"] = float(spo2.group(1))
        support = spo2.group(2)
        if support is not None:
            # Anything named after the saturation other than room air is oxygen therapy.
            on_oxygen = not support.startswith(("ra", "room"))
    if (temp := _temperature(text)) is not None:
        values["temperature_c"] = temp
    if pain := _first(_PAIN, text) or _first(_PAIN_BARE, text):
        score = next(g for g in pain.groups() if g is not None)
        # "20/10" or "10+/10": the patient means the worst pain imaginable.
        values["pain_score"] = min(float(score), 10.0)
    consciousness = None
    if _AVPU_PAIN.search(text):
        consciousness = "P"
    elif _AVPU_VOICE.search(text):
        consciousness = "V"
    gcs: int | None = None
    gcs_rejected: tuple[str, ...] = ()
    scores = []
    if parts := _GCS_PARTS.search(text):
        verbal = 1 if parts.group(2) == "t" else int(parts.group(2))
        scores.append(int(parts.group(1)) + verbal + int(parts.group(3)))
    if found := _GCS.search(text):
        if GCS_RANGE[0] <= int(found.group(1)) <= GCS_RANGE[1]:
            scores.append(int(found.group(1)))
        else:
            gcs_rejected = ("gcs",)
    if (now := _GCS_NOW.search(text)) and GCS_RANGE[0] <= int(now.group(1)) <= GCS_RANGE[1]:
        scores.append(int(now.group(1)))
    if scores:
        # "GCS 12, now 7 (E1 V2 M4)": the worse reading stands, as against AVPU.
        gcs = min(scores)
        consciousness = max((consciousness, consciousness_from_gcs(gcs)), key=avpu_rank)
    age = _age(text)
    if age is not None:
        values["age_years"] = age
    rejected = tuple(
        name for name, value in values.items() if not _RANGES[name][0] <= value <= _RANGES[name][1]
    )
    for name in rejected:
        del values[name]
    rejected += gcs_rejected
    return NarrativeReading(
        age_years=values.pop("age_years", None),
        sex=_sex(text),
        values=values,
        on_oxygen=on_oxygen,
        consciousness=consciousness,
        gcs=gcs,
        spo2_scale=2 if target or _HYPERCAPNIC_RISK.search(text) else 1,
        rejected=rejected,
    )


def input_from_reading(
    note: str, reading: NarrativeReading, *, base: TriageInput | None = None
) -> TriageInput:
    """The engine input for a note; structured values in ``base`` win over the note's."""
    base = base or TriageInput()
    given = base.vitals
    v = reading.values
    pain = v.get("pain_score")

    def pick(name: str) -> float | None:
        stated: float | None = getattr(given, name)
        return stated if stated is not None else v.get(name)

    vitals = VitalSigns(
        heart_rate=pick("heart_rate"),
        respiratory_rate=pick("respiratory_rate"),
        systolic_bp=pick("systolic_bp"),
        diastolic_bp=pick("diastolic_bp"),
        spo2=pick("spo2"),
        temperature_c=pick("temperature_c"),
        consciousness=given.consciousness or reading.consciousness,
        on_oxygen=given.on_oxygen if given.on_oxygen is not None else reading.on_oxygen,
        pain_score=given.pain_score if given.pain_score is not None else _int(pain),
    )
    complaint = f"{base.chief_complaint} {note}".strip() if base.chief_complaint else note
    return TriageInput(
        chief_complaint=complaint,
        vitals=vitals,
        age_years=base.age_years if base.age_years is not None else reading.age_years,
        sex=base.sex or reading.sex,
        arrival_mode=base.arrival_mode,
        spo2_scale=max(base.spo2_scale, reading.spo2_scale),
        glucose_mg_dl=base.glucose_mg_dl,
    )


def _int(value: float | None) -> int | None:
    return None if value is None else round(value)


def input_from_narrative(note: str, *, base: TriageInput | None = None) -> TriageInput:
    """Parse a note into an engine input. Raises ValueError naming an impossible field."""
    reading = read_narrative(note)
    if reading.rejected:
        raise NarrativeValueError(reading.rejected)
    return input_from_reading(note, reading, base=base)


class NarrativeValueError(ValueError):
    """A vital sign read from the note is outside the physiological range."""

    def __init__(self, fields: tuple[str, ...]) -> None:
        super().__init__("outside the physiological range: " + ", ".join(fields))
        self.fields = fields
