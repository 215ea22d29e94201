"""Fixtures of the delivery tests: the repository, the service names, Helm renders.

No Docker engine or cluster runs here, so delivery is checked by rendering and schema
validation. `make test` installs the tools first (deploy/local/test-tools.sh); elsewhere a
missing tool skips its tests with the command that installs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "charts" / "emergisphere"
PRODUCTION_VALUES = CHART / "values-production.yaml"
# The Kubernetes version the chart is rendered for (and test_chart validates against),
# chosen explicitly rather than whatever the tools default to.
KUBE_VERSION = "1.33.0"

Manifest = dict[str, Any]
Render = Callable[..., list[Manifest]]
HelmRun = Callable[..., subprocess.CompletedProcess[str]]


def _missing_tool(message: str) -> None:
    if os.environ.get("ES_REQUIRE_SERVERS") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def service_names() -> list[str]:
    """Every service: a folder under services/ with a pyproject.toml."""
    names = sorted(p.parent.name for p in (ROOT / "services").glob("*/pyproject.toml"))
    assert names, "no services found"
    return names


@pytest.fixture(scope="session")
def helm() -> str:
    path = ROOT / ".tools" / "bin" / "helm"
    if not path.exists():
        _missing_tool("helm is not installed: deploy/local/helm.sh installs it")
    return str(path)


@pytest.fixture(scope="session")
def docker_compose() -> str:
    path = shutil.which("docker-compose")
    if path is None:
        _missing_tool("docker-compose is not installed: deploy/local/test-tools.sh installs it")
    assert path is not None
    return path


def run_helm(helm: str, *args: str, chart: Path = CHART) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - the project's Helm, arguments from the tests
        [helm, *args, str(chart)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        # Helm keeps its caches and config under HOME; keep them out of the user's.
        env={
            **os.environ,
            "HELM_CACHE_HOME": str(ROOT / ".tools" / "helm" / "cache"),
            "HELM_CONFIG_HOME": str(ROOT / ".tools" / "helm" / "config"),
            "HELM_DATA_HOME": str(ROOT / ".tools" / "helm" / "data"),
        },
    )


def template(helm: str, *args: str, chart: Path = CHART) -> list[Manifest]:
    """`helm template` of the chart as a list of manifests; fails the test on an error."""
    result = run_helm(
        helm,
        "template",
        "emergisphere",
        "--namespace",
        "emergisphere",
        "--kube-version",
        KUBE_VERSION,
        *args,
        chart=chart,
    )
    assert result.returncode == 0, result.stderr
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


@pytest.fixture(scope="session")
def helm_run(helm: str) -> HelmRun:
    """Runs a Helm command on the chart (or `chart=`); returns the completed process."""

    def _run(*args: str, chart: Path = CHART) -> subprocess.CompletedProcess[str]:
        return run_helm(helm, *args, chart=chart)

    return _run


@pytest.fixture(scope="session")
def render(helm: str) -> Render:
    """`helm template` as a list of manifests, cached per argument list (each distinct
    render runs Helm once a session); `chart=` renders another copy of the chart."""
    cache: dict[tuple[object, ...], list[Manifest]] = {}

    def _render(*args: str, chart: Path = CHART) -> list[Manifest]:
        key = (chart, *args)
        if key not in cache:
            cache[key] = template(helm, *args, chart=chart)
        return cache[key]

    return _render


@pytest.fixture(scope="session")
def default_manifests(render: Render) -> list[Manifest]:
    return render()


@pytest.fixture(scope="session")
def production_manifests(render: Render) -> list[Manifest]:
    return render("-f", str(PRODUCTION_VALUES))
