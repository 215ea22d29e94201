"""Safety properties of the triage engine, checked over generated inputs.

Lower ESI numbers are more urgent, so "never less urgent" means "acuity never grows".
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.libs.clinical.cases import NORMAL

from emergisphere_clinical import TriageInput, VitalSigns, assess, score_news2
from emergisphere_clinical.lexicon import CATEGORIES

AVPU = ("A", "C", "V", "P", "U")
VITAL_NAMES = tuple(field.name for field in dataclasses.fields(VitalSigns))
# Closed limits each vital may take (VitalSigns validation).
LIMITS = {
    "heart_rate": (0.0, 250.0),
    "respiratory_rate": (0.0, 70.0),
    "systolic_bp": (30.0, 260.0),
    "diastolic_bp": (20.0, 160.0),
    "spo2": (50.0, 100.0),
    "temperature_c": (30.0, 43.0),
}

PHRASES = sorted({phrase for category in CATEGORIES for phrase in category.phrases})
complaint_part = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(PHRASES).map(lambda phrase: f"denies {phrase}"),
    st.sampled_from(["bleeding", "pain", "feels unwell", "zzz", "Jane Placeholder"]),
)
complaints = st.lists(complaint_part, max_size=3).map(", ".join)


def _number(name: str) -> st.SearchStrategy[float | None]:
    low, high = LIMITS[name]
    values = st.one_of(st.integers(int(low), int(high)).map(float), st.floats(low, high))
    return st.none() | values


vitals_strategy = st.builds(
    VitalSigns,
    heart_rate=_number("heart_rate"),
    respiratory_rate=_number("respiratory_rate"),
    systolic_bp=_number("systolic_bp"),
    diastolic_bp=_number("diastolic_bp"),
    spo2=_number("spo2"),
    temperature_c=_number("temperature_c"),
    consciousness=st.none() | st.sampled_from(AVPU),
    on_oxygen=st.none() | st.booleans(),
    pain_score=st.none() | st.integers(0, 10),
)
inputs = st.builds(
    TriageInput,
    chief_complaint=complaints,
    vitals=vitals_strategy,
    age_years=st.none() | st.floats(0.0, 105.0) | st.sampled_from([0.03, 0.1, 0.5, 2.0, 5.0]),
    sex=st.sampled_from([None, "male", "female", "other", "unknown"]),
    arrival_mode=st.sampled_from([None, "walk_in", "ambulance", "police"]),
    spo2_scale=st.sampled_from([1, 2]),
)


def with_vital(data: TriageInput, name: str, value: object) -> TriageInput:
    return dataclasses.replace(data, vitals=dataclasses.replace(data.vitals, **{name: value}))


def normal_value(data: TriageInput, name: str) -> object:
    # On the hypercapnic scale an on-oxygen SpO2 of 98 is itself abnormal (RCP 2017);
    # 92 sits inside the 88-92 target and outside the ESI danger zone.
    if name == "spo2" and data.spo2_scale == 2:
        return 92.0
    return NORMAL[name]


@settings(max_examples=300, deadline=None)
@given(data=inputs, name=st.sampled_from(VITAL_NAMES))
def test_missing_vital_never_triages_less_urgently_than_a_normal_one(
    data: TriageInput, name: str
) -> None:
    missing = assess(with_vital(data, name, None))
    normal = assess(with_vital(data, name, normal_value(data, name)))
    assert missing.acuity <= normal.acuity
    assert name in missing.missing_data


def worsen(data: TriageInput, name: str, step: float) -> object:
    """The same vital moved further from normal, on the side it already lies."""
    value = getattr(data.vitals, name)
    if name == "consciousness":
        return AVPU[min(AVPU.index(value) + max(1, round(step / 10)), 4)]
    if name == "on_oxygen":
        return True
    if name == "pain_score":
        return min(10, value + max(1, round(step / 10)))
    low, high = LIMITS[name]
    if name == "spo2":
        # Lower is worse, except above target on oxygen on scale 2 (over-oxygenation).
        rising = data.spo2_scale == 2 and data.vitals.on_oxygen is True and value > 92
    else:
        rising = value >= NORMAL[name]
    return min(high, value + step) if rising else max(low, value - step)


@settings(max_examples=400, deadline=None)
@given(
    data=inputs,
    name=st.sampled_from(VITAL_NAMES),
    step=st.floats(0.1, 60.0),
)
def test_worsening_one_vital_never_triages_less_urgently(
    data: TriageInput, name: str, step: float
) -> None:
    if getattr(data.vitals, name) is None:
        data = with_vital(data, name, normal_value(data, name))
    worse = with_vital(data, name, worsen(data, name, step))
    assert assess(worse).acuity <= assess(data).acuity


@settings(max_examples=300, deadline=None)
@given(data=inputs)
def test_acuity_is_1_to_5_and_every_urgent_level_is_explained(data: TriageInput) -> None:
    result = assess(data)
    assert 1 <= result.acuity <= 5
    if result.acuity < 5:
        explaining = [r for r in result.reasons if r.rule != "news2.not_applied_under_16"]
        assert explaining
    for reason in result.reasons:
        assert reason.rule
        assert reason.text
        assert reason.source
        assert "jane" not in reason.text.lower()


@settings(max_examples=200, deadline=None)
@given(data=inputs)
def test_assessment_is_deterministic(data: TriageInput) -> None:
    copy = dataclasses.replace(data, vitals=dataclasses.replace(data.vitals))
    assert assess(data) == assess(copy) == assess(data)


@settings(max_examples=300, deadline=None)
@given(vitals=vitals_strategy, scale=st.sampled_from([1, 2]))
def test_news2_total_and_band_agree_with_components(vitals: VitalSigns, scale: int) -> None:
    result = score_news2(vitals, spo2_scale=scale)
    assert result.score == sum(points for _, points in result.components)
    assert all(0 <= points <= 3 for _, points in result.components)
    scored = {name for name, _ in result.components}
    assert scored.isdisjoint(result.missing)
    assert len(scored) + len(result.missing) == 7
    assert result.single_parameter_red == any(points == 3 for _, points in result.components)
    if result.score >= 7:
        assert result.band == "high"
    elif result.score >= 5:
        assert result.band == "medium"
    else:
        assert result.band == ("low-medium" if result.single_parameter_red else "low")


RED_FLAG_PHRASES = sorted(
    {
        phrase
        for category in CATEGORIES
        # Categories that need a co-term ("neutropenic" with a fever) are no flag alone.
        if category.tier <= 2 and not category.requires_any
        for phrase in category.phrases
    }
)


@settings(max_examples=200, deadline=None)
@given(data=inputs, phrase=st.sampled_from(RED_FLAG_PHRASES))
def test_adding_a_red_flag_never_triages_less_urgently(data: TriageInput, phrase: str) -> None:
    before = assess(data)
    flagged = dataclasses.replace(data, chief_complaint=f"{data.chief_complaint}. {phrase}")
    after = assess(flagged)
    assert after.acuity <= before.acuity
    # A red flag on its own is decision point A or B: at least ESI 2.
    alone = assess(dataclasses.replace(data, chief_complaint=phrase))
    assert alone.acuity <= 2


# The "consider ESI 2" rules (severe pain, danger-zone vitals, SIRS) raise acuity only
# when corroborated; inputs drawn around their thresholds check that worsening a vital can
# never take that corroboration away, and that a missing vital corroborates at least as
# much as a normal one.
# Vitals around the danger-zone, SIRS and pain thresholds, with NEWS2 kept below its own
# corroboration (at most 4, no red parameter) so the other routes are exercised.
near_thresholds = st.builds(
    VitalSigns,
    heart_rate=st.none() | st.integers(88, 128).map(float),
    respiratory_rate=st.none() | st.integers(17, 24).map(float),
    systolic_bp=st.none() | st.integers(112, 140).map(float),
    diastolic_bp=st.just(80.0),
    spo2=st.none() | st.integers(96, 100).map(float),
    temperature_c=st.none() | st.sampled_from([35.9, 36.4, 37.0, 37.8, 38.0, 38.1]),
    consciousness=st.just("A"),
    on_oxygen=st.none() | st.just(False),
    pain_score=st.none() | st.integers(5, 10),
)
considered_inputs = st.builds(
    TriageInput,
    chief_complaint=st.sampled_from(
        [
            "abdominal pain",
            "vomiting",
            "zzz",
            "sprained ankle",
            "dyspnea",
            "cough",
            "fever",
            "back pain",
            "toothache",
            "headache",
            "sore throat",
            "myalgia",
        ]
    ),
    vitals=near_thresholds,
    age_years=st.none() | st.floats(16.0, 95.0) | st.sampled_from([5.0, 17.0]),
)


@settings(max_examples=400, deadline=None)
@given(data=considered_inputs, name=st.sampled_from(VITAL_NAMES), step=st.floats(0.1, 30.0))
def test_worsening_a_vital_never_removes_corroboration(
    data: TriageInput, name: str, step: float
) -> None:
    if getattr(data.vitals, name) is None:
        data = with_vital(data, name, normal_value(data, name))
    worse = with_vital(data, name, worsen(data, name, step))
    assert assess(worse).acuity <= assess(data).acuity


@settings(max_examples=300, deadline=None)
@given(data=considered_inputs, name=st.sampled_from(VITAL_NAMES))
def test_missing_vital_corroborates_at_least_as_much_as_a_normal_one(
    data: TriageInput, name: str
) -> None:
    missing = assess(with_vital(data, name, None))
    normal = assess(with_vital(data, name, normal_value(data, name)))
    assert missing.acuity <= normal.acuity
