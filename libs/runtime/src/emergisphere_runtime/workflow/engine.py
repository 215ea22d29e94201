"""The workflow state machine. Pure functions over persisted rows; the caller commits.

Every function mutates a loaded ``Workflow`` and appends what must happen after the commit
(commands to dispatch, events to publish) to an ``Effects``. Committing first and sending
after means a crash can only lose a send, which the orchestrator re-sends on restart; it
can never send for a state that was not stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere.v1.workflow_pb2 import StepResult, WorkflowEvent
from emergisphere_runtime import topics
from emergisphere_runtime.messages import derived_id, new_envelope, to_dict
from emergisphere_runtime.workflow.definitions import WorkflowDefinition, get_definition
from emergisphere_runtime.workflow.models import AuditEntry, Step, Workflow

PRODUCER = "orchestrator"
MAX_BACKOFF_SECONDS = 30.0
TERMINAL = frozenset({"completed", "failed", "skipped"})
# Results merged into the Case under the agent's own field name.
CASE_FIELDS = frozenset(
    {"triage", "admission", "legal", "records", "device", "billing", "scheduling"}
)
STAFF_ALERT = "staff_alert"
ESCALATION_ALERT = "escalation_alert"
ALERT_MAX_ATTEMPTS = 5
ALERT_TIMEOUT_SECONDS = 5.0
# Workflows whose triage is on the door-to-acuity clock.
URGENT_WORKFLOWS = frozenset({"emergency", "emergency_device"})


@dataclass
class Effects:
    dispatches: list[tuple[str, Envelope]] = field(default_factory=list)
    events: list[WorkflowEvent] = field(default_factory=list)
    # (agent, seconds from dispatch to result) for step-latency metrics.
    step_latencies: list[tuple[str, float]] = field(default_factory=list)
    # (workflow type, seconds from intake accepted to acuity known).
    door_to_triage: list[tuple[str, float]] = field(default_factory=list)
    # (workflow type, seconds from start to completion).
    completions: list[tuple[str, float]] = field(default_factory=list)


class OverrideRejected(ValueError):
    """The override does not apply to the workflow's current state."""


@dataclass(frozen=True)
class Override:
    action: Literal["change_acuity", "skip", "retry", "force"]
    actor: str
    reason: str
    step_id: str | None = None
    acuity: int | None = None


def load_case(workflow: Workflow) -> Case:
    return Case.FromString(workflow.case_proto)


def effective_acuity(case: Case) -> int | None:
    if case.HasField("acuity_override"):
        return case.acuity_override
    return case.triage.acuity or None


def create(
    *,
    workflow_id: str,
    definition: WorkflowDefinition,
    case: Case,
    now: datetime,
    idempotency_key: str | None = None,
) -> Workflow:
    case.workflow_type = definition.type
    workflow = Workflow(
        id=workflow_id,
        type=definition.type,
        status="running",
        patient_id=case.patient_id or None,
        case_proto=case.SerializeToString(),
        wake_at=now,
        idempotency_key=idempotency_key,
        created_at=now,
        updated_at=now,
    )
    workflow.steps = [
        Step(
            step_id=s.id,
            agent=s.agent,
            kind="step",
            position=i,
            status="pending",
            policy=s.policy,
            after=list(s.after),
            attempt=0,
            max_attempts=s.max_attempts,
            timeout_seconds=s.timeout_seconds,
            backoff_seconds=s.backoff_seconds,
            purpose="workflow_update" if s.agent == "communication" else "",
        )
        for i, s in enumerate(definition.steps)
    ]
    return workflow


def _event(workflow: Workflow, kind: str, now: datetime, step: Step | None = None) -> WorkflowEvent:
    event = WorkflowEvent(
        workflow_id=workflow.id,
        workflow_type=workflow.type,
        kind=kind,
        workflow_status=workflow.status,
        patient_id=workflow.patient_id or "",
        acuity=workflow.acuity or 0,
    )
    if step is not None:
        event.step_id = step.step_id
        event.agent = step.agent
        event.step_status = step.status
    event.at.FromDatetime(now)
    return event


def _dependencies_done(workflow: Workflow, step: Step) -> bool:
    by_id = {s.step_id: s for s in workflow.steps}
    for dep in step.after:
        other = by_id[dep]
        done = other.status in ("completed", "skipped") or (
            other.status == "failed" and other.policy == "advisory"
        )
        if not done:
            return False
    return True


def command_for(workflow: Workflow, step: Step, case: Case) -> Envelope:
    envelope = new_envelope(
        producer=PRODUCER,
        workflow_id=workflow.id,
        step_id=step.step_id,
        attempt=step.attempt,
        # The same attempt always carries the same id, so a re-send after a restart is
        # recognised by the agent's inbox instead of being done twice.
        message_id=derived_id(workflow.id, step.step_id, str(step.attempt)),
    )
    envelope.urgent = step.kind == "alert" or (
        step.agent == "triage" and workflow.type in URGENT_WORKFLOWS
    )
    command = getattr(envelope, f"{step.agent}_command")
    command.case.CopyFrom(case)
    if step.agent == "communication":
        command.purpose = step.purpose
    return envelope


def _dispatch(workflow: Workflow, step: Step, case: Case, now: datetime, fx: Effects) -> None:
    step.status = "running"
    step.attempt += 1
    step.not_before = None
    step.dispatched_at = now
    step.deadline = now + timedelta(seconds=step.timeout_seconds)
    if step.started_at is None:
        step.started_at = now
    fx.dispatches.append((topics.agent_commands(step.agent), command_for(workflow, step, case)))
    fx.events.append(_event(workflow, "step_started", now, step))


def _add_alert(workflow: Workflow, step_id: str, purpose: str) -> None:
    if any(s.step_id == step_id for s in workflow.steps):
        return
    if workflow.status == "completed":
        # A late override (acuity raised after the chain finished) still pages staff.
        workflow.status = "running"
        workflow.completed_at = None
    workflow.steps.append(
        Step(
            step_id=step_id,
            agent="communication",
            kind="alert",
            position=len(workflow.steps),
            status="pending",
            policy="advisory",
            after=[],
            attempt=0,
            max_attempts=ALERT_MAX_ATTEMPTS,
            timeout_seconds=ALERT_TIMEOUT_SECONDS,
            backoff_seconds=0.2,
            purpose=purpose,
        )
    )


def _alert_staff_if_urgent(workflow: Workflow, case: Case, now: datetime) -> None:
    acuity = effective_acuity(case)
    workflow.acuity = acuity
    if acuity is not None and acuity <= 2 and workflow.staff_alerted_at is None:
        # ESI 1-2: staff hear at once, without waiting for the rest of the chain.
        workflow.staff_alerted_at = now
        _add_alert(workflow, STAFF_ALERT, "staff_alert")


def _fail_attempt(workflow: Workflow, step: Step, error: str, now: datetime, fx: Effects) -> None:
    step.error = error
    step.deadline = None
    if step.attempt < step.max_attempts:
        step.status = "pending"
        delay = min(step.backoff_seconds * 2 ** (step.attempt - 1), MAX_BACKOFF_SECONDS)
        step.not_before = now + timedelta(seconds=delay)
        fx.events.append(_event(workflow, "step_retrying", now, step))
        return
    step.status = "failed"
    step.finished_at = now
    fx.events.append(_event(workflow, "step_failed", now, step))
    if step.policy == "blocking" and workflow.status == "running":
        workflow.status = "escalated"
        _add_alert(workflow, ESCALATION_ALERT, "escalation")
        fx.events.append(_event(workflow, "workflow_escalated", now))


def advance(workflow: Workflow, now: datetime, fx: Effects) -> None:
    """Time out overdue steps, dispatch every ready step, settle the workflow's status."""
    workflow.updated_at = now
    if workflow.status not in ("running", "escalated"):
        workflow.wake_at = None
        return
    case = load_case(workflow)
    for step in workflow.steps:
        if step.status == "running" and step.deadline is not None and step.deadline <= now:
            _fail_attempt(workflow, step, "timed out", now, fx)
    # Steps whose dependencies are met keep running even when the workflow is escalated:
    # a failed step elsewhere must not hold back care that does not depend on it.
    for step in workflow.steps:
        ready = step.status == "pending" and _dependencies_done(workflow, step)
        if ready and (step.not_before is None or step.not_before <= now):
            _dispatch(workflow, step, case, now, fx)
    _settle(workflow, now, fx)


def _settle(workflow: Workflow, now: datetime, fx: Effects) -> None:
    blocking_failed = any(s.status == "failed" and s.policy == "blocking" for s in workflow.steps)
    if workflow.status == "escalated" and not blocking_failed:
        workflow.status = "running"
    finished = all(s.status in TERMINAL for s in workflow.steps) and not blocking_failed
    if finished and workflow.status != "completed":
        workflow.status = "completed"
        workflow.completed_at = now
        fx.events.append(_event(workflow, "workflow_completed", now))
        fx.completions.append((workflow.type, (now - workflow.created_at).total_seconds()))
    wakes = [s.deadline for s in workflow.steps if s.status == "running" and s.deadline]
    wakes += [
        s.not_before
        for s in workflow.steps
        if s.status == "pending" and s.not_before and _dependencies_done(workflow, s)
    ]
    workflow.wake_at = min(wakes) if wakes else None


def apply_result(workflow: Workflow, envelope: Envelope, now: datetime, fx: Effects) -> bool:
    """Record one agent reply. Stale or repeated replies are ignored (returns False)."""
    step = next((s for s in workflow.steps if s.step_id == envelope.step_id), None)
    if step is None or step.status in ("completed", "skipped"):
        return False
    result: StepResult = envelope.step_result
    current = step.status == "running" and step.attempt == envelope.attempt
    # A success that arrives after its attempt timed out is still the step's work, done
    # (agents are idempotent per workflow, so any attempt's result is the result): under a
    # backlog, waiting for a retry that queues behind the same backlog only delays care, and
    # throwing the work away would escalate a workflow whose step in fact succeeded. A late
    # failure says nothing about the attempt now running, so it is ignored.
    late_success = result.ok and 0 < envelope.attempt <= step.attempt
    if not current and not late_success:
        return False
    if step.dispatched_at is not None:
        fx.step_latencies.append((step.agent, (now - step.dispatched_at).total_seconds()))
    if not result.ok:
        _fail_attempt(workflow, step, result.error or "agent failed", now, fx)
        advance(workflow, now, fx)
        return True

    field_name = result.WhichOneof("output")
    output = getattr(result, field_name) if field_name else None
    step.status = "completed"
    step.finished_at = now
    step.deadline = None
    step.error = None
    step.output = to_dict(output) if output is not None else {}
    case = load_case(workflow)
    if field_name in CASE_FIELDS and output is not None and step.kind == "step":
        getattr(case, field_name).CopyFrom(output)
    if field_name == "admission":
        admitted = result.admission
        case.patient_id = admitted.patient_id
        case.mrn = admitted.mrn
        case.encounter_id = admitted.encounter_id
        workflow.patient_id = case.patient_id
        # Contact details on file fill what the intake left out (an appointment request
        # without a phone number still gets its confirmation).
        patient = case.intake.patient
        if not patient.phone:
            patient.phone = admitted.phone
        if not patient.emergency_contacts:
            patient.emergency_contacts.extend(admitted.emergency_contacts)
    if field_name == "triage":
        fx.door_to_triage.append((workflow.type, (now - workflow.created_at).total_seconds()))
        _alert_staff_if_urgent(workflow, case, now)
    workflow.case_proto = case.SerializeToString()
    fx.events.append(_event(workflow, "step_completed", now, step))
    if step.step_id == STAFF_ALERT:
        fx.events.append(_event(workflow, "staff_alerted", now, step))
    advance(workflow, now, fx)
    return True


def resend_running(workflow: Workflow, fx: Effects) -> None:
    """Re-send the command of every running step (after a restart lost the in-flight ones)."""
    case = load_case(workflow)
    for step in workflow.steps:
        if step.status == "running":
            fx.dispatches.append(
                (topics.agent_commands(step.agent), command_for(workflow, step, case))
            )


def _step(workflow: Workflow, step_id: str | None) -> Step:
    step = next((s for s in workflow.steps if s.step_id == step_id), None)
    if step is None:
        raise OverrideRejected(f"workflow has no step {step_id!r}")
    return step


def _fresh_budget(workflow: Workflow, step: Step) -> None:
    if step.kind == "step":
        planned = {s.id: s for s in get_definition(workflow.type).steps}[step.step_id]
        step.max_attempts = step.attempt + planned.max_attempts
    else:
        step.max_attempts = step.attempt + ALERT_MAX_ATTEMPTS
    step.finished_at = None
    step.error = None


def apply_override(
    workflow: Workflow, override: Override, now: datetime, fx: Effects
) -> AuditEntry:
    """Apply a clinician's override and return its audit entry (the caller adds it)."""
    detail: dict[str, object] = {"previous_status": workflow.status}
    if override.action == "change_acuity":
        if override.acuity is None or not 1 <= override.acuity <= 5:
            raise OverrideRejected("acuity must be between 1 and 5")
        case = load_case(workflow)
        detail["previous_acuity"] = effective_acuity(case)
        detail["acuity"] = override.acuity
        case.acuity_override = override.acuity
        _alert_staff_if_urgent(workflow, case, now)
        workflow.case_proto = case.SerializeToString()
    else:
        step = _step(workflow, override.step_id)
        detail["previous_step_status"] = step.status
        if override.action == "skip":
            if step.status in ("completed", "skipped"):
                raise OverrideRejected(f"step {step.step_id} is already {step.status}")
            step.status = "skipped"
            step.finished_at = now
            step.deadline = None
            step.not_before = None
        elif override.action == "retry":
            if step.status not in ("failed", "skipped", "completed"):
                raise OverrideRejected(f"step {step.step_id} is {step.status}; nothing to retry")
            step.status = "pending"
            step.not_before = None
            _fresh_budget(workflow, step)
        else:  # force: run now, whatever its dependencies or backoff say
            if step.status == "running":
                raise OverrideRejected(f"step {step.step_id} is already running")
            if step.status != "pending":
                _fresh_budget(workflow, step)
            step.status = "pending"
            _dispatch(workflow, step, load_case(workflow), now, fx)
        if workflow.status == "completed" and step.status != "skipped":
            workflow.status = "running"
            workflow.completed_at = None
    fx.events.append(_event(workflow, "override_applied", now))
    advance(workflow, now, fx)
    return AuditEntry(
        workflow_id=workflow.id,
        at=now,
        actor=override.actor,
        action=override.action,
        step_id=override.step_id,
        reason=override.reason,
        detail=detail,
    )
