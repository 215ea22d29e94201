"""Access tokens: short-lived HS256 JWTs naming the principal, its role and scopes."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import jwt

from emergisphere_runtime.crypto.keys import UnsafeSecrets, development_secret
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.settings import Settings

ISSUER = "emergisphere"
AUDIENCE = "emergisphere-api"
ALGORITHM = "HS256"
MIN_SECRET_BYTES = 32


@dataclass(frozen=True)
class Principal:
    """Who is calling: a staff user or an integration client."""

    subject: str  # user id or client id
    name: str  # username or client id: what the audit trail shows
    role: str
    kind: str  # "user" or "client"
    scopes: frozenset[str] = field(default_factory=frozenset)
    token_id: str = ""
    family_id: str | None = None
    issued_at: datetime | None = None
    expires_at: datetime | None = None


class InvalidToken(Exception):
    """Missing, malformed, expired, tampered or revoked; the API says 401 and no more."""


def jwt_secret(settings: Settings) -> bytes:
    if settings.jwt_secret:
        secret = settings.jwt_secret.encode()
        if len(secret) < MIN_SECRET_BYTES:
            raise UnsafeSecrets(f"ES_JWT_SECRET must have at least {MIN_SECRET_BYTES} bytes")
        if settings.environment == "production" and secret == _dev_secret():
            raise UnsafeSecrets("production secrets must not be the development values")
        return secret
    if settings.environment == "production":
        raise UnsafeSecrets("production needs ES_JWT_SECRET")
    return _dev_secret()


def _dev_secret() -> bytes:
    return development_secret("jwt").hex().encode()


class TokenService:
    def __init__(self, settings: Settings) -> None:
        self._secret = jwt_secret(settings)
        self.lifetime = timedelta(seconds=settings.access_token_seconds)

    def issue(
        self,
        *,
        subject: str,
        name: str,
        role: str,
        kind: str,
        scopes: frozenset[str] = frozenset(),
        family_id: str | None = None,
        now: datetime | None = None,
    ) -> tuple[str, Principal]:
        now = now or utcnow()
        expires = now + self.lifetime
        token_id = uuid.uuid4().hex
        claims: dict[str, object] = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": subject,
            "name": name,
            "role": role,
            "kind": kind,
            "scope": " ".join(sorted(scopes)),
            "jti": token_id,
            "iat": int(now.timestamp()),
            "exp": int(expires.timestamp()),
        }
        if family_id is not None:
            claims["fam"] = family_id
        token = jwt.encode(claims, self._secret, algorithm=ALGORITHM)
        principal = Principal(
            subject=subject,
            name=name,
            role=role,
            kind=kind,
            scopes=scopes,
            token_id=token_id,
            family_id=family_id,
            issued_at=now.replace(microsecond=0),
            expires_at=expires,
        )
        return token, principal

    def verify(self, token: str) -> Principal:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],  # never "none", never the token's own choice
                audience=AUDIENCE,
                issuer=ISSUER,
                options={"require": ["exp", "iat", "sub", "jti", "aud", "iss"]},
            )
        except jwt.PyJWTError:
            raise InvalidToken() from None
        try:
            return Principal(
                subject=str(claims["sub"]),
                name=str(claims["name"]),
                role=str(claims["role"]),
                kind=str(claims["kind"]),
                scopes=frozenset(str(claims.get("scope", "")).split()),
                token_id=str(claims["jti"]),
                family_id=claims.get("fam"),
                issued_at=datetime.fromtimestamp(int(claims["iat"]), UTC),
                expires_at=datetime.fromtimestamp(int(claims["exp"]), UTC),
            )
        except (KeyError, TypeError, ValueError):
            raise InvalidToken() from None


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
