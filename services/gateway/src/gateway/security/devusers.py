"""Development accounts: one user per staff role and one integration client.

Their passwords are public (printed by `emergisphere dev` and written here), so they are
created only in development; production never seeds and refuses development secrets.
"""

from __future__ import annotations

from emergisphere_runtime.platform import Platform
from emergisphere_runtime.testing import (
    DEV_CLIENT_ID,
    DEV_CLIENT_SECRET,
    dev_password,
    dev_username,
)
from gateway.security import accounts
from gateway.security.models import Client
from gateway.security.roles import STAFF_ROLES


def credentials_table() -> str:
    lines = ["  Development sign-ins (POST /api/v1/auth/token):"]
    lines += [
        f"    {role:<11} {dev_username(role):<15} {dev_password(role)}" for role in STAFF_ROLES
    ]
    lines.append(
        f"    {'integration':<11} {DEV_CLIENT_ID:<15} {DEV_CLIENT_SECRET}  (client credentials)"
    )
    return "\n".join(lines)


async def seed(platform: Platform) -> int:
    """Create the missing development accounts; existing ones are left as they are."""
    created = 0
    async with platform.db.transaction() as session:
        for role in STAFF_ROLES:
            if await accounts.get_user_by_name(session, dev_username(role)) is None:
                await accounts.create_user(
                    session, username=dev_username(role), role=role, password=dev_password(role)
                )
                created += 1
        if await session.get(Client, DEV_CLIENT_ID) is None:
            await accounts.create_client(
                session,
                name="Development integration",
                scopes=["fhir", "devices"],
                secret=DEV_CLIENT_SECRET,
                client_id=DEV_CLIENT_ID,
            )
            created += 1
    return created
