"""Pure scheduling rules: specialty choice, earliest start, the slot grid."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from emergisphere.v1.agents_pb2 import Case
from scheduling import rules

from .factories import MONDAY


def test_requested_specialty_wins_over_triage() -> None:
    case = Case()
    case.appointment.specialty = "Neurology"
    case.triage.follow_up_specialty = "cardiology"
    assert rules.follow_up_specialty(case) == rules.SpecialtyChoice("neurology", requested=True)


def test_triage_suggestion_is_used_when_nothing_was_requested() -> None:
    case = Case()
    case.triage.follow_up_specialty = "cardiology"
    assert rules.follow_up_specialty(case) == rules.SpecialtyChoice("cardiology", requested=False)


def test_general_practice_is_the_default() -> None:
    assert rules.follow_up_specialty(Case()) == rules.SpecialtyChoice(
        "general_practice", requested=False
    )


def test_specialty_spellings_are_normalised() -> None:
    assert rules.normalise_specialty(" Pediatrics ") == "paediatrics"
    assert rules.normalise_specialty("General Surgery") == "general_surgery"
    assert rules.normalise_specialty("infectious-disease") == "infectious_disease"


def test_emergency_follow_up_waits_a_day() -> None:
    now = datetime(2031, 3, 3, 10, 0, tzinfo=UTC)
    assert rules.earliest_start("emergency", now=now, not_before=None) == now + timedelta(days=1)


def test_regular_appointment_can_be_today() -> None:
    now = datetime(2031, 3, 3, 10, 0, tzinfo=UTC)
    assert rules.earliest_start("regular", now=now, not_before=None) == now


def test_not_before_later_than_the_lead_time_wins() -> None:
    now = datetime(2031, 3, 3, 10, 0, tzinfo=UTC)
    later = now + timedelta(days=3)
    assert rules.earliest_start("emergency", now=now, not_before=later) == later
    earlier = now - timedelta(days=3)
    assert rules.earliest_start("emergency", now=now, not_before=earlier) == now + timedelta(days=1)


def test_slot_grid_is_weekdays_nine_to_five_in_half_hours() -> None:
    starts = list(rules.clinic_slot_starts(start=MONDAY, days=7))
    assert len(starts) == 5 * 16
    assert starts[0] == MONDAY.replace(hour=9)
    assert starts[15] == MONDAY.replace(hour=16, minute=30)
    assert {s.weekday() for s in starts} == {0, 1, 2, 3, 4}


def test_slot_grid_starts_at_the_given_moment() -> None:
    starts = list(rules.clinic_slot_starts(start=MONDAY.replace(hour=15, minute=10), days=1))
    assert starts == [
        MONDAY.replace(hour=15, minute=30),
        MONDAY.replace(hour=16),
        MONDAY.replace(hour=16, minute=30),
    ]
