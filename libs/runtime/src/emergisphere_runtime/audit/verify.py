"""`emergisphere audit verify`: walk the trail, name every altered or missing entry."""

from __future__ import annotations

import sys
from typing import TextIO

from sqlalchemy.exc import OperationalError, ProgrammingError

from emergisphere_runtime.audit.trail import verify_database
from emergisphere_runtime.crypto import keyring_from_settings
from emergisphere_runtime.db import Database
from emergisphere_runtime.settings import Settings


async def verify_command(settings: Settings, out: TextIO = sys.stdout) -> int:
    """0 when the chain is intact, 1 (with one line per finding) when it is not."""
    key = keyring_from_settings(settings).audit_key
    db = Database(settings.resolved_database_url)
    try:
        result = await verify_database(db, key)
    except (OperationalError, ProgrammingError):
        # No such table (not migrated) or no database: say so, without driver text.
        print("no audit trail here: run `emergisphere db upgrade` first", file=out)
        return 2
    finally:
        await db.dispose()
    for finding in result.findings:
        print(f"TAMPERED {finding}", file=out)
    if result.ok:
        print(
            f"audit trail intact: {result.checked} entries, head {result.head_id} "
            f"{result.head_hash[:16]}",
            file=out,
        )
        return 0
    print(
        f"audit trail BROKEN: {len(result.findings)} finding(s) in {result.checked} entries",
        file=out,
    )
    return 1
