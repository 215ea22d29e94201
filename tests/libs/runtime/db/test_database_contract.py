"""What every relational store must guarantee, checked on SQLite and on PostgreSQL alike.

Both run the Alembic migrations, so constraints are the ones production has. The
PostgreSQL variants need the local server (`make services-up`) and get a fresh database
per test.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
from collections.abc import AsyncIterator, Awaitable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest
from alembic import command
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from emergisphere.v1.agents_pb2 import Case, LegalCommand, LegalResult
from emergisphere_runtime import schema
from emergisphere_runtime.agent import AgentContext, AgentService, AgentSpec
from emergisphere_runtime.db import Database
from emergisphere_runtime.inbox import InboxEntry
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.settings import Settings
from emergisphere_runtime.testing import command_envelope
from emergisphere_runtime.workflow import engine, store
from emergisphere_runtime.workflow.definitions import get_definition
from emergisphere_runtime.workflow.engine import Effects
from emergisphere_runtime.workflow.models import AuditEntry, Step, Workflow

T = TypeVar("T")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        url: str = request.getfixturevalue("pg_url")
        return url
    url = f"sqlite+aiosqlite:///{tmp_path / 'contract.db'}"
    # Alembic's env runs its own event loop; keep it off the test's.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(command.upgrade, schema.alembic_config(url), "head").result()
    return url


@pytest.fixture
async def relational(settings: Settings, database_url: str) -> AsyncIterator[Platform]:
    platform = Platform.from_settings(settings.model_copy(update={"database_url": database_url}))
    await platform.open_stores()
    try:
        yield platform
    finally:
        await platform.close()


@pytest.fixture
def db(relational: Platform) -> Database:
    return relational.db


def requires_postgresql(db: Database) -> None:
    # SQLite runs one writer at a time, so two writers can never interleave there.
    if db.dialect != "postgresql":
        pytest.skip("needs concurrent writers (PostgreSQL)")


async def count(db: Database, model: type[Any]) -> int:
    async with db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def settle(*work: Awaitable[T]) -> list[T]:
    """Run concurrently and wait for all (a failure must not leave others running on)."""
    results = await asyncio.gather(*work, return_exceptions=True)
    errors = [r for r in results if isinstance(r, BaseException)]
    if errors:
        raise errors[0]
    return cast(list[T], results)


def audit(at: datetime | None = None, **detail: Any) -> AuditEntry:
    return AuditEntry(
        workflow_id="wf-1",
        at=at or datetime.now(UTC),
        actor="dr-1",
        action="note",
        reason="r",
        detail=detail,
    )


async def add_workflow(db: Database, workflow_id: str = "wf-1") -> None:
    workflow = engine.create(
        workflow_id=workflow_id,
        definition=get_definition("device_scan"),
        case=Case(),
        now=datetime.now(UTC),
    )
    async with db.transaction() as session:
        session.add(workflow)


# --- transactions ---------------------------------------------------------------------


async def test_a_transaction_commits_every_row_together(db: Database) -> None:
    async with db.transaction() as session:
        session.add(InboxEntry(consumer="c", message_id="m-1", reply=b"r"))
        session.add(audit())
    assert (await count(db, InboxEntry), await count(db, AuditEntry)) == (1, 1)


async def test_an_exception_rolls_back_rows_already_sent_to_the_server(db: Database) -> None:
    async def write_then_fail() -> None:
        async with db.transaction() as session:
            session.add(InboxEntry(consumer="c", message_id="m-1", reply=b"r"))
            session.add(audit())
            await session.flush()  # the INSERTs have run; only the commit is missing
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        await write_then_fail()
    assert (await count(db, InboxEntry), await count(db, AuditEntry)) == (0, 0)


async def test_a_constraint_violation_half_way_leaves_no_partial_rows(db: Database) -> None:
    async with db.transaction() as session:
        session.add(InboxEntry(consumer="c", message_id="taken", reply=b"r"))

    async def write_then_collide() -> None:
        async with db.transaction() as session:
            session.add(audit())
            session.add(InboxEntry(consumer="c", message_id="new", reply=b"r"))
            await session.flush()
            session.add(InboxEntry(consumer="c", message_id="taken", reply=b"again"))

    with pytest.raises(IntegrityError):
        await write_then_collide()
    assert await count(db, AuditEntry) == 0
    async with db.session() as session:
        assert list(await session.scalars(select(InboxEntry.message_id))) == ["taken"]


async def test_uncommitted_rows_are_invisible_to_other_sessions(db: Database) -> None:
    flushed, checked = asyncio.Event(), asyncio.Event()

    async def writer() -> None:
        async with db.transaction() as session:
            session.add(InboxEntry(consumer="c", message_id="m-1", reply=b"r"))
            await session.flush()
            flushed.set()
            await checked.wait()

    task = asyncio.create_task(writer())
    await flushed.wait()
    try:
        assert await count(db, InboxEntry) == 0
    finally:
        checked.set()
        await task
    assert await count(db, InboxEntry) == 1


async def test_ten_concurrent_inserts_of_one_key_have_exactly_one_winner(db: Database) -> None:
    async def insert(n: int) -> int:
        async with db.transaction() as session:
            session.add(InboxEntry(consumer="c", message_id="same", reply=str(n).encode()))
            await session.flush()
            await asyncio.sleep(0.01)  # hold the row while the others arrive
        return n

    outcomes = await asyncio.gather(*(insert(n) for n in range(10)), return_exceptions=True)
    winners = [o for o in outcomes if isinstance(o, int)]
    losers = [o for o in outcomes if not isinstance(o, int)]
    assert len(winners) == 1
    assert len(losers) == 9
    assert all(isinstance(o, IntegrityError) for o in losers), losers
    async with db.session() as session:
        assert list(await session.scalars(select(InboxEntry.reply))) == [str(winners[0]).encode()]


# --- types ------------------------------------------------------------------------------


async def test_utc_datetimes_round_trip_timezone_aware_to_the_microsecond(db: Database) -> None:
    utc = datetime(2031, 3, 3, 9, 30, 15, 123456, tzinfo=UTC)
    # The same instant in another zone is stored as that instant and read back in UTC.
    kolkata = datetime(2031, 3, 3, 15, 0, 15, 123456, tzinfo=timezone(timedelta(hours=5.5)))
    async with db.transaction() as session:
        session.add(audit(at=utc, n=1))
        session.add(audit(at=kolkata, n=2))
    async with db.session() as session:
        stored = list(await session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
        later = await session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.at > kolkata - timedelta(microseconds=1))
        )
    assert [entry.at for entry in stored] == [utc, utc]
    assert all(entry.at.utcoffset() == timedelta(0) for entry in stored)
    assert later == 2  # comparisons in SQL use the instant, not the wall clock


async def test_naive_datetimes_are_refused(db: Database) -> None:
    async def write_naive() -> None:
        async with db.transaction() as session:
            session.add(audit(at=datetime(2031, 3, 3, 9, 30)))

    with pytest.raises(StatementError, match="naive datetime"):
        await write_naive()
    assert await count(db, AuditEntry) == 0


async def test_json_and_binary_columns_round_trip(db: Database) -> None:
    detail = {
        "nested": {"list": [1, 2.5, "x", None, True, {"deep": []}]},
        "unicode": "Zoë ✓ 患者",
        "empty": {},
        "big": 2**53,
    }
    blob = bytes(range(256))
    await add_workflow(db)
    async with db.transaction() as session:
        session.add(audit(**detail))
        session.add(InboxEntry(consumer="c", message_id="m-1", reply=blob))
        step = await session.get(Step, ("wf-1", "device"))
        assert step is not None
        step.output = {"readings": [{"spo2": 91, "at": "2031-03-03T09:30:00Z"}]}
    async with db.session() as session:
        entry = await session.scalar(select(AuditEntry))
        inbox = await session.get(InboxEntry, ("c", "m-1"))
        steps = {s.step_id: s for s in await session.scalars(select(Step))}
    assert entry is not None
    assert entry.detail == detail
    assert inbox is not None
    assert inbox.reply == blob
    assert steps["device"].output == {"readings": [{"spo2": 91, "at": "2031-03-03T09:30:00Z"}]}
    assert steps["records"].after == ["device"]
    assert steps["records"].output is None


# --- workflow versions: two orchestrator replicas never advance one workflow twice ------


async def test_the_second_writer_of_one_version_fails_and_changes_nothing(db: Database) -> None:
    requires_postgresql(db)
    await add_workflow(db)
    loaded, first_committed = asyncio.Event(), asyncio.Event()

    async def first() -> None:
        async with db.transaction() as session:
            workflow = await session.get(Workflow, "wf-1")
            assert workflow is not None
            await loaded.wait()
            workflow.acuity = 1
        first_committed.set()

    async def second() -> None:
        async with db.transaction() as session:
            workflow = await session.get(Workflow, "wf-1")
            assert workflow is not None
            assert workflow.version == 1  # the same state the first writer loaded
            loaded.set()
            await first_committed.wait()
            workflow.acuity = 2

    results = await asyncio.gather(first(), second(), return_exceptions=True)
    assert results[0] is None
    assert isinstance(results[1], StaleDataError)
    async with db.session() as session:
        workflow = await session.get(Workflow, "wf-1")
    assert workflow is not None
    assert (workflow.acuity, workflow.version) == (1, 2)


async def test_a_conflicting_mutation_is_reapplied_on_the_newer_state(
    relational: Platform,
) -> None:
    requires_postgresql(relational.db)
    await add_workflow(relational.db)
    b_loaded, a_done = asyncio.Event(), asyncio.Event()
    seen_by_b: list[int] = []

    async def change_a(
        _session: AsyncSession, workflow: Workflow, now: datetime, _fx: Effects
    ) -> None:
        # Let replica B load the same version, unless mutate locks the row (B then waits
        # for this commit, and this wait times out).
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(b_loaded.wait(), 0.5)
        workflow.acuity = (workflow.acuity or 0) + 1
        workflow.updated_at = now

    async def change_b(
        _session: AsyncSession, workflow: Workflow, now: datetime, _fx: Effects
    ) -> None:
        seen_by_b.append(workflow.version)
        b_loaded.set()
        await a_done.wait()  # commit only after replica A did
        workflow.acuity = (workflow.acuity or 0) + 1
        workflow.updated_at = now

    async def replica_a() -> None:
        await store.mutate(relational, "wf-1", change_a)
        a_done.set()

    await settle(replica_a(), store.mutate(relational, "wf-1", change_b))
    # B committed a change built on A's result, never one built on the version A replaced.
    assert seen_by_b[-1] == 2
    async with relational.db.session() as session:
        workflow = await session.get(Workflow, "wf-1")
    assert workflow is not None
    assert (workflow.acuity, workflow.version) == (2, 3)


async def test_concurrent_mutations_of_one_workflow_are_never_lost(relational: Platform) -> None:
    # Results of parallel steps arrive together, and two orchestrator replicas may work
    # on one workflow: eight writers, four changes each.
    await add_workflow(relational.db)

    async def increment(
        _session: AsyncSession, workflow: Workflow, now: datetime, _fx: Effects
    ) -> None:
        workflow.acuity = (workflow.acuity or 0) + 1
        workflow.updated_at = now

    async def replica() -> None:
        for _ in range(4):
            await store.mutate(relational, "wf-1", increment)

    await settle(*(replica() for _ in range(8)))
    async with relational.db.session() as session:
        workflow = await session.get(Workflow, "wf-1")
    assert workflow is not None
    assert (workflow.acuity, workflow.version) == (32, 33)


# --- agent inbox: a redelivered command is answered, never re-done ----------------------


def counting_agent(platform: Platform, calls: list[str]) -> AgentService[Any, Any]:
    async def handle(command: LegalCommand, ctx: AgentContext) -> LegalResult:
        calls.append(ctx.workflow_id)
        ctx.session.add(audit(handled=len(calls)))  # an effect in the agent's transaction
        await asyncio.sleep(0.05)  # long enough for a concurrent redelivery to arrive
        return LegalResult(case_id=f"case-{len(calls)}")

    return AgentService(platform, AgentSpec(name="legal", handler=handle))


async def test_a_redelivered_message_is_answered_from_the_inbox(relational: Platform) -> None:
    calls: list[str] = []
    agent = counting_agent(relational, calls)
    envelope = command_envelope("legal", Case(), workflow_id="wf-1")
    first = await agent.handle(envelope)
    again = await agent.handle(envelope)
    assert calls == ["wf-1"]
    assert again == first
    assert first.step_result.ok
    assert (await count(relational.db, AuditEntry), await count(relational.db, InboxEntry)) == (
        1,
        1,
    )


async def test_a_message_redelivered_while_in_flight_is_done_once(relational: Platform) -> None:
    calls: list[str] = []
    agent = counting_agent(relational, calls)
    envelope = command_envelope("legal", Case(), workflow_id="wf-1")
    replies = await settle(agent.handle(envelope), agent.handle(envelope))
    assert (await count(relational.db, AuditEntry), await count(relational.db, InboxEntry)) == (
        1,
        1,
    )
    # Both deliveries answer with the one result; neither reports a failure.
    assert [r.step_result.ok for r in replies] == [True, True], [r.step_result for r in replies]
    assert replies[0] == replies[1]
