"""The workflow state machine, driven step by step without any I/O."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from emergisphere.v1.agents_pb2 import Case, TriageResult
from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere.v1.workflow_pb2 import StepResult
from emergisphere_runtime.workflow import engine
from emergisphere_runtime.workflow.definitions import get_definition
from emergisphere_runtime.workflow.engine import Effects, Override, OverrideRejected
from emergisphere_runtime.workflow.models import Workflow

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def new(workflow_type: str = "emergency") -> Workflow:
    case = Case()
    case.intake.chief_complaint = "chest pain"
    return engine.create(
        workflow_id="wf-1", definition=get_definition(workflow_type), case=case, now=T0
    )


def dispatched(fx: Effects) -> list[str]:
    return [env.step_id for _, env in fx.dispatches]


def steps(workflow: Workflow) -> dict[str, str]:
    return {s.step_id: s.status for s in workflow.steps}


def reply(workflow: Workflow, step_id: str, *, ok: bool = True, **output: object) -> Envelope:
    step = next(s for s in workflow.steps if s.step_id == step_id)
    env = Envelope(workflow_id=workflow.id, step_id=step_id, attempt=step.attempt)
    result = StepResult(agent=step.agent, ok=ok, error="" if ok else "boom")
    if ok:
        field = getattr(result, step.agent)
        for key, value in output.items():
            setattr(field, key, value)
        field.SetInParent()
    env.step_result.CopyFrom(result)
    return env


def complete(workflow: Workflow, step_id: str, now: datetime, **output: object) -> Effects:
    fx = Effects()
    assert engine.apply_result(workflow, reply(workflow, step_id, **output), now, fx)
    return fx


def test_only_steps_without_dependencies_start_first() -> None:
    wf, fx = new(), Effects()
    engine.advance(wf, T0, fx)
    assert dispatched(fx) == ["triage"]
    assert steps(wf)["triage"] == "running"


def test_independent_steps_run_in_parallel_after_admission() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    complete(wf, "triage", T0, acuity=3)
    fx = complete(wf, "admission", T0, patient_id="p-1", mrn="MRN-1")
    assert set(dispatched(fx)) == {"legal", "records", "device", "billing", "scheduling"}
    # Communication waits for legal's consent decision.
    assert steps(wf)["communication"] == "pending"
    assert wf.patient_id == "p-1"


def test_acuity_one_or_two_alerts_staff_at_once() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    fx = complete(wf, "triage", T0, acuity=2)
    assert "staff_alert" in dispatched(fx)
    assert wf.acuity == 2
    alert = next(env for _, env in fx.dispatches if env.step_id == "staff_alert")
    assert alert.communication_command.purpose == "staff_alert"


def test_acuity_three_does_not_alert_staff() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    fx = complete(wf, "triage", T0, acuity=3)
    assert "staff_alert" not in dispatched(fx)


def run_to_end(wf: Workflow, now: datetime) -> None:
    for _ in range(20):
        engine.advance(wf, now, Effects())
        while running := [s for s in wf.steps if s.status == "running"]:
            for step in running:
                complete(wf, step.step_id, now)
        if wf.status == "completed":
            return
        now += timedelta(seconds=60)  # let any retry backoff run out


def test_workflow_completes_when_every_step_is_done() -> None:
    wf = new()
    run_to_end(wf, T0)
    assert wf.status == "completed"
    assert set(steps(wf).values()) == {"completed"}
    assert wf.completed_at == T0


def test_a_failed_attempt_is_retried_after_backoff() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    fx = Effects()
    engine.apply_result(wf, reply(wf, "triage", ok=False), T0, fx)
    triage = wf.steps[0]
    assert triage.status == "pending"
    assert triage.not_before == T0 + timedelta(seconds=triage.backoff_seconds)
    assert wf.wake_at == triage.not_before
    early = Effects()
    engine.advance(wf, T0 + timedelta(seconds=0.1), early)
    assert dispatched(early) == []
    due = Effects()
    engine.advance(wf, triage.not_before, due)
    assert dispatched(due) == ["triage"]
    assert triage.attempt == 2


def test_a_step_past_its_deadline_times_out_and_is_retried() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    triage = wf.steps[0]
    engine.advance(wf, T0 + timedelta(seconds=triage.timeout_seconds), Effects())
    assert triage.status == "pending"
    assert triage.error == "timed out"


def test_a_late_failure_of_an_old_attempt_is_ignored() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    stale = reply(wf, "triage", ok=False)
    triage = wf.steps[0]
    engine.advance(wf, T0 + timedelta(seconds=triage.timeout_seconds), Effects())  # timed out
    engine.advance(wf, T0 + timedelta(seconds=30), Effects())  # attempt 2 running
    assert triage.attempt == 2
    assert not engine.apply_result(wf, stale, T0 + timedelta(seconds=31), Effects())
    assert triage.status == "running"
    assert triage.error == "timed out"


def test_a_late_success_of_an_old_attempt_completes_the_step() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    late = reply(wf, "triage", acuity=2)
    triage = wf.steps[0]
    engine.advance(wf, T0 + timedelta(seconds=triage.timeout_seconds), Effects())
    engine.advance(wf, T0 + timedelta(seconds=30), Effects())  # attempt 2 running
    fx = Effects()
    assert engine.apply_result(wf, late, T0 + timedelta(seconds=31), fx)
    assert triage.status == "completed"
    assert wf.acuity == 2
    assert "admission" in dispatched(fx)


def test_a_late_success_heals_a_workflow_escalated_by_timeouts() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    late = reply(wf, "triage", acuity=3)
    triage = wf.steps[0]
    now = T0
    while triage.status != "failed":  # every attempt times out
        now += timedelta(seconds=60)
        engine.advance(wf, now, Effects())
    assert wf.status == "escalated"
    assert engine.apply_result(wf, late, now, Effects())
    assert triage.status == "completed"
    assert wf.status == "running"


def test_a_duplicate_reply_is_applied_once() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    env = reply(wf, "triage", acuity=3)
    assert engine.apply_result(wf, env, T0, Effects())
    assert not engine.apply_result(wf, env, T0, Effects())


def exhaust(wf: Workflow, step_id: str, now: datetime) -> None:
    step = next(s for s in wf.steps if s.step_id == step_id)
    while step.status != "failed":
        engine.advance(wf, now, Effects())
        if step.status == "running":
            engine.apply_result(wf, reply(wf, step_id, ok=False), now, Effects())
        now += timedelta(seconds=60)


def test_a_failed_blocking_step_escalates_and_alerts_staff() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    exhaust(wf, "triage", T0)
    assert wf.status == "escalated"
    assert any(s.step_id == "escalation_alert" for s in wf.steps)
    assert steps(wf)["admission"] == "pending"


def test_a_failed_advisory_step_is_recorded_and_the_workflow_goes_on() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    complete(wf, "triage", T0, acuity=3)
    complete(wf, "admission", T0)
    exhaust(wf, "billing", T0)
    assert steps(wf)["billing"] == "failed"
    assert wf.status == "running"
    run_to_end(wf, T0 + timedelta(hours=1))
    assert wf.status == "completed"


def test_override_skip_resolves_an_escalation() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    exhaust(wf, "triage", T0)
    audit = engine.apply_override(
        wf,
        Override(action="skip", actor="dr-a", reason="triaged by hand", step_id="triage"),
        T0,
        Effects(),
    )
    assert wf.status == "running"
    assert steps(wf)["admission"] == "running"
    assert audit.actor == "dr-a"
    assert audit.action == "skip"
    assert audit.detail["previous_step_status"] == "failed"


def test_override_retry_gives_a_failed_step_new_attempts() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    exhaust(wf, "triage", T0)
    fx = Effects()
    engine.apply_override(
        wf,
        Override(action="retry", actor="dr-a", reason="system back", step_id="triage"),
        T0,
        fx,
    )
    assert "triage" in dispatched(fx)
    assert wf.status == "running"


def test_override_force_runs_a_step_before_its_dependencies() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    fx = Effects()
    engine.apply_override(
        wf,
        Override(action="force", actor="dr-a", reason="book now", step_id="scheduling"),
        T0,
        fx,
    )
    assert "scheduling" in dispatched(fx)


def test_override_change_acuity_wins_and_alerts_when_urgent() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    complete(wf, "triage", T0, acuity=4)
    fx = Effects()
    audit = engine.apply_override(
        wf,
        Override(action="change_acuity", actor="dr-a", reason="looks grey", acuity=2),
        T0,
        fx,
    )
    assert wf.acuity == 2
    assert engine.load_case(wf).acuity_override == 2
    assert audit.detail == {"previous_status": "running", "previous_acuity": 4, "acuity": 2}
    assert "staff_alert" in dispatched(fx)


def test_override_rejects_unknown_step_and_invalid_transitions() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    with pytest.raises(OverrideRejected):
        engine.apply_override(
            wf, Override(action="skip", actor="a", reason="r", step_id="nope"), T0, Effects()
        )
    with pytest.raises(OverrideRejected):
        engine.apply_override(
            wf, Override(action="retry", actor="a", reason="r", step_id="triage"), T0, Effects()
        )


def test_triage_result_is_merged_into_the_case_for_later_steps() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    complete(wf, "triage", T0, acuity=3, expected_resources=2)
    fx = complete(wf, "admission", T0, patient_id="p-9")
    billing = next(env for _, env in fx.dispatches if env.step_id == "billing")
    assert billing.billing_command.case.triage == TriageResult(acuity=3, expected_resources=2)
    assert billing.billing_command.case.patient_id == "p-9"


def test_resend_running_reuses_the_same_message_ids() -> None:
    wf = new()
    first = Effects()
    engine.advance(wf, T0, first)
    again = Effects()
    engine.resend_running(wf, again)
    assert [e.message_id for _, e in again.dispatches] == [
        e.message_id for _, e in first.dispatches
    ]


def test_raising_acuity_after_completion_still_pages_staff() -> None:
    wf = new()
    run_to_end(wf, T0)
    fx = Effects()
    engine.apply_override(
        wf, Override(action="change_acuity", actor="dr-a", reason="worse", acuity=1), T0, fx
    )
    assert "staff_alert" in dispatched(fx)
    assert wf.status == "running"
    complete(wf, "staff_alert", T0)
    assert wf.status == "completed"


def test_contact_details_on_file_fill_gaps_in_the_intake() -> None:
    wf = new()
    engine.advance(wf, T0, Effects())
    complete(wf, "triage", T0, acuity=3)
    fx = complete(wf, "admission", T0, patient_id="p-1", phone="+15550001")
    case = next(env for _, env in fx.dispatches if env.step_id == "records").records_command.case
    assert case.intake.patient.phone == "+15550001"


def test_emergency_triage_and_staff_alerts_are_urgent_and_the_rest_routine() -> None:
    wf = new()
    first = Effects()
    engine.advance(wf, T0, first)
    assert [env.urgent for _, env in first.dispatches] == [True]  # triage
    fx = complete(wf, "triage", T0, acuity=1)
    urgency = {env.step_id: env.urgent for _, env in fx.dispatches}
    assert urgency == {"admission": False, "staff_alert": True}
    regular, routine = new("regular"), Effects()
    engine.advance(regular, T0, routine)
    complete(regular, "admission", T0)
    assert not any(env.urgent for _, env in routine.dispatches)
