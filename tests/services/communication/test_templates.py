"""Template wording and the refusal to send a half-filled template."""

from __future__ import annotations

import pytest

from communication import templates as t


def test_family_arrival_is_generic() -> None:
    body = t.render(
        t.FAMILY_ARRIVAL, contact_first_name="Rita", patient_first_name="Walter", ed_phone="555"
    )
    assert body == (
        "Rita, Walter has arrived at the emergency department and is being cared for."
        " Call 555 for updates."
    )


def test_staff_alert_wording() -> None:
    body = t.render(t.STAFF_ALERT, acuity=1, reference="MRN M-1", score=9, actions="ECG; IV")
    assert body == "ESI 1 patient MRN M-1 arrived, NEWS2 9: ECG; IV"


def test_clinical_update_names_the_priority() -> None:
    body = t.render(
        t.FAMILY_UPDATE_CLINICAL,
        contact_first_name="Rita",
        patient_first_name="Walter",
        priority="very urgent",
        acuity=2,
        ed_phone="555",
    )
    assert "very urgent (ESI level 2)" in body


def test_a_missing_field_fails_instead_of_sending_a_placeholder() -> None:
    with pytest.raises(KeyError):
        t.render(t.FAMILY_ARRIVAL, contact_first_name="Rita", ed_phone="555")


@pytest.mark.parametrize("name", sorted(t.TEMPLATES))
def test_every_template_renders_with_its_fields(name: str) -> None:
    fields = {identifier: "x" for identifier in t.TEMPLATES[name].get_identifiers()}
    assert "$" not in t.render(name, **fields)
