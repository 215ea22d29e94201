"""Prometheus metrics of one process. Built at start-up into the process's own registry.

Every label has a small, fixed set of values (agents, topics, route templates, workflow
types, ESI levels, FHIR resource types from a closed list): never an id, a raw path or
anything a patient said. docs/observability.md lists each metric and who records it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, ProcessCollector
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

STEP_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
# The door-to-triage SLO is "under 60 s": 60 must be a bucket boundary for the SLI.
DOOR_TO_TRIAGE_BUCKETS = (0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 900)
WORKFLOW_BUCKETS = (0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600)

# FHIR resource types counted under their own name; anything else is "other", so a client
# sending made-up resourceType values cannot grow the label set.
FHIR_RESOURCE_TYPES = frozenset(
    {
        "Bundle",
        "Patient",
        "Encounter",
        "Observation",
        "Condition",
        "Procedure",
        "MedicationRequest",
        "MedicationStatement",
        "AllergyIntolerance",
        "Immunization",
        "DiagnosticReport",
        "Device",
        "Coverage",
        "Consent",
        "Practitioner",
        "Organization",
        "Location",
        "Appointment",
        "Claim",
        "MessageHeader",
        "DocumentReference",
        "ServiceRequest",
        "CarePlan",
    }
)

# (group, logical topic, partition, lag in messages) of the Kafka consumers of this process.
LagSource = Callable[[], Iterable[tuple[str, str, int, int]]]


class _ConsumerLag(Collector):
    """Kafka consumer lag, read from the consumers at scrape time."""

    def __init__(self) -> None:
        self.sources: list[LagSource] = []

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "emergisphere_kafka_consumer_lag_messages",
            "Messages on a partition not yet handled by this process's consumer group "
            "(partition high watermark minus the next offset to handle).",
            labels=["group", "topic", "partition"],
        )
        for source in self.sources:
            for group, topic, partition, lag in source():
                family.add_metric([group, topic, str(partition)], lag)
        yield family


@dataclass
class Metrics:
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        # CPU, memory and start time of this process (restarts show as a new start time).
        ProcessCollector(namespace="emergisphere", registry=r)
        self._agents(r)
        self._workflows(r)
        self._http(r)
        self._bus(r)
        self._outbox(r)

    def _agents(self, r: CollectorRegistry) -> None:
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
        self.acuity = Counter(
            "emergisphere_triage_acuity_total",
            "Triage results by ESI level.",
            ["level"],
            registry=r,
        )

    def _workflows(self, r: CollectorRegistry) -> None:
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
            buckets=WORKFLOW_BUCKETS,
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
        self.door_to_triage = Histogram(
            "emergisphere_door_to_triage_seconds",
            "Intake accepted until acuity known, by workflow type.",
            ["type"],
            buckets=DOOR_TO_TRIAGE_BUCKETS,
            registry=r,
        )
        self.workflows_active = Gauge(
            "emergisphere_workflows_active",
            "Workflows not finished (running or escalated), by type and status.",
            ["type", "status"],
            registry=r,
        )
        self.workflows_stuck = Gauge(
            "emergisphere_workflows_stuck",
            "Active workflows past their wake-up time (a step deadline or a retry due) "
            "by more than the grace period: nothing is moving them.",
            ["type"],
            registry=r,
        )

    def _http(self, r: CollectorRegistry) -> None:
        self.http_requests = Counter(
            "emergisphere_http_requests_total",
            "HTTP requests by route template, method and status.",
            ["route", "method", "status"],
            registry=r,
        )
        self.http_seconds = Histogram(
            "emergisphere_http_request_duration_seconds",
            "HTTP request latency by route template, method and status.",
            ["route", "method", "status"],
            buckets=STEP_BUCKETS,
            registry=r,
        )
        self.fhir_entries = Counter(
            "emergisphere_fhir_entries_total",
            "FHIR resources received (single resources and Bundle entries), by outcome "
            "(accepted, rejected) and resource type.",
            ["outcome", "resource_type"],
            registry=r,
        )

    def _bus(self, r: CollectorRegistry) -> None:
        self.bus_messages = Counter(
            "emergisphere_bus_messages_total",
            "Bus message deliveries to a handler, by outcome (handled, failed, unavailable).",
            ["topic", "outcome"],
            registry=r,
        )
        self.bus_handler_seconds = Histogram(
            "emergisphere_bus_handler_seconds",
            "Time a handler spends on one delivery of a bus message.",
            ["topic"],
            buckets=STEP_BUCKETS,
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
        self._consumer_lag = _ConsumerLag()
        r.register(self._consumer_lag)

    def _outbox(self, r: CollectorRegistry) -> None:
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
        self.outbox_backlog = Gauge(
            "emergisphere_outbox_backlog_messages",
            "Committed outbox messages not yet published and deleted (whole table, as last "
            "measured by this process).",
            registry=r,
        )
        # Wall-clock time of the oldest row at the last measurement; None when empty.
        self._outbox_oldest: float | None = None
        outbox_age = Gauge(
            "emergisphere_outbox_oldest_age_seconds",
            "Age of the oldest unpublished outbox message (0 when the outbox is empty).",
            registry=r,
        )
        outbox_age.set_function(self._outbox_age)

    # -- helpers for the code that records ----------------------------------------------

    def add_lag_source(self, source: LagSource) -> None:
        """Report the lag of a bus's Kafka consumers with every scrape."""
        self._consumer_lag.sources.append(source)

    def set_outbox_state(self, backlog: int, oldest: float | None) -> None:
        """The outbox as just measured: its row count and the oldest row's epoch seconds."""
        self.outbox_backlog.set(backlog)
        self._outbox_oldest = oldest

    def _outbox_age(self) -> float:
        if self._outbox_oldest is None:
            return 0.0
        return max(0.0, time.time() - self._outbox_oldest)

    def count_fhir_entries(self, resource_type: str, *, accepted: bool, count: int = 1) -> None:
        """Count FHIR resources received: call once per single resource or Bundle entry (or
        with ``count`` for many of one type). Unknown resource types count as "other"."""
        kind = resource_type if resource_type in FHIR_RESOURCE_TYPES else "other"
        self.fhir_entries.labels("accepted" if accepted else "rejected", kind).inc(count)
