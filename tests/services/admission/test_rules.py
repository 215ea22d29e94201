"""Pure admission rules."""

from __future__ import annotations

import re
from datetime import date

import pytest

from admission import rules


def test_mrn_is_mrn_dash_eight_digits_and_stable() -> None:
    patient_id = rules.patient_id_for(national_health_id="1", workflow_id="wf")
    mrn = rules.mrn_for(patient_id)
    assert re.fullmatch(r"MRN-\d{8}", mrn)
    assert rules.mrn_for(patient_id) == mrn
    assert rules.mrn_for(patient_id, attempt=1) != mrn


def test_patient_id_comes_from_national_id_else_from_workflow() -> None:
    with_id = rules.patient_id_for(national_health_id="1", workflow_id="wf-a")
    assert with_id == rules.patient_id_for(national_health_id="1", workflow_id="wf-b")
    assert rules.patient_id_for(national_health_id=None, workflow_id="wf-a") != (
        rules.patient_id_for(national_health_id=None, workflow_id="wf-b")
    )


def test_name_key_is_trimmed_and_case_insensitive() -> None:
    assert rules.name_key("  Ana  María ", "GARCÍA") == rules.name_key("ana maría", "garcía")


@pytest.mark.parametrize(("first", "last"), [("Ana", None), (None, "Garcia"), ("  ", "Garcia")])
def test_name_key_needs_both_names(first: str | None, last: str | None) -> None:
    assert rules.name_key(first, last) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1970-01-31", date(1970, 1, 31)),
        ("1970-01-31T00:00:00Z", date(1970, 1, 31)),
        ("", None),
        ("31/01/1970", None),
        (None, None),
    ],
)
def test_date_of_birth_parsing(value: str | None, expected: date | None) -> None:
    assert rules.parse_date_of_birth(value) == expected


def test_unknown_workflow_type_has_no_encounter_class() -> None:
    assert rules.encounter_class("regular") == "ambulatory"
    assert rules.encounter_class("") is None


def test_identified_means_a_national_id_or_any_name() -> None:
    assert rules.is_identified(national_health_id=None, first_name=None, last_name="Doe")
    assert rules.is_identified(national_health_id="1", first_name=None, last_name=None)
    assert not rules.is_identified(national_health_id=" ", first_name="", last_name=None)


def test_alias_is_unique_per_record() -> None:
    a = rules.patient_id_for(national_health_id=None, workflow_id="wf-a")
    b = rules.patient_id_for(national_health_id=None, workflow_id="wf-b")
    assert rules.alias_for(a) != rules.alias_for(b)
