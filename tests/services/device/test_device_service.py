"""The device domain: registration, scans, reports and the merged latest vitals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from device.models import DeviceRead, ScanCreate
from device.service import (
    READINGS,
    DeviceConflict,
    DeviceInactive,
    EmptyScan,
    deactivate_device,
    get_device,
    last_reading_at,
    latest_vitals,
    list_devices,
    record_scan,
    register_device,
    store_report,
)
from emergisphere_clinical import VitalSigns
from emergisphere_runtime.platform import Platform

T0 = datetime(2025, 6, 1, 8, 0, tzinfo=UTC)


async def register(
    platform: Platform, *, patient_id: str = "p-1", serial: str = "SN-1", kind: str = "wearable"
) -> DeviceRead:
    async with platform.db.transaction() as session:
        return await register_device(
            session, patient_id=patient_id, kind=kind, serial=serial, label="watch"
        )


async def test_registered_device_can_be_read_back(platform: Platform) -> None:
    device = await register(platform)
    async with platform.db.session() as session:
        assert await get_device(session, device_id=device.id) == device
        assert await list_devices(session, patient_id="p-1") == [device]
        assert await list_devices(session, patient_id="p-2") == []
    assert (device.kind, device.serial, device.label, device.active) == (
        "wearable",
        "SN-1",
        "watch",
        True,
    )


async def test_unknown_device_is_none(platform: Platform) -> None:
    async with platform.db.session() as session:
        assert await get_device(session, device_id="nope") is None


async def test_same_serial_for_the_same_patient_returns_the_existing_device(
    platform: Platform,
) -> None:
    first = await register(platform)
    second = await register(platform, serial=" SN-1 ")
    assert second.id == first.id
    async with platform.db.session() as session:
        assert len(await list_devices(session, patient_id="p-1")) == 1


async def test_same_serial_for_another_patient_is_a_conflict(platform: Platform) -> None:
    await register(platform)
    with pytest.raises(DeviceConflict):
        await register(platform, patient_id="p-2")


async def test_deactivated_device_refuses_scans_until_registered_again(
    platform: Platform,
) -> None:
    device = await register(platform)
    async with platform.db.transaction() as session:
        retired = await deactivate_device(session, device_id=device.id)
    assert retired is not None
    assert not retired.active
    with pytest.raises(DeviceInactive):
        await record_scan(
            platform.docs, device=retired, vitals=VitalSigns(heart_rate=80), measured_at=T0
        )
    again = await register(platform)
    assert again.id == device.id
    assert again.active


async def test_same_scan_posted_twice_is_stored_once(platform: Platform) -> None:
    device = await register(platform)
    vitals = VitalSigns(heart_rate=80, spo2=97)
    first = await record_scan(platform.docs, device=device, vitals=vitals, measured_at=T0)
    # The same instant in another time zone is the same scan.
    later_zone = T0.astimezone(timezone(timedelta(hours=2)))
    second = await record_scan(platform.docs, device=device, vitals=vitals, measured_at=later_zone)
    assert first == second
    assert len(await platform.docs.find(READINGS, {"device_id": device.id})) == 1
    assert first.vitals == {"heart_rate": 80, "spo2": 97}
    assert first.patient_id == "p-1"


async def test_scans_at_different_times_are_separate_readings(platform: Platform) -> None:
    device = await register(platform)
    for minutes in (0, 1):
        await record_scan(
            platform.docs,
            device=device,
            vitals=VitalSigns(heart_rate=80),
            measured_at=T0 + timedelta(minutes=minutes),
        )
    assert len(await platform.docs.find(READINGS, {"device_id": device.id})) == 2


async def test_empty_scan_is_refused(platform: Platform) -> None:
    device = await register(platform)
    with pytest.raises(EmptyScan):
        await record_scan(platform.docs, device=device, vitals=VitalSigns(), measured_at=T0)


async def test_naive_scan_time_is_refused(platform: Platform) -> None:
    device = await register(platform)
    with pytest.raises(ValueError, match="naive"):
        await record_scan(
            platform.docs,
            device=device,
            vitals=VitalSigns(heart_rate=70),
            measured_at=datetime(2025, 6, 1, 8, 0),
        )


async def test_latest_vitals_merge_the_newest_value_of_each_vital_across_devices(
    platform: Platform,
) -> None:
    oximeter = await register(platform, serial="PO-1", kind="pulse_oximeter")
    cuff = await register(platform, serial="BP-1", kind="bp_monitor")
    docs = platform.docs
    await record_scan(
        docs, device=oximeter, vitals=VitalSigns(heart_rate=90, spo2=95), measured_at=T0
    )
    await record_scan(
        docs,
        device=cuff,
        vitals=VitalSigns(heart_rate=100, systolic_bp=120, diastolic_bp=80),
        measured_at=T0 + timedelta(minutes=5),
    )
    await record_scan(
        docs,
        device=oximeter,
        vitals=VitalSigns(spo2=92),
        measured_at=T0 + timedelta(minutes=10),
    )
    latest = await latest_vitals(docs, patient_id="p-1")
    assert latest.readings_considered == 3
    assert {name: v.value for name, v in latest.vitals.items()} == {
        "spo2": 92,
        "heart_rate": 100,
        "systolic_bp": 120,
        "diastolic_bp": 80,
    }
    assert latest.vitals["spo2"].measured_at == T0 + timedelta(minutes=10)
    assert latest.vitals["heart_rate"].device_id == cuff.id
    assert latest.vital_signs() == VitalSigns(
        heart_rate=100, spo2=92, systolic_bp=120, diastolic_bp=80
    )


async def test_latest_vitals_of_one_device_ignore_the_others(platform: Platform) -> None:
    oximeter = await register(platform, serial="PO-1")
    cuff = await register(platform, serial="BP-1")
    await record_scan(platform.docs, device=oximeter, vitals=VitalSigns(spo2=95), measured_at=T0)
    await record_scan(
        platform.docs, device=cuff, vitals=VitalSigns(systolic_bp=120), measured_at=T0
    )
    latest = await latest_vitals(platform.docs, device_id=cuff.id)
    assert set(latest.vitals) == {"systolic_bp"}


async def test_latest_vitals_leave_out_readings_before_the_window(platform: Platform) -> None:
    device = await register(platform)
    await record_scan(
        platform.docs, device=device, vitals=VitalSigns(temperature_c=39.0), measured_at=T0
    )
    await record_scan(
        platform.docs,
        device=device,
        vitals=VitalSigns(heart_rate=70),
        measured_at=T0 + timedelta(hours=30),
    )
    latest = await latest_vitals(platform.docs, patient_id="p-1", since=T0 + timedelta(hours=6))
    assert latest.readings_considered == 1
    assert set(latest.vitals) == {"heart_rate"}


async def test_latest_vitals_need_exactly_one_subject(platform: Platform) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        await latest_vitals(platform.docs)
    with pytest.raises(ValueError, match="exactly one"):
        await latest_vitals(platform.docs, patient_id="p-1", device_id="d-1")


async def test_last_reading_at_is_the_newest_scan_of_the_device(platform: Platform) -> None:
    device = await register(platform)
    assert await last_reading_at(platform.docs, device_id=device.id) is None
    for minutes in (10, 0):
        await record_scan(
            platform.docs,
            device=device,
            vitals=VitalSigns(heart_rate=70),
            measured_at=T0 + timedelta(minutes=minutes),
        )
    assert await last_reading_at(platform.docs, device_id=device.id) == T0 + timedelta(minutes=10)


async def test_same_report_posted_twice_is_stored_once(platform: Platform) -> None:
    device = await register(platform)
    first = await store_report(
        platform.docs, device=device, kind="ecg", summary="sinus rhythm", data={"hr": 72}, now=T0
    )
    second = await store_report(
        platform.docs,
        device=device,
        kind="ecg",
        summary="sinus rhythm",
        data={"hr": 72},
        now=T0 + timedelta(hours=1),
    )
    assert second == first
    assert first.created_at == T0
    other = await store_report(
        platform.docs, device=device, kind="ecg", summary="sinus rhythm", data={"hr": 90}
    )
    assert other.id != first.id


async def test_report_with_a_client_id_is_keyed_by_it(platform: Platform) -> None:
    device = await register(platform)
    report = await store_report(
        platform.docs, device=device, kind="sleep", summary="", data={}, report_id="r-1"
    )
    assert report.id == "r-1"
    assert report.patient_id == "p-1"


async def test_report_id_of_another_device_is_a_conflict(platform: Platform) -> None:
    mine = await register(platform, serial="A")
    theirs = await register(platform, serial="B")
    await store_report(platform.docs, device=mine, kind="k", summary="", data={}, report_id="r-1")
    with pytest.raises(DeviceConflict):
        await store_report(
            platform.docs, device=theirs, kind="k", summary="", data={}, report_id="r-1"
        )


def test_scan_body_needs_a_vital_sign() -> None:
    with pytest.raises(ValidationError, match="at least one vital"):
        ScanCreate(measured_at=T0)


def test_scan_body_refuses_a_time_in_the_future() -> None:
    with pytest.raises(ValidationError, match="future"):
        ScanCreate(heart_rate=80, measured_at=datetime.now(UTC) + timedelta(hours=1))


def test_scan_body_refuses_unknown_fields_and_impossible_values() -> None:
    with pytest.raises(ValidationError):
        ScanCreate.model_validate({"heart_rate": 80, "hart_rate": 80})
    with pytest.raises(ValidationError):
        ScanCreate(spo2=140)


def test_scan_body_gives_engine_vitals() -> None:
    scan = ScanCreate(heart_rate=80, consciousness="C", on_oxygen=False)
    assert scan.vital_signs() == VitalSigns(heart_rate=80, consciousness="C", on_oxygen=False)
