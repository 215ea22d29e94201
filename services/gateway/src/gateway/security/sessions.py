"""Logins, rotating refresh tokens with reuse detection, logout and token revocation."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from emergisphere_runtime.cache import Cache
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from gateway.security.models import RefreshToken, User
from gateway.security.tokens import InvalidToken, Principal, TokenService, token_digest

_REVOKED = "es:auth:revoked:"


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str | None
    expires_in: int
    principal: Principal


class RefreshReused(InvalidToken):
    """A rotated refresh token came back: its family has been revoked."""


class Sessions:
    def __init__(self, platform: Platform, tokens: TokenService) -> None:
        self._platform = platform
        self._tokens = tokens
        self._refresh_lifetime = timedelta(seconds=platform.settings.refresh_token_seconds)

    @property
    def cache(self) -> Cache:
        return self._platform.cache

    def _access(self, user: User, family_id: str, now: datetime) -> tuple[str, Principal]:
        return self._tokens.issue(
            subject=user.id,
            name=user.username,
            role=user.role,
            kind="user",
            family_id=family_id,
            now=now,
        )

    async def login(self, user: User) -> TokenPair:
        """A new token family for a user whose password was just checked."""
        now = utcnow()
        family_id = str(uuid.uuid4())
        refresh = secrets.token_urlsafe(32)
        async with self._platform.db.transaction() as session:
            session.add(
                RefreshToken(
                    token_hash=token_digest(refresh),
                    family_id=family_id,
                    user_id=user.id,
                    issued_at=now,
                    expires_at=now + self._refresh_lifetime,
                )
            )
        access, principal = self._access(user, family_id, now)
        return TokenPair(access, refresh, int(self._tokens.lifetime.total_seconds()), principal)

    def client_token(self, client_id: str, scopes: frozenset[str]) -> TokenPair:
        # Client credentials get no refresh token (RFC 6749 4.4.3): they log in again.
        access, principal = self._tokens.issue(
            subject=client_id, name=client_id, role="integration", kind="client", scopes=scopes
        )
        return TokenPair(access, None, int(self._tokens.lifetime.total_seconds()), principal)

    async def refresh(self, refresh_token: str) -> TokenPair:
        now = utcnow()
        digest = token_digest(refresh_token)
        async with self._platform.db.transaction() as session:
            row = await session.get(RefreshToken, digest, with_for_update=True)
            if row is None or row.revoked_at is not None or row.expires_at <= now:
                raise InvalidToken()
            user = await session.get(User, row.user_id)
            if row.used_at is not None or user is None or not user.active:
                family = row.family_id
                await session.execute(
                    update(RefreshToken)
                    .where(RefreshToken.family_id == family, RefreshToken.revoked_at.is_(None))
                    .values(revoked_at=now)
                )
                reused = row.used_at is not None
            else:
                family, reused = "", False
                claimed = await session.execute(
                    update(RefreshToken)
                    .where(RefreshToken.token_hash == digest, RefreshToken.used_at.is_(None))
                    .values(used_at=now)
                )
                if getattr(claimed, "rowcount", 0) != 1:
                    raise InvalidToken()  # a concurrent refresh won: only one rotation
                new_refresh = secrets.token_urlsafe(32)
                session.add(
                    RefreshToken(
                        token_hash=token_digest(new_refresh),
                        family_id=row.family_id,
                        user_id=row.user_id,
                        issued_at=now,
                        expires_at=row.expires_at,  # a family never outlives its login
                    )
                )
                access, principal = self._access(user, row.family_id, now)
        if family:
            # Access tokens of the family die too, not just its refresh tokens.
            await self.revoke_family(family)
            if reused:
                raise RefreshReused()
            raise InvalidToken()
        return TokenPair(access, new_refresh, int(self._tokens.lifetime.total_seconds()), principal)

    async def logout(self, principal: Principal) -> None:
        if principal.family_id:
            now = utcnow()
            async with self._platform.db.transaction() as session:
                await session.execute(
                    update(RefreshToken)
                    .where(
                        RefreshToken.family_id == principal.family_id,
                        RefreshToken.revoked_at.is_(None),
                    )
                    .values(revoked_at=now)
                )
            await self.revoke_family(principal.family_id)
        await self._revoke(f"jti:{principal.token_id}")

    async def revoke_family(self, family_id: str) -> None:
        await self._revoke(f"fam:{family_id}")

    async def revoke_subject(self, subject: str) -> None:
        """Every access token of a user or client (deactivated, role changed)."""
        await self._revoke(f"sub:{subject}")
        async with self._platform.db.transaction() as session:
            await session.execute(
                update(RefreshToken)
                .where(RefreshToken.user_id == subject, RefreshToken.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )

    async def _revoke(self, what: str) -> None:
        # Kept as long as any access token issued before now can live.
        ttl = self._tokens.lifetime.total_seconds() + 5
        await self.cache.set(_REVOKED + what, utcnow().isoformat(), ttl_seconds=ttl)

    async def is_revoked(self, principal: Principal) -> bool:
        """Its token or family was revoked, or its subject was revoked after it was
        issued (a user re-enabled later logs in afresh)."""
        keys = [f"jti:{principal.token_id}"]
        if principal.family_id:
            keys.append(f"fam:{principal.family_id}")
        for key in keys:
            if await self.cache.get(_REVOKED + key) is not None:
                return True
        revoked_at = await self.cache.get(_REVOKED + f"sub:{principal.subject}")
        if revoked_at is None:
            return False
        issued = principal.issued_at
        return issued is None or issued <= datetime.fromisoformat(revoked_at)

    async def family_tokens(self, family_id: str) -> list[RefreshToken]:
        async with self._platform.db.session() as session:
            return list(
                await session.scalars(
                    select(RefreshToken).where(RefreshToken.family_id == family_id)
                )
            )
