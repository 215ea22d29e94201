"""Helpers for tests: run one agent command through the real agent runtime; sign in to a
running platform."""

from __future__ import annotations

from collections.abc import Generator

import httpx

from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere.v1.workflow_pb2 import StepResult
from emergisphere_runtime.agent import AgentService
from emergisphere_runtime.messages import new_envelope


def command_envelope(
    agent: str,
    case: Case,
    *,
    workflow_id: str,
    attempt: int = 1,
    message_id: str | None = None,
    purpose: str = "",
) -> Envelope:
    envelope = new_envelope(
        producer="test",
        workflow_id=workflow_id,
        step_id=agent,
        attempt=attempt,
        message_id=message_id,
    )
    command = getattr(envelope, f"{agent}_command")
    command.case.CopyFrom(case)
    if purpose:
        command.purpose = purpose
    return envelope


async def run_command(service: AgentService, envelope: Envelope) -> StepResult:  # type: ignore[type-arg]
    reply = await service.handle(envelope)
    return reply.step_result


# Signing in to a running platform (tests, the demo, benchmarks). Development mode seeds
# one user per staff role and one integration client with these public credentials;
# production never seeds them and refuses development secrets.
DEV_CLIENT_ID = "dev-integration"
DEV_CLIENT_SECRET = "integration-dev-secret"  # noqa: S105 - development only, public


def dev_username(role: str) -> str:
    return f"dev-{role}"


def dev_password(role: str) -> str:
    return f"{role}-dev-password"


def login_form(role: str) -> dict[str, str]:
    """The token request that signs in as the development account of ``role``."""
    if role == "integration":
        return {
            "grant_type": "client_credentials",
            "client_id": DEV_CLIENT_ID,
            "client_secret": DEV_CLIENT_SECRET,
        }
    return {
        "grant_type": "password",
        "username": dev_username(role),
        "password": dev_password(role),
    }


def _bearer(response: httpx.Response) -> dict[str, str]:
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def login(http: httpx.AsyncClient, role: str) -> dict[str, str]:
    """Sign in as the development account of ``role``; the Authorization header to send."""
    return _bearer(await http.post("/api/v1/auth/token", data=login_form(role)))


class RoleAuth(httpx.Auth):
    """Sends the FHIR API the integration's token and everything else a staff token, so
    one client can drive the whole API the way the hospital's systems would."""

    def __init__(self, staff: dict[str, str], integration: dict[str, str] | None = None) -> None:
        self._staff = staff
        self._integration = integration or staff

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if "authorization" not in request.headers:
            chosen = self._integration if request.url.path.startswith("/fhir/") else self._staff
            request.headers.update(chosen)
        yield request


async def sign_in(http: httpx.AsyncClient, role: str = "clinician") -> None:
    """Make every later request of ``http`` authenticated (FHIR as the integration)."""
    http.auth = RoleAuth(await login(http, role), await login(http, "integration"))


def sign_in_sync(http: httpx.Client, role: str = "clinician") -> None:
    """``sign_in`` for a synchronous client."""
    url = "/api/v1/auth/token"
    staff = _bearer(http.post(url, data=login_form(role)))
    http.auth = RoleAuth(staff, _bearer(http.post(url, data=login_form("integration"))))
