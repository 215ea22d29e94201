"""Prometheus metrics of one process. Built at start-up into the process's own registry."""

from __future__ import annotations

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Histogram

STEP_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)


@dataclass
class Metrics:
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        self.agent_messages = Counter(
            "emergisphere_agent_messages_total",
            "Agent command messages by outcome (processed, failed, duplicate).",
            ["agent", "outcome"],
            registry=r,
        )
        self.agent_handler_seconds = Histogram(
            "emergisphere_agent_handler_seconds",
            "Time an agent spends handling one command.",
            ["agent"],
            buckets=STEP_BUCKETS,
            registry=r,
        )
        self.workflows = Counter(
            "emergisphere_workflows_total",
            "Workflow lifecycle transitions (started, completed, failed, escalated).",
            ["type", "event"],
            registry=r,
        )
        self.workflow_seconds = Histogram(
            "emergisphere_workflow_duration_seconds",
            "Time from workflow start to completion.",
            ["type"],
            buckets=STEP_BUCKETS,
            registry=r,
        )
        self.step_seconds = Histogram(
            "emergisphere_step_duration_seconds",
            "Time from step dispatch to its result, by agent.",
            ["agent"],
            buckets=STEP_BUCKETS,
            registry=r,
        )
        self.step_retries = Counter(
            "emergisphere_step_retries_total",
            "Step attempts that failed or timed out and were retried.",
            ["agent", "cause"],
            registry=r,
        )
        self.acuity = Counter(
            "emergisphere_triage_acuity_total",
            "Triage results by ESI level.",
            ["level"],
            registry=r,
        )
        self.door_to_triage = Histogram(
            "emergisphere_door_to_triage_seconds",
            "Intake accepted until acuity known.",
            buckets=STEP_BUCKETS,
            registry=r,
        )
        self.http_requests = Counter(
            "emergisphere_http_requests_total",
            "HTTP requests by route template, method and status.",
            ["route", "method", "status"],
            registry=r,
        )
        self.http_seconds = Histogram(
            "emergisphere_http_request_duration_seconds",
            "HTTP request latency by route template.",
            ["route", "method"],
            buckets=STEP_BUCKETS,
            registry=r,
        )
        self.outbox_published = Counter(
            "emergisphere_outbox_published_total",
            "Outbox messages published, by path (direct after commit, or sweep).",
            ["path"],
            registry=r,
        )
        self.outbox_publish_failures = Counter(
            "emergisphere_outbox_publish_failures_total",
            "Attempts to publish outbox messages that failed (they are retried).",
            registry=r,
        )
        self.bus_redeliveries = Counter(
            "emergisphere_bus_redeliveries_total",
            "Bus messages handed to their handler again after it raised.",
            ["topic"],
            registry=r,
        )
        self.bus_dead_letters = Counter(
            "emergisphere_bus_dead_letters_total",
            "Bus messages moved to the dead-letter topic, by reason (handler_failed, undecodable).",
            ["topic", "reason"],
            registry=r,
        )
        self.bus_publish_failures = Counter(
            "emergisphere_bus_publish_failures_total",
            "Publishes the broker did not accept within the time bound.",
            ["topic"],
            registry=r,
        )
