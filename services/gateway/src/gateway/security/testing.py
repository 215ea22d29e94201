"""Authenticated in-process clients for tests: tokens minted by the app's own token
service, in any environment and without accounts (``emergisphere_runtime.testing.login``
signs in over HTTP instead)."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from emergisphere_runtime.testing import RoleAuth
from gateway.security.context import Security
from gateway.security.roles import SCOPES


def bearer(
    app: FastAPI, role: str, *, name: str | None = None, scopes: frozenset[str] | None = None
) -> dict[str, str]:
    security: Security = app.state.security
    kind = "client" if role == "integration" else "user"
    token, _ = security.tokens.issue(
        subject=name or f"test-{role}",
        name=name or f"test-{role}",
        role=role,
        kind=kind,
        scopes=(frozenset(SCOPES) if scopes is None else scopes)
        if kind == "client"
        else frozenset(),
    )
    return {"Authorization": f"Bearer {token}"}


def authorize(http: httpx.AsyncClient, app: FastAPI, role: str = "clinician") -> None:
    """Every later request of ``http`` carries a token: FHIR as the integration, the rest
    as ``role``."""
    http.auth = RoleAuth(bearer(app, role), bearer(app, "integration"))
