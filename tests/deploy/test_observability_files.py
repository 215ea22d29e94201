"""The Prometheus config, alert rules, runbooks and Grafana dashboards, checked as files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS = ROOT / "deploy" / "prometheus"
RULES = sorted((PROMETHEUS / "rules").glob("*.yaml"))
DASHBOARDS = sorted((ROOT / "deploy" / "grafana" / "dashboards").glob("*.json"))
RUNBOOKS = ROOT / "docs" / "runbooks.md"
DATASOURCE = {"type": "prometheus", "uid": "${datasource}"}
REQUIRED_ALERTS = {
    "DoorToTriageSLOFastBurn",
    "DoorToTriageSLOSlowBurn",
    "AgentErrorRateHigh",
    "KafkaConsumerLagHigh",
    "DeadLettersPresent",
    "WorkflowsStuck",
    "OutboxBacklogOld",
    "ServiceDown",
}


@pytest.fixture(scope="module")
def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        message = "promtool is not installed: deploy/local/prometheus.sh install"
        if os.environ.get("ES_REQUIRE_SERVERS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found


def _rules() -> list[dict[str, Any]]:
    return [
        rule
        for path in RULES
        for group in yaml.safe_load(path.read_text())["groups"]
        for rule in group["rules"]
    ]


def _panels(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for panel in items:
        yield panel
        yield from _panels(panel.get("panels", []))


def _anchors(markdown: str) -> set[str]:
    """GitHub's anchors for the headings of a Markdown document."""
    headings = re.findall(r"^#+\s+(.+?)\s*$", markdown, flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}


def test_promtool_accepts_the_config_and_the_rules(promtool: str) -> None:
    config = subprocess.run(  # noqa: S603 - a fixed tool and our files
        [promtool, "check", "config", str(PROMETHEUS / "prometheus.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert config.returncode == 0, config.stdout + config.stderr
    rules = subprocess.run(  # noqa: S603
        [promtool, "check", "rules", *map(str, RULES)], capture_output=True, text=True, check=False
    )
    assert rules.returncode == 0, rules.stdout + rules.stderr
    assert f"SUCCESS: {len(_rules())} rules found" in rules.stdout


def test_the_compose_targets_name_every_service_once() -> None:
    targets = json.loads((PROMETHEUS / "targets" / "compose.json").read_text())
    services = [t["labels"]["service"] for t in targets]
    installed = sorted(
        p.name for p in (ROOT / "services").iterdir() if (p / "pyproject.toml").exists()
    )
    assert sorted(services) == installed
    assert all(t["targets"] == [f"{t['labels']['service']}:8000"] for t in targets)


def test_every_alert_has_a_summary_a_severity_and_a_runbook_section() -> None:
    rules = _rules()
    assert {rule["alert"] for rule in rules} >= REQUIRED_ALERTS
    anchors = _anchors(RUNBOOKS.read_text())
    for rule in rules:
        annotations = rule["annotations"]
        assert annotations["summary"].strip(), rule["alert"]
        assert rule["labels"]["severity"] in ("page", "ticket"), rule["alert"]
        assert annotations["runbook_url"] == f"docs/runbooks.md#{rule['alert'].lower()}"
        assert rule["alert"].lower() in anchors, f"no runbook section for {rule['alert']}"


def test_the_slo_alerts_burn_over_a_long_and_a_short_window_each() -> None:
    by_name = {rule["alert"]: rule["expr"] for rule in _rules()}
    windows = {
        "DoorToTriageSLOFastBurn": ({"1h", "5m", "6h", "30m"}, {"14.4", "6"}),
        "DoorToTriageSLOSlowBurn": ({"1d", "2h", "3d", "6h"}, {"3", "1"}),
    }
    for alert, (ranges, factors) in windows.items():
        expr = by_name[alert]
        assert set(re.findall(r"\[(\w+)\]", expr)) == ranges
        assert set(re.findall(r"> ([\d.]+)", expr)) == factors
        # The SLI counts intakes in the 60 s bucket (Prometheus 3 writes its bound "60").
        assert 'le=~"60|60\\\\.0"' in expr


def test_dashboards_use_a_datasource_variable_and_are_templated_by_service() -> None:
    titles = set()
    for path in DASHBOARDS:
        board = json.loads(path.read_text())
        titles.add(board["title"])
        variables = {v["name"]: v for v in board["templating"]["list"]}
        assert variables["datasource"]["type"] == "datasource"
        assert variables["datasource"]["query"] == "prometheus"
        assert variables["service"]["datasource"] == DATASOURCE
        assert variables["service"]["includeAll"] is True
        ids = [panel["id"] for panel in _panels(board["panels"])]
        assert len(ids) == len(set(ids)), path.name
        for panel in _panels(board["panels"]):
            if panel["type"] == "row":
                continue
            assert panel["datasource"] == DATASOURCE, (path.name, panel["title"])
            assert panel["targets"], (path.name, panel["title"])
            for target in panel["targets"]:
                assert target["datasource"] == DATASOURCE
                assert 'service=~"$service"' in target["expr"], (path.name, panel["title"])
    assert titles == {
        "EmergiSphere / ED operations",
        "EmergiSphere / Platform health",
        "EmergiSphere / SLO: door to triage",
    }


def test_grafana_provisioning_loads_the_dashboards_folder() -> None:
    provisioning = ROOT / "deploy" / "grafana" / "provisioning"
    datasources = yaml.safe_load((provisioning / "datasources" / "prometheus.yaml").read_text())
    assert datasources["datasources"][0]["type"] == "prometheus"
    providers = yaml.safe_load((provisioning / "dashboards" / "emergisphere.yaml").read_text())
    assert providers["providers"][0]["type"] == "file"
    assert providers["providers"][0]["options"]["path"]
