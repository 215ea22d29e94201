"""Development demo data: a small hospital's outpatient clinics (names are invented)."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession

from scheduling.models import PractitionerCreate
from scheduling.service import ensure_practitioners, ensure_slots

DEMO_DAYS: Final = 21

DEMO_PRACTITIONERS: Final = (
    PractitionerCreate(name="Dr. A. Osei", specialty="cardiology"),
    PractitionerCreate(name="Dr. M. Lindqvist", specialty="cardiology"),
    PractitionerCreate(name="Dr. R. Haddad", specialty="neurology"),
    PractitionerCreate(name="Dr. Y. Tanaka", specialty="neurology"),
    PractitionerCreate(name="Dr. T. Nakamura", specialty="orthopedics"),
    PractitionerCreate(name="Dr. E. Brennan", specialty="orthopedics"),
    PractitionerCreate(name="Dr. S. Okafor", specialty="general_practice"),
    PractitionerCreate(name="Dr. L. Moreau", specialty="general_practice"),
    PractitionerCreate(name="Dr. K. Varga", specialty="pulmonology"),
    PractitionerCreate(name="Dr. P. Ramos", specialty="gastroenterology"),
    PractitionerCreate(name="Dr. H. Adeyemi", specialty="psychiatry"),
    PractitionerCreate(name="Dr. C. Halvorsen", specialty="obstetrics"),
    PractitionerCreate(name="Dr. N. Castillo", specialty="paediatrics"),
    PractitionerCreate(name="Dr. J. Mensah", specialty="paediatrics"),
    PractitionerCreate(name="Dr. D. Kowalski", specialty="general_surgery"),
    PractitionerCreate(name="Dr. F. Rahman", specialty="infectious_disease"),
    PractitionerCreate(name="Dr. I. Petrova", specialty="endocrinology"),
)


async def seed_demo(session: AsyncSession, *, now: datetime) -> None:
    """Idempotent: practitioners and slots that exist are kept; later starts extend the
    slot window so there are always ``DEMO_DAYS`` days ahead."""
    await ensure_practitioners(session, practitioners=DEMO_PRACTITIONERS)
    await ensure_slots(session, start=now, days=DEMO_DAYS)
