"""The legal agent through the real agent runtime."""

from __future__ import annotations

from emergisphere_runtime.messages import derived_id
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.testing import command_envelope, run_command
from legal.agent import build
from legal.service import LEGAL_CASES, cases_for_patient, get_case

from .factories import case


async def test_legal_case_is_recorded_and_returned(platform: Platform) -> None:
    service = build(platform)
    envelope = command_envelope(
        "legal", case(complaint="dog bite, no assault", age=15), workflow_id="wf-1"
    )
    result = await run_command(service, envelope)
    assert result.ok, result.error
    legal = result.legal
    assert legal.case_id == derived_id("legal_case", "wf-1")
    assert [(r.category, r.authority) for r in legal.reports] == [
        ("animal_bite", "public health / animal control")
    ]
    assert legal.consent_status == "minor_without_guardian"
    stored = await get_case(platform.docs, case_id=legal.case_id)
    assert stored is not None
    assert (stored.workflow_id, stored.patient_id) == ("wf-1", "patient-1")
    assert [r.category for r in stored.reports] == ["animal_bite"]
    assert stored.consent.status == "minor_without_guardian"
    assert stored.consent.reason == legal.consent_reason
    assert stored.reasons
    assert stored.age_group == "minor"


async def test_a_re_sent_command_keeps_one_legal_case(platform: Platform) -> None:
    service = build(platform)
    c = case(complaint="assaulted")
    first = await run_command(service, command_envelope("legal", c, workflow_id="wf-2"))
    before = await get_case(platform.docs, case_id=first.legal.case_id)
    # A new attempt after a timeout: new message id, same workflow.
    second = await run_command(service, command_envelope("legal", c, workflow_id="wf-2", attempt=2))
    assert first.ok
    assert second.ok
    assert second.legal == first.legal
    assert len(await platform.docs.find(LEGAL_CASES)) == 1
    after = await get_case(platform.docs, case_id=first.legal.case_id)
    assert before is not None
    assert after is not None
    assert after.created_at == before.created_at


async def test_each_workflow_has_its_own_case_and_they_list_per_patient(
    platform: Platform,
) -> None:
    service = build(platform)
    for workflow_id in ("wf-a", "wf-b"):
        assert (
            await run_command(service, command_envelope("legal", case(), workflow_id=workflow_id))
        ).ok
    other = case()
    other.patient_id = "patient-2"
    assert (await run_command(service, command_envelope("legal", other, workflow_id="wf-c"))).ok
    found = await cases_for_patient(platform.docs, patient_id="patient-1")
    assert sorted(c.workflow_id for c in found) == ["wf-a", "wf-b"]


async def test_patient_id_comes_from_admission_when_the_case_lacks_it(platform: Platform) -> None:
    c = case()
    c.patient_id = ""
    c.admission.patient_id = "patient-9"
    result = await run_command(build(platform), command_envelope("legal", c, workflow_id="wf-3"))
    stored = await get_case(platform.docs, case_id=result.legal.case_id)
    assert stored is not None
    assert stored.patient_id == "patient-9"


async def test_unknown_case_reads_as_none(platform: Platform) -> None:
    assert await get_case(platform.docs, case_id="missing") is None
