"""What a visit record keeps of the workflow's findings. Pure: no I/O."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from emergisphere.v1.agents_pb2 import Case
from emergisphere_runtime.messages import to_dict
from records.rules import Conflict


def effective_acuity(case: Case) -> int | None:
    """The clinician's override when present, else triage's ESI level; None when unknown."""
    if case.HasField("acuity_override"):
        acuity = case.acuity_override
    else:
        acuity = case.triage.acuity if case.HasField("triage") else 0
    return acuity or None


def visited_at(case: Case, *, now: datetime) -> datetime:
    """When the visit happened: arrival, else the device reading that started it, else now."""
    if case.intake.HasField("arrived_at"):
        return case.intake.arrived_at.ToDatetime(tzinfo=UTC)
    if case.HasField("device_scan") and case.device_scan.HasField("measured_at"):
        return case.device_scan.measured_at.ToDatetime(tzinfo=UTC)
    return now


def planned_medications(case: Case) -> list[str]:
    return list(case.triage.planned_medications) if case.HasField("triage") else []


def visit_summary(case: Case, *, alerts: list[Conflict]) -> dict[str, Any]:
    """Upstream results present in this workflow, in their API (proto JSON) shape."""
    summary: dict[str, Any] = {"workflow_type": case.workflow_type}
    if case.intake.HasField("vitals"):
        summary["intake_vitals"] = to_dict(case.intake.vitals)
    if case.HasField("triage"):
        summary["triage"] = to_dict(case.triage)
    if case.HasField("acuity_override"):
        summary["acuity_override"] = case.acuity_override
    if case.HasField("device"):
        summary["device"] = to_dict(case.device)
    if case.HasField("device_scan"):
        summary["device_scan"] = to_dict(case.device_scan)
    summary["planned_medications"] = planned_medications(case)
    summary["alerts"] = [asdict(alert) for alert in alerts]
    return summary
