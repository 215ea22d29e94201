"""Loading and locating persisted workflows."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.workflow.engine import Effects
from emergisphere_runtime.workflow.models import Workflow
from emergisphere_runtime.workflow.publishing import announce, stage_effects

T = TypeVar("T")
Change = Callable[[AsyncSession, Workflow, datetime, Effects], Awaitable[None]]
ACTIVE = ("running", "escalated")
MAX_CONFLICT_RETRIES = 8


class WorkflowNotFound(LookupError):
    pass


async def load(
    session: AsyncSession, workflow_id: str, *, for_update: bool = False
) -> Workflow | None:
    return await session.get(Workflow, workflow_id, with_for_update=for_update)


async def due_ids(session: AsyncSession, now: datetime, *, limit: int = 200) -> list[str]:
    rows = await session.execute(
        select(Workflow.id)
        .where(Workflow.status.in_(ACTIVE), Workflow.wake_at <= now)
        .order_by(Workflow.wake_at)
        .limit(limit)
    )
    return list(rows.scalars())


async def active_ids(session: AsyncSession) -> list[str]:
    rows = await session.execute(select(Workflow.id).where(Workflow.status.in_(ACTIVE)))
    return list(rows.scalars())


async def mutate(
    platform: Platform,
    workflow_id: str,
    change: Callable[[AsyncSession, Workflow, datetime, Effects], Awaitable[T]],
) -> tuple[T, Effects]:
    """Run ``change`` on a fresh copy of the workflow and commit it with its messages.

    The version column makes a concurrent writer's commit (another orchestrator replica,
    or a clinician's override) fail instead of overwriting; the change is then re-run on
    the newer state, so a workflow is never advanced twice from the same state. The
    messages the change causes are staged in the outbox in the same transaction.
    """
    for _ in range(MAX_CONFLICT_RETRIES):
        effects = Effects()
        try:
            async with platform.db.transaction() as session:
                # The row lock queues concurrent writers (replicas, overrides) instead of
                # letting them all compute on one state and all but one retry.
                workflow = await load(session, workflow_id, for_update=True)
                if workflow is None:
                    raise WorkflowNotFound(workflow_id)
                value = await change(session, workflow, utcnow(), effects)
                staged = stage_effects(session, effects)
        except StaleDataError:
            continue
        platform.outbox.release(staged)
        await announce(platform, effects)
        return value, effects
    raise RuntimeError("workflow kept changing underneath; giving up this attempt")
