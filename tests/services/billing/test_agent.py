"""The billing agent through the real agent runtime."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from billing.agent import build
from billing.models import BillingRecord
from billing.service import get_billing_for_workflow, list_for_patient
from emergisphere_runtime.messages import derived_id
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.testing import command_envelope, run_command

from .factories import case


async def _record_count(platform: Platform) -> int:
    async with platform.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(BillingRecord)) or 0)


async def test_emergency_visit_is_estimated_and_recorded(platform: Platform) -> None:
    service = build(platform)
    result = await run_command(
        service, command_envelope("billing", case(acuity=1, resources=3), workflow_id="wf-1")
    )
    assert result.ok, result.error
    billing = result.billing
    assert billing.billing_id == derived_id("billing", "wf-1")
    # 1600: copay 150, deductible 1100, 20% of 350 = 70.
    assert (billing.cpt_code, billing.charge, billing.patient_share, billing.insurer_share) == (
        "99285",
        1600.0,
        1320.0,
        280.0,
    )
    assert billing.status == "estimated"
    assert billing.payment_requested is False
    assert "deferred" in billing.note
    async with platform.db.session() as session:
        stored = await get_billing_for_workflow(session, workflow_id="wf-1")
    assert stored is not None
    assert (stored.patient_id, stored.encounter_id, stored.cpt_code) == (
        "patient-1",
        "encounter-1",
        "99285",
    )
    assert (stored.charge, stored.patient_share, stored.insurer_share) == (
        Decimal("1600.00"),
        Decimal("1320.00"),
        Decimal("280.00"),
    )
    assert stored.payment_requested is False


async def test_payment_is_never_requested_in_emergency_workflows(platform: Platform) -> None:
    service = build(platform)
    for n, workflow_type in enumerate(("emergency", "emergency_device")):
        for acuity in (1, 3, 5):
            envelope = command_envelope(
                "billing",
                case(workflow_type=workflow_type, acuity=acuity, resources=0),
                workflow_id=f"wf-{n}-{acuity}",
            )
            result = await run_command(service, envelope)
            assert result.ok
            assert result.billing.payment_requested is False


async def test_a_screened_appointment_requests_payment(platform: Platform) -> None:
    result = await run_command(
        build(platform),
        command_envelope(
            "billing", case(workflow_type="regular", acuity=4, resources=2), workflow_id="wf-r"
        ),
    )
    assert result.ok
    assert (result.billing.cpt_code, result.billing.payment_requested) == ("99214", True)


async def test_an_appointment_before_screening_does_not_request_payment(
    platform: Platform,
) -> None:
    result = await run_command(
        build(platform),
        command_envelope("billing", case(workflow_type="regular", acuity=None), workflow_id="wf-s"),
    )
    assert result.ok
    assert result.billing.payment_requested is False


async def test_missing_admission_and_triage_do_not_fail_the_step(platform: Platform) -> None:
    c = case(acuity=None, admitted=False)
    c.patient_id = ""
    c.encounter_id = ""
    result = await run_command(build(platform), command_envelope("billing", c, workflow_id="wf-m"))
    assert result.ok, result.error
    assert (result.billing.cpt_code, result.billing.status) == ("99283", "self_pay_estimated")
    assert result.billing.patient_share == 550.0
    async with platform.db.session() as session:
        stored = await get_billing_for_workflow(session, workflow_id="wf-m")
    assert stored is not None
    assert (stored.patient_id, stored.encounter_id) == (None, None)


async def test_a_re_run_updates_the_one_record_instead_of_adding_another(
    platform: Platform,
) -> None:
    service = build(platform)
    first = await run_command(
        service, command_envelope("billing", case(acuity=4, resources=0), workflow_id="wf-2")
    )
    async with platform.db.session() as session:
        before = await get_billing_for_workflow(session, workflow_id="wf-2")
    # A new attempt after a clinician raised the acuity: new message id, same workflow.
    raised = case(acuity=4, resources=0)
    raised.acuity_override = 2
    second = await run_command(
        service, command_envelope("billing", raised, workflow_id="wf-2", attempt=2)
    )
    assert first.ok
    assert second.ok
    assert first.billing.billing_id == second.billing.billing_id
    assert (first.billing.cpt_code, second.billing.cpt_code) == ("99282", "99285")
    assert await _record_count(platform) == 1
    async with platform.db.session() as session:
        after = await get_billing_for_workflow(session, workflow_id="wf-2")
    assert before is not None
    assert after is not None
    assert after.cpt_code == "99285"
    assert after.created_at == before.created_at
    assert after.updated_at >= before.updated_at


async def test_a_redelivered_message_is_not_billed_twice(platform: Platform) -> None:
    service = build(platform)
    envelope = command_envelope("billing", case(), workflow_id="wf-3")
    first = await run_command(service, envelope)
    second = await run_command(service, envelope)
    assert first == second
    assert await _record_count(platform) == 1


async def test_records_list_per_patient(platform: Platform) -> None:
    service = build(platform)
    for workflow_id in ("wf-a", "wf-b"):
        assert (
            await run_command(service, command_envelope("billing", case(), workflow_id=workflow_id))
        ).ok
    other = case()
    other.patient_id = "patient-2"
    assert (await run_command(service, command_envelope("billing", other, workflow_id="wf-c"))).ok
    async with platform.db.session() as session:
        mine = await list_for_patient(session, patient_id="patient-1")
        unknown = await get_billing_for_workflow(session, workflow_id="missing")
    assert sorted(r.workflow_id for r in mine) == ["wf-a", "wf-b"]
    assert unknown is None
