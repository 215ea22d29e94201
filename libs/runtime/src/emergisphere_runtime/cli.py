"""The ``emergisphere`` command."""

from __future__ import annotations

import argparse
import asyncio
import atexit
import logging
import os
import sys

from emergisphere_runtime import logs, runner, schema, topics, tracing
from emergisphere_runtime.settings import Settings, get_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="emergisphere", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    dev = commands.add_parser("dev", help="run every service in one process")
    dev.add_argument("--port", type=int, help="HTTP port of the gateway")

    run = commands.add_parser("run", help="run one service")
    run.add_argument("service", choices=runner.START_ORDER)
    run.add_argument("--port", type=int, help="HTTP port (gateway)")

    distributed = commands.add_parser(
        "distributed", help="run every service as its own process against the shared servers"
    )
    distributed.add_argument("--port", type=int, default=8000, help="HTTP port of the gateway")
    distributed.add_argument("--log-dir", default=".data/distributed/logs")

    demo = commands.add_parser("demo", help="post a realistic stream of intakes")
    demo.add_argument("--url", default="http://127.0.0.1:8000")
    demo.add_argument("--count", type=int, default=40)
    demo.add_argument("--concurrency", type=int, default=4)
    demo.add_argument("--seed", type=int, default=7)

    db = commands.add_parser("db", help="database schema")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="migrate the database to the latest schema")

    kafka_topics = commands.add_parser("topics", help="Kafka topics")
    topics_commands = kafka_topics.add_subparsers(dest="topics_command", required=True)
    topics_commands.add_parser(
        "ensure", help="create every platform topic and its dead-letter topic (idempotent)"
    )

    commands.add_parser("services", help="list the installed services")

    eval_triage = commands.add_parser(
        "eval-triage", help="measure the triage engine against expert levels in a CSV"
    )
    eval_triage.add_argument("file", help="a KTAS-shaped or ESI-handbook-shaped CSV")

    audit = commands.add_parser("audit", help="the audit trail of access to patient data")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    audit_commands.add_parser(
        "verify", help="check the hash chain; name every altered or deleted entry"
    )
    keys = commands.add_parser("keys", help="PHI encryption keys")
    keys_commands = keys.add_subparsers(dest="keys_command", required=True)
    keys_commands.add_parser(
        "reencrypt", help="rewrite PHI under the active key (after rotation); idempotent"
    )
    # Account commands live with the gateway's security package (users, clients).
    from gateway.security.manage import add_parsers

    add_parsers(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "eval-triage":
        # Offline and pure: needs neither settings nor logging.
        return _eval_triage(args.file)
    settings = get_settings()
    if getattr(args, "port", None):
        settings = settings.model_copy(update={"http_port": args.port})
    service_name = args.service if args.command == "run" else "emergisphere"
    logs.configure(service=service_name, level=settings.log_level)

    if args.command in ("dev", "run"):
        tracing.configure(service=service_name, settings=settings)
        atexit.register(tracing.shutdown)  # exports the spans still batched

    if args.command == "dev":
        print(f"EmergiSphere starting on http://{settings.http_host}:{settings.http_port}")
        print(f"  API docs: http://{settings.http_host}:{settings.http_port}/docs")
        print(f"  Board:    http://{settings.http_host}:{settings.http_port}/board")
        if settings.environment == "development":
            from gateway.security.devusers import credentials_table

            print(credentials_table())
        sys.stdout.flush()
        asyncio.run(runner.serve(settings, list(runner.START_ORDER)))
    elif args.command == "run":
        asyncio.run(runner.serve(settings, [args.service]))
    elif args.command == "distributed":
        return _distributed(port=args.port, log_dir=args.log_dir)
    elif args.command == "demo":
        from emergisphere_runtime.demo import run_demo

        # The progress bar and summary are the output; per-request client logs are noise.
        logging.getLogger("httpx").setLevel(logging.WARNING)

        return asyncio.run(
            run_demo(args.url, count=args.count, concurrency=args.concurrency, seed=args.seed)
        )
    elif args.command == "db":
        asyncio.run(schema.upgrade(settings.resolved_database_url))
        print("database is at the latest schema")
    elif args.command == "topics":
        return _ensure_topics(settings)
    elif args.command == "audit":
        from emergisphere_runtime.audit.verify import verify_command

        return asyncio.run(verify_command(settings))
    elif args.command == "keys":
        from emergisphere_runtime.crypto.reencrypt import reencrypt_command

        return asyncio.run(reencrypt_command(settings))
    elif args.command in ("users", "clients"):
        from gateway.security.manage import run as manage

        return asyncio.run(manage(args, settings))
    elif args.command == "services":
        from emergisphere_runtime.platform import discover_services

        print("\n".join(sorted(discover_services())))
    return 0


def _eval_triage(path: str) -> int:
    from pathlib import Path

    try:
        from emergisphere_clinical.evaluation import evaluate_file, format_report
    except ImportError:
        print("eval-triage needs the emergisphere-clinical package", file=sys.stderr)
        return 2
    file = Path(path)
    if not file.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    try:
        result = evaluate_file(file)
    except (ValueError, KeyError) as exc:
        print(f"cannot evaluate {file.name}: {exc}", file=sys.stderr)
        return 2
    print(format_report(result, name=file.name))
    return 0


def _distributed(*, port: int, log_dir: str) -> int:
    from pathlib import Path

    from emergisphere_runtime.cluster import Cluster, supervise
    from emergisphere_runtime.localservers import PROMETHEUS_TARGETS, read_services_env

    # Settings given in the environment win over the local servers' defaults.
    env = {k: v for k, v in (read_services_env() or {}).items() if k not in os.environ}
    if not (env.get("ES_KAFKA_BOOTSTRAP_SERVERS") or os.environ.get("ES_KAFKA_BOOTSTRAP_SERVERS")):
        print(
            "no shared servers configured: run `make services-up`, or set ES_DATABASE_URL, "
            "ES_DOCUMENT_STORE_URL, ES_CACHE_URL and ES_KAFKA_BOOTSTRAP_SERVERS",
            file=sys.stderr,
        )
        return 2
    cluster = Cluster(env=env, log_dir=Path(log_dir), gateway_port=port)
    return supervise(cluster, targets=PROMETHEUS_TARGETS / "local.json")


def _ensure_topics(settings: Settings) -> int:
    if not settings.kafka_bootstrap_servers:
        print("ES_KAFKA_BOOTSTRAP_SERVERS is not set: the in-process bus has no topics to create")
        return 1
    from emergisphere_runtime.bus.kafka import TopicsError, ensure_topics

    try:
        created = asyncio.run(ensure_topics(settings))
    except TopicsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name in created:
        print(
            f"created {name} ({settings.kafka_partitions} partitions, "
            f"replication {settings.kafka_replication_factor})"
        )
    total = len(topics.all_topics())
    print(f"{total} topics in place ({len(created)} created, {total - len(created)} existed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
