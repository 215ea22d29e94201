"""The gateway's security services, built once per app from the platform."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from starlette.requests import HTTPConnection

from emergisphere_runtime.audit import AuditTrail
from emergisphere_runtime.crypto import keyring_from_settings
from emergisphere_runtime.platform import Platform
from gateway.security.sessions import Sessions
from gateway.security.tokens import TokenService


@dataclass
class Security:
    platform: Platform
    tokens: TokenService
    sessions: Sessions
    audit: AuditTrail
    background: asyncio.Task[None] | None = None
    _route_paths: dict[int, str] = field(default_factory=dict)

    @classmethod
    def build(cls, platform: Platform) -> Security:
        tokens = TokenService(platform.settings)  # refuses unsafe production secrets
        keyring = keyring_from_settings(platform.settings)
        return cls(
            platform=platform,
            tokens=tokens,
            sessions=Sessions(platform, tokens),
            audit=AuditTrail(platform.db, keyring.audit_key),
        )

    def route_path(self, app: FastAPI, route: object) -> str | None:
        """The full path template of the route a request was routed to.

        Requests see either the route as declared or the copy FastAPI makes when it
        includes a router (WebSocket routes); both are mapped to the included path.
        """
        if id(route) not in self._route_paths:
            for context in iter_route_contexts(app.routes):
                if context.path is None:
                    continue
                self._route_paths[id(context.original_route)] = context.path
                # FastAPI's own view of an included route: a copy (WebSocket routes) or a
                # context that may hold one.
                effective = getattr(context, "_effective_route", None)
                for copy in (effective, getattr(effective, "starlette_route", None)):
                    if copy is not None:
                        self._route_paths[id(copy)] = context.path
        return self._route_paths.get(id(route))


def security_of(conn: HTTPConnection) -> Security:
    security: Security = conn.app.state.security
    return security
