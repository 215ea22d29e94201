"""FHIR R4 (4.0.1) API for hospital integrations, under /fhir/r4."""
