"""One name per service everywhere: its folder, package, entry point, Dockerfile, chart
values block, skaffold artifact and Compose service. A service missing from any of them,
or any of them naming a service that does not exist, fails here. Also checks each
Dockerfile (hadolint-style) and that its entrypoint really starts its service."""

from __future__ import annotations

import fnmatch
import importlib.metadata
import json
import re
import shlex
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from emergisphere_runtime import runner

ROOT = Path(__file__).resolve().parents[2]
# Compose services that are not platform services.
COMPOSE_EXTRAS = {
    *("postgres", "mongodb", "redis", "kafka"),
    *("migrate", "topics"),
    *("prometheus", "grafana"),
}


def service_folders() -> list[str]:
    return sorted(p.name for p in (ROOT / "services").iterdir() if p.is_dir())


def names_everywhere() -> dict[str, set[str]]:
    values = yaml.safe_load((ROOT / "charts" / "emergisphere" / "values.yaml").read_text())
    schema = json.loads((ROOT / "charts" / "emergisphere" / "values.schema.json").read_text())
    skaffold = yaml.safe_load((ROOT / "skaffold.yaml").read_text())
    compose = yaml.safe_load((ROOT / "docker-compose.dev.yml").read_text())
    return {
        "folder with a pyproject.toml": {
            p.parent.name for p in (ROOT / "services").glob("*/pyproject.toml")
        },
        "Dockerfile": {p.parent.name for p in (ROOT / "services").glob("*/Dockerfile")},
        "chart values block": set(values["services"]),
        "chart values schema": set(schema["properties"]["services"]["properties"]),
        "skaffold artifact": {
            a["image"].removeprefix("emergisphere/") for a in skaffold["build"]["artifacts"]
        },
        "Compose service": set(compose["services"]) - COMPOSE_EXTRAS,
        "Compose Prometheus target": {
            group["labels"]["service"]
            for group in json.loads(
                (ROOT / "deploy" / "prometheus" / "targets" / "compose.json").read_text()
            )
        },
        "runtime start order": set(runner.START_ORDER),
    }


@pytest.mark.parametrize("where", list(names_everywhere()))
def test_every_service_is_named_the_same_everywhere(where: str) -> None:
    folders = set(service_folders())
    found = names_everywhere()[where]
    assert folders - found == set(), f"services with no {where}"
    assert found - folders == set(), f"{where} names a service that does not exist"


@pytest.mark.parametrize("service", service_folders())
def test_package_and_entry_point_carry_the_folder_name(service: str) -> None:
    project = tomllib.loads((ROOT / "services" / service / "pyproject.toml").read_text())
    assert project["project"]["name"] == service
    entry_points = project["project"]["entry-points"]["emergisphere.services"]
    assert list(entry_points) == [service]
    assert (ROOT / "services" / service / "src" / service / "__init__.py").is_file()


# --- Dockerfiles ----------------------------------------------------------------------


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    logical: list[str] = []
    pending = ""
    for line in dockerfile.read_text().splitlines():
        if line.lstrip().startswith("#") or not line.strip():
            continue
        pending += line.rstrip()
        if pending.endswith("\\"):
            pending = pending[:-1] + " "
            continue
        logical.append(pending.strip())
        pending = ""
    assert not pending, "Dockerfile ends inside a continued line"
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in logical]


def dockerignore_excludes(path: str) -> bool:
    """Whether .dockerignore keeps `path` out of the build context (last match wins)."""
    excluded = False
    for raw in (ROOT / ".dockerignore").read_text().splitlines():
        pattern = raw.strip()
        if not pattern or pattern.startswith("#"):
            continue
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        # A pattern matches the path itself or any folder above it; ** spans folders.
        parts = path.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        regex = fnmatch.translate(pattern).replace(".*.*", ".*")
        if pattern.startswith("**/"):
            tail = fnmatch.translate(pattern[3:])
            hit = any(re.match(tail, part) for part in parts)
        else:
            hit = any(re.match(regex, prefix) for prefix in prefixes)
        if hit:
            excluded = not negate
    return excluded


def test_dockerignore_matcher_agrees_with_docker_on_examples() -> None:
    assert dockerignore_excludes("README.md")
    assert dockerignore_excludes(".venv/bin/python")
    assert not dockerignore_excludes("uv.lock")
    assert not dockerignore_excludes("libs/runtime/src/emergisphere_runtime/cli.py")
    assert dockerignore_excludes("libs/runtime/src/emergisphere_runtime/__pycache__/x.pyc")


@pytest.mark.parametrize("service", service_folders())
def test_dockerfile_builds_and_runs_its_own_service(service: str) -> None:
    dockerfile = ROOT / "services" / service / "Dockerfile"
    steps = instructions(dockerfile)
    kinds = [kind for kind, _ in steps]
    assert kinds.count("FROM") == 2, "a build stage and a runtime stage"

    for kind, args in steps:
        if kind == "FROM":
            image = args.split()[0]
            if image.startswith("${"):
                default = next(a for k, a in steps if k == "ARG" and "PYTHON_IMAGE=" in a)
                image = default.split("=", 1)[1]
            assert re.fullmatch(r"python:3\.11[\w.-]*-slim[\w.-]*", image), image
        assert kind != "ADD", "COPY, never ADD"
        if kind == "RUN" and "pip install" in args:
            assert "--no-cache-dir" in args
        if kind == "COPY" and "--from=" not in args:
            # Every copied path exists and reaches the build context.
            *sources, _target = shlex.split(args)
            for source in sources:
                assert (ROOT / source).exists(), f"COPY {source}: no such path"
                assert not dockerignore_excludes(source), f".dockerignore drops {source}"

    syncs = [a for k, a in steps if k == "RUN" and "uv sync" in a]
    assert len(syncs) == 2
    for sync in syncs:
        assert "--frozen" in sync
        assert f"--package {service}" in sync
        assert "--no-dev" in sync

    user = [a for k, a in steps if k == "USER"]
    assert user == ["10001:10001"], "runs as the non-root user, by number"
    assert steps.index(("USER", user[0])) > max(i for i, (k, _) in enumerate(steps) if k == "RUN")
    assert ("VOLUME", '["/tmp"]') in steps
    entrypoint = [a for k, a in steps if k == "ENTRYPOINT"]
    assert len(entrypoint) == 1
    assert json.loads(entrypoint[0]) == ["emergisphere", "run", service], "exec form"
    env = " ".join(a for k, a in steps if k == "ENV")
    assert "ES_HTTP_HOST=0.0.0.0" in env
    assert "PYTHONDONTWRITEBYTECODE=1" in env


def test_dockerfiles_differ_only_in_the_service_name() -> None:
    reference = (ROOT / "services" / "gateway" / "Dockerfile").read_text()
    for service in service_folders():
        text = (ROOT / "services" / service / "Dockerfile").read_text()
        assert text == reference.replace("gateway", service), service


def test_dockerfile_uv_is_the_makefile_uv() -> None:
    makefile = (ROOT / "Makefile").read_text()
    version = re.search(r"^UV_VERSION := (\S+)$", makefile, re.MULTILINE)
    assert version is not None
    dockerfile = (ROOT / "services" / "gateway" / "Dockerfile").read_text()
    assert f"ARG UV_VERSION={version.group(1)}\n" in dockerfile


@pytest.mark.parametrize("service", service_folders())
def test_the_entrypoint_imports_and_starts_the_service(service: str) -> None:
    # ENTRYPOINT ["emergisphere", "run", service]: the console script, its function, and
    # the service it is asked to run must all resolve.
    runtime = tomllib.loads((ROOT / "libs" / "runtime" / "pyproject.toml").read_text())
    target = runtime["project"]["scripts"]["emergisphere"]
    module_name, function = target.split(":")
    script = importlib.metadata.EntryPoint(name="emergisphere", value=target, group="x")
    main: Any = script.load()
    assert callable(main)
    assert main.__module__ == module_name
    assert main.__name__ == function

    from emergisphere_runtime.cli import _parser

    args = _parser().parse_args(["run", service])
    assert args.service == service
    (entry,) = importlib.metadata.entry_points(group="emergisphere.services", name=service)
    assert callable(entry.load())


def test_dockerfile_packages_are_locked() -> None:
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    locked = {package["name"] for package in lock["package"]}
    for service in service_folders():
        assert service in locked, f"uv sync --frozen --package {service} needs it in uv.lock"
