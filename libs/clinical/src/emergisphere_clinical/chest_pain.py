"""Chest pain that is neither possible ACS nor possible PE, so not high-risk at decision B.

Four kinds are read. An injured chest wall: tender ribs after a blow or a fall, with no
cardiac feature and no breathlessness. Pain worse on breathing with a chest infection, and
pain eased by sitting forward (pericarditis, ESC 2015), each with no cardiac feature and
none of the PERC items a note can state. And pleuritic or reproducible pain:
only when the note shows all of it: under 45 (the HEART score's lowest age band, Six et
al. 2008), pain that is pleuritic or reproducible, no cardiac feature or history, and the
PERC rule negative (Kline et al. 2004: heart rate under 100 and SpO2 95% or more, both
measured; no haemoptysis, oestrogen, previous clot, leg swelling, or recent surgery or
trauma). Anything missing keeps the chest pain high-risk.
"""

from __future__ import annotations

from emergisphere_clinical.complaints import mentioned_history
from emergisphere_clinical.models import VitalSigns

HEART_LOWEST_AGE_BAND = 45.0
PERC_HEART_RATE = 100.0
PERC_SPO2 = 95.0

# Pain that changes with breathing or coughing...
PLEURITIC = (
    "pleuritic",
    "on breathing in",
    "when breathing in",
    "worse breathing in",
    "worse on breathing in",
    "on deep breath",
    "with deep breath",
    "worse on deep breath",
    "worse with deep breath",
    "worse on breathing",
    "on coughing",
    "when coughing",
    "on breathing",
    "on deep breathing",
    "when he coughs",
    "when she coughs",
)
# Pain the chest wall reproduces, pressed or twisted...
REPRODUCED = (
    "reproducible",
    "reproduced",
    "sore to press",
    "tender to touch",
    "tender to press",
    "tender over",
    "worse pressing",
    "worse on pressing",
    "pressing on it",
    "when pressed",
    "on palpation",
    "worse twisting",
    "worse on twisting",
    "when she twists",
    "when he twists",
    "chest wall is pressed",
    "pressing the chest wall",
    "pressing on the chest wall",
    "presses on her chest",
    "presses on his chest",
    "pressing on the spot",
    "presses on it",
    "press on it",
    "tender when pressed",
)
# ...and, for the low-risk reading, pain with coughing or any movement.
PLEURITIC_OR_REPRODUCIBLE = (
    *PLEURITIC,
    "when she coughs",
    "when he coughs",
    "when i cough",
    "from coughing",
    *REPRODUCED,
    "twisting",
    "worse moving",
    "worse on movement",
    "worse with movement",
)
# Cardiac features and history.
CARDIAC_FEATURES = (
    # Typical of ischaemia.
    "radiating",
    "radiates",
    "radiation",
    "to the arm",
    "to his arm",
    "to her arm",
    "jaw",
    "sweaty",
    "sweating",
    "clammy",
    "diaphoretic",
    "nausea",
    "nauseous",
    "vomiting",
    "exertion",
    "exertional",
    "on walking",
    "crushing",
    "pressure",
    # A heavy pain, not a heavy load lifted.
    "heavy pain",
    "heavy chest",
    "chest heavy",
    "chest feels heavy",
    "feels heavy",
    "heavy feeling",
    "heavy sensation",
    "heavy ache",
    "heavy pressure",
    "heavy tightness",
    "heavy central",
    "central heavy",
    "heavy like",
    "is heavy",
    "heaviness",
    "tight",
    "tightness",
    "palpitations",
    "faint",
    "fainted",
    "dizzy",
    "collapse",
    "collapsed",
    "short of breath",
    "shortness of breath",
    "breathless",
    # Cardiac history and risk.
    "angina",
    "heart attack",
    "stent",
    "stents",
    "bypass",
    "cabg",
    "heart disease",
    "heart failure",
    "cardiac",
    "diabetes",
    "diabetic",
    "cocaine",
    "amphetamine",
    "family history",
    "kawasaki",
    "marfan",
)
# The PERC items a note can state.
PERC_ITEMS = (
    "coughing blood",
    "coughed up blood",
    "haemoptysis",
    "hemoptysis",
    "pill",
    "ocp",
    "contraceptive",
    "contraception",
    "hrt",
    "oestrogen",
    "estrogen",
    "pregnant",
    "postpartum",
    "post partum",
    "dvt",
    "pulmonary embolism",
    "clot",
    "leg swelling",
    "swollen leg",
    "calf",
    "surgery",
    "operation",
    "post op",
    "cast",
    "immobile",
    "long flight",
    "long haul",
    "cancer",
)
NOT_LOW_RISK = CARDIAC_FEATURES + PERC_ITEMS


def low_risk_chest_pain(complaint: str, age: float | None, v: VitalSigns) -> str | None:
    """The pleuritic or reproducible feature, when every criterion holds; else None."""
    if age is None or age >= HEART_LOWEST_AGE_BAND:
        return None
    if v.heart_rate is None or v.heart_rate >= PERC_HEART_RATE:
        return None
    if v.spo2 is None or v.spo2 < PERC_SPO2 or v.on_oxygen:
        return None
    return _explained(complaint, PLEURITIC_OR_REPRODUCIBLE, NOT_LOW_RISK)


def _explained(
    complaint: str, features: tuple[str, ...], against: tuple[str, ...], needs: tuple[str, ...] = ()
) -> str | None:
    """The first feature the note states, when it also states one of ``needs`` (if any)
    and none of ``against``; else None."""
    feature = mentioned_history(complaint, features)
    if feature is None or (needs and mentioned_history(complaint, needs) is None):
        return None
    return feature if mentioned_history(complaint, against) is None else None


# Tenderness over the ribs or chest wall, and an injury that explains it.
RIB_TENDERNESS = (
    "tender ribs",
    "ribs tender",
    "tender rib",
    "rib tenderness",
    "tender over ribs",
    "tender over the ribs",
    "tender over his ribs",
    "tender over her ribs",
    "tender lower ribs",
    "tender over lower ribs",
    "tender chest wall",
    "chest wall tender",
    "chest wall tenderness",
    "bruised ribs",
    "rib pain",  # how the wording module writes "tender ribs"
    "sore ribs",
)
CHEST_INJURY = (
    "fell",
    "fall",
    "falling",
    "came off",
    "fell off",
    "kicked",
    "punched",
    "tackled",
    "tackle",
    "struck",
    "landed on",
    "hit by",
    "hit his chest",
    "hit her chest",
    "against",
)
# A cardiac feature, breathlessness or air under the skin (a pneumothorax) or coughed
# blood keeps it high-risk.
NOT_CHEST_WALL = (
    *CARDIAC_FEATURES,
    "coughing blood",
    "coughed up blood",
    "haemoptysis",
    "crackling",
    "surgical emphysema",
    "subcutaneous emphysema",
)


# After a blow, pain on breathing is the injured wall's too (a rib fracture), so long as
# the patient is not breathless: breathlessness keeps a pneumothorax in view.
INJURED_WALL_PAIN = (*RIB_TENDERNESS, "bruised over", *PLEURITIC)


def injured_chest_wall(complaint: str) -> str | None:
    """The rib tenderness or pain on breathing, when an injury explains it and nothing
    cardiac is said; else None."""
    return _explained(complaint, INJURED_WALL_PAIN, NOT_CHEST_WALL, CHEST_INJURY)


# A chest infection that explains pain on breathing or coughing.
CHEST_INFECTION = (
    "cough",
    "coughing",
    "sputum",
    "phlegm",
    "fever",
    "feverish",
    "flu",
    "flu like",
    "a cold",
    "chest infection",
    "pneumonia",
)
# ESC 2015 pericardial guideline: sharp pain eased by sitting up and leaning forward.
PERICARDITIC = (
    "better sitting forward",
    "better leaning forward",
    "eased sitting forward",
    "eased by sitting forward",
    "eased leaning forward",
    "easier sitting forward",
    "relieved sitting forward",
    "relieved by sitting forward",
    "relieved leaning forward",
    "relieved by leaning forward",
    "eased by leaning forward",
    "eases sitting forward",
    "eases leaning forward",
    "eases on sitting forward",
    "better when sitting forward",
    "better when leaning forward",
)


def infective_pleuritic_chest_pain(complaint: str) -> str | None:
    """The pleuritic feature, when a chest infection explains it and nothing cardiac or
    thromboembolic is said; else None."""
    return _explained(complaint, PLEURITIC, NOT_LOW_RISK, CHEST_INFECTION)


def pericarditic_chest_pain(complaint: str) -> str | None:
    """The posture that eases the pain, when nothing cardiac or thromboembolic is said."""
    return _explained(complaint, PERICARDITIC, NOT_LOW_RISK)


# BTS pleural disease guideline (2023): a primary spontaneous pneumothorax is typically a
# tall, thin young adult with sudden, sharp one-sided pain and breathlessness.
TALL_AND_THIN = (
    "tall and thin",
    "tall and slim",
    "tall thin",
    "tall slim",
    "tall and skinny",
    "tall skinny",
    "tall & slim",
    "tall & thin",
)
SUDDEN_SHARP = ("sudden", "suddenly", "sharp")
BREATHLESS_WORDS = ("short of breath", "shortness of breath", "breathless")
# Breathlessness is the pneumothorax's own; any other cardiac feature or a PERC item is not.
NOT_PNEUMOTHORAX = (
    *(feature for feature in CARDIAC_FEATURES if feature not in BREATHLESS_WORDS),
    *PERC_ITEMS,
)
PNEUMOTHORAX_MIN_SPO2 = 94.0


def spontaneous_pneumothorax(complaint: str, age: float | None, v: VitalSigns) -> str | None:
    """The build the note gives, when sudden or sharp pain in a tall, thin adult under 45
    comes with a heart rate under 100 and SpO2 94% or more, both measured, and nothing
    cardiac or thromboembolic is said; else None."""
    if age is None or age >= HEART_LOWEST_AGE_BAND:
        return None
    if v.heart_rate is None or v.heart_rate >= PERC_HEART_RATE:
        return None
    if v.spo2 is None or v.spo2 < PNEUMOTHORAX_MIN_SPO2 or v.on_oxygen:
        return None
    return _explained(complaint, TALL_AND_THIN, NOT_PNEUMOTHORAX, SUDDEN_SHARP)


# Pain the chest wall reproduces, after a strain that explains it, at any age under the
# HEART score's top band (65): not suspicious for ACS, though an ECG and a troponin are
# still taken.
STRAIN = (
    "lifting",
    "lifted",
    "moving furniture",
    "moving a",
    "carrying",
    "at the gym",
    "weights",
    "wardrobe",
    "furniture",
    "boxes",
    "a box",
    "gardening",
    "digging",
    "pulled a muscle",
    "humping",
    "heaving",
    "sacks",
    "coughing fit",
)
HEART_TOP_AGE_BAND = 65.0


def strained_chest_wall(complaint: str, age: float | None, v: VitalSigns) -> str | None:
    """The reproducing feature, when a strain explains it, the patient is under 65, the
    heart rate is measured under 100 (and SpO2, if measured, is 95% or more), and nothing
    cardiac or thromboembolic is said; else None."""
    if age is None or age >= HEART_TOP_AGE_BAND:
        return None
    if v.heart_rate is None or v.heart_rate >= PERC_HEART_RATE:
        return None
    if (v.spo2 is not None and v.spo2 < PERC_SPO2) or v.on_oxygen:
        return None
    return _explained(complaint, REPRODUCED, NOT_LOW_RISK, STRAIN)
