"""What happens next: immediate actions, protocol medications, follow-up specialty.

Medications are the ED protocol defaults for the presentation, filtered by the
contraindications the engine can see (vitals, age, co-existing presentations). Allergies
and drug history are not visible here, so a clinician confirms every order.
"""

from __future__ import annotations

from emergisphere_clinical.esi import EsiResult
from emergisphere_clinical.lexicon import ComplaintCategory
from emergisphere_clinical.models import News2Result, VitalSigns
from emergisphere_clinical.vitals import NEONATE_MAX_YEARS, avpu_rank, news2_applies

# Pain that NSAIDs treat first-line (musculoskeletal, renal colic: EAU guideline, dental).
_NSAID_FIRST = frozenset({"limb_injury", "back_pain", "renal_colic", "dental", "headache"})
# Aspirin waits for imaging when bleeding (GI or intracranial) is possible.
_ASPIRIN_AVOID = frozenset({"gi_bleed", "stable_gi_bleed", "stroke", "thunderclap_headache"})
# NSAIDs add bleeding, cardiovascular or fetal risk in these presentations.
_PREGNANCY = frozenset(
    {"pregnancy_complication", "pregnancy_symptoms", "pregnancy_pain_or_bleeding"}
)
_NSAID_AVOID = _ASPIRIN_AVOID | _PREGNANCY | {"major_trauma", "acs"}


def immediate_actions(
    result: EsiResult,
    vitals: VitalSigns,
    news2: News2Result,
    *,
    age_years: float | None,
    spo2_scale: int,
) -> tuple[str, ...]:
    actions = ["physician_now"] if result.acuity <= 2 else []
    for category in result.categories:
        actions.extend(category.actions)
    if result.febrile_infant:
        actions.append("febrile_infant_pathway")
    # BTS 2017 oxygen guideline: start oxygen below 94% (below 88% on a hypercapnic target).
    oxygen_below = 94 if spo2_scale == 1 else 88
    if vitals.spo2 is not None and vitals.spo2 < oxygen_below:
        actions.append("oxygen_therapy")
    if avpu_rank(vitals.consciousness) > 0:
        actions.append("glucose_check")
    if news2_applies(age_years):
        # RCP NEWS2 2017 response: high -> emergency response with continuous monitoring;
        # medium or a single red parameter -> urgent review by a clinician.
        if news2.band == "high":
            actions.append("continuous_monitoring")
        elif news2.band in ("medium", "low-medium"):
            actions.append("urgent_clinical_review")
    if news2.missing:
        actions.append("obtain_missing_vitals")
    return tuple(dict.fromkeys(actions))


def _nitrate_safe(vitals: VitalSigns) -> bool:
    # ACC/AHA STEMI guideline: no nitrates with SBP < 90, HR < 50 or HR > 100; the BP must
    # be known before a vasodilator is given.
    sbp, hr = vitals.systolic_bp, vitals.heart_rate
    return sbp is not None and sbp >= 90 and hr is not None and 50 <= hr <= 100


def _analgesic(keys: frozenset[str], vitals: VitalSigns, age: float | None) -> str | None:
    if vitals.pain_score is None or vitals.pain_score < 7:
        return None
    sbp, rr = vitals.systolic_bp, vitals.respiratory_rate
    hypotensive = sbp is not None and sbp < 90
    # NSAIDs: not under 6 months, not from 65 (renal and GI risk), not when hypoperfused.
    nsaid_ok = not keys & _NSAID_AVOID and not hypotensive
    nsaid_ok = nsaid_ok and (age is None or 0.5 <= age < 65)
    # Opioids depress breathing and blood pressure: both must be known and adequate.
    opioid_ok = avpu_rank(vitals.consciousness) == 0 and not hypotensive
    opioid_ok = opioid_ok and sbp is not None and rr is not None and rr >= 12
    if nsaid_ok and keys & _NSAID_FIRST:
        return "ibuprofen"
    if opioid_ok:
        return "morphine"
    return "ibuprofen" if nsaid_ok else None


def planned_medications(
    categories: tuple[ComplaintCategory, ...], vitals: VitalSigns, age_years: float | None
) -> tuple[str, ...]:
    keys = frozenset(category.key for category in categories)
    age = age_years
    meds = []
    if "acs" in keys and (age is None or age >= 18):
        if not keys & _ASPIRIN_AVOID:
            meds.append("aspirin")
        if _nitrate_safe(vitals):
            meds.append("nitroglycerin")
    if "anaphylaxis" in keys:
        meds.append("epinephrine")
    # Ceftriaxone is avoided in neonates (bilirubin displacement); their regimen differs.
    if "sepsis" in keys and (age is None or age > NEONATE_MAX_YEARS):
        meds.append("ceftriaxone")
    if "asthma" in keys:
        meds.append("salbutamol")
    if "vomiting" in keys and (age is None or age >= 0.5):
        meds.append("ondansetron")
    if "fever" in keys and (age is None or age >= 0.25):
        meds.append("paracetamol")
    analgesic = _analgesic(keys, vitals, age)
    if analgesic is not None:
        meds.append(analgesic)
    return tuple(dict.fromkeys(meds))


def follow_up_specialty(categories: tuple[ComplaintCategory, ...], age: float | None) -> str:
    # Categories arrive in clinical priority order: the most serious one decides.
    specialty = categories[0].specialty if categories else "general_practice"
    if specialty == "general_practice" and age is not None and age < 16:
        return "pediatrics"
    return specialty
