"""The device agent through the real agent runtime."""

from __future__ import annotations

from datetime import datetime, timedelta

from device.agent import build
from device.models import DeviceRead
from device.seed import DEMO_DEVICES, seed_demo_devices
from device.service import READINGS, list_devices, record_scan, register_device
from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.common_pb2 import Vitals
from emergisphere_clinical import VitalSigns
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.messages import derived_id
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.testing import command_envelope, run_command


async def register(platform: Platform, *, serial: str, patient_id: str = "p-1") -> DeviceRead:
    async with platform.db.transaction() as session:
        return await register_device(
            session, patient_id=patient_id, kind="pulse_oximeter", serial=serial
        )


def scan_case(device_id: str, vitals: Vitals, *, measured_at: datetime | None = None) -> Case:
    case = Case(workflow_type="emergency_device")
    case.device_scan.device_id = device_id
    case.device_scan.vitals.CopyFrom(vitals)
    if measured_at is not None:
        case.device_scan.measured_at.FromDatetime(measured_at)
    return case


async def test_alarming_scan_is_an_emergency_with_explained_reasons(platform: Platform) -> None:
    device = await register(platform, serial="PO-1")
    case = scan_case(
        device.id,
        Vitals(heart_rate=145, spo2=86, respiratory_rate=28, consciousness="A"),
        measured_at=utcnow() - timedelta(minutes=1),
    )
    result = await run_command(build(platform), command_envelope("device", case, workflow_id="w1"))
    assert result.ok
    device_result = result.device
    assert device_result.emergency
    rules = {reason.rule for reason in device_result.reasons}
    assert {"device.spo2_below_90", "device.heart_rate_above_140"} <= rules
    assert "device.news2_high" in rules
    assert device_result.news2.score >= 7
    assert device_result.latest_vitals.spo2 == 86
    assert not device_result.latest_vitals.HasField("systolic_bp")
    assert device_result.readings_considered == 1
    assert [d.device_id for d in device_result.devices] == [device.id]
    assert device_result.devices[0].HasField("last_reading_at")


async def test_normal_readings_are_not_an_emergency(platform: Platform) -> None:
    device = await register(platform, serial="PO-1")
    await record_scan(
        platform.docs,
        device=device,
        vitals=VitalSigns(heart_rate=72, spo2=98, respiratory_rate=14),
        measured_at=utcnow() - timedelta(hours=1),
    )
    case = Case(workflow_type="emergency", patient_id="p-1")
    result = await run_command(build(platform), command_envelope("device", case, workflow_id="w2"))
    assert result.ok
    assert not result.device.emergency
    assert result.device.news2.band == "low"
    assert [r.rule for r in result.device.reasons] == ["device.no_emergency"]
    assert result.device.latest_vitals.heart_rate == 72


async def test_vitals_from_several_devices_are_merged(platform: Platform) -> None:
    oximeter = await register(platform, serial="PO-1")
    cuff = await register(platform, serial="BP-1")
    now = utcnow()
    await record_scan(platform.docs, device=oximeter, vitals=VitalSigns(spo2=97), measured_at=now)
    await record_scan(
        platform.docs,
        device=cuff,
        vitals=VitalSigns(systolic_bp=85),
        measured_at=now - timedelta(minutes=30),
    )
    case = Case(workflow_type="emergency", patient_id="p-1")
    result = await run_command(build(platform), command_envelope("device", case, workflow_id="w3"))
    assert result.device.readings_considered == 2
    assert result.device.latest_vitals.spo2 == 97
    assert result.device.latest_vitals.systolic_bp == 85
    assert result.device.emergency
    assert len(result.device.devices) == 2


async def test_readings_older_than_a_day_are_not_considered(platform: Platform) -> None:
    device = await register(platform, serial="PO-1")
    await record_scan(
        platform.docs,
        device=device,
        vitals=VitalSigns(spo2=80),
        measured_at=utcnow() - timedelta(hours=25),
    )
    case = Case(workflow_type="emergency", patient_id="p-1")
    result = await run_command(build(platform), command_envelope("device", case, workflow_id="w4"))
    assert result.ok
    assert not result.device.emergency
    assert result.device.readings_considered == 0
    assert [r.rule for r in result.device.reasons] == ["device.no_readings"]
    # The device is still listed, with when it last reported.
    assert result.device.devices[0].HasField("last_reading_at")


async def test_patient_without_devices_is_not_an_error(platform: Platform) -> None:
    case = Case(workflow_type="emergency", patient_id="p-none")
    result = await run_command(build(platform), command_envelope("device", case, workflow_id="w5"))
    assert result.ok
    assert not result.device.emergency
    assert list(result.device.devices) == []
    assert [r.text for r in result.device.reasons] == ["No device readings in the last 24 hours."]
    assert not result.device.HasField("news2")


async def test_case_without_a_patient_or_scan_is_not_an_error(platform: Platform) -> None:
    result = await run_command(
        build(platform), command_envelope("device", Case(), workflow_id="w6")
    )
    assert result.ok
    assert [r.rule for r in result.device.reasons] == ["device.no_readings"]


async def test_resent_scan_command_stores_the_reading_once(platform: Platform) -> None:
    device = await register(platform, serial="PO-1")
    service = build(platform)
    # No device clock: the reading's time is the first attempt's.
    case = scan_case(device.id, Vitals(heart_rate=80))
    first = await run_command(service, command_envelope("device", case, workflow_id="w7"))
    retry = command_envelope("device", case, workflow_id="w7", attempt=2)
    second = await run_command(service, retry)
    assert first.ok
    assert second.ok
    assert len(await platform.docs.find(READINGS, {"device_id": device.id})) == 1
    assert second.device.readings_considered == 1


async def test_same_timed_scan_in_two_workflows_is_one_reading(platform: Platform) -> None:
    device = await register(platform, serial="PO-1")
    service = build(platform)
    case = scan_case(device.id, Vitals(heart_rate=80), measured_at=utcnow())
    for workflow_id in ("w8", "w9"):
        await run_command(service, command_envelope("device", case, workflow_id=workflow_id))
    assert len(await platform.docs.find(READINGS, {"device_id": device.id})) == 1


async def test_scan_from_an_unregistered_device_fails_generically(platform: Platform) -> None:
    case = scan_case("missing-device", Vitals(heart_rate=80))
    result = await run_command(build(platform), command_envelope("device", case, workflow_id="w10"))
    assert (result.ok, result.error) == (False, "device scan from an unregistered device")


async def test_scan_from_another_patients_device_is_refused(platform: Platform) -> None:
    device = await register(platform, serial="PO-1", patient_id="p-1")
    case = scan_case(device.id, Vitals(heart_rate=80))
    case.patient_id = "p-2"
    result = await run_command(build(platform), command_envelope("device", case, workflow_id="w11"))
    assert (result.ok, result.error) == (False, "device is registered to another patient")
    assert await platform.docs.find(READINGS, {"device_id": device.id}) == []


async def test_scan_without_vitals_is_refused(platform: Platform) -> None:
    device = await register(platform, serial="PO-1")
    case = scan_case(device.id, Vitals())
    result = await run_command(build(platform), command_envelope("device", case, workflow_id="w12"))
    assert (result.ok, result.error) == (False, "a scan needs at least one vital sign")


async def test_scan_with_an_impossible_value_is_refused(platform: Platform) -> None:
    device = await register(platform, serial="PO-1")
    case = scan_case(device.id, Vitals(spo2=250))
    result = await run_command(build(platform), command_envelope("device", case, workflow_id="w13"))
    assert not result.ok
    assert result.error == "device scan vital signs out of physiological range"


async def test_demo_devices_are_seeded_once_in_development(platform: Platform) -> None:
    platform.settings = platform.settings.model_copy(
        update={"environment": "development", "seed_demo_data": True}
    )
    await seed_demo_devices(platform)
    await seed_demo_devices(platform)
    async with platform.db.session() as session:
        carter = await list_devices(session, patient_id=derived_id("patient", "943-476-5919"))
    assert len(carter) == sum(1 for nhid, *_ in DEMO_DEVICES if nhid == "943-476-5919")


async def test_no_demo_devices_outside_development(platform: Platform) -> None:
    await seed_demo_devices(platform)
    async with platform.db.session() as session:
        assert await list_devices(session, patient_id=derived_id("patient", "943-476-5919")) == []


async def test_a_glucose_scan_is_stored_and_a_low_one_is_an_emergency(platform: Platform) -> None:
    device = await register(platform, serial="CGM-1")
    case = scan_case(
        device.id, Vitals(glucose_mg_dl=42), measured_at=utcnow() - timedelta(minutes=1)
    )
    result = await run_command(build(platform), command_envelope("device", case, workflow_id="g1"))
    assert result.ok
    assert result.device.emergency
    assert "device.glucose_below_54" in {reason.rule for reason in result.device.reasons}
    assert result.device.latest_vitals.glucose_mg_dl == 42
    stored = await platform.docs.find(READINGS, {"device_id": device.id})
    assert [document["vitals"] for document in stored] == [{"glucose_mg_dl": 42.0}]


async def test_an_impossible_glucose_on_the_bus_is_refused(platform: Platform) -> None:
    device = await register(platform, serial="CGM-2")
    case = scan_case(device.id, Vitals(glucose_mg_dl=9000))
    result = await run_command(build(platform), command_envelope("device", case, workflow_id="g2"))
    assert not result.ok
