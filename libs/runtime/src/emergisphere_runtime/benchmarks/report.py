"""The benchmark's figures as a table for people and as JSON for tools."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

# The issue's targets: latency at 20 workflows/s, throughput against the Celery chain.
GOAL_P50_MS = 60.0
GOAL_P99_MS = 250.0
GOAL_THROUGHPUT_RATIO = 3.0


def _ms(value: float | None) -> str:
    return "-" if value is None or math.isnan(value) else f"{value:,.0f}"


def _ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or math.isnan(a) or math.isnan(b) or b == 0:
        return None
    return a / b


def comparison(results: dict[str, Any]) -> dict[str, Any]:
    """Ours against Celery at the same count and concurrency, and the issue's goals."""
    ours = (results.get("distributed") or {}).get("saturation")
    steady = (results.get("distributed") or {}).get("open_loop")
    celery = results.get("celery")
    out: dict[str, Any] = {}
    if ours and celery and "chain_ms" in celery:
        out["throughput_ratio"] = _ratio(ours["throughput_wf_per_s"], celery["throughput_wf_per_s"])
        out["completed_p50_ratio"] = _ratio(
            ours["intake_to_completed_ms"]["p50"], celery["chain_ms"]["p50"]
        )
        out["completed_p99_ratio"] = _ratio(
            ours["intake_to_completed_ms"]["p99"], celery["chain_ms"]["p99"]
        )
    goals: dict[str, Any] = {}
    if steady:
        for kind in ("intake_to_triage_ms", "intake_to_completed_ms"):
            p50, p99 = steady[kind]["p50"], steady[kind]["p99"]
            goals[kind] = {
                "p50": p50,
                "p99": p99,
                "p50_met": bool(p50 <= GOAL_P50_MS),
                "p99_met": bool(p99 <= GOAL_P99_MS),
            }
    if out.get("throughput_ratio") is not None:
        goals["throughput_ratio"] = {
            "ratio": out["throughput_ratio"],
            "met": out["throughput_ratio"] >= GOAL_THROUGHPUT_RATIO,
        }
    out["goals"] = goals
    return out


def _load_row(label: str, r: dict[str, Any], rate: float) -> list[str]:
    triage = r.get("intake_to_triage_ms", {})
    done = r.get("intake_to_completed_ms") or r.get("chain_ms", {})
    lines = [
        f"  {label:<32}{r.get('workflows', r.get('chains', 0)):>6}{r['completed']:>6}"
        f"{rate:>8.1f}  {_ms(triage.get('p50')):>7}{_ms(triage.get('p99')):>7}"
        f"  {_ms(done.get('p50')):>7}{_ms(done.get('p99')):>7}{_ms(done.get('max')):>8}"
    ]
    notes = []
    if r.get("not_completed"):
        notes.append(
            "not completed: " + ", ".join(f"{k} {v}" for k, v in r["not_completed"].items())
        )
    if r.get("cut_short"):
        notes.append(f"cut short by the time limit: {r['workflows']} of {r['planned']} run")
    if r.get("intake_202"):
        notes.append(f"{r['intake_202']} intakes answered 202 (no acuity within the wait)")
    if r.get("completion_seen_by_polling"):
        notes.append(f"{r['completion_seen_by_polling']} completions seen by polling, not live")
    if "max_send_lag_ms" in r and r["max_send_lag_ms"] > 100:
        notes.append(f"client fell behind the schedule by up to {r['max_send_lag_ms']:.0f} ms")
    lines += [f"  {'':<32}({note})" for note in notes]
    return lines


def _spread(figures: dict[str, Any], key: str) -> str:
    """A median's range over its measures, when the figures carry one."""
    low_high = figures.get(key)
    if not low_high:
        return ""
    low, high = low_high
    return f" (median of {figures['measures']}, {low:,} to {high:,})"


def _engines(results: dict[str, Any], errors: list[str]) -> list[str]:
    out: list[str] = []
    triage = results.get("triage")
    if triage and "error" not in triage:
        met = "met" if triage["meets_target"] else "MISSED"
        core = "one core" if triage["one_core"] else "not pinned to one core"
        out += [
            "",
            f"Triage engine ({core}): {triage['structured_per_second']:,} structured "
            f"assessments/s{_spread(triage, 'structured_range')} "
            f"(goal >= {triage['target_structured_per_second']:,}: {met}), "
            f"{triage['narrative_per_second']:,} from narratives/s"
            f"{_spread(triage, 'narrative_range')}",
        ]
    elif triage:
        errors.append(f"triage: {triage['error']}")
    fhir = results.get("fhir")
    if fhir and "skipped" in fhir:
        out += ["", f"FHIR: skipped ({fhir['skipped']})"]
    elif fhir and "error" not in fhir:
        met = "met" if fhir["meets_target"] else "MISSED"
        out += [
            "",
            f"FHIR transaction Bundle of {fhir['bundle_entries']} Synthea entries, "
            f"{fhir['store']}, {fhir['runs']} runs:",
            f"  p50 {fhir['p50_seconds']:.3f} s (goal <= {fhir['target_p50_seconds']:g} s: "
            f"{met}), max {fhir['max_seconds']:.3f} s, {fhir['entries_per_second']:,} entries/s, "
            f"peak RSS {fhir['peak_rss_mb']:.0f} MB",
        ]
    elif fhir:
        errors.append(f"fhir: {fhir['error']}")
    return out


def render(results: dict[str, Any]) -> str:
    out = [
        f"EmergiSphere benchmark, {results['started_at']} ({results['cpus']} CPUs, "
        f"wall {results['wall_seconds']:.0f} s)",
        "load average (1/5/15 min) at start "
        + " ".join(f"{x:.1f}" for x in results["load_average_at_start"])
        + ", at end "
        + " ".join(f"{x:.1f}" for x in results["load_average_at_end"]),
        "",
        f"  {'':<32}{'wf':>6}{'done':>6}{'wf/s':>8}  {'triage ms':>14}  {'completed ms':>22}",
        f"  {'':<32}{'':>6}{'':>6}{'':>8}  {'p50':>7}{'p99':>7}  {'p50':>7}{'p99':>7}{'max':>8}",
    ]
    errors = []
    dist = results.get("distributed")
    if dist and "error" not in dist:
        o, s = dist["open_loop"], dist["saturation"]
        out.append(
            f"Distributed: {dist['processes']} processes on PostgreSQL, Kafka, FerretDB, Redis "
            f"(prepare {dist['prepare_seconds']:.0f} s, start {dist['start_seconds']:.0f} s)"
        )
        out += _load_row(f"closed loop, {s['concurrency']} desks", s, s["throughput_wf_per_s"])
        for load, label in ((dist.get("steady"), "half capacity"), (o, "the goal's rate")):
            if load:
                out += _load_row(
                    f"open loop {load['offered_wf_per_s']:g} wf/s x {load['arrival_seconds']:g} s",
                    load,
                    load["achieved_wf_per_s"],
                )
                out.append(f"  {'':<32}({label})")
        leftover = sum(d["unfinished"] for d in dist.get("drains", []))
        if leftover:
            errors.append(f"distributed: {leftover} workflows still unfinished after a drain")
    elif dist:
        errors.append(f"distributed: {dist['error']}")
    celery = results.get("celery")
    if celery and "error" not in celery:
        out.append(
            f"Celery chain of 8 tasks: {celery['worker']}, Redis db {celery['redis_db']} "
            "(completed = chain submitted to result received)"
        )
        out += _load_row(
            f"closed loop, {celery['concurrency']} desks", celery, celery["throughput_wf_per_s"]
        )
    elif celery:
        errors.append(f"celery: {celery['error']}")
    embedded = results.get("embedded")
    if embedded and "error" not in embedded:
        out.append("Embedded: `emergisphere dev`, one process, SQLite and in-process bus")
        out += _load_row(
            f"closed loop, {embedded['concurrency']} desks",
            embedded,
            embedded["throughput_wf_per_s"],
        )
    elif embedded:
        errors.append(f"embedded: {embedded['error']}")
    for name, reason in results.get("skipped", {}).items():
        out.append(f"{name.capitalize()}: skipped ({reason})")

    cmp = results.get("comparison", {})
    if cmp.get("throughput_ratio") is not None:
        out += [
            "",
            "Distributed vs Celery (closed loop, same count and desks)",
            f"  throughput ratio (ours / Celery)        {cmp['throughput_ratio']:6.2f}x",
            f"  completed p50 ratio (ours / Celery)     {cmp['completed_p50_ratio']:6.2f}x",
            f"  completed p99 ratio (ours / Celery)     {cmp['completed_p99_ratio']:6.2f}x",
        ]
    goals = cmp.get("goals", {})
    if goals:
        out += ["", "Goals (issue): p50 <= 60 ms and p99 <= 250 ms at 20 wf/s; >= 3x Celery"]
        for kind, label in (
            ("intake_to_triage_ms", "intake to triage "),
            ("intake_to_completed_ms", "intake to completed"),
        ):
            if kind in goals:
                g = goals[kind]
                out.append(
                    f"  {label}  p50 {_ms(g['p50']):>6} ms {'met' if g['p50_met'] else 'MISSED':6}"
                    f"  p99 {_ms(g['p99']):>6} ms {'met' if g['p99_met'] else 'MISSED'}"
                )
        if "throughput_ratio" in goals:
            g = goals["throughput_ratio"]
            out.append(
                f"  throughput vs Celery  {g['ratio']:.2f}x {'met' if g['met'] else 'MISSED'}"
            )

    out += _engines(results, errors)
    if dist and "memory" in dist:
        out += ["", f"Memory (MiB)  {'current':>9}{'peak':>9}"]
        for name, m in dist["memory"].items():
            out.append(f"  {name:<12}{m['rss_mib']:>9.0f}{m['peak_mib']:>9.0f}")
        total = dist["memory_total_mib"]
        out.append(f"  {'10 services':<12}{total['rss_mib']:>9.0f}{total['peak_mib']:>9.0f}")
        if celery and "worker_memory" in celery:
            w = celery["worker_memory"]
            out.append(
                f"  {'celery':<12}{w['rss_mib']:>9.0f}{w['peak_mib']:>9.0f}"
                f"   ({w['processes']} processes)"
            )
        if embedded and "memory" in embedded:
            m = embedded["memory"]
            out.append(f"  {'embedded':<12}{m['rss_mib']:>9.0f}{m['peak_mib']:>9.0f}")
    if dist and dist.get("exited_during_run"):
        errors.append(f"services exited during the run: {dist['exited_during_run']}")
    if dist and dist.get("log_findings"):
        noisy = {
            name: f
            for name, f in dist["log_findings"].items()
            if any(level != "INFO" and level != "DEBUG" for level in f["lines"])
        }
        if noisy:
            out += ["", f"Service logs ({dist['logs']}): warnings and errors"]
            for name, f in noisy.items():
                counts = ", ".join(f"{level} {n}" for level, n in f["lines"].items())
                out.append(f"  {name}: {counts}")
                out += [f"      {n:>5} x {text}" for text, n in f["top"][:3]]
    if errors:
        out += ["", "Errors"] + [f"  {e}" for e in errors]
    return "\n".join(out)


def _finite(value: Any) -> Any:
    """NaN is not JSON: missing figures are written as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def write_json(results: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(_finite(results), indent=2) + "\n")
    tmp.replace(path)
