"""The CapabilityStatement: exactly what this server does, built from the same tables
the code uses (supported types, search parameters, operations)."""

from __future__ import annotations

from typing import Any

from gateway.fhir import search
from gateway.fhir.bundles import MAX_ENTRIES

# Types the mapping and tests cover; any other R4 type is stored the same way.
TYPES = (
    "Patient", "Encounter", "Observation", "Condition", "AllergyIntolerance",
    "MedicationStatement", "MedicationRequest", "Procedure", "Immunization",
    "DiagnosticReport", "Organization", "Practitioner", "Device", "Claim",
    "ExplanationOfBenefit", "CarePlan", "CareTeam", "Goal", "ImagingStudy",
    "MessageHeader",
)  # fmt: skip


def _params(resource_type: str) -> list[dict[str, str]]:
    params = [("_id", "token"), ("identifier", "token")]
    if resource_type in search.CODE_TYPES:
        params.append(("code", "token"))
    if resource_type == "Patient":
        params += [("family", "string"), ("given", "string"), ("birthdate", "date")]
    else:
        params += [("patient", "reference"), ("subject", "reference")]
    if resource_type in search.DATE_TYPES:
        params.append(("date", "date"))
    return [{"name": name, "type": kind} for name, kind in params]


def capability_statement(base: str, date: str) -> dict[str, Any]:
    interactions = [
        {"code": c}
        for c in ("read", "vread", "update", "create", "history-instance", "search-type")
    ]
    resources = []
    for resource_type in TYPES:
        entry: dict[str, Any] = {
            "type": resource_type,
            "interaction": interactions,
            "versioning": "versioned-update",
            "readHistory": True,
            "updateCreate": True,
            "conditionalCreate": True,
            "conditionalUpdate": False,
            "conditionalDelete": "not-supported",
            "searchParam": _params(resource_type),
            "operation": [
                {
                    "name": "validate",
                    "definition": "http://hl7.org/fhir/OperationDefinition/Resource-validate",
                }
            ],
        }
        if resource_type == "Patient":
            entry["operation"].append(
                {
                    "name": "everything",
                    "definition": "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                }
            )
        resources.append(entry)
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": date,
        "kind": "instance",
        "software": {"name": "EmergiSphere FHIR API"},
        "implementation": {"description": "EmergiSphere FHIR R4 API", "url": base},
        "fhirVersion": "4.0.1",
        "format": ["application/fhir+json"],
        "rest": [
            {
                "mode": "server",
                "documentation": (
                    f"Bundles of type transaction, batch and message, at most {MAX_ENTRIES}"
                    " entries. No delete, patch, conditional update or history-type."
                    " Search supports _sort (date, _lastUpdated), _count and _offset; a"
                    " searchset carries total and self, next and previous links."
                ),
                "resource": resources,
                "interaction": [{"code": "transaction"}, {"code": "batch"}],
            }
        ],
    }
