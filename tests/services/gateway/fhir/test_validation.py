"""Validation against R4 (4.0.1): every issue found at once, each naming its path."""

from __future__ import annotations

from typing import Any

import pytest

from gateway.fhir.validation import validate_resource

from .conftest import synthea_files

PATIENT: dict[str, Any] = {
    "resourceType": "Patient",
    "id": "p-1",
    "name": [{"family": "Stone", "given": ["Walter"], "use": "official"}],
    "gender": "male",
    "birthDate": "1959-02-11",
}


def paths(resource: dict[str, Any]) -> dict[str, str]:
    return {i.expression: i.code for i in validate_resource(resource)}


def test_a_valid_patient_has_no_issues() -> None:
    assert validate_resource(PATIENT) == []


@pytest.mark.parametrize(
    ("change", "path", "code"),
    [
        ({"favouriteColour": "blue"}, "Patient.favouriteColour", "structure"),
        ({"birthDate": "1959-02-30"}, "Patient.birthDate", "value"),
        ({"birthDate": "11/02/1959"}, "Patient.birthDate", "value"),
        ({"id": "not valid!"}, "Patient.id", "value"),
        ({"id": "x" * 65}, "Patient.id", "value"),
        ({"gender": "dragon"}, "Patient.gender", "code-invalid"),
        ({"active": "yes"}, "Patient.active", "value"),
        ({"name": {"family": "Stone"}}, "Patient.name", "structure"),
        ({"name": []}, "Patient.name", "invariant"),
        (
            {"deceasedBoolean": True, "deceasedDateTime": "2020"},
            "Patient.deceasedDateTime",
            "structure",
        ),
        ({"link": [{"type": "seealso"}]}, "Patient.link[0].other", "required"),
        ({"multipleBirthInteger": 2**40}, "Patient.multipleBirthInteger", "value"),
    ],
)
def test_each_kind_of_error_names_its_path(change: dict[str, Any], path: str, code: str) -> None:
    assert paths({**PATIENT, **change}).get(path) == code


def test_all_issues_are_reported_at_once() -> None:
    found = paths({**PATIENT, "birthDate": "bad", "gender": "x", "colour": "red"})
    assert set(found) == {"Patient.birthDate", "Patient.gender", "Patient.colour"}


def test_missing_required_elements_and_status_binding() -> None:
    found = paths({"resourceType": "Observation", "status": "done"})
    assert found == {"Observation.code": "required", "Observation.status": "code-invalid"}


def test_period_end_before_start_breaks_per_1() -> None:
    encounter = {
        "resourceType": "Encounter",
        "status": "finished",
        "class": {"code": "AMB"},
        "period": {"start": "2024-05-02T10:00:00Z", "end": "2024-05-01T10:00:00Z"},
    }
    assert paths(encounter) == {"Encounter.period.end": "invariant"}


def test_instant_needs_a_time_zone_and_datetime_a_real_day() -> None:
    observation = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"text": "x"},
        "issued": "2024-05-01T10:00:00",
        "effectiveDateTime": "2023-02-29",
    }
    assert paths(observation) == {
        "Observation.issued": "value",
        "Observation.effectiveDateTime": "value",
    }


def test_contained_and_bundled_resources_are_validated_with_their_paths() -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [{"resource": {**PATIENT, "birthDate": "1990-13-01"}}],
    }
    assert paths(bundle) == {"Bundle.entry[0].resource.birthDate": "value"}


def test_unknown_resource_type_is_not_supported() -> None:
    assert paths({"resourceType": "Spaceship"}) == {"Spaceship.resourceType": "not-supported"}


def test_every_synthea_resource_is_valid() -> None:
    import json

    for path in synthea_files():
        bundle = json.loads(path.read_text())
        assert validate_resource(bundle, "Bundle") == [], path.name
