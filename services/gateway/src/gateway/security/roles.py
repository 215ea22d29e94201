"""The roles a principal can hold. Staff have one role each; integration clients are
"integration" and are further limited by the scopes on their token."""

from __future__ import annotations

from typing import Final, Literal

Role = Literal["desk", "clinician", "billing", "legal", "ops", "admin", "integration"]
ROLES: Final[tuple[Role, ...]] = (
    "desk",
    "clinician",
    "billing",
    "legal",
    "ops",
    "admin",
    "integration",
)
STAFF_ROLES: Final = tuple(r for r in ROLES if r != "integration")

# Scopes an integration client can be granted.
Scope = Literal["fhir", "devices"]
SCOPES: Final[tuple[Scope, ...]] = ("fhir", "devices")

# The purpose of use recorded in the audit trail when the request does not say
# (X-Purpose-Of-Use header), by role: HIPAA's treatment, payment, operations.
DEFAULT_PURPOSE: Final[dict[str, str]] = {
    "desk": "treatment",
    "clinician": "treatment",
    "billing": "payment",
    "legal": "operations",
    "ops": "operations",
    "admin": "operations",
    "integration": "treatment",
}
