"""The device API: register, scan, store a report, get vital signs, emergency check."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel

from device import service as devices
from device.models import (
    DeviceCreate,
    DeviceRead,
    EmergencyCheckRead,
    LatestVitalsRead,
    ReadingRead,
    ReportCreate,
    ReportRead,
    ScanCreate,
)
from device.rules import emergency_check
from device.vitals import vitals_dict, vitals_proto
from emergisphere.v1.agents_pb2 import Case
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from gateway.deps import PlatformDep, SessionDep
from gateway.patients import patient_case_or_404, require_patient
from gateway.starting import start_workflow

router = APIRouter(prefix="/api/v1", tags=["devices"])


class ScanAccepted(BaseModel):
    reading: ReadingRead
    check: EmergencyCheckRead
    workflow_id: str
    workflow_type: Literal["device_scan", "emergency_device"]


class EmergencyCheckResult(BaseModel):
    check: EmergencyCheckRead
    vitals: LatestVitalsRead
    workflow_id: str | None


async def _device_or_404(session: SessionDep, device_id: str) -> DeviceRead:
    device = await devices.get_device(session, device_id=device_id)
    if device is None:
        raise HTTPException(status_code=404, detail="device not found")
    return device


@router.post("/devices", response_model=DeviceRead, status_code=status.HTTP_201_CREATED)
async def register_device(body: DeviceCreate, platform: PlatformDep) -> DeviceRead:
    async with platform.db.transaction() as session:
        await require_patient(session, body.patient_id)
        try:
            return await devices.register_device(
                session,
                patient_id=body.patient_id,
                kind=body.kind,
                serial=body.serial,
                label=body.label,
            )
        except devices.DeviceConflict as exc:
            raise HTTPException(status_code=409, detail=str(exc)) from None


@router.get("/devices/{device_id}", response_model=DeviceRead)
async def get_device(device_id: str, session: SessionDep) -> DeviceRead:
    return await _device_or_404(session, device_id)


@router.get("/patients/{patient_id}/devices", response_model=list[DeviceRead])
async def patient_devices(patient_id: str, session: SessionDep) -> list[DeviceRead]:
    await require_patient(session, patient_id)
    return await devices.list_devices(session, patient_id=patient_id)


async def _start_device_workflow(
    platform: Platform, device: DeviceRead, scan: Case, *, emergency: bool
) -> str:
    workflow_type = "emergency_device" if emergency else "device_scan"
    async with platform.db.session() as session:
        case = await patient_case_or_404(session, device.patient_id)
    case.MergeFrom(scan)
    workflow = await start_workflow(
        platform, workflow_type=workflow_type, case=case, patient_id=device.patient_id
    )
    return workflow.id


@router.post(
    "/devices/{device_id}/scans", response_model=ScanAccepted, status_code=status.HTTP_202_ACCEPTED
)
async def scan(device_id: str, body: ScanCreate, platform: PlatformDep) -> ScanAccepted:
    """Store a reading and start its workflow: an emergency one when thresholds are crossed."""
    async with platform.db.session() as session:
        device = await _device_or_404(session, device_id)
    measured_at = body.measured_at or utcnow()
    vitals, glucose = body.vital_signs(), body.glucose_mg_dl
    try:
        reading = await devices.record_scan(
            platform.docs, device=device, vitals=vitals, measured_at=measured_at, glucose=glucose
        )
    except devices.DeviceError as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    check = emergency_check(vitals, glucose)
    scan_case = Case()
    scan_case.device_scan.device_id = device.id
    scan_case.device_scan.vitals.CopyFrom(vitals_proto(vitals_dict(vitals, glucose)))
    scan_case.device_scan.measured_at.FromDatetime(measured_at)
    workflow_id = await _start_device_workflow(
        platform, device, scan_case, emergency=check.emergency
    )
    return ScanAccepted(
        reading=reading,
        check=EmergencyCheckRead.from_check(check),
        workflow_id=workflow_id,
        workflow_type="emergency_device" if check.emergency else "device_scan",
    )


@router.post(
    "/devices/{device_id}/reports", response_model=ReportRead, status_code=status.HTTP_201_CREATED
)
async def store_report(device_id: str, body: ReportCreate, platform: PlatformDep) -> ReportRead:
    async with platform.db.session() as session:
        device = await _device_or_404(session, device_id)
    return await devices.store_report(
        platform.docs,
        device=device,
        kind=body.kind,
        summary=body.summary,
        data=body.data,
        report_id=body.id,
    )


@router.get("/devices/{device_id}/vitals", response_model=LatestVitalsRead)
async def device_vitals(device_id: str, platform: PlatformDep) -> LatestVitalsRead:
    async with platform.db.session() as session:
        await _device_or_404(session, device_id)
    return await devices.latest_vitals(platform.docs, device_id=device_id)


@router.get("/patients/{patient_id}/vitals", response_model=LatestVitalsRead)
async def patient_vitals(patient_id: str, platform: PlatformDep) -> LatestVitalsRead:
    async with platform.db.session() as session:
        await require_patient(session, patient_id)
    return await devices.latest_vitals(platform.docs, patient_id=patient_id)


@router.post("/devices/{device_id}/emergency-check", response_model=EmergencyCheckResult)
async def check_emergency(device_id: str, platform: PlatformDep) -> EmergencyCheckResult:
    """Check the device's latest vitals; an emergency starts the emergency_device workflow."""
    async with platform.db.session() as session:
        device = await _device_or_404(session, device_id)
    latest = await devices.latest_vitals(platform.docs, device_id=device_id)
    if not latest.vitals:
        raise HTTPException(status_code=409, detail="device has no readings to check")
    check = emergency_check(latest.vital_signs(), latest.glucose())
    workflow_id = None
    if check.emergency:
        workflow_id = await _start_device_workflow(platform, device, Case(), emergency=True)
    return EmergencyCheckResult(
        check=EmergencyCheckRead.from_check(check), vitals=latest, workflow_id=workflow_id
    )
