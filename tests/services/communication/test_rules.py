"""Pure rules: consent, acuity, how staff name a patient."""

from __future__ import annotations

from communication import rules

from .factories import emergency_case


def test_no_consent_means_no_clinical_detail() -> None:
    assert rules.may_share_clinical(emergency_case(consent=False)) is False


def test_consent_allows_clinical_detail() -> None:
    assert rules.may_share_clinical(emergency_case(consent=True)) is True


def test_consent_with_a_capable_patient_allows_clinical_detail() -> None:
    case = emergency_case(consent=True, legal_status="able_to_consent")
    assert rules.may_share_clinical(case) is True


def test_minor_without_guardian_overrides_consent() -> None:
    case = emergency_case(consent=True, legal_status="minor_without_guardian")
    assert rules.may_share_clinical(case) is False


def test_acuity_override_wins_over_triage() -> None:
    case = emergency_case(acuity=3)
    case.acuity_override = 1
    assert rules.effective_acuity(case) == 1


def test_acuity_is_zero_without_triage() -> None:
    case = emergency_case()
    case.ClearField("triage")
    assert rules.effective_acuity(case) == 0
    assert rules.acuity_text(0) == "not yet assessed"


def test_staff_reference_is_the_mrn_or_the_workflow_before_admission() -> None:
    case = emergency_case()
    assert rules.staff_reference(case, workflow_id="wf-1") == "MRN MRN-000123"
    case.mrn = ""
    assert rules.staff_reference(case, workflow_id="wf-1") == "workflow wf-1"


def test_priority_wording_covers_every_esi_level_and_nothing_else() -> None:
    assert [rules.priority_wording(level) is not None for level in range(7)] == [
        False,
        True,
        True,
        True,
        True,
        True,
        False,
    ]


def test_first_name_falls_back_when_the_name_is_empty() -> None:
    assert rules.first_name("Rita Stone", fallback="Hello") == "Rita"
    assert rules.first_name("  ", fallback="Hello") == "Hello"


def test_news2_comes_from_triage_then_device() -> None:
    case = emergency_case()
    assert rules.news2_score(case) == "8"
    case.ClearField("triage")
    assert rules.news2_score(case) == "-"
    case.device.news2.score = 5
    assert rules.news2_score(case) == "5"
