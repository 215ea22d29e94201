"""The smart health device agent: the patient's devices, latest vitals and alarms."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from device.models import DeviceRead, LatestVitalsRead
from device.rules import emergency_check
from device.seed import seed_demo_devices
from device.service import (
    READINGS,
    DeviceInactive,
    EmptyScan,
    get_device,
    last_reading_at,
    latest_vitals,
    list_devices,
    reading_of_workflow,
    record_scan,
)
from device.vitals import glucose_from_proto, vital_signs_from_proto, vitals_proto
from emergisphere.v1.agents_pb2 import Case, DeviceCommand, DeviceResult
from emergisphere.v1.common_pb2 import DeviceScan
from emergisphere_runtime.agent import AgentContext, AgentError, AgentService, AgentSpec
from emergisphere_runtime.platform import Platform

# Older readings describe a patient who may have changed since; they are not "latest".
READING_WINDOW = timedelta(hours=24)


async def _scanned_device(case: Case, ctx: AgentContext) -> DeviceRead:
    scan = case.device_scan
    if not scan.device_id:
        raise AgentError("device scan without a device id")
    device = await get_device(ctx.session, device_id=scan.device_id)
    if device is None:
        raise AgentError("device scan from an unregistered device")
    if case.patient_id and case.patient_id != device.patient_id:
        # Recording it would put one patient's vitals in another's chart.
        raise AgentError("device is registered to another patient")
    return device


async def _scan_time(scan: DeviceScan, device: DeviceRead, ctx: AgentContext) -> datetime:
    if scan.HasField("measured_at"):
        return scan.measured_at.ToDatetime(tzinfo=UTC)
    # Without a device clock, the first attempt's time stands, so a re-sent command
    # finds the reading it already stored instead of adding a second one.
    earlier = await reading_of_workflow(
        ctx.platform.docs, device_id=device.id, workflow_id=ctx.workflow_id
    )
    return earlier.measured_at if earlier is not None else ctx.now


async def _record(case: Case, device: DeviceRead, ctx: AgentContext) -> None:
    scan = case.device_scan
    try:
        vitals = vital_signs_from_proto(scan.vitals)
        glucose = glucose_from_proto(scan.vitals)
    except (ValueError, TypeError) as exc:
        raise AgentError("device scan vital signs out of physiological range") from exc
    try:
        await record_scan(
            ctx.platform.docs,
            device=device,
            vitals=vitals,
            measured_at=await _scan_time(scan, device, ctx),
            workflow_id=ctx.workflow_id,
            glucose=glucose,
        )
    except (DeviceInactive, EmptyScan) as exc:
        raise AgentError(str(exc)) from exc


def _add_findings(result: DeviceResult, latest: LatestVitalsRead) -> None:
    if not latest.vitals:
        result.reasons.add(
            rule="device.no_readings",
            text="No device readings in the last 24 hours.",
            source="EmergiSphere device agent",
        )
        return
    values = {name: vital.value for name, vital in latest.vitals.items()}
    result.latest_vitals.CopyFrom(vitals_proto(values))
    try:
        check = emergency_check(latest.vital_signs(), latest.glucose())
    except (ValueError, TypeError) as exc:
        raise AgentError("stored device vital signs out of physiological range") from exc
    result.emergency = check.emergency
    result.news2.score = check.news2.score
    result.news2.band = check.news2.band
    result.news2.single_parameter_red = check.news2.single_parameter_red
    for reason in check.reasons:
        result.reasons.add(rule=reason.rule, text=reason.text, source=reason.source)


async def handle(command: DeviceCommand, ctx: AgentContext) -> DeviceResult:
    case = command.case
    docs = ctx.platform.docs
    patient_id = case.patient_id
    if case.HasField("device_scan"):
        device = await _scanned_device(case, ctx)
        patient_id = device.patient_id
        await _record(case, device, ctx)

    result = DeviceResult()
    if not patient_id:
        # Nobody identified yet (no admission, no scan): there is nothing to look up.
        _add_findings(result, LatestVitalsRead(vitals={}, readings_considered=0))
        return result

    for device in await list_devices(ctx.session, patient_id=patient_id):
        summary = result.devices.add(device_id=device.id, kind=device.kind)
        last = await last_reading_at(docs, device_id=device.id)
        if last is not None:
            summary.last_reading_at.FromDatetime(last)
    latest = await latest_vitals(docs, patient_id=patient_id, since=ctx.now - READING_WINDOW)
    result.readings_considered = latest.readings_considered
    _add_findings(result, latest)
    return result


async def on_start(platform: Platform) -> None:
    # latest_vitals (by patient or by device, newest first, also read by the gateway),
    # last_reading_at and reading_of_workflow.
    await platform.docs.ensure_index(READINGS, "patient_id", "measured_at")
    await platform.docs.ensure_index(READINGS, "device_id", "measured_at")
    await platform.docs.ensure_index(READINGS, "device_id", "workflow_id")
    await seed_demo_devices(platform)


def build(platform: Platform) -> AgentService[DeviceCommand, DeviceResult]:
    return AgentService(platform, AgentSpec(name="device", handler=handle, on_start=on_start))
