"""Development demo data: the three demo patients of the product brief, with insurance."""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession

from admission.models import InsuranceRead, PatientCreate
from admission.service import ensure_patient

DEMO_PATIENTS: Final = (
    PatientCreate(
        national_health_id="943-476-5919",
        first_name="John",
        last_name="Carter",
        date_of_birth=date(1958, 3, 14),
        sex="male",
        phone="+15550100001",
        insurance=InsuranceRead(
            payer="Acme Health",
            member_id="ACM-55501",
            plan="PPO Gold",
            copay=150,
            coinsurance=0.2,
            deductible=1500,
            deductible_met=400,
        ),
    ),
    PatientCreate(
        national_health_id="712-004-3381",
        first_name="Maria",
        last_name="Lopez",
        date_of_birth=date(1990, 7, 2),
        sex="female",
        phone="+15550100002",
    ),
    PatientCreate(
        national_health_id="518-220-7745",
        first_name="Ahmed",
        last_name="Khan",
        date_of_birth=date(1945, 11, 30),
        sex="male",
        phone="+15550100003",
        insurance=InsuranceRead(
            payer="Medicare",
            member_id="MC-88120",
            plan="Part B",
            copay=0,
            coinsurance=0.2,
            deductible=240,
            deductible_met=240,
        ),
    ),
)


async def seed_demo(session: AsyncSession, *, now: datetime) -> int:
    """Create the demo patients that are missing; returns how many were created."""
    created = 0
    for patient in DEMO_PATIENTS:
        _, was_created = await ensure_patient(session, patient=patient, now=now)
        created += was_created
    return created
