"""``python -m emergisphere_runtime.benchmarks``: run every section, print, write JSON."""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from emergisphere_runtime.benchmarks import report
from emergisphere_runtime.localservers import read_services_env

SECTIONS = ("triage", "fhir", "distributed", "celery", "embedded")
# In-process benchmarks of the services' own engines, run first while this process is
# small (the FHIR figure includes its peak RSS): section -> module with a ``run()``.
ENGINES = {
    "triage": "emergisphere_clinical.benchmark",
    "fhir": "gateway.fhir.benchmark",
}
OUTPUT = Path(".data/bench/latest.json")
LOG_DIR = Path(".data/bench/logs")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m emergisphere_runtime.benchmarks",
        description=sys.modules["emergisphere_runtime.benchmarks"].__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--rate", type=float, default=20.0, help="open loop: workflows/s")
    parser.add_argument("--seconds", type=float, default=15.0, help="open loop: arrival window")
    parser.add_argument(
        "--count", type=int, default=200, help="closed loop: workflows (ours and Celery)"
    )
    parser.add_argument("--concurrency", type=int, default=16, help="closed loop: desks")
    parser.add_argument(
        "--embedded-count", type=int, default=100, help="embedded closed loop: workflows"
    )
    parser.add_argument("--skip", action="append", choices=SECTIONS, default=[])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    return parser


def _section(name: str, run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    print(f"[bench] {name} ...", file=sys.stderr, flush=True)
    began = time.perf_counter()
    try:
        result = run()
    except Exception as exc:
        traceback.print_exc()
        result = {"error": f"{type(exc).__name__}: {exc}"}
    result["section_seconds"] = time.perf_counter() - began
    print(f"[bench] {name} done in {result['section_seconds']:.0f} s", file=sys.stderr, flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    began = time.perf_counter()
    results: dict[str, Any] = {
        "started_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        # Other work on the machine skews every figure: the load average says how much.
        "load_average_at_start": list(os.getloadavg()),
        "settings": {
            "open_loop_rate": args.rate,
            "open_loop_seconds": args.seconds,
            "closed_loop_count": args.count,
            "closed_loop_concurrency": args.concurrency,
            "embedded_count": args.embedded_count,
        },
        "skipped": {},
    }
    shutil.rmtree(LOG_DIR, ignore_errors=True)
    services = read_services_env()
    skip = {name: "--skip" for name in args.skip}
    if services is None:
        for name in ("distributed", "celery"):
            skip.setdefault(name, "no local servers: `make services-up` starts them")
    elif not services.get("ES_CACHE_URL", "").startswith(("redis://", "rediss://")):
        skip.setdefault("celery", "ES_CACHE_URL names no Redis server")

    for name, module in ENGINES.items():
        if name not in skip:
            results[name] = _section(name, importlib.import_module(module).run)
    if "distributed" not in skip and services is not None:
        from emergisphere_runtime.benchmarks import distributed

        plan = distributed.Plan(
            rate=args.rate,
            seconds=args.seconds,
            count=args.count,
            concurrency=args.concurrency,
            log_dir=LOG_DIR / "distributed",
        )
        results["distributed"] = _section("distributed", lambda: distributed.run(services, plan))
    if "celery" not in skip and services is not None:
        from emergisphere_runtime.benchmarks import celery_chain

        results["celery"] = _section(
            "celery",
            lambda: celery_chain.run_baseline(
                services["ES_CACHE_URL"],
                count=args.count,
                concurrency=args.concurrency,
                log_dir=LOG_DIR,
            ),
        )
    if "embedded" not in skip:
        from emergisphere_runtime.benchmarks import embedded

        results["embedded"] = _section(
            "embedded",
            lambda: embedded.run(
                count=args.embedded_count, concurrency=args.concurrency, log_dir=LOG_DIR
            ),
        )
    results["skipped"] = skip
    results["comparison"] = report.comparison(results)
    results["wall_seconds"] = time.perf_counter() - began
    results["load_average_at_end"] = list(os.getloadavg())
    report.write_json(results, args.output)
    print(report.render(results))
    print(f"\nJSON: {args.output}   logs: {LOG_DIR}")
    failed = [name for name in SECTIONS if "error" in results.get(name, {})]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
