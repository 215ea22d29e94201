"""Development demo data: the demo patients' histories from the product brief."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere_runtime.messages import derived_id
from records.models import AllergyCreate, ConditionCreate, MedicationCreate
from records.rules import normalise
from records.service import add_allergy, add_condition, add_medication, get_history

SEED_SOURCE: Final = "seed"


@dataclass(frozen=True)
class DemoHistory:
    national_health_id: str
    allergies: tuple[str, ...]
    medications: tuple[str, ...]
    conditions: tuple[str, ...]

    @property
    def patient_id(self) -> str:
        # The id admission gives a patient with this national id.
        return derived_id("patient", self.national_health_id)


DEMO_HISTORIES: Final = (
    DemoHistory(
        "943-476-5919",
        allergies=("penicillin", "aspirin"),
        medications=("metoprolol", "atorvastatin"),
        conditions=("hypertension", "hyperlipidaemia"),
    ),
    DemoHistory(
        "712-004-3381",
        allergies=("sulfonamides",),
        medications=("levothyroxine",),
        conditions=("hypothyroidism",),
    ),
    DemoHistory(
        "518-220-7745",
        allergies=(),
        medications=("warfarin", "insulin glargine"),
        conditions=("atrial fibrillation", "type 2 diabetes"),
    ),
)


async def seed_demo(session: AsyncSession, *, now: datetime) -> int:
    """Add the demo entries that are missing; returns how many were added.

    Entries already there are left alone, so a restart never re-activates a medication
    someone stopped since.
    """
    added = 0
    for demo in DEMO_HISTORIES:
        history = await get_history(session, patient_id=demo.patient_id)
        allergies = {normalise(a.substance) for a in history.allergies}
        medications = {normalise(m.name) for m in history.medications}
        conditions = {normalise(c.name) for c in history.conditions}
        for substance in demo.allergies:
            if normalise(substance) not in allergies:
                allergy = AllergyCreate(substance=substance, source=SEED_SOURCE)
                await add_allergy(session, patient_id=demo.patient_id, allergy=allergy, now=now)
                added += 1
        for name in demo.medications:
            if normalise(name) not in medications:
                medication = MedicationCreate(name=name, source=SEED_SOURCE)
                await add_medication(
                    session, patient_id=demo.patient_id, medication=medication, now=now
                )
                added += 1
        for name in demo.conditions:
            if normalise(name) not in conditions:
                condition = ConditionCreate(name=name, source=SEED_SOURCE)
                await add_condition(
                    session, patient_id=demo.patient_id, condition=condition, now=now
                )
                added += 1
    return added
