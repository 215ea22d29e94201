"""Dashboards and alerts against a real Prometheus scraping the distributed platform.

One run for the module: the ten services as separate processes on PostgreSQL, Kafka,
FerretDB and Redis; a private Prometheus (Debian package) on loopback scraping them every
second with the repository's scrape config and alert rules; a short load of emergency
intakes. Then every panel query of every dashboard and every alert expression is evaluated
through Prometheus's HTTP API, checked against the metric names the services really export,
and the key panels must show data. The same run's logs are searched for the patients' data.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import math
import os
import re
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families
from pymongo import AsyncMongoClient
from sqlalchemy.engine import make_url

from emergisphere_runtime.bus.kafka import delete_prefixed_topics
from emergisphere_runtime.cluster import Cluster
from emergisphere_runtime.devprocess import free_port
from emergisphere_runtime.settings import Settings
from emergisphere_runtime.testing import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS_SCRIPT = ROOT / "deploy" / "local" / "prometheus.sh"
PROMETHEUS_CONFIG = ROOT / "deploy" / "prometheus" / "prometheus.yml"
RULES = sorted((ROOT / "deploy" / "prometheus" / "rules").glob("*.yaml"))
DASHBOARDS = sorted((ROOT / "deploy" / "grafana" / "dashboards").glob("*.json"))
KEY_PANELS = {
    "Door-to-triage p50 / p90 / p99",
    "Workflows completed",
    "Step latency by agent (p90)",
}
# What Grafana puts in place of its variables; $service as its "All" value.
GRAFANA_VARIABLES = {
    "$__rate_interval": "1m",
    "$__range": "10m",
    "$__interval": "15s",
    "$service": ".*",
}
# Series Prometheus makes itself for every target.
PROMETHEUS_SERIES = {"up"}
INTAKES_PER_PHASE = 10


# -- the run ------------------------------------------------------------------------------


@dataclass
class Patient:
    first_name: str
    last_name: str
    national_health_id: str
    date_of_birth: str
    phone: str
    contact_name: str
    contact_phone: str

    def intake(self, n: int) -> dict[str, Any]:
        return {
            "patient": {
                "national_health_id": self.national_health_id,
                "first_name": self.first_name,
                "last_name": self.last_name,
                "date_of_birth": self.date_of_birth,
                "sex": "female" if n % 2 else "male",
                "phone": self.phone,
                "emergency_contacts": [
                    {
                        "name": self.contact_name,
                        "relationship": "sibling",
                        "phone": self.contact_phone,
                    }
                ],
            },
            "chief_complaint": "chest pain" if n % 3 else "shortness of breath",
            "arrival_mode": "ambulance" if n % 2 else "walk_in",
            "vitals": {
                "heart_rate": 96 + n,
                "respiratory_rate": 18 + n % 8,
                "spo2": 97 - n % 6,
                "systolic_bp": 128 - n,
                "consciousness": "A",
            },
        }

    def identifying_values(self) -> list[str]:
        return [
            self.first_name,
            self.last_name,
            self.national_health_id,
            self.date_of_birth,
            self.phone,
            self.phone.removeprefix("+1"),
            self.contact_name,
            self.contact_phone.removeprefix("+1"),
        ]


def _patients(run: str, count: int) -> list[Patient]:
    return [
        Patient(
            first_name=f"Philippa{run}",
            last_name=f"Quarrington{n:02d}",
            national_health_id=f"NHI-{run}-{n:04d}",
            date_of_birth=f"19{40 + n}-0{1 + n % 9}-1{n % 10}",
            phone=f"+1555{run[:3].translate(str.maketrans('abcdef', '123456'))}{n:04d}",
            contact_name=f"Barnaby{run} Quarrington{n:02d}",
            contact_phone=f"+1556{run[:3].translate(str.maketrans('abcdef', '123456'))}{n:04d}",
        )
        for n in range(count)
    ]


@dataclass
class Run:
    cluster: Cluster
    prometheus: str
    patients: list[Patient]
    workflow_ids: list[str]
    exported: dict[str, str] = field(default_factory=dict)  # /metrics text per service


def _pg_admin(url: str, statement: str) -> None:
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)

    async def execute() -> None:
        conn = await asyncpg.connect(dsn)
        try:
            await conn.execute(statement)
        finally:
            await conn.close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, execute()).result()


def _prometheus(action: str, env: dict[str, str]) -> None:
    subprocess.run(  # noqa: S603 - our own script
        [str(PROMETHEUS_SCRIPT), action], env={**os.environ, **env}, check=True, timeout=300
    )


def _write_prometheus_config(directory: Path, cluster: Cluster) -> Path:
    """The repository's config, scraping and evaluating every second, with the run's
    targets (file-based discovery, as for a local run)."""
    config = yaml.safe_load(PROMETHEUS_CONFIG.read_text())
    config["global"].update(
        {"scrape_interval": "1s", "scrape_timeout": "1s", "evaluation_interval": "1s"}
    )
    config["rule_files"] = [str(path) for path in RULES]
    (targets_dir := directory / "targets").mkdir(parents=True)
    (targets_dir / "platform.json").write_text(
        json.dumps(
            [
                {"targets": [f"127.0.0.1:{port}"], "labels": {"service": name}}
                for name, port in cluster.ports.items()
            ]
        )
    )
    (sd_config,) = config["scrape_configs"][0]["file_sd_configs"]
    sd_config["files"] = [str(targets_dir / "*.json")]
    sd_config["refresh_interval"] = "1s"
    path = directory / "prometheus.yml"
    path.write_text(yaml.safe_dump(config))
    return path


async def _post_intakes(url: str, patients: list[Patient], offset: int) -> list[str]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        await sign_in(http, "desk")

        async def post(n: int, patient: Patient) -> str:
            answer = await http.post("/api/v1/intakes", json=patient.intake(offset + n))
            assert answer.status_code in (201, 202), answer.text
            workflow_id: str = answer.json()["workflow_id"]
            return workflow_id

        return list(await asyncio.gather(*(post(n, p) for n, p in enumerate(patients))))


async def _wait_completed(url: str, ids: list[str], within: float) -> None:
    deadline = time.monotonic() + within
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        await sign_in(http, "desk")
        while True:
            statuses = [
                (await http.get(f"/api/v1/workflows/{workflow_id}")).json()["status"]
                for workflow_id in ids
            ]
            if all(status == "completed" for status in statuses):
                return
            assert time.monotonic() < deadline, f"workflows not completed: {statuses}"
            await asyncio.sleep(0.5)


def query(prometheus: str, expr: str) -> list[dict[str, Any]]:
    """Evaluate ``expr`` now; fails the test unless Prometheus accepts it."""
    answer = httpx.post(f"{prometheus}/api/v1/query", data={"query": expr}, timeout=30)
    body = answer.json()
    assert answer.status_code == 200, (expr, body)
    assert body["status"] == "success", (expr, body)
    result: list[dict[str, Any]] = body["data"]["result"]
    return result


def _wait_for(prometheus: str, expr: str, at_least: float, within: float) -> None:
    deadline = time.monotonic() + within
    while True:
        result = query(prometheus, expr)
        if result and float(result[0]["value"][1]) >= at_least:
            return
        assert time.monotonic() < deadline, f"{expr} did not reach {at_least}: {result}"
        time.sleep(0.5)


@pytest.fixture(scope="module")
def run(
    servers: dict[str, str], pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Run]:
    if subprocess.run(["which", "prometheus"], capture_output=True, check=False).returncode:  # noqa: S607
        message = "prometheus is not installed: deploy/local/prometheus.sh install"
        if os.environ.get("ES_REQUIRE_SERVERS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    tmp = tmp_path_factory.mktemp("observability")
    tag = uuid.uuid4().hex[:8]
    database = f"es_pytest_obs_{int(time.time())}_{tag}"
    server_url = servers["ES_DATABASE_URL"]
    _pg_admin(
        server_url, f'CREATE DATABASE "{database}" TEMPLATE "{make_url(pg_template).database}"'
    )
    mongo_base = servers["ES_DOCUMENT_STORE_URL"].rsplit("/", 1)[0]
    env = {
        **servers,
        "ES_DATABASE_URL": make_url(server_url)
        .set(database=database)
        .render_as_string(hide_password=False),
        "ES_DOCUMENT_STORE_URL": f"{mongo_base}/es_obs_{tag}",
        "ES_KAFKA_TOPIC_PREFIX": f"obs{tag}.",
        "ES_ENVIRONMENT": "development",
        "ES_SEED_DEMO_DATA": "true",
        "ES_INTAKE_WAIT_SECONDS": "0",
        # INFO: the agents log a line per command, so the log search below has material.
        "ES_LOG_LEVEL": "INFO",
    }
    cluster = Cluster(env=env, log_dir=tmp / "logs")
    prometheus_env = {
        "ES_LOCAL_PROMETHEUS_PORT": str(free_port()),
        "ES_PROMETHEUS_DIR": str(tmp / "prometheus"),
    }
    try:
        cluster.prepare()
        cluster.start()
        prometheus_env["ES_PROMETHEUS_CONFIG"] = str(
            _write_prometheus_config(tmp / "prometheus", cluster)
        )
        _prometheus("up", prometheus_env)
        prometheus = f"http://127.0.0.1:{prometheus_env['ES_LOCAL_PROMETHEUS_PORT']}"
        _wait_for(prometheus, 'sum(up{job="emergisphere"})', len(cluster.ports), within=30)

        patients = _patients(tag, 2 * INTAKES_PER_PHASE)
        # Two phases a few scrapes apart, so rates over the run are not zero.
        ids = asyncio.run(_post_intakes(cluster.url, patients[:INTAKES_PER_PHASE], 0))
        asyncio.run(_wait_completed(cluster.url, ids, within=90))
        time.sleep(3)
        ids += asyncio.run(
            _post_intakes(cluster.url, patients[INTAKES_PER_PHASE:], INTAKES_PER_PHASE)
        )
        asyncio.run(_wait_completed(cluster.url, ids, within=90))
        _wait_for(
            prometheus, 'sum(emergisphere_workflows_total{event="completed"})', len(ids), within=30
        )
        _wait_for(prometheus, "sum(emergisphere_door_to_triage_seconds_count)", len(ids), within=30)

        exported = {
            name: httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
            for name, port in cluster.ports.items()
        }
        yield Run(cluster, prometheus, patients, ids, exported)
    finally:
        _prometheus("down", prometheus_env)
        cluster.stop()
        asyncio.run(
            delete_prefixed_topics(
                Settings(
                    kafka_bootstrap_servers=env["ES_KAFKA_BOOTSTRAP_SERVERS"],
                    kafka_topic_prefix=env["ES_KAFKA_TOPIC_PREFIX"],
                )
            )
        )

        async def drop_documents() -> None:
            client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(mongo_base)
            await client.drop_database(f"es_obs_{tag}")
            await client.close()

        asyncio.run(drop_documents())
        _pg_admin(server_url, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


# -- reading queries and metric names -------------------------------------------------------


def dashboard_queries() -> list[tuple[str, str, str]]:
    """(dashboard file, panel title, expression) of every panel target."""

    def panels(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for panel in items:
            yield panel
            yield from panels(panel.get("panels", []))

    found = []
    for path in DASHBOARDS:
        for panel in panels(json.loads(path.read_text())["panels"]):
            for target in panel.get("targets", []):
                found.append((path.name, panel["title"], target["expr"]))
    return found


def alert_rules() -> list[dict[str, Any]]:
    return [
        rule
        for path in RULES
        for group in yaml.safe_load(path.read_text())["groups"]
        for rule in group["rules"]
    ]


def substitute(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    assert "$" not in expr, f"unknown Grafana variable in {expr}"
    return expr


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
_MATCHERS = re.compile(r"\{[^}]*\}")
_RANGES = re.compile(r"\[[^\]]*\]")
_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
_IDENTIFIER = re.compile(r"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*")
_KEYWORDS = {"and", "or", "unless", "bool", "offset", "inf", "nan", "group_left", "group_right"}


def metric_names(expr: str) -> set[str]:
    """The metric names an expression selects (identifiers that are not functions,
    aggregations, keywords, label names or parts of durations and strings)."""
    text = _STRINGS.sub('""', expr)
    text = _MATCHERS.sub("", text)
    text = _RANGES.sub("", text)
    text = _GROUPING.sub("", text)
    names = set()
    for match in _IDENTIFIER.finditer(text):
        if text[match.end() :].lstrip().startswith("("):
            continue  # a function or an aggregation
        if match.group().lower() not in _KEYWORDS:
            names.add(match.group())
    return names


def exported_names(texts: dict[str, str]) -> set[str]:
    """Every series name the services' /metrics declare (histograms and counters by the
    names their samples have)."""
    suffixes = {
        "counter": ("_total", "_created"),
        "histogram": ("_bucket", "_count", "_sum", "_created"),
        "summary": ("", "_count", "_sum", "_created"),
        "gauge": ("",),
    }
    names = set()
    for text in texts.values():
        for family in text_string_to_metric_families(text):
            names.update(family.name + s for s in suffixes.get(family.type, ("",)))
            names.update(sample.name for sample in family.samples)
    return names


def test_metric_names_are_read_from_expressions() -> None:
    expr = (
        'sum by (agent, le) (rate(emergisphere_step_duration_seconds_bucket{service=~"a|b"}[5m]))'
        ' / on (agent) group_left sum without (x) (up{job="e"} offset 1h) > 1e3'
        ' or label_replace(emergisphere_a_total, "dst", "$1", "src", "(.*)") and bool 2'
    )
    assert metric_names(expr) == {
        "emergisphere_step_duration_seconds_bucket",
        "up",
        "emergisphere_a_total",
    }


# -- the checks -----------------------------------------------------------------------------


def test_every_dashboard_query_runs_on_exported_metrics_and_key_panels_show_data(run: Run) -> None:
    exported = exported_names(run.exported) | PROMETHEUS_SERIES
    queries = dashboard_queries()
    assert {title for _, title, _ in queries} >= KEY_PANELS
    unknown = {}
    for dashboard, title, expr in queries:
        names = metric_names(substitute(expr))
        assert names, f"{dashboard} {title!r} selects no metric"
        if names - exported:
            unknown[f"{dashboard}: {title}"] = sorted(names - exported)
        result = query(run.prometheus, substitute(expr))
        if title in KEY_PANELS:
            values = [float(sample["value"][1]) for sample in result]
            assert any(math.isfinite(v) for v in values), f"{title!r} shows no data: {result}"
    assert unknown == {}


def test_every_alert_evaluates_on_exported_metrics(run: Run) -> None:
    exported = exported_names(run.exported) | PROMETHEUS_SERIES
    rules = alert_rules()
    assert len(rules) >= 8
    for rule in rules:
        assert metric_names(rule["expr"]) <= exported, rule["alert"]
        query(run.prometheus, rule["expr"])
    # Prometheus itself loaded them all and evaluates them without error.
    groups = httpx.get(f"{run.prometheus}/api/v1/rules", timeout=10).json()["data"]["groups"]
    loaded = {r["name"]: r for g in groups for r in g["rules"]}
    assert set(loaded) == {rule["alert"] for rule in rules}
    deadline = time.monotonic() + 10
    while any(r["health"] != "ok" for r in loaded.values()) and time.monotonic() < deadline:
        time.sleep(0.5)  # a rule not yet evaluated once reports "unknown"
        groups = httpx.get(f"{run.prometheus}/api/v1/rules", timeout=10).json()["data"]["groups"]
        loaded = {r["name"]: r for g in groups for r in g["rules"]}
    assert {name: r["health"] for name, r in loaded.items() if r["health"] != "ok"} == {}
    # Nothing is wrong with this run, so nothing fires.
    firing = httpx.get(f"{run.prometheus}/api/v1/alerts", timeout=10).json()["data"]["alerts"]
    assert [a["labels"]["alertname"] for a in firing if a["state"] == "firing"] == []


def test_consumer_lag_is_exported_per_topic_and_partition(run: Run) -> None:
    lag = query(run.prometheus, 'emergisphere_kafka_consumer_lag_messages{group="triage"}')
    assert {sample["metric"]["topic"] for sample in lag} == {"es.triage.commands"}
    partitions = {sample["metric"]["partition"] for sample in lag}
    assert partitions
    assert partitions <= {str(p) for p in range(8)}
    # Once the load is done, everything fetched has been handled.
    assert all(float(sample["value"][1]) == 0 for sample in lag)


def test_logs_and_metrics_of_the_run_hold_no_patient_data(run: Run) -> None:
    logs = "\n".join(
        path.read_text(errors="replace") for path in sorted(run.cluster.log_dir.glob("*.log"))
    )
    assert len(logs.splitlines()) > 2 * len(run.workflow_ids)  # the agents logged their work
    metrics = "\n".join(run.exported.values())
    values = [value for patient in run.patients for value in patient.identifying_values()]
    assert [value for value in values if value in logs] == []
    assert [value for value in values if value in metrics] == []


def test_log_lines_are_json_and_each_workflow_is_one_trace_across_services(run: Run) -> None:
    lines = []
    for path in sorted(run.cluster.log_dir.glob("*.log")):
        if path.name == "prepare.log":
            continue
        for raw in path.read_text().splitlines():
            lines.append(json.loads(raw))  # every line a JSON object
    assert all({"time", "level", "service", "message"} <= line.keys() for line in lines)
    for workflow_id in run.workflow_ids:
        mine = [line for line in lines if line.get("workflow_id") == workflow_id]
        services = {line["service"] for line in mine}
        traces = {line.get("trace_id") for line in mine}
        # Agents in separate processes, reached over Kafka, log in the request's trace.
        assert len(services) >= 4, services
        assert len(traces) == 1, traces
        assert None not in traces
        assert all(len(line["span_id"]) == 16 for line in mine)
