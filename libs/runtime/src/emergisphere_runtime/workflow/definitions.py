"""Workflow definitions are data (workflows.yaml); this module loads and checks them."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Literal

import yaml
from pydantic import BaseModel, Field, model_validator

from emergisphere_runtime.topics import AGENTS

Policy = Literal["blocking", "advisory"]


class StepDefinition(BaseModel):
    id: str
    agent: str
    after: list[str] = Field(default_factory=list)
    timeout_seconds: float = Field(gt=0)
    max_attempts: int = Field(ge=1)
    backoff_seconds: float = Field(ge=0)
    policy: Policy


class WorkflowDefinition(BaseModel):
    type: str
    steps: list[StepDefinition]

    @model_validator(mode="after")
    def _is_a_dag(self) -> WorkflowDefinition:
        ids = [s.id for s in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError(f"{self.type}: duplicate step ids")
        seen: set[str] = set()
        for step in self.steps:
            if step.agent not in AGENTS:
                raise ValueError(f"{self.type}.{step.id}: unknown agent {step.agent!r}")
            # Requiring dependencies to be declared earlier rules out cycles.
            missing = [a for a in step.after if a not in seen]
            if missing:
                raise ValueError(f"{self.type}.{step.id}: 'after' names unknown steps {missing}")
            seen.add(step.id)
        return self


def parse_definitions(text: str) -> dict[str, WorkflowDefinition]:
    raw = yaml.safe_load(text)
    defaults = raw.get("defaults", {})
    return {
        name: WorkflowDefinition(
            type=name, steps=[StepDefinition(**{**defaults, **s}) for s in body["steps"]]
        )
        for name, body in raw["workflows"].items()
    }


@cache
def seed_definitions() -> dict[str, WorkflowDefinition]:
    text = files("emergisphere_runtime.workflow").joinpath("workflows.yaml").read_text()
    return parse_definitions(text)


def get_definition(workflow_type: str) -> WorkflowDefinition:
    try:
        return seed_definitions()[workflow_type]
    except KeyError:
        raise ValueError(f"unknown workflow type {workflow_type!r}") from None
