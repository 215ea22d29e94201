"""The triage agent through the real agent runtime."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import Vitals
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.testing import command_envelope, run_command
from triage.agent import build
from triage.audit import COLLECTION, audit_id


def chest_pain_case() -> Case:
    case = Case(workflow_type="emergency")
    intake = case.intake
    intake.patient.first_name = "John"
    intake.patient.last_name = "Carter"
    intake.patient.national_health_id = "943-476-5919"
    intake.patient.date_of_birth = "1958-03-14"
    intake.patient.sex = "male"
    intake.chief_complaint = "chest pain radiating to left arm, sweating"
    intake.arrival_mode = "ambulance"
    intake.vitals.CopyFrom(
        Vitals(heart_rate=118, respiratory_rate=24, spo2=91, systolic_bp=92, consciousness="A")
    )
    intake.arrived_at.FromDatetime(datetime(2025, 6, 1, 9, 30, tzinfo=UTC))
    return case


def acuity_count(platform: Platform, level: int) -> float:
    value = platform.metrics.registry.get_sample_value(
        "emergisphere_triage_acuity_total", {"level": str(level)}
    )
    return value or 0.0


async def test_reference_chest_pain_is_urgent_with_high_news2(platform: Platform) -> None:
    service = build(platform)
    result = await run_command(
        service, command_envelope("triage", chest_pain_case(), workflow_id="wf-ref")
    )
    assert result.ok
    assert 1 <= result.triage.acuity <= 2
    assert result.triage.news2.score >= 7
    assert result.triage.news2.band == "high"
    assert result.triage.reasons
    assert all(r.rule and r.text and r.source for r in result.triage.reasons)
    assert "temperature_c" in result.triage.missing_data


async def test_assessment_is_audited_without_identity(platform: Platform) -> None:
    service = build(platform)
    result = await run_command(
        service, command_envelope("triage", chest_pain_case(), workflow_id="wf-audit")
    )
    audit = await platform.docs.get(COLLECTION, audit_id("wf-audit"))
    assert audit is not None
    assert audit["acuity"] == result.triage.acuity
    assert audit["news2"]["score"] == result.triage.news2.score
    assert audit["rules"] == [r.rule for r in result.triage.reasons]
    text = json.dumps(audit)
    for identity in ("John", "Carter", "943-476-5919", "1958-03-14", "radiating"):
        assert identity not in text


async def test_acuity_is_counted_once_per_workflow(platform: Platform) -> None:
    service = build(platform)
    first = command_envelope("triage", chest_pain_case(), workflow_id="wf-count")
    await run_command(service, first)
    await run_command(service, first)  # redelivered: answered from the inbox
    retry = command_envelope("triage", chest_pain_case(), workflow_id="wf-count", attempt=2)
    result = await run_command(service, retry)  # re-sent after a timeout
    assert result.ok
    assert acuity_count(platform, result.triage.acuity) == 1.0


async def test_each_workflow_counts_its_own_acuity(platform: Platform) -> None:
    service = build(platform)
    for workflow_id in ("wf-a", "wf-b"):
        await run_command(
            service, command_envelope("triage", chest_pain_case(), workflow_id=workflow_id)
        )
    assert acuity_count(platform, 2) == 2.0


async def test_device_vitals_reach_triage_in_emergency_device_workflows(
    platform: Platform,
) -> None:
    case = Case(workflow_type="emergency_device", patient_id="p-1")
    case.intake.chief_complaint = "monitor alarm"
    case.device.emergency = True
    case.device.latest_vitals.CopyFrom(
        Vitals(heart_rate=35, spo2=84, respiratory_rate=30, systolic_bp=80, consciousness="V")
    )
    service = build(platform)
    result = await run_command(service, command_envelope("triage", case, workflow_id="wf-dev"))
    assert result.ok
    assert result.triage.acuity == 1
    assert "spo2" not in result.triage.missing_data
    audit = await platform.docs.get(COLLECTION, audit_id("wf-dev"))
    assert audit is not None
    assert set(audit["vitals_from_device"]) == {
        "heart_rate",
        "spo2",
        "respiratory_rate",
        "systolic_bp",
        "consciousness",
    }


async def test_impossible_vitals_fail_the_step_with_a_generic_error(platform: Platform) -> None:
    case = chest_pain_case()
    case.intake.vitals.temperature_c = 400
    service = build(platform)
    result = await run_command(service, command_envelope("triage", case, workflow_id="wf-bad"))
    assert not result.ok
    assert result.error == "vital signs out of physiological range"
    assert await platform.docs.get(COLLECTION, audit_id("wf-bad")) is None
