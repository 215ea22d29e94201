"""When device vital signs are an emergency: pure, deterministic, explained.

An emergency is NEWS2 at the RCP emergency-response threshold, any single NEWS2
parameter in the red, or a vital beyond a rapid-response calling limit. Several of the
calling limits overlap a red NEWS2 parameter on purpose: each names the exact alarm.
"""

from __future__ import annotations

from dataclasses import dataclass

from emergisphere_clinical import News2Result, Reason, VitalSigns, score_news2

NEWS2_SOURCE = "Royal College of Physicians, NEWS2 (2017)"
MET_SOURCE = "Medical emergency team calling criteria (MERIT study, Lancet 2005)"
ESI_A_SOURCE = "ESI v4 Implementation Handbook (AHRQ 2012), decision point A"
GLUCOSE_SOURCE = (
    "ADA Standards of Care (International Hypoglycaemia Study Group 2017): level 2"
    " hypoglycaemia, below 54 mg/dL, needs immediate treatment"
)
GLUCOSE_LOW_MG_DL = 54.0

NEWS2_EMERGENCY_SCORE = 7
SPO2_LIMIT = 90.0
HEART_RATE_LOW = 40.0
HEART_RATE_HIGH = 140.0
SYSTOLIC_BP_LIMIT = 90.0


@dataclass(frozen=True, slots=True)
class EmergencyCheck:
    emergency: bool
    news2: News2Result
    # The alarms that fired; when none did, one reason saying why it is not an emergency.
    reasons: tuple[Reason, ...]

    @property
    def reason_texts(self) -> list[str]:
        return [reason.text for reason in self.reasons]


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _news2_alarms(news2: News2Result) -> list[Reason]:
    alarms = []
    if news2.score >= NEWS2_EMERGENCY_SCORE:
        text = f"NEWS2 {news2.score} (7 or more): high clinical risk, emergency response."
        alarms.append(Reason("device.news2_high", text, NEWS2_SOURCE))
    red = [name for name, points in news2.components if points == 3]
    if red:
        text = f"NEWS2 parameter scoring 3 ({', '.join(red)}): urgent clinical review."
        alarms.append(Reason("device.news2_single_parameter", text, NEWS2_SOURCE))
    return alarms


def _limit_alarms(vitals: VitalSigns) -> list[Reason]:
    alarms = []
    if vitals.spo2 is not None and vitals.spo2 < SPO2_LIMIT:
        text = f"SpO2 {_fmt(vitals.spo2)}% is below 90%."
        alarms.append(Reason("device.spo2_below_90", text, ESI_A_SOURCE))
    if vitals.heart_rate is not None and vitals.heart_rate < HEART_RATE_LOW:
        text = f"Heart rate {_fmt(vitals.heart_rate)} is below 40."
        alarms.append(Reason("device.heart_rate_below_40", text, MET_SOURCE))
    if vitals.heart_rate is not None and vitals.heart_rate > HEART_RATE_HIGH:
        text = f"Heart rate {_fmt(vitals.heart_rate)} is above 140."
        alarms.append(Reason("device.heart_rate_above_140", text, MET_SOURCE))
    if vitals.systolic_bp is not None and vitals.systolic_bp < SYSTOLIC_BP_LIMIT:
        text = f"Systolic blood pressure {_fmt(vitals.systolic_bp)} is below 90 mmHg."
        alarms.append(Reason("device.systolic_bp_below_90", text, MET_SOURCE))
    if vitals.consciousness is not None and vitals.consciousness != "A":
        text = f"Consciousness is {vitals.consciousness} on ACVPU, not alert."
        alarms.append(Reason("device.consciousness_not_alert", text, NEWS2_SOURCE))
    return alarms


def glucose_alarm(glucose: float | None) -> Reason | None:
    if glucose is None or glucose >= GLUCOSE_LOW_MG_DL:
        return None
    text = f"Glucose {_fmt(glucose)} mg/dL is below 54: level 2 hypoglycaemia."
    return Reason("device.glucose_below_54", text, GLUCOSE_SOURCE)


def emergency_check(vitals: VitalSigns, glucose: float | None = None) -> EmergencyCheck:
    news2 = score_news2(vitals)
    alarms = _news2_alarms(news2) + _limit_alarms(vitals)
    if (low := glucose_alarm(glucose)) is not None:
        alarms.append(low)
    if alarms:
        return EmergencyCheck(emergency=True, news2=news2, reasons=tuple(alarms))
    text = (
        f"No alarm: NEWS2 {news2.score} ({news2.band} risk), "
        "every measured vital within its alarm limits."
    )
    return EmergencyCheck(
        emergency=False,
        news2=news2,
        reasons=(Reason("device.no_emergency", text, NEWS2_SOURCE),),
    )
