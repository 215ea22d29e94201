"""Reading a workflow step's output."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from emergisphere_runtime.platform import Platform
from emergisphere_runtime.workflow import store

M = TypeVar("M", bound=BaseModel)


async def step_output(
    platform: Platform, workflow_id: str, step_id: str, model: type[M]
) -> M | None:
    """The step's output as ``model`` once it completed, else None."""
    async with platform.db.session() as session:
        workflow = await store.load(session, workflow_id)
    if workflow is None:
        return None
    step = next((s for s in workflow.steps if s.step_id == step_id), None)
    if step is None or step.status != "completed" or not step.output:
        return None
    return model.model_validate(step.output)
