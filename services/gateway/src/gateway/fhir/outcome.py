"""OperationOutcome issues and the errors that carry them.

Every issue has a severity, a code from the IssueType value set and an ``expression``
(a FHIRPath to the offending element). Messages describe the rule, never the submitted
value: it may be PHI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import orjson
from fastapi.responses import Response

FHIR_JSON = "application/fhir+json"

Severity = Literal["fatal", "error", "warning", "information"]


@dataclass(frozen=True, slots=True)
class Issue:
    code: str
    diagnostics: str
    expression: str
    severity: Severity = "error"

    def as_fhir(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "code": self.code,
            "diagnostics": self.diagnostics,
            "expression": [self.expression],
        }


def operation_outcome(issues: list[Issue]) -> dict[str, Any]:
    return {"resourceType": "OperationOutcome", "issue": [i.as_fhir() for i in issues]}


def information(text: str, expression: str) -> dict[str, Any]:
    return operation_outcome([Issue("informational", text, expression, "information")])


@dataclass
class FhirError(Exception):
    """A refusal with the HTTP status and every issue found."""

    status: int
    issues: list[Issue] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(f"{i.expression}: {i.diagnostics}" for i in self.issues)

    def outcome(self) -> dict[str, Any]:
        return operation_outcome(self.issues)


def invalid(code: str, diagnostics: str, expression: str, status: int = 422) -> FhirError:
    return FhirError(status, [Issue(code, diagnostics, expression)])


def fhir_response(
    body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        content=orjson.dumps(body), status_code=status, media_type=FHIR_JSON, headers=headers
    )


def error_response(error: FhirError) -> Response:
    return fhir_response(error.outcome(), error.status)


# What each HTTP refusal made outside the FHIR routes (sign-in, permissions, rate limits,
# routing) is, as an IssueType code.
_HTTP_ISSUE = {
    401: "login",
    403: "forbidden",
    404: "not-found",
    405: "not-supported",
    409: "conflict",
    412: "conflict",
    413: "too-costly",
    429: "throttled",
}


def http_outcome(status: int, detail: str, expression: str) -> dict[str, Any]:
    """An OperationOutcome for an HTTP refusal on a FHIR path (``detail`` is the API's own
    fixed wording, never a submitted value)."""
    return operation_outcome([Issue(_HTTP_ISSUE.get(status, "processing"), detail, expression)])
