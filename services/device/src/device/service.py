"""The device domain: registered devices, their readings and reports.

Devices are rows; readings and reports are documents. Every write is keyed so that
posting the same thing twice (a retried upload, a re-sent command) stores it once.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from device.models import (
    Device,
    DeviceRead,
    LatestVital,
    LatestVitalsRead,
    ReadingRead,
    ReportRead,
)
from device.vitals import vitals_dict
from emergisphere_clinical import VitalSigns
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.docstore import DocumentStore
from emergisphere_runtime.messages import derived_id

READINGS = "device_readings"
REPORTS = "device_reports"
# The document store only filters by equality, so a time window is applied after fetching
# the newest readings. A monitor reporting every minute makes 1,440 readings a day.
MAX_READINGS = 2000


class DeviceError(Exception):
    """A refusal of the device domain. Messages carry no patient data."""


class DeviceConflict(DeviceError):
    pass


class DeviceInactive(DeviceError):
    pass


class EmptyScan(DeviceError):
    pass


def timestamp(moment: datetime) -> str:
    """Fixed-width UTC ISO text: equal instants get equal ids and text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("a naive datetime has no defined instant")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


async def _by_serial(session: AsyncSession, serial: str) -> Device | None:
    found: Device | None = await session.scalar(select(Device).where(Device.serial == serial))
    return found


def _same_patient(device: Device, patient_id: str) -> DeviceRead:
    if device.patient_id != patient_id:
        raise DeviceConflict("device serial is registered to another patient")
    # Registering a retired device again for its patient puts it back in service.
    device.active = True
    return DeviceRead.model_validate(device)


async def register_device(
    session: AsyncSession,
    *,
    patient_id: str,
    kind: str,
    serial: str,
    label: str = "",
    now: datetime | None = None,
) -> DeviceRead:
    """Find-or-create by serial. Raises DeviceConflict if another patient has the serial."""
    serial = serial.strip()
    existing = await _by_serial(session, serial)
    if existing is not None:
        return _same_patient(existing, patient_id)
    device = Device(
        id=derived_id("device", serial),
        patient_id=patient_id,
        kind=kind,
        serial=serial,
        label=label,
        registered_at=now or utcnow(),
        active=True,
    )
    try:
        async with session.begin_nested():
            session.add(device)
    except IntegrityError:
        # A concurrent registration of the same serial won the race: use its row.
        winner = await _by_serial(session, serial)
        if winner is None:
            raise
        return _same_patient(winner, patient_id)
    return DeviceRead.model_validate(device)


async def get_device(session: AsyncSession, *, device_id: str) -> DeviceRead | None:
    device = await session.get(Device, device_id)
    return None if device is None else DeviceRead.model_validate(device)


async def list_devices(session: AsyncSession, *, patient_id: str) -> list[DeviceRead]:
    rows = await session.scalars(
        select(Device)
        .where(Device.patient_id == patient_id)
        .order_by(Device.registered_at, Device.id)
    )
    return [DeviceRead.model_validate(row) for row in rows]


async def deactivate_device(session: AsyncSession, *, device_id: str) -> DeviceRead | None:
    """Take a device out of service; it keeps its history but accepts no new scans."""
    device = await session.get(Device, device_id)
    if device is None:
        return None
    device.active = False
    await session.flush()
    return DeviceRead.model_validate(device)


async def record_scan(
    docs: DocumentStore,
    *,
    device: DeviceRead,
    vitals: VitalSigns,
    measured_at: datetime,
    workflow_id: str | None = None,
    glucose: float | None = None,
) -> ReadingRead:
    """Store one reading, once per device and instant; a repeat returns the stored one."""
    if not device.active:
        raise DeviceInactive("device is not active")
    values = vitals_dict(vitals, glucose)
    if not values:
        raise EmptyScan("a scan needs at least one vital sign")
    at = timestamp(measured_at)
    reading_id = derived_id("reading", device.id, at)
    stored = await docs.get(READINGS, reading_id)
    if stored is not None:
        return ReadingRead.from_document(stored)
    document: dict[str, Any] = {
        "device_id": device.id,
        "patient_id": device.patient_id,
        "measured_at": at,
        "vitals": values,
        "workflow_id": workflow_id,
    }
    await docs.put(READINGS, reading_id, document)
    return ReadingRead.from_document({**document, "_id": reading_id})


def _content_digest(kind: str, summary: str, data: dict[str, Any]) -> str:
    canonical = json.dumps([kind, summary, data], sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


async def store_report(
    docs: DocumentStore,
    *,
    device: DeviceRead,
    kind: str,
    summary: str,
    data: dict[str, Any],
    report_id: str | None = None,
    now: datetime | None = None,
) -> ReportRead:
    """Store a device report once. Without a client id, identical content is one report."""
    doc_id = report_id or derived_id("report", device.id, _content_digest(kind, summary, data))
    stored = await docs.get(REPORTS, doc_id)
    if stored is not None:
        if stored["device_id"] != device.id:
            raise DeviceConflict("report id is already used by another device")
        return ReportRead.from_document(stored)
    document: dict[str, Any] = {
        "device_id": device.id,
        "patient_id": device.patient_id,
        "kind": kind,
        "summary": summary,
        "data": data,
        "created_at": timestamp(now or utcnow()),
    }
    await docs.put(REPORTS, doc_id, document)
    return ReportRead.from_document({**document, "_id": doc_id})


async def latest_vitals(
    docs: DocumentStore,
    *,
    patient_id: str | None = None,
    device_id: str | None = None,
    since: datetime | None = None,
) -> LatestVitalsRead:
    """Newest value of each vital over one patient's (or one device's) readings.

    Each vital comes from the newest reading that has it, so a pulse oximeter's SpO2 and
    a cuff's blood pressure combine into one picture, each with its own time.
    """
    if (patient_id is None) == (device_id is None):
        raise ValueError("give exactly one of patient_id or device_id")
    where = {"patient_id": patient_id} if patient_id is not None else {"device_id": device_id}
    readings = await docs.find(
        READINGS, where, sort="measured_at", descending=True, limit=MAX_READINGS
    )
    floor = None if since is None else timestamp(since)
    considered = [r for r in readings if floor is None or r["measured_at"] >= floor]
    latest: dict[str, LatestVital] = {}
    for reading in considered:
        for name, value in reading["vitals"].items():
            if name not in latest:
                latest[name] = LatestVital(
                    value=value,
                    measured_at=datetime.fromisoformat(reading["measured_at"]),
                    device_id=reading["device_id"],
                )
    return LatestVitalsRead(vitals=latest, readings_considered=len(considered))


async def last_reading_at(docs: DocumentStore, *, device_id: str) -> datetime | None:
    newest = await docs.find(
        READINGS, {"device_id": device_id}, sort="measured_at", descending=True, limit=1
    )
    return datetime.fromisoformat(newest[0]["measured_at"]) if newest else None


async def reading_of_workflow(
    docs: DocumentStore, *, device_id: str, workflow_id: str
) -> ReadingRead | None:
    """The reading a workflow already recorded for this device, if any."""
    found = await docs.find(READINGS, {"device_id": device_id, "workflow_id": workflow_id}, limit=1)
    return ReadingRead.from_document(found[0]) if found else None
