"""The desk workload's arithmetic: nearest-rank percentiles and the run's summary."""

from __future__ import annotations

import math

from emergisphere_runtime.benchmarks.load import Outcome, percentiles, summarise


def test_percentiles_are_nearest_rank_in_milliseconds() -> None:
    figures = percentiles([i / 1000 for i in range(1, 101)])  # 1 ms .. 100 ms
    assert figures["p50"] == 50
    assert figures["p99"] == 99
    assert figures["max"] == 100
    assert math.isclose(figures["mean"], 50.5)


def test_percentiles_of_nothing_are_not_numbers() -> None:
    assert all(math.isnan(v) for v in percentiles([]).values())


def test_summary_counts_only_completed_workflows_towards_completion_latency() -> None:
    outcomes = [
        Outcome(0, 1, "completed", 201, triage_s=0.01, complete_s=0.1),
        Outcome(0, 1, "completed", 202, triage_s=0.03, complete_s=0.3, polled=True),
        Outcome(0, 1, "escalated", 201, triage_s=0.02, complete_s=9.0),
        Outcome(0, 1, "http 429"),
    ]
    summary = summarise(outcomes)
    assert summary["workflows"] == 4
    assert summary["completed"] == 2
    assert summary["not_completed"] == {"escalated": 1, "http 429": 1}
    assert (summary["intake_201"], summary["intake_202"]) == (2, 1)
    assert summary["completion_seen_by_polling"] == 1
    assert summary["intake_to_triage_ms"]["max"] == 30
    assert summary["intake_to_completed_ms"]["max"] == 300
