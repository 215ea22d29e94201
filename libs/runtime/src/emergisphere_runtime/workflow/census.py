"""How many workflows are active, and how many are stuck, for the metrics.

A workflow is stuck when it is active and its wake-up time (the earliest step deadline or
retry due) passed more than STUCK_GRACE ago: the orchestrator's sweep should have moved it
within a fraction of a second, so nothing is moving it.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.workflow.definitions import seed_definitions
from emergisphere_runtime.workflow.models import Workflow
from emergisphere_runtime.workflow.store import ACTIVE

STUCK_GRACE = timedelta(seconds=30)


async def measure(platform: Platform) -> None:
    """Set the active and stuck workflow gauges from the database (every type reported,
    with zeros, so a type that empties drops to 0 instead of keeping its last value)."""
    overdue = utcnow() - STUCK_GRACE
    active_query = (
        select(Workflow.type, Workflow.status, func.count())
        .where(Workflow.status.in_(ACTIVE))
        .group_by(Workflow.type, Workflow.status)
    )
    stuck_query = (
        select(Workflow.type, func.count())
        .where(Workflow.status.in_(ACTIVE), Workflow.wake_at <= overdue)
        .group_by(Workflow.type)
    )
    async with platform.db.session() as session:
        active = {(t, s): n for t, s, n in await session.execute(active_query)}
        stuck = {t: n for t, n in await session.execute(stuck_query)}
    types = set(seed_definitions()) | {t for t, _ in active} | set(stuck)
    metrics = platform.metrics
    for workflow_type in sorted(types):
        for status in ACTIVE:
            metrics.workflows_active.labels(workflow_type, status).set(
                active.get((workflow_type, status), 0)
            )
        metrics.workflows_stuck.labels(workflow_type).set(stuck.get(workflow_type, 0))
