"""Pure drug-allergy conflict rules."""

from __future__ import annotations

import pytest

from records.rules import Conflict, check_conflicts, components


def severity(allergy: str, medication: str) -> str | None:
    found = check_conflicts([allergy], [medication])
    return found[0].severity if found else None


@pytest.mark.parametrize(
    ("allergy", "medication", "expected"),
    [
        ("penicillin", "amoxicillin", "high"),
        ("penicillin", "ampicillin", "high"),
        ("Penicillin", "Piperacillin-tazobactam 4.5 g IV", "high"),
        ("penicillin", "Augmentin", "high"),
        ("amoxicillin", "penicillin", "high"),
        ("penicillin", "ceftriaxone", "moderate"),
        ("penicillin", "cefazolin", "moderate"),
        ("penicillin", "meropenem", "moderate"),
        ("cephalosporins", "amoxicillin", "moderate"),
        ("beta-lactam", "cefazolin", "high"),
        ("aspirin", "ibuprofen", "high"),
        ("aspirin", "naproxen", "high"),
        ("aspirin", "ketorolac", "high"),
        ("NSAIDs", "diclofenac", "high"),
        ("ibuprofen", "aspirin", "high"),
        ("aspirin", "celecoxib", "moderate"),
        ("sulfonamides", "trimethoprim-sulfamethoxazole", "high"),
        ("sulfa", "sulfamethoxazole", "high"),
        ("sulfa drugs", "Bactrim DS", "high"),
        ("morphine", "codeine", "high"),
        ("codeine", "hydromorphone", "high"),
        ("opioids", "fentanyl", "high"),
        ("codeine", "paracetamol/codeine 500/30 mg", "high"),
        ("contrast dye", "iohexol", "high"),
        ("iodine", "iohexol", "moderate"),
        ("ondansetron (rash)", "Ondansetron 4 mg", "high"),
    ],
)
def test_conflicts_by_drug_class(allergy: str, medication: str, expected: str) -> None:
    assert severity(allergy, medication) == expected


@pytest.mark.parametrize(
    ("allergy", "medication"),
    [
        ("penicillin", "metoprolol"),
        ("penicillin", "azithromycin"),
        ("aspirin", "paracetamol"),
        ("sulfonamides", "furosemide"),
        ("sulfonamides", "hydrochlorothiazide"),
        ("sulfonamides", "trimethoprim"),
        ("morphine", "fentanyl"),
        ("latex", "amoxicillin"),
        ("latex", "ibuprofen"),
        ("shellfish", "iohexol"),
        ("peanuts", "aspirin"),
        ("ondansetron", "metoclopramide"),
    ],
)
def test_no_alert_for_unrelated_drugs(allergy: str, medication: str) -> None:
    assert check_conflicts([allergy], [medication]) == []


def test_alert_names_the_drug_and_allergy_as_written_with_a_reason() -> None:
    [alert] = check_conflicts([" Penicillin "], ["Amoxicillin 500 mg"])
    assert alert == Conflict(
        medication="Amoxicillin 500 mg",
        allergen="Penicillin",
        severity="high",
        reason="Same drug class as the recorded allergy (penicillins)",
    )


def test_every_pair_is_reported_once_in_medication_then_allergy_order() -> None:
    alerts = check_conflicts(
        ["penicillin", "aspirin", "penicillin"],
        ["ibuprofen", "amoxicillin", "Amoxicillin", "ceftriaxone", "metoprolol"],
    )
    assert [(a.medication, a.allergen, a.severity) for a in alerts] == [
        ("ibuprofen", "aspirin", "high"),
        ("amoxicillin", "penicillin", "high"),
        ("ceftriaxone", "penicillin", "moderate"),
    ]


def test_no_allergies_or_no_medications_means_no_alerts() -> None:
    assert check_conflicts([], ["amoxicillin"]) == []
    assert check_conflicts(["penicillin"], []) == []
    assert check_conflicts([""], [" "]) == []


def test_components_resolve_brands_doses_and_combinations() -> None:
    assert components("Augmentin 625 mg") == ("amoxicillin",)
    assert components("paracetamol/codeine") == ("codeine",)
    assert components("Insulin glargine 100 units/mL") == ("insulin glargine",)
    assert components("aspirin/dipyridamole") == ("aspirin",)
