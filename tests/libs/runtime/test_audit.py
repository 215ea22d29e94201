"""The audit trail: hash-chained, append-only; verify names altered and deleted entries."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from emergisphere_runtime.audit import AuditEvent, AuditTrail, verify_database
from emergisphere_runtime.audit.verify import verify_command
from emergisphere_runtime.db import Base, Database
from emergisphere_runtime.settings import Settings

KEY = os.urandom(32)


def event(n: int) -> AuditEvent:
    return AuditEvent(
        actor=f"nurse{n % 3}",
        role="clinician",
        action="read",
        resource="GET /api/v1/patients/{patient_id}",
        patient_id=f"patient-{n}",
        purpose="treatment",
        request_id=f"req-{n}",
        outcome=200,
    )


@pytest.fixture(params=["sqlite", "postgresql"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    if request.param == "postgresql":
        url: str = request.getfixturevalue("pg_url")  # migrated: the trigger is in place
    else:
        url = f"sqlite+aiosqlite:///{tmp_path / 'audit.db'}"
    database = Database(url)
    if request.param == "sqlite":
        async with database.engine.begin() as conn:
            await conn.run_sync(Base.metadata.create_all)
    yield database  # type: ignore[misc]
    await database.dispose()


async def _tamper(db: Database, statement: str) -> None:
    async with db.engine.begin() as conn:
        if db.dialect == "postgresql":
            # What an attacker with the owner's rights would do first.
            await conn.execute(text("ALTER TABLE security_audit DISABLE TRIGGER USER"))
        await conn.execute(text(statement))


async def test_an_intact_trail_verifies_and_batches_keep_one_chain(db: Database) -> None:
    trail = AuditTrail(db, KEY)
    await trail.start()
    for n in range(1, 121):
        await trail.record(event(n))
    await trail.stop()
    result = await verify_database(db, KEY)
    assert result.ok, result.findings
    assert result.checked == 120
    assert result.head_id == 120


async def test_altering_one_entry_is_named(db: Database) -> None:
    trail = AuditTrail(db, KEY)
    for n in range(1, 6):
        await trail.record(event(n))
    await _tamper(db, "UPDATE security_audit SET patient_id = 'someone-else' WHERE id = 3")
    result = await verify_database(db, KEY)
    assert [str(f) for f in result.findings] == [
        "entry 3: content does not match its hash (altered)"
    ]


async def test_deleting_an_entry_is_named_by_the_gap(db: Database) -> None:
    trail = AuditTrail(db, KEY)
    for n in range(1, 6):
        await trail.record(event(n))
    await _tamper(db, "DELETE FROM security_audit WHERE id = 2")
    findings = [str(f) for f in (await verify_database(db, KEY)).findings]
    assert findings == [
        "entry 3: entries 2 before it are missing (deleted)",
        "entry 3: does not link to the entry before it",
    ]


async def test_recomputing_a_hash_without_the_key_does_not_help(db: Database) -> None:
    trail = AuditTrail(db, KEY)
    for n in range(1, 4):
        await trail.record(event(n))
    # Any digest computed without the audit key (here: 64 zeros).
    forged = "0000000000000000000000000000000000000000000000000000000000000000"
    await _tamper(db, f"UPDATE security_audit SET actor = 'x', hash = '{forged}' WHERE id = 2")  # noqa: S608
    findings = [str(f) for f in (await verify_database(db, KEY)).findings]
    assert "entry 2: content does not match its hash (altered)" in findings
    assert "entry 3: does not link to the entry before it" in findings


async def test_postgresql_refuses_updates_and_deletes(pg_url: str) -> None:
    database = Database(pg_url)
    try:
        await AuditTrail(database, KEY).record(event(1))
        for statement in ("UPDATE security_audit SET actor = 'x'", "DELETE FROM security_audit"):
            with pytest.raises(Exception, match="append-only"):
                async with database.engine.begin() as conn:
                    await conn.execute(text(statement))
    finally:
        await database.dispose()


async def test_the_verify_command_fails_and_names_the_entry(tmp_path: Path) -> None:
    settings = Settings(environment="test", data_dir=tmp_path)
    database = Database(settings.resolved_database_url)
    async with database.engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    from emergisphere_runtime.crypto import keyring_from_settings

    trail = AuditTrail(database, keyring_from_settings(settings).audit_key)
    for n in range(1, 4):
        await trail.record(event(n))
    out = io.StringIO()
    assert await verify_command(settings, out) == 0
    assert "intact: 3 entries" in out.getvalue()
    await _tamper(database, "UPDATE security_audit SET outcome = 403 WHERE id = 2")
    await database.dispose()
    out = io.StringIO()
    assert await verify_command(settings, out) == 1
    assert "TAMPERED entry 2: content does not match its hash (altered)" in out.getvalue()
