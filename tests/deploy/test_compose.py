"""docker-compose.dev.yml: `docker-compose config` accepts it, and the stack it describes
starts in order, runs the services hardened, and shows the repository's rules and
dashboards."""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.dev.yml"
ENV_EXAMPLE = ROOT / ".env.example"
BACKING = {"postgres", "mongodb", "redis", "kafka"}
JOBS = {"migrate", "topics"}
TOOLS = {"prometheus", "grafana"}


def compose_config(docker_compose: str, *args: str) -> subprocess.CompletedProcess[str]:
    # Only the variables the file names may change its meaning; drop them from our
    # environment so the defaults written in the file are what is checked.
    names = set(re.findall(r"\$\{(\w+)", COMPOSE.read_text()))
    env = {k: v for k, v in os.environ.items() if k not in names}
    return subprocess.run(  # noqa: S603 - the installed docker-compose, fixed arguments
        [docker_compose, "--project-directory", str(ROOT), "-f", str(COMPOSE), *args, "config"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def stack(docker_compose: str) -> dict[str, Any]:
    """The file as docker-compose resolves it (anchors merged, variables substituted)."""
    result = compose_config(docker_compose)
    assert result.returncode == 0, result.stderr
    config: dict[str, Any] = yaml.safe_load(result.stdout)
    return config


def test_docker_compose_config_passes(docker_compose: str) -> None:
    result = compose_config(docker_compose, "--env-file", str(ENV_EXAMPLE))
    assert result.returncode == 0, result.stderr


def test_docker_compose_config_refuses_a_broken_file(docker_compose: str, tmp_path: Path) -> None:
    broken = tmp_path / "compose.yml"
    broken.write_text(COMPOSE.read_text().replace("condition: service_healthy", "condition: up", 1))
    result = subprocess.run(  # noqa: S603 - the installed docker-compose, fixed arguments
        [docker_compose, "-f", str(broken), "config", "-q"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode != 0


def test_every_service_and_nothing_else(stack: dict[str, Any], service_names: list[str]) -> None:
    assert set(stack["services"]) == set(service_names) | BACKING | JOBS | TOOLS
    for name in service_names:
        service = stack["services"][name]
        assert service["build"]["dockerfile"] == f"services/{name}/Dockerfile"
        assert Path(service["build"]["context"]).resolve() == ROOT
        assert service["image"] == f"emergisphere/{name}:dev"


def test_variables_are_documented_in_env_example() -> None:
    used = set(re.findall(r"\$\{(\w+)", COMPOSE.read_text()))
    documented = {
        line.split("=", 1)[0]
        for line in ENV_EXAMPLE.read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert used == documented
    # The platform reads ES_* from .env as well: the Compose names must not be ES_*.
    assert not {name for name in documented if name.startswith("ES_")}


def test_everything_waits_for_healthy_dependencies(
    stack: dict[str, Any], service_names: list[str]
) -> None:
    services = stack["services"]
    for name in BACKING | TOOLS:
        assert services[name]["healthcheck"]["test"], name
    for name, service in services.items():
        for dependency, how in service.get("depends_on", {}).items():
            wanted = "service_completed_successfully" if dependency in JOBS else "service_healthy"
            assert how == {"condition": wanted}, (name, dependency)
    assert set(services["migrate"]["depends_on"]) == {"postgres"}
    assert set(services["topics"]["depends_on"]) == {"kafka"}
    assert services["migrate"]["command"] == ["emergisphere", "db", "upgrade"]
    assert services["topics"]["command"] == ["emergisphere", "topics", "ensure"]
    for name in service_names:
        depends = services[name]["depends_on"]
        assert {"migrate", "topics", "mongodb", "redis"} <= set(depends), name
        readyz = " ".join(services[name]["healthcheck"]["test"])
        assert "/readyz" in readyz
        assert services[name]["environment"]["ES_MIGRATE_ON_START"] == "false"
    assert services["gateway"]["depends_on"]["orchestrator"] == {"condition": "service_healthy"}


def test_services_run_as_they_do_on_kubernetes(
    stack: dict[str, Any], service_names: list[str]
) -> None:
    for name in [*service_names, *JOBS]:
        service = stack["services"][name]
        assert service["read_only"] is True, name
        assert service["tmpfs"] == ["/tmp"], name  # noqa: S108 - the container's own /tmp
        assert service["user"] == "10001:10001", name
        assert service["cap_drop"] == ["ALL"], name
        assert "no-new-privileges:true" in service["security_opt"], name


def test_published_ports_are_on_loopback_only(stack: dict[str, Any]) -> None:
    for name, service in stack["services"].items():
        for port in service.get("ports", []):
            # docker-compose 1.x prints "host_ip:published:target/protocol".
            assert port.startswith("127.0.0.1:"), name


def test_prometheus_and_grafana_show_the_repository_rules_and_dashboards(
    stack: dict[str, Any], service_names: list[str]
) -> None:
    def mounts(name: str) -> dict[str, Path]:
        """Bind mounts as target -> source ("source:target[:mode]"; volumes have no /)."""
        binds = {}
        for volume in stack["services"][name]["volumes"]:
            source, target = volume.split(":")[:2]
            if source.startswith("/"):
                binds[target] = Path(source).resolve()
        return binds

    # Prometheus runs the repository's own configuration, rules and Compose targets.
    prometheus = mounts("prometheus")
    assert prometheus["/etc/prometheus"] == ROOT / "deploy" / "prometheus"
    command = stack["services"]["prometheus"]["command"]
    assert "--config.file=/etc/prometheus/prometheus.yml" in command
    config = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    assert config["rule_files"] == ["rules/*.yaml"]
    targets = json.loads((ROOT / "deploy" / "prometheus" / "targets" / "compose.json").read_text())
    port = stack["services"]["gateway"]["environment"]["ES_HTTP_PORT"]
    assert {t for group in targets for t in group["targets"]} == {
        f"{name}:{port}" for name in service_names
    }
    for group in targets:
        assert group["targets"] == [f"{group['labels']['service']}:{port}"]

    grafana = mounts("grafana")
    dashboards_at = next(t for t, s in grafana.items() if s.name == "dashboards")
    assert grafana[dashboards_at] == ROOT / "deploy" / "grafana" / "dashboards"
    provisioning = grafana["/etc/grafana/provisioning"]
    assert provisioning == ROOT / "deploy" / "grafana" / "provisioning"
    providers = [
        provider
        for path in (provisioning / "dashboards").glob("*.yaml")
        for provider in yaml.safe_load(path.read_text())["providers"]
    ]
    assert [p["options"]["path"] for p in providers] == [dashboards_at]
    datasources = [
        source
        for path in (provisioning / "datasources").glob("*.yaml")
        for source in yaml.safe_load(path.read_text())["datasources"]
    ]
    assert [d["url"] for d in datasources] == ["http://prometheus:9090"]


def test_kafka_is_the_version_the_local_servers_run(stack: dict[str, Any]) -> None:
    pom = ET.parse(ROOT / "deploy" / "local" / "kafka" / "pom.xml")  # noqa: S314 - our file
    namespace = {"m": "http://maven.apache.org/POM/4.0.0"}
    version = pom.getroot().findtext("m:properties/m:kafka.version", namespaces=namespace)
    assert version
    assert stack["services"]["kafka"]["image"] == f"apache/kafka:{version}"
    environment = stack["services"]["kafka"]["environment"]
    assert environment["KAFKA_PROCESS_ROLES"] == "broker,controller"
