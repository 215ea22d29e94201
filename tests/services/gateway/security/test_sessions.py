"""Password and client-credentials sign-in, rotating refresh tokens, reuse detection,
logout, deactivation, and secrets stored only as argon2 hashes."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from emergisphere_runtime.platform import Platform
from gateway.security import accounts

PASSWORD = "correct horse battery staple"


@pytest.fixture
async def nurse(platform: Platform) -> str:
    async with platform.db.transaction() as session:
        await accounts.create_user(
            session, username="nurse.ada", role="clinician", password=PASSWORD
        )
    return "nurse.ada"


async def _login(
    http: httpx.AsyncClient, username: str, password: str = PASSWORD
) -> httpx.Response:
    return await http.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": username, "password": password},
    )


def _auth(body: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {body['access_token']}"}


async def _refresh(http: httpx.AsyncClient, token: str) -> httpx.Response:
    return await http.post(
        "/api/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": token}
    )


async def test_password_sign_in_gives_a_15_minute_token_and_a_refresh_token(
    http: httpx.AsyncClient, nurse: str
) -> None:
    response = await _login(http, nurse)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 900
    assert response.headers["cache-control"] == "no-store"
    me = await http.get("/api/v1/auth/me", headers=_auth(body))
    assert me.json()["name"] == nurse
    assert me.json()["role"] == "clinician"


async def test_wrong_password_and_unknown_user_look_the_same(
    http: httpx.AsyncClient, nurse: str
) -> None:
    wrong = await _login(http, nurse, "not the password at all")
    unknown = await _login(http, "nobody", "not the password at all")
    assert wrong.status_code == unknown.status_code == 400
    assert wrong.json() == unknown.json()
    assert wrong.json()["detail"]["error"] == "invalid_grant"


async def test_refresh_rotates_and_reuse_revokes_the_whole_family(
    http: httpx.AsyncClient, nurse: str
) -> None:
    first = (await _login(http, nurse)).json()
    second = (await _refresh(http, first["refresh_token"])).json()
    assert second["refresh_token"] != first["refresh_token"]
    third = (await _refresh(http, second["refresh_token"])).json()
    assert (await http.get("/api/v1/auth/me", headers=_auth(third))).status_code == 200

    # Someone replays the first (already rotated) refresh token: stolen.
    replay = await _refresh(http, first["refresh_token"])
    assert replay.status_code == 400
    assert "reused" in replay.json()["detail"]["error_description"]
    # Every token of the family is dead now, refresh and access alike...
    assert (await _refresh(http, third["refresh_token"])).status_code == 400
    for body in (first, second, third):
        assert (await http.get("/api/v1/auth/me", headers=_auth(body))).status_code == 401
    # ...while a new sign-in works.
    assert (await _login(http, nurse)).status_code == 200


async def test_logout_revokes_the_access_and_refresh_tokens(
    http: httpx.AsyncClient, nurse: str
) -> None:
    body = (await _login(http, nurse)).json()
    assert (await http.post("/api/v1/auth/logout", headers=_auth(body))).status_code == 204
    assert (await http.get("/api/v1/auth/me", headers=_auth(body))).status_code == 401
    assert (await _refresh(http, body["refresh_token"])).status_code == 400


async def test_sign_in_attempts_are_limited(http: httpx.AsyncClient, nurse: str) -> None:
    statuses = [(await _login(http, nurse, "guessing-password")).status_code for _ in range(11)]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429
    limited = await _login(http, nurse)
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["retry-after"]) <= 120  # at most two windows


async def test_deactivating_a_user_ends_their_tokens(
    app: FastAPI, http: httpx.AsyncClient, nurse: str
) -> None:
    from gateway.security.testing import bearer

    body = (await _login(http, nurse)).json()
    off = await http.patch(
        f"/api/v1/admin/users/{nurse}", json={"active": False}, headers=bearer(app, "admin")
    )
    assert off.status_code == 200, off.text
    assert (await http.get("/api/v1/auth/me", headers=_auth(body))).status_code == 401
    assert (await _login(http, nurse)).status_code == 400


async def test_client_credentials_are_scoped(
    app: FastAPI, http: httpx.AsyncClient, platform: Platform
) -> None:
    from gateway.security.testing import bearer

    created = await http.post(
        "/api/v1/admin/clients",
        json={"name": "Lab system", "scopes": ["fhir"]},
        headers=bearer(app, "admin"),
    )
    assert created.status_code == 201, created.text
    client = created.json()
    token = await http.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials"},
        auth=(client["id"], client["client_secret"]),
    )
    assert token.status_code == 200, token.text
    assert token.json()["scope"] == "fhir"
    assert "refresh_token" not in token.json()
    headers = _auth(token.json())
    assert (await http.get("/fhir/r4/Patient", headers=headers)).status_code == 200
    devices = await http.post("/api/v1/devices", json={}, headers=headers)
    assert devices.status_code == 403
    assert "devices scope" in devices.json()["detail"]
    staff = await http.get("/api/v1/workflows", headers=headers)
    assert staff.status_code == 403

    wrong = await http.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client["id"],
            "client_secret": "wrong",
        },
    )
    assert wrong.status_code == 401
    async with platform.db.session() as session:
        stored = await session.scalar(
            text("SELECT secret_hash FROM security_clients WHERE id = :id"), {"id": client["id"]}
        )
    assert stored.startswith("$argon2id$")
    assert client["client_secret"] not in stored


async def test_passwords_are_stored_as_argon2_hashes(platform: Platform, nurse: str) -> None:
    async with platform.db.session() as session:
        stored = await session.scalar(
            text("SELECT password_hash FROM security_users WHERE username = :u"), {"u": nurse}
        )
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


async def test_admin_creates_users_with_strict_bodies(
    app: FastAPI, http: httpx.AsyncClient
) -> None:
    from gateway.security.testing import bearer

    admin = bearer(app, "admin")
    extra = await http.post(
        "/api/v1/admin/users",
        json={"username": "desk.bo", "role": "desk", "password": PASSWORD, "is_admin": True},
        headers=admin,
    )
    assert extra.status_code == 422
    assert extra.json()["detail"][0]["field"] == "is_admin"
    short = await http.post(
        "/api/v1/admin/users",
        json={"username": "desk.bo", "role": "desk", "password": "short"},
        headers=admin,
    )
    assert short.status_code == 422
    made = await http.post(
        "/api/v1/admin/users",
        json={"username": "desk.bo", "role": "desk", "password": PASSWORD},
        headers=admin,
    )
    assert made.status_code == 201
    again = await http.post(
        "/api/v1/admin/users",
        json={"username": "desk.bo", "role": "desk", "password": PASSWORD},
        headers=admin,
    )
    assert again.status_code == 409
    assert (await _login(http, "desk.bo")).status_code == 200
