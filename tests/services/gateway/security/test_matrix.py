"""Every route has a declared rule, and every role gets exactly what the matrix says:
anonymous, expired and tampered tokens get 401; roles outside a rule get 403."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
import jwt
from fastapi import FastAPI

from emergisphere_runtime.db.base import utcnow
from gateway.security.context import Security
from gateway.security.matrix import MATRIX, WS, app_routes, rule_for, uncovered
from gateway.security.roles import ROLES
from gateway.security.testing import bearer


def test_every_route_has_exactly_one_declared_rule(app: FastAPI) -> None:
    assert uncovered(app) == []
    served = {(key.method, key.path) for key in app_routes(app)}
    # No stale rules either: each names a route that exists.
    assert set(MATRIX) - served == set()


def _concrete(path: str) -> str:
    # Unknown ids: the gate decides before the view looks anything up.
    return re.sub(r"\{(\w+)\}", lambda m: f"no-such-{m[1]}".replace("_", "-"), path)


async def _call(http: httpx.AsyncClient, method: str, path: str, headers: dict[str, str]):
    if method in ("POST", "PUT", "PATCH"):
        return await http.request(method, _concrete(path), json={}, headers=headers)
    return await http.request(method, _concrete(path), headers=headers)


def _expired(app: FastAPI) -> dict[str, str]:
    security: Security = app.state.security
    token, _ = security.tokens.issue(
        subject="u", name="u", role="admin", kind="user", now=utcnow() - timedelta(hours=1)
    )
    return {"Authorization": f"Bearer {token}"}


def _tampered(app: FastAPI) -> dict[str, str]:
    token = bearer(app, "desk")["Authorization"].removeprefix("Bearer ")
    header, payload, signature = token.split(".")
    # Same signature, payload claiming admin: the signature no longer matches.
    forged_payload = jwt.utils.base64url_encode(
        jwt.utils.base64url_decode(payload).replace(b'"desk"', b'"admin"')
    ).decode()
    unsigned = jwt.encode({"sub": "x", "role": "admin"}, key="", algorithm="none")
    return {
        "tampered": f"Bearer {header}.{forged_payload}.{signature}",
        "alg-none": f"Bearer {unsigned}",
        "other-key": "Bearer "
        + jwt.encode({"sub": "x", "role": "admin"}, "another secret of 32 bytes or more!!!"),
        "garbage": "Bearer not-a-token",
    }


async def test_every_route_for_every_role_and_bad_tokens(
    app: FastAPI, http: httpx.AsyncClient
) -> None:
    expired = _expired(app)
    tampered = _tampered(app)
    beyond: list[str] = []
    checked = 0
    for key in app_routes(app):
        if key.method == WS:
            continue  # tested over a real socket in test_websocket_needs_a_token_and_a_role
        rule = rule_for(key.method, key.path)
        assert rule is not None
        anonymous = await _call(http, key.method, key.path, {})
        if rule.public:
            assert anonymous.status_code not in (401, 403), (key, anonymous.text)
            continue
        assert anonymous.status_code == 401, (key, anonymous.status_code)
        assert anonymous.headers["www-authenticate"].startswith("Bearer")
        assert (await _call(http, key.method, key.path, expired)).status_code == 401, key
        for label, value in tampered.items():
            answer = await _call(http, key.method, key.path, {"Authorization": value})
            assert answer.status_code == 401, (key, label)
        for role in ROLES:
            # A fresh token each time: the logout route revokes the one it is given.
            answer = await _call(http, key.method, key.path, bearer(app, role))
            checked += 1
            by_role = rule.allows(role, key.method) and role not in rule.owned
            # Owners are limited to their own resources (an unknown device is not theirs);
            # break-glass roles hold no grant here.
            expected_denied = True if role in rule.owned else not by_role
            denied = answer.status_code == 403
            if denied != expected_denied or answer.status_code == 401:
                beyond.append(f"{role} {key.method} {key.path}: {answer.status_code}")
            assert answer.status_code < 500, (role, key, answer.text)
    assert beyond == []
    guarded = [
        k for k in app_routes(app) if k.method != WS and not MATRIX[(k.method, k.path)].public
    ]
    assert checked == len(ROLES) * len(guarded)
