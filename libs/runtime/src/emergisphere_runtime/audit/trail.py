"""Appending to the audit trail, reading it back, and verifying it.

Requests hand their events to ``record`` and go on; a writer task appends them in
batches, one transaction each, so auditing every read costs the API no extra round trip.
Appends from several processes take turns on a PostgreSQL advisory lock (on SQLite the
write lock serialises them), so the chain stays one line. ``flush`` waits until what was
recorded so far is stored; ``stop`` stores everything before returning.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere_runtime.audit.chain import GENESIS, ChainState, Finding, entry_hash, verify_chain
from emergisphere_runtime.audit.models import AuditEvent, AuditRecord
from emergisphere_runtime.db import Database

log = logging.getLogger(__name__)

APPEND_LOCK_KEY = 0x45530008
BATCH = 500
# Events waiting to be stored; beyond this, record() waits (back-pressure, never loss).
QUEUE_LIMIT = 20_000
RETRY_SECONDS = 1.0
VERIFY_PAGE = 2000


async def append(session: AsyncSession, key: bytes, events: Sequence[AuditEvent]) -> list[int]:
    """Append events after the current head, in this transaction; returns their ids."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": APPEND_LOCK_KEY})
    head = (
        await session.execute(
            select(AuditRecord.id, AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)
        )
    ).first()
    last_id, last_hash = (head[0], head[1]) if head else (0, GENESIS)
    ids = []
    for event in events:
        record = AuditRecord(
            id=last_id + 1,
            at=event.at,
            actor=event.actor,
            role=event.role,
            action=event.action,
            resource=event.resource,
            patient_id=event.patient_id,
            purpose=event.purpose,
            request_id=event.request_id,
            outcome=event.outcome,
            prev_hash=last_hash,
        )
        record.hash = entry_hash(key, record, last_hash)
        session.add(record)
        last_id, last_hash = record.id, record.hash
        ids.append(record.id)
    await session.flush()
    return ids


class AuditTrail:
    def __init__(self, db: Database, key: bytes) -> None:
        self._db = db
        self._key = key
        self._queue: asyncio.Queue[AuditEvent] = asyncio.Queue(maxsize=QUEUE_LIMIT)
        # A batch that failed to store; it goes first next time, so order is kept.
        self._held: list[AuditEvent] = []
        self._task: asyncio.Task[None] | None = None
        self._pending = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._write_forever(), name="audit:writer")

    async def stop(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
        await self._write_all()

    async def record(self, event: AuditEvent) -> None:
        self._pending += 1
        self._idle.clear()
        await self._queue.put(event)
        if self._task is None:  # not started (a tool, a test): store it now
            await self._write_all()

    async def flush(self) -> None:
        """Wait until every event recorded so far is stored."""
        if self._task is None:
            await self._write_all()
        else:
            await self._idle.wait()

    async def _write_forever(self) -> None:
        while True:
            if not self._held:
                self._held.append(await self._queue.get())
            try:
                await self._write_all()
            except Exception:
                # The database is down or refused the batch: the events stay held.
                log.warning("audit append failed; retrying")
                await asyncio.sleep(RETRY_SECONDS)

    async def _write_all(self) -> None:
        async with self._lock:
            while self._held or not self._queue.empty():
                while len(self._held) < BATCH and not self._queue.empty():
                    self._held.append(self._queue.get_nowait())
                async with self._db.transaction() as session:
                    await append(session, self._key, self._held)
                self._pending -= len(self._held)
                self._held = []
            if self._pending <= 0:
                self._pending = 0
                self._idle.set()


@dataclass(frozen=True)
class Verification:
    checked: int
    findings: list[Finding]
    head_id: int
    head_hash: str

    @property
    def ok(self) -> bool:
        return not self.findings


async def verify_database(db: Database, key: bytes) -> Verification:
    """Walk the whole trail in id order, page by page."""
    state = ChainState()
    findings: list[Finding] = []
    after = 0
    while True:
        async with db.session() as session:
            page = list(
                await session.scalars(
                    select(AuditRecord)
                    .where(AuditRecord.id > after)
                    .order_by(AuditRecord.id)
                    .limit(VERIFY_PAGE)
                )
            )
        if not page:
            break
        page_findings, state = verify_chain(key, page, state)
        findings.extend(page_findings)
        after = page[-1].id
    return Verification(
        checked=state.checked, findings=findings, head_id=state.last_id, head_hash=state.last_hash
    )


async def search(
    db: Database,
    *,
    patient_id: str | None = None,
    actor: str | None = None,
    since: datetime | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[AuditRecord]:
    query = select(AuditRecord).order_by(AuditRecord.id.desc()).limit(limit).offset(offset)
    if patient_id is not None:
        query = query.where(AuditRecord.patient_id == patient_id)
    if actor is not None:
        query = query.where(AuditRecord.actor == actor)
    if since is not None:
        query = query.where(AuditRecord.at >= since)
    async with db.session() as session:
        return list(await session.scalars(query))
