"""The benchmark report: ratios against Celery, goals, the printed table and the JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from emergisphere_runtime.benchmarks import report


def _load(p50: float, p99: float, throughput: float) -> dict[str, Any]:
    latency = {"p50": p50, "p99": p99, "mean": p50, "max": p99}
    return {
        "workflows": 100,
        "completed": 100,
        "concurrency": 16,
        "throughput_wf_per_s": throughput,
        "achieved_wf_per_s": throughput,
        "offered_wf_per_s": 20.0,
        "arrival_seconds": 15.0,
        "intake_to_triage_ms": latency,
        "intake_to_completed_ms": latency,
    }


def _results() -> dict[str, Any]:
    return {
        "started_at": "2026-01-01 00:00 UTC",
        "cpus": 2,
        "wall_seconds": 100.0,
        "load_average_at_start": [1.0, 1.0, 1.0],
        "load_average_at_end": [2.0, 2.0, 2.0],
        "distributed": {
            "processes": 10,
            "prepare_seconds": 3.0,
            "start_seconds": 20.0,
            "open_loop": _load(40.0, 300.0, 19.5),
            "saturation": _load(500.0, 900.0, 30.0),
            "memory": {"gateway": {"rss_mib": 120.0, "peak_mib": 130.0}},
            "memory_total_mib": {"rss_mib": 120.0, "peak_mib": 130.0},
        },
        "celery": {
            "worker": "prefork, 2 children",
            "redis_db": 15,
            "concurrency": 16,
            "chains": 100,
            "completed": 100,
            "throughput_wf_per_s": 10.0,
            "chain_ms": {"p50": 250.0, "p99": 450.0, "mean": 260.0, "max": 500.0},
            "worker_memory": {"processes": 3, "rss_mib": 150.0, "peak_mib": 160.0},
        },
        "triage": {
            "structured_per_second": 8500,
            "structured_range": [7900, 9100],
            "narrative_per_second": 4300,
            "narrative_range": [4000, 4600],
            "measures": 7,
            "target_structured_per_second": 5000,
            "meets_target": True,
            "one_core": True,
        },
        "fhir": {
            "bundle_entries": 500,
            "runs": 7,
            "p50_seconds": 0.7,
            "max_seconds": 0.8,
            "entries_per_second": 714,
            "target_p50_seconds": 1.0,
            "meets_target": True,
            "peak_rss_mb": 144.0,
            "store": "embedded",
        },
    }


def test_comparison_divides_ours_by_celery_and_checks_the_goals() -> None:
    cmp = report.comparison(_results())
    assert cmp["throughput_ratio"] == 3.0
    assert cmp["completed_p50_ratio"] == 2.0
    goals = cmp["goals"]
    assert goals["throughput_ratio"]["met"] is True
    assert goals["intake_to_triage_ms"]["p50_met"] is True
    assert goals["intake_to_triage_ms"]["p99_met"] is False  # 300 ms > 250 ms


def test_comparison_without_celery_has_no_ratio() -> None:
    results = _results()
    del results["celery"]
    assert "throughput_ratio" not in report.comparison(results)


def test_render_prints_every_section_and_marks_missed_goals() -> None:
    results = _results()
    results["comparison"] = report.comparison(results)
    text = report.render(results)
    assert "Distributed: 10 processes" in text
    assert "throughput ratio (ours / Celery)          3.00x" in text
    assert "MISSED" in text  # the p99 goal
    assert "8,500 structured assessments/s (median of 7, 7,900 to 9,100)" in text
    assert "4,300 from narratives/s (median of 7, 4,000 to 4,600)" in text
    assert "p50 0.700 s" in text
    assert "gateway" in text


def test_render_names_a_failed_section_under_errors() -> None:
    results = _results()
    results["fhir"] = {"error": "RuntimeError: bundle refused with HTTP 500"}
    results["comparison"] = report.comparison(results)
    assert "fhir: RuntimeError: bundle refused" in report.render(results).split("Errors")[1]


def test_json_writes_missing_figures_as_null(tmp_path: Path) -> None:
    path = tmp_path / "bench" / "latest.json"
    report.write_json({"p50": float("nan"), "nested": [{"p99": float("inf")}]}, path)
    assert json.loads(path.read_text()) == {"p50": None, "nested": [{"p99": None}]}
