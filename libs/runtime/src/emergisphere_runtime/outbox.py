"""Transactional outbox: a state change and the messages it causes commit together.

Writers ``stage`` envelopes in the same transaction as their change and ``release`` them
after the commit. The relay then publishes released messages at once (the fast path) and
deletes them in batches; a sweep publishes whatever is left over after a crash or while
the broker was down. A message can therefore be published twice (a crash between publish
and delete) but never lost; consumers drop repeats by message id (their inbox).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import BigInteger, Integer, String, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere_runtime import tracing
from emergisphere_runtime.bus.port import MessageBus
from emergisphere_runtime.crypto.columns import EncryptedBytes
from emergisphere_runtime.db.base import Base, Database, utcnow
from emergisphere_runtime.metrics import Metrics

log = logging.getLogger(__name__)

# Most messages leave by the fast path within milliseconds; the sweep (of any replica)
# leaves them alone for this long so it does not race the process that wrote them, even
# when that process's relay is backed up under load.
SWEEP_GRACE = timedelta(seconds=10)
SWEEP_BATCH = 500
# Published rows are deleted together, at most this often, to keep write transactions few.
DELETE_COALESCE_SECONDS = 0.1
# A sweep stuck on an unreachable store must not hold up a process's shutdown.
STOP_GRACE_SECONDS = 5.0
# How often the backlog (row count, oldest row) is measured for the metrics.
MEASURE_SECONDS = 5.0


class OutboxMessage(Base):
    __tablename__ = "outbox"

    # Ascending ids give the publish order of rows the sweep picks up.
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    message_id: Mapped[str] = mapped_column(String(64))
    topic: Mapped[str] = mapped_column(String(200))
    # Encrypted at rest: commands carry the patient's case.
    payload: Mapped[bytes] = mapped_column(EncryptedBytes("outbox.payload"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class Outbox:
    def __init__(
        self,
        db: Database,
        bus: MessageBus,
        metrics: Metrics,
        *,
        sweep_seconds: float = 1.0,
        grace: timedelta = SWEEP_GRACE,
    ) -> None:
        self._db = db
        self._bus = bus
        self._metrics = metrics
        self._sweep_seconds = sweep_seconds
        self._grace = grace
        self._queue: asyncio.Queue[list[OutboxMessage]] = asyncio.Queue()
        # Rows on the fast path (not to be swept) and rows published but not yet deleted.
        self._in_flight: set[int] = set()
        self._published: set[int] = set()
        self._published_event = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = asyncio.Event()
        self._sweeper: asyncio.Task[None] | None = None

    @staticmethod
    def stage(session: AsyncSession, topic: str, envelope: Envelope) -> OutboxMessage:
        """Add a message to the transaction; it is sent only if the transaction commits."""
        # Its consumer continues the trace of the work that caused it.
        tracing.stamp(envelope)
        row = OutboxMessage(
            message_id=envelope.message_id,
            topic=topic,
            payload=envelope.SerializeToString(),
            created_at=utcnow(),
        )
        session.add(row)
        return row

    def release(self, rows: Sequence[OutboxMessage]) -> None:
        """Hand committed rows to the relay for immediate publishing."""
        if not rows or not self._tasks:
            return  # not relaying in this process: the sweep of a relaying one sends them
        self._in_flight.update(row.id for row in rows)
        self._queue.put_nowait(list(rows))

    async def start(self) -> None:
        self._stopping.clear()
        self._sweeper = asyncio.create_task(self._sweep_forever(), name="outbox:sweep")
        self._tasks = [
            asyncio.create_task(self._relay_forever(), name="outbox:relay"),
            asyncio.create_task(self._delete_forever(), name="outbox:delete"),
        ]

    async def stop(self) -> None:
        """Stop relaying; released rows not yet published stay for the next sweep."""
        if self._sweeper is None:
            return
        # A sweep in progress finishes (its deletes commit) rather than rolling back,
        # which would only send its messages a second time later.
        self._stopping.set()
        try:
            await asyncio.wait_for(self._sweeper, STOP_GRACE_SECONDS)
        except Exception:
            log.warning("outbox sweep did not finish in time; its rows are sent later")
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        self._sweeper = None
        with contextlib.suppress(Exception):
            await self._delete_published()

    async def flush(self) -> int:
        """Publish every committed row now, whatever its age (tests and shutdown)."""
        return await self.sweep(grace=timedelta(0))

    async def sweep(self, *, grace: timedelta | None = None) -> int:
        """Publish rows the fast path did not; returns how many were published."""
        cutoff = utcnow() - (self._grace if grace is None else grace)
        query = (
            select(OutboxMessage)
            .where(OutboxMessage.created_at <= cutoff)
            .order_by(OutboxMessage.id)
            .limit(SWEEP_BATCH)
        )
        async with self._db.session() as session:
            if (await session.execute(query.with_only_columns(OutboxMessage.id))).first() is None:
                return 0
        sent: list[int] = []
        try:
            async with self._db.transaction() as session:
                # Replicas sweeping at once each take different rows.
                rows = (await session.scalars(query.with_for_update(skip_locked=True))).all()
                for row in rows:
                    if row.id in self._in_flight or row.id in self._published:
                        continue
                    await self._bus.publish(row.topic, Envelope.FromString(row.payload))
                    sent.append(row.id)
                if sent:
                    await session.execute(delete(OutboxMessage).where(OutboxMessage.id.in_(sent)))
        except Exception:
            # The broker is down (or the store): what was sent is sent again later,
            # which consumers tolerate; nothing is dropped.
            self._metrics.outbox_publish_failures.inc()
            raise
        if sent:
            self._metrics.outbox_published.labels("sweep").inc(len(sent))
            log.info("outbox sweep published messages", extra={"count": len(sent)})
        return len(sent)

    async def _relay_forever(self) -> None:
        while True:
            batch = await self._queue.get()
            while not self._queue.empty():
                batch.extend(self._queue.get_nowait())
            await self._publish(batch)

    async def _publish(self, rows: list[OutboxMessage]) -> None:
        # In order, one at a time per batch: a workflow's messages keep their commit order.
        for index, row in enumerate(rows):
            try:
                await self._bus.publish(row.topic, Envelope.FromString(row.payload))
            except Exception as exc:
                self._metrics.outbox_publish_failures.inc()
                log.warning(
                    "outbox publish failed; the sweep will retry",
                    extra={"error": type(exc).__name__},
                )
                self._in_flight.difference_update(r.id for r in rows[index:])
                return
            finally:
                self._in_flight.discard(row.id)
            self._published.add(row.id)
            self._metrics.outbox_published.labels("direct").inc()
        self._published_event.set()

    async def _delete_forever(self) -> None:
        while True:
            await self._published_event.wait()
            await asyncio.sleep(DELETE_COALESCE_SECONDS)
            try:
                await self._delete_published()
            except Exception:
                log.exception("deleting published outbox rows failed; retrying")
                await asyncio.sleep(1)

    async def _delete_published(self) -> None:
        self._published_event.clear()
        ids = list(self._published)
        if not ids:
            return
        async with self._db.transaction() as session:
            await session.execute(delete(OutboxMessage).where(OutboxMessage.id.in_(ids)))
        self._published.difference_update(ids)

    async def measure(self) -> None:
        """Record the backlog (all processes' rows) and its oldest row in the metrics."""
        query = select(func.count(), func.min(OutboxMessage.created_at))
        async with self._db.session() as session:
            count, oldest = (await session.execute(query)).one()
        self._metrics.set_outbox_state(count, None if oldest is None else oldest.timestamp())

    async def _sweep_forever(self) -> None:
        measured = 0.0
        while not self._stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self._sweep_seconds)
                return
            try:
                if time.monotonic() - measured >= MEASURE_SECONDS:
                    measured = time.monotonic()
                    await self.measure()
                await self.sweep()
            except Exception as exc:
                log.warning(
                    "outbox sweep failed; retrying on the next tick",
                    extra={"error": type(exc).__name__},
                )
