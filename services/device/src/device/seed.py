"""Demo devices for the demo patients, so the device API has something to show."""

from __future__ import annotations

from device.service import register_device
from emergisphere_runtime.messages import derived_id
from emergisphere_runtime.platform import Platform

# (national health id of the demo patient, kind, serial, label)
DEMO_DEVICES = (
    ("943-476-5919", "bp_monitor", "DEMO-BP-0001", "Home blood pressure cuff"),
    ("943-476-5919", "pulse_oximeter", "DEMO-PO-0001", "Fingertip pulse oximeter"),
    ("712-004-3381", "wearable", "DEMO-WR-0002", "Smartwatch"),
    ("518-220-7745", "multiparameter_monitor", "DEMO-MM-0003", "Home telemonitoring hub"),
)


async def seed_demo_devices(platform: Platform) -> None:
    settings = platform.settings
    if settings.environment != "development" or not settings.seed_demo_data:
        return
    async with platform.db.transaction() as session:
        for national_health_id, kind, serial, label in DEMO_DEVICES:
            # Registration is find-or-create by serial, so every start-up may run this.
            await register_device(
                session,
                patient_id=derived_id("patient", national_health_id),
                kind=kind,
                serial=serial,
                label=label,
            )
