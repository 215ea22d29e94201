"""Pure legal rules: mandatory reports and consent status. No I/O, all deterministic.

The agent flags reports for staff to file; it never contacts an authority itself, so a
rule may err towards flagging (a clinician reviews) but must honour plain negation.
Reasons never quote identity or free text beyond the lexicon term that matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from emergisphere.v1.agents_pb2 import Case
from legal.matching import affirmed_mentions, compile_terms

ADULT_AGE: Final = 18
ELDER_AGE: Final = 65

POLICE: Final = "police"
CHILD_PROTECTIVE_SERVICES: Final = "child protective services"
ADULT_PROTECTIVE_SERVICES: Final = "adult protective services"
ROAD_TRAFFIC: Final = "police / road traffic authority"
ANIMAL_CONTROL: Final = "public health / animal control"
DOCUMENTATION_ONLY: Final = "none — documentation"

IMPLIED_EMERGENCY_CONSENT: Final = "implied_emergency_consent"
MINOR_WITHOUT_GUARDIAN: Final = "minor_without_guardian"
MINOR_WITH_GUARDIAN: Final = "minor_with_guardian"
ABLE_TO_CONSENT: Final = "able_to_consent"

# AVPU levels at which the patient cannot take part in a consent conversation.
INCAPACITATED_CONSCIOUSNESS: Final = frozenset({"V", "P", "U"})
_AVPU_WORDING: Final = {"V": "voice", "P": "pain", "U": "nothing (unresponsive)"}
GUARDIAN_RELATIONSHIPS: Final = frozenset(
    {"parent", "mother", "father", "guardian", "legal guardian"}
)

# Substance "abuse" is not maltreatment; these lookbehinds keep it from reading as such.
_NOT_SUBSTANCE = r"(?<!alcohol )(?<!substance )(?<!drug )(?<!etoh )(?<!opioid )(?<!opiate )"
# "flu shot in the arm" is not a gunshot.
_NOT_VACCINE = r"(?<!flu )(?<!vaccine )(?<!booster )(?<!insulin )(?<!b12 )(?<!covid )"

ASSAULT_TERMS: Final = compile_terms(
    [
        r"assault(?:ed|s)?",
        r"attacked",
        r"beaten(?: up)?",
        r"beat up",
        r"punched",
        r"mugged",
        r"strangl(?:ed|ing|ation)",
        r"(?:physical )?altercation",
        r"(?:in a )?fight",
        r"fought",
        r"violence",
        r"violent",
        r"domestic abuse",
        r"(?:sexual|physical) abuse",
    ]
)
GUNSHOT_TERMS: Final = compile_terms(
    [
        r"gunshot(?: wounds?)?",
        r"gun shot(?: wounds?)?",
        r"gsw",
        _NOT_VACCINE + r"shot (?:in|to|by)",
        r"bullet(?: wounds?)?",
        r"firearm(?: injury)?",
    ]
)
# "stabbing chest pain" describes pain, not a wound: only wound wording counts.
STAB_TERMS: Final = compile_terms(
    [
        r"stab wounds?",
        r"stabbed",
        r"stabbing (?:injury|incident|victim)",
        r"knife (?:wounds?|injury|attack)",
        r"knifed",
    ]
)
ABUSE_TERMS: Final = compile_terms(
    [
        r"non[- ]?accidental(?: injury| trauma)?",
        r"nai",
        _NOT_SUBSTANCE + r"abused?",
        r"neglect(?:ed)?",
        r"self[- ]neglect",
        r"maltreat(?:ed|ment)",
        r"unexplained (?:bruis(?:es|ing)|injur(?:y|ies)|fractures?|burns?)",
        r"bruis(?:es|ing) unexplained",
        r"injur(?:y|ies) inconsistent with (?:the )?history",
        r"shaken baby",
    ]
)
COLLISION_TERMS: Final = compile_terms(
    [
        r"mvc",
        r"mva",
        r"rta",
        r"rtc",
        r"car (?:accident|crash)",
        r"motor ?vehicle(?: (?:accident|collision|crash))?",
        r"traffic (?:accident|collision)",
        r"collision",
        r"(?:hit|struck) by (?:a )?(?:car|vehicle|truck|bus)",
    ]
)
ANIMAL_BITE_TERMS: Final = compile_terms(
    [
        r"(?:dog|cat|animal|bat) bites?",
        r"dog bit",
        r"bitten by",
        r"bit by (?:a |the )?(?:dog|cat|animal|bat|fox|raccoon|monkey)",
    ]
)


@dataclass(frozen=True)
class Report:
    category: str
    reason: str
    authority: str


@dataclass(frozen=True)
class Consent:
    status: str
    reason: str


@dataclass(frozen=True)
class LegalAssessment:
    reports: tuple[Report, ...]
    consent: Consent
    # minor, adult, elder or unknown: enough for audit without storing the age itself.
    age_group: str
    reasons: tuple[str, ...]


def age_on(date_of_birth: str, on: date) -> int | None:
    """Whole years from an ISO date of birth to ``on``; None when unknown or implausible."""
    try:
        born = date.fromisoformat(date_of_birth.strip()[:10])
    except ValueError:
        return None
    if born > on:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_group(age: int | None) -> str:
    if age is None:
        return "unknown"
    if age < ADULT_AGE:
        return "minor"
    return "elder" if age >= ELDER_AGE else "adult"


def _first(text: str, terms: re.Pattern[str]) -> str | None:
    mentions = affirmed_mentions(text, terms)
    return mentions[0] if mentions else None


def mandatory_reports(complaint: str, *, arrival_mode: str, age: int | None) -> list[Report]:
    """Every report the complaint and arrival call for, in a fixed order, each once."""
    reports: list[Report] = []

    def flag(terms: re.Pattern[str], category: str, what: str, authority: str) -> None:
        term = _first(complaint, terms)
        if term is not None:
            reason = f"{what} in the chief complaint (matched '{term}')"
            reports.append(Report(category=category, reason=reason, authority=authority))

    flag(ASSAULT_TERMS, "assault", "Assault or violence reported", POLICE)
    flag(GUNSHOT_TERMS, "gunshot_wound", "Gunshot wound reported", POLICE)
    flag(STAB_TERMS, "stab_wound", "Stab wound reported", POLICE)
    if age is not None and age < ADULT_AGE:
        flag(
            ABUSE_TERMS,
            "child_abuse",
            "Suspected abuse or neglect of a minor",
            CHILD_PROTECTIVE_SERVICES,
        )
    if age is not None and age >= ELDER_AGE:
        flag(
            ABUSE_TERMS,
            "elder_abuse",
            "Suspected abuse or neglect of a patient aged 65 or over",
            ADULT_PROTECTIVE_SERVICES,
        )
    flag(COLLISION_TERMS, "road_traffic_collision", "Road traffic collision", ROAD_TRAFFIC)
    flag(ANIMAL_BITE_TERMS, "animal_bite", "Animal bite", ANIMAL_CONTROL)
    if arrival_mode.strip().lower() == "police":
        reports.append(
            Report(
                category="police_custody",
                reason="Arrived with police: document custody and any chain of evidence",
                authority=DOCUMENTATION_ONLY,
            )
        )
    return reports


def has_guardian_contact(relationships: Iterable[str]) -> bool:
    normalised = {" ".join(r.lower().replace("_", " ").split()) for r in relationships}
    return not GUARDIAN_RELATIONSHIPS.isdisjoint(normalised)


def consent_status(
    *,
    age: int | None,
    consciousness: str | None,
    acuity: int,
    identified: bool,
    guardian_listed: bool,
) -> Consent:
    """Who may consent. Incapacity comes first: the emergency exception covers minors too."""
    if consciousness is not None and consciousness in INCAPACITATED_CONSCIOUSNESS:
        return Consent(
            IMPLIED_EMERGENCY_CONSENT,
            f"Responds only to {_AVPU_WORDING[consciousness]} (AVPU {consciousness}): "
            "emergency treatment proceeds under implied consent",
        )
    if acuity == 1:
        return Consent(
            IMPLIED_EMERGENCY_CONSENT,
            "ESI 1, needs immediate life-saving intervention: emergency treatment proceeds "
            "under implied consent",
        )
    if not identified:
        return Consent(
            IMPLIED_EMERGENCY_CONSENT,
            "Patient unidentified (no national health id and no name): emergency treatment "
            "proceeds under implied consent until identity and capacity are established",
        )
    if age is not None and age < ADULT_AGE:
        if guardian_listed:
            return Consent(
                MINOR_WITH_GUARDIAN,
                "Patient is under 18: the parent or guardian listed as emergency contact "
                "gives consent",
            )
        return Consent(
            MINOR_WITHOUT_GUARDIAN,
            "Patient is under 18 and no parent or guardian is listed: reach a guardian for "
            "consent; emergency care is not delayed meanwhile",
        )
    if age is None:
        return Consent(
            ABLE_TO_CONSENT,
            "Alert and identified; date of birth unknown, so treated as an adult who "
            "consents for themselves until shown otherwise",
        )
    return Consent(ABLE_TO_CONSENT, "Alert, identified adult: consents for themselves")


def effective_acuity(case: Case) -> int:
    """The clinician's override when present, else triage's ESI level; 0 when unknown."""
    if case.HasField("acuity_override"):
        return case.acuity_override
    return case.triage.acuity if case.HasField("triage") else 0


def reference_date(case: Case, *, now: datetime) -> date:
    """Age counts at arrival; ``now`` stands in when the intake carries no arrival time."""
    if case.intake.HasField("arrived_at"):
        return case.intake.arrived_at.ToDatetime().date()
    return now.date()


def assess_legal(case: Case, *, now: datetime) -> LegalAssessment:
    intake = case.intake
    patient = intake.patient
    age = age_on(patient.date_of_birth, reference_date(case, now=now))
    vitals = intake.vitals
    consciousness = (
        vitals.consciousness.strip().upper() if vitals.HasField("consciousness") else None
    )
    identified = bool(
        patient.national_health_id.strip()
        or patient.first_name.strip()
        or patient.last_name.strip()
    )
    consent = consent_status(
        age=age,
        consciousness=consciousness,
        acuity=effective_acuity(case),
        identified=identified,
        guardian_listed=has_guardian_contact(c.relationship for c in patient.emergency_contacts),
    )
    reports = mandatory_reports(intake.chief_complaint, arrival_mode=intake.arrival_mode, age=age)
    reasons = [
        "Age from date of birth at arrival"
        if age is not None
        else "Date of birth missing or invalid: age unknown",
        consent.reason,
        *(report.reason for report in reports),
    ]
    if age is None and affirmed_mentions(intake.chief_complaint, ABUSE_TERMS):
        # Child and elder reporting both hinge on age: say so rather than pick one blindly.
        reasons.append(
            "Abuse or neglect indicators present but age unknown: staff to decide between "
            "child and adult protective services"
        )
    return LegalAssessment(
        reports=tuple(reports),
        consent=consent,
        age_group=age_group(age),
        reasons=tuple(reasons),
    )
