"""Age-aware vital-sign thresholds used by the ESI rules.

Every threshold here only looks at the abnormal side that a normal adult value cannot
reach. That keeps the safety property "a missing vital never triages lower than a normal
adult value" true at every age: a missing value and a normal one trigger the same rules.
"""

from __future__ import annotations

import math

from emergisphere_clinical.models import AVPU_LEVELS, VitalSigns

NEONATE_MAX_YEARS = 28 / 365.25
THREE_MONTHS_YEARS = 0.25
THREE_YEARS = 3.0
# RCP NEWS2 (2017) is not validated below 16 years; it still informs, but sets no floor.
NEWS2_MIN_AGE_YEARS = 16.0
# AHA PALS uses the adult hypotension limit from 10 years.
PALS_ADULT_AGE_YEARS = 10.0
# Bone et al. (1992) SIRS criteria are adult criteria; Goldstein et al. (2005) give the
# paediatric SIRS definitions, with age-specific limits, below 18 years.
SIRS_MIN_AGE_YEARS = 18.0
# The vital signs a triage nurse records for every patient (ESI v4 handbook, chapter 6).
# Whether an abnormal reading is corroborated can only be judged when all three are known.
CORE_VITALS = ("heart_rate", "respiratory_rate", "systolic_bp")
# ESI decision point D: SpO2 below 92% at any age.
DANGER_ZONE_SPO2 = 92.0


def fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def news2_applies(age_years: float | None) -> bool:
    return age_years is None or age_years >= NEWS2_MIN_AGE_YEARS


def avpu_rank(level: str | None) -> int:
    """0 for Alert (or unknown) up to 4 for Unresponsive."""
    return 0 if level is None else AVPU_LEVELS.index(level)


def danger_zone_limits(age_years: float | None) -> tuple[float, float]:
    """(heart rate above, respiratory rate above) from the ESI v4 decision point D table.

    An unknown age uses the adult limits, the lowest, so it never hides a danger zone.
    """
    if age_years is None or age_years > 8:
        return 100.0, 20.0
    if age_years >= THREE_YEARS:
        return 140.0, 30.0
    if age_years >= THREE_MONTHS_YEARS:
        return 160.0, 40.0
    return 180.0, 50.0


def danger_zone_flags(vitals: VitalSigns, age_years: float | None) -> list[tuple[str, str]]:
    """(vital name, explanation) for each danger-zone vital sign."""
    hr_limit, rr_limit = danger_zone_limits(age_years)
    flags = []
    if vitals.heart_rate is not None and vitals.heart_rate > hr_limit:
        text = f"Heart rate {fmt(vitals.heart_rate)} is above the danger-zone limit of "
        flags.append(("heart_rate", text + f"{fmt(hr_limit)} for age."))
    if vitals.respiratory_rate is not None and vitals.respiratory_rate > rr_limit:
        text = f"Respiratory rate {fmt(vitals.respiratory_rate)} is above the danger-zone limit "
        flags.append(("respiratory_rate", text + f"of {fmt(rr_limit)} for age."))
    if vitals.spo2 is not None and vitals.spo2 < DANGER_ZONE_SPO2:
        limit = fmt(DANGER_ZONE_SPO2)
        text = f"SpO2 {fmt(vitals.spo2)}% is below the danger-zone limit of {limit}% (any age)."
        flags.append(("spo2", text))
    return flags


def severe_hypotension_limit(age_years: float | None) -> float:
    """Systolic pressure below which haemodynamic support is needed now (ESI decision A).

    Children: AHA PALS hypotension, i.e. decompensated shock (< 60 mmHg to 28 days,
    < 70 to 1 year, < 70 + 2 x age to 10 years). Adults and unknown age: < 70 mmHg.
    """
    if age_years is None or age_years >= PALS_ADULT_AGE_YEARS:
        return 70.0
    if age_years <= NEONATE_MAX_YEARS:
        return 60.0
    if age_years < 1:
        return 70.0
    return 70.0 + 2 * math.floor(age_years)


def adult_shock_signs(vitals: VitalSigns, age_years: float | None) -> tuple[str, ...]:
    """Signs that make adult hypotension (SBP < 90) shock rather than a low reading."""
    if age_years is not None and age_years < PALS_ADULT_AGE_YEARS:
        return ()
    if vitals.systolic_bp is None or vitals.systolic_bp >= 90:
        return ()
    signs = []
    if vitals.heart_rate is not None and (vitals.heart_rate > 100 or vitals.heart_rate < 50):
        signs.append(f"heart rate {fmt(vitals.heart_rate)}")
    if avpu_rank(vitals.consciousness) > 0:
        signs.append("altered consciousness")
    return tuple(signs)


def temperature_suggests_infection(vitals: VitalSigns) -> bool:
    # Any temperature that scores on NEWS2 (above 38.0 or at/below 36.0 degrees C).
    temp = vitals.temperature_c
    return temp is not None and (temp > 38.0 or temp < 36.1)


def sirs_criteria(vitals: VitalSigns) -> tuple[str, ...]:
    """The vital-sign SIRS criteria met (Bone et al., Chest 1992).

    Temperature above 38 or below 36 degrees C, heart rate above 90, respiratory rate above
    20. Each only looks at the abnormal side, so worsening a vital never removes one.
    """
    met = []
    temp, hr, rr = vitals.temperature_c, vitals.heart_rate, vitals.respiratory_rate
    if temp is not None and (temp > 38.0 or temp < 36.0):
        met.append(f"temperature {fmt(temp)} C")
    if hr is not None and hr > 90:
        met.append(f"heart rate {fmt(hr)}")
    if rr is not None and rr > 20:
        met.append(f"respiratory rate {fmt(rr)}")
    return tuple(met)


def missing_core_vitals(vitals: VitalSigns) -> tuple[str, ...]:
    return tuple(name for name in CORE_VITALS if getattr(vitals, name) is None)
