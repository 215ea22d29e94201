"""The permission matrix: one rule for every route of the API, declared here and only here.

A route without a rule is refused to everybody (and a test fails on it). Each rule names
the roles allowed, what the request does to patient data (audited when ``phi``), the
scope an integration client needs, the roles that may reach it only through an active
break-glass grant for the patient, and the roles limited to resources they own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final, Literal

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts

from gateway.security.roles import ROLES

Action = Literal["read", "write", "override", "admin", "none"]

EVERYONE: Final = frozenset(ROLES)
WS: Final = "WS"  # the "method" of a WebSocket route


@dataclass(frozen=True)
class Rule:
    roles: frozenset[str] = frozenset()
    # Needs no token at all (probes, the schema, the login endpoint itself).
    public: bool = False
    action: Action = "read"
    # Reads or writes patient data: every request is audited.
    phi: bool = False
    # Integration clients also need this scope on their token.
    scope: str | None = None
    # Roles allowed only with an active break-glass grant for the request's patient.
    break_glass: frozenset[str] = frozenset()
    # Roles limited to the resources they created (kind of resource, e.g. "device").
    owned: frozenset[str] = frozenset()
    owner_kind: str | None = None
    # Extra roles allowed only for GET (FHIR reads by clinicians).
    readers: frozenset[str] = field(default_factory=frozenset)

    def allows(self, role: str, method: str) -> bool:
        if role in self.roles or role in self.owned:
            return True
        return method in ("GET", "HEAD", WS) and role in self.readers


def _roles(*names: str) -> frozenset[str]:
    unknown = set(names) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown role(s) in the matrix: {sorted(unknown)}")
    return frozenset(names)


PUBLIC = Rule(public=True, action="none")
CARE = _roles("clinician")
FRONT = _roles("desk", "clinician")


def _device(action: Action) -> Rule:
    return Rule(
        roles=CARE,
        owned=_roles("integration"),
        owner_kind="device",
        scope="devices",
        action=action,
        phi=True,
    )


FHIR_WRITE = Rule(roles=_roles("integration"), scope="fhir", action="write", phi=True)
FHIR_READ = Rule(roles=_roles("integration"), readers=CARE, scope="fhir", action="read", phi=True)
ADMIN = Rule(roles=_roles("admin"), action="admin")

MATRIX: Final[dict[tuple[str, str], Rule]] = {
    # Probes, metrics (no PHI: labels carry no ids), the API schema and its pages.
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/readyz"): PUBLIC,
    ("GET", "/metrics"): PUBLIC,
    ("GET", "/openapi.json"): PUBLIC,
    ("GET", "/docs"): PUBLIC,
    ("GET", "/docs/oauth2-redirect"): PUBLIC,
    ("GET", "/redoc"): PUBLIC,
    # The board page is static; the data it shows comes from /api/v1/board.
    ("GET", "/board"): PUBLIC,
    # Authentication.
    ("POST", "/api/v1/auth/token"): PUBLIC,
    ("POST", "/api/v1/auth/logout"): Rule(roles=EVERYONE, action="none"),
    ("GET", "/api/v1/auth/me"): Rule(roles=EVERYONE, action="none"),
    ("POST", "/api/v1/auth/break-glass"): Rule(
        roles=_roles("desk", "billing", "legal"), action="none"
    ),
    # Account and audit administration.
    ("GET", "/api/v1/admin/users"): ADMIN,
    ("POST", "/api/v1/admin/users"): ADMIN,
    ("PATCH", "/api/v1/admin/users/{username}"): ADMIN,
    ("GET", "/api/v1/admin/clients"): ADMIN,
    ("POST", "/api/v1/admin/clients"): ADMIN,
    ("PATCH", "/api/v1/admin/clients/{client_id}"): ADMIN,
    ("GET", "/api/v1/audit"): ADMIN,
    # The desk's work.
    ("POST", "/api/v1/intakes"): Rule(roles=FRONT, action="write", phi=True),
    ("POST", "/api/v1/appointments"): Rule(roles=FRONT, action="write", phi=True),
    ("GET", "/api/v1/practitioners"): Rule(roles=FRONT),
    ("GET", "/api/v1/slots"): Rule(roles=FRONT),
    ("POST", "/api/v1/triage/assess"): Rule(roles=FRONT, action="none"),
    ("GET", "/api/v1/board"): Rule(roles=FRONT, phi=True),
    (WS, "/ws/patient/{patient_id}"): Rule(roles=FRONT, phi=True),
    # Workflows: ops follow them too; only clinicians override.
    ("GET", "/api/v1/workflows"): Rule(roles=_roles("desk", "clinician", "ops"), phi=True),
    ("GET", "/api/v1/workflows/{workflow_id}"): Rule(
        roles=_roles("desk", "clinician", "ops"), phi=True
    ),
    ("POST", "/api/v1/workflows/{workflow_id}/override"): Rule(
        roles=CARE, action="override", phi=True
    ),
    ("GET", "/api/v1/workflows/{workflow_id}/audit"): Rule(
        roles=_roles("clinician", "legal", "admin"), phi=True
    ),
    # Patients: demographics for the desk, billing and legal; clinical data for clinicians,
    # and for the others only through break-glass.
    ("GET", "/api/v1/patients/{patient_id}"): Rule(
        roles=_roles("desk", "clinician", "billing", "legal"), phi=True
    ),
    ("GET", "/api/v1/patients/{patient_id}/history"): Rule(
        roles=CARE, break_glass=_roles("desk", "billing", "legal"), phi=True
    ),
    ("GET", "/api/v1/patients/{patient_id}/appointments"): Rule(roles=FRONT, phi=True),
    ("GET", "/api/v1/patients/{patient_id}/devices"): Rule(
        roles=CARE, break_glass=_roles("desk"), phi=True
    ),
    ("GET", "/api/v1/patients/{patient_id}/vitals"): Rule(
        roles=CARE, break_glass=_roles("desk"), phi=True
    ),
    # Devices: clinicians, and the integration that registered the device.
    ("POST", "/api/v1/devices"): Rule(
        roles=_roles("clinician", "integration"), scope="devices", action="write", phi=True
    ),
    ("GET", "/api/v1/devices/{device_id}"): _device("read"),
    ("POST", "/api/v1/devices/{device_id}/scans"): _device("write"),
    ("POST", "/api/v1/devices/{device_id}/reports"): _device("write"),
    ("GET", "/api/v1/devices/{device_id}/vitals"): _device("read"),
    ("POST", "/api/v1/devices/{device_id}/emergency-check"): _device("write"),
    # FHIR R4: integrations read and write; clinicians read.
    ("GET", "/fhir/r4/metadata"): PUBLIC,
    ("POST", "/fhir/r4"): FHIR_WRITE,
    ("GET", "/fhir/r4/Patient/{patient_id}/$everything"): FHIR_READ,
    ("POST", "/fhir/r4/{resource_type}/$validate"): Rule(
        roles=_roles("integration"), scope="fhir", action="none"
    ),
    ("GET", "/fhir/r4/{resource_type}/{resource_id}/_history/{version_id}"): FHIR_READ,
    ("GET", "/fhir/r4/{resource_type}/{resource_id}/_history"): FHIR_READ,
    ("GET", "/fhir/r4/{resource_type}/{resource_id}"): FHIR_READ,
    ("POST", "/fhir/r4/{resource_type}"): FHIR_WRITE,
    ("PUT", "/fhir/r4/{resource_type}/{resource_id}"): FHIR_WRITE,
    ("GET", "/fhir/r4/{resource_type}"): FHIR_READ,
}


@dataclass(frozen=True)
class RouteKey:
    method: str
    path: str


def app_routes(app: FastAPI) -> Iterator[RouteKey]:
    """Every (method, path template) the app serves; HEAD rides on GET."""
    for context in iter_route_contexts(app.routes):
        path = context.path
        if path is None:
            continue
        methods: Iterable[str] = context.methods or [WS]
        for method in sorted(set(methods) - {"HEAD"}):
            yield RouteKey(method, path)


def rule_for(method: str, path: str) -> Rule | None:
    lookup = "GET" if method == "HEAD" else method
    return MATRIX.get((lookup, path))


def uncovered(app: FastAPI) -> list[RouteKey]:
    return [key for key in app_routes(app) if (key.method, key.path) not in MATRIX]
