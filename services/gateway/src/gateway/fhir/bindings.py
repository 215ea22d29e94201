"""Required code bindings (FHIR R4 4.0.1) of the status-like elements this API stores.

Keyed by fhirclient class name and element: data types (HumanName.use), backbone
elements (EncounterStatusHistory.status) and resources (Observation.status).
"""

from __future__ import annotations

from typing import Final

_ENCOUNTER_STATUS = frozenset(
    [
        "planned",
        "arrived",
        "triaged",
        "in-progress",
        "onleave",
        "finished",
        "cancelled",
        "entered-in-error",
        "unknown",
    ]
)
_REQUEST_STATUS = frozenset(
    ["draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"]
)
_FINANCIAL_STATUS = frozenset(["active", "cancelled", "draft", "entered-in-error"])

REQUIRED: Final[dict[tuple[str, str], frozenset[str]]] = {
    ("Patient", "gender"): frozenset({"male", "female", "other", "unknown"}),
    ("Practitioner", "gender"): frozenset({"male", "female", "other", "unknown"}),
    ("PatientContact", "gender"): frozenset({"male", "female", "other", "unknown"}),
    ("PatientLink", "type"): frozenset({"replaced-by", "replaces", "refer", "seealso"}),
    ("HumanName", "use"): frozenset(
        {"usual", "official", "temp", "nickname", "anonymous", "old", "maiden"}
    ),
    ("Identifier", "use"): frozenset({"usual", "official", "temp", "secondary", "old"}),
    ("Address", "use"): frozenset({"home", "work", "temp", "old", "billing"}),
    ("Address", "type"): frozenset({"postal", "physical", "both"}),
    ("ContactPoint", "system"): frozenset(
        {"phone", "fax", "email", "pager", "url", "sms", "other"}
    ),
    ("ContactPoint", "use"): frozenset({"home", "work", "temp", "old", "mobile"}),
    ("Quantity", "comparator"): frozenset({"<", "<=", ">=", ">"}),
    ("Narrative", "status"): frozenset({"generated", "extensions", "additional", "empty"}),
    ("Observation", "status"): frozenset(
        [
            "registered",
            "preliminary",
            "final",
            "amended",
            "corrected",
            "cancelled",
            "entered-in-error",
            "unknown",
        ]
    ),
    ("Encounter", "status"): _ENCOUNTER_STATUS,
    ("EncounterStatusHistory", "status"): _ENCOUNTER_STATUS,
    ("AllergyIntolerance", "type"): frozenset({"allergy", "intolerance"}),
    ("AllergyIntolerance", "category"): frozenset(
        {"food", "medication", "environment", "biologic"}
    ),
    ("AllergyIntolerance", "criticality"): frozenset({"low", "high", "unable-to-assess"}),
    ("AllergyIntoleranceReaction", "severity"): frozenset({"mild", "moderate", "severe"}),
    ("MedicationStatement", "status"): frozenset(
        [
            "active",
            "completed",
            "entered-in-error",
            "intended",
            "stopped",
            "on-hold",
            "unknown",
            "not-taken",
        ]
    ),
    ("MedicationRequest", "status"): frozenset(
        [
            "active",
            "on-hold",
            "cancelled",
            "completed",
            "entered-in-error",
            "stopped",
            "draft",
            "unknown",
        ]
    ),
    ("MedicationRequest", "intent"): frozenset(
        [
            "proposal",
            "plan",
            "order",
            "original-order",
            "reflex-order",
            "filler-order",
            "instance-order",
            "option",
        ]
    ),
    ("Procedure", "status"): frozenset(
        [
            "preparation",
            "in-progress",
            "not-done",
            "on-hold",
            "stopped",
            "completed",
            "entered-in-error",
            "unknown",
        ]
    ),
    ("Immunization", "status"): frozenset({"completed", "entered-in-error", "not-done"}),
    ("DiagnosticReport", "status"): frozenset(
        [
            "registered",
            "partial",
            "preliminary",
            "final",
            "amended",
            "corrected",
            "appended",
            "cancelled",
            "entered-in-error",
            "unknown",
        ]
    ),
    ("Claim", "status"): _FINANCIAL_STATUS,
    ("Claim", "use"): frozenset({"claim", "preauthorization", "predetermination"}),
    ("ExplanationOfBenefit", "status"): _FINANCIAL_STATUS,
    ("ExplanationOfBenefit", "use"): frozenset({"claim", "preauthorization", "predetermination"}),
    ("ExplanationOfBenefit", "outcome"): frozenset({"queued", "complete", "error", "partial"}),
    ("Device", "status"): frozenset({"active", "inactive", "entered-in-error", "unknown"}),
    ("CarePlan", "status"): _REQUEST_STATUS,
    ("CarePlan", "intent"): frozenset({"proposal", "plan", "order", "option"}),
    ("CareTeam", "status"): frozenset(
        {"proposed", "active", "suspended", "inactive", "entered-in-error"}
    ),
    ("Goal", "lifecycleStatus"): frozenset(
        [
            "proposed",
            "planned",
            "accepted",
            "active",
            "on-hold",
            "completed",
            "cancelled",
            "entered-in-error",
            "rejected",
        ]
    ),
    ("ImagingStudy", "status"): frozenset(
        {"registered", "available", "cancelled", "entered-in-error", "unknown"}
    ),
    ("Bundle", "type"): frozenset(
        [
            "document",
            "message",
            "transaction",
            "transaction-response",
            "batch",
            "batch-response",
            "history",
            "searchset",
            "collection",
        ]
    ),
    ("BundleEntryRequest", "method"): frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}),
    ("MessageHeaderResponse", "code"): frozenset({"ok", "transient-error", "fatal-error"}),
}
