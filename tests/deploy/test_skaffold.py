"""skaffold.yaml against Skaffold's own JSON schema (vendored: tests/deploy/schemas), and
what it must say: one artifact per service, the Helm chart, dev and prod profiles."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_VERSION = "v4beta13"
SCHEMA = Path(__file__).parent / "schemas" / f"skaffold-{SCHEMA_VERSION}.json"


@pytest.fixture(scope="module")
def skaffold() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((ROOT / "skaffold.yaml").read_text())
    return config


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def errors(validator: jsonschema.Draft7Validator, config: dict[str, Any]) -> list[str]:
    return [
        f"{'.'.join(str(p) for p in e.absolute_path)}: {e.message[:200]}"
        for e in validator.iter_errors(config)
    ]


def releases(config: dict[str, Any]) -> list[dict[str, Any]]:
    """The Helm releases of the top level and of every profile."""
    found = list(config["deploy"]["helm"]["releases"])
    for profile in config.get("profiles", []):
        found += profile.get("deploy", {}).get("helm", {}).get("releases", [])
    return found


def test_skaffold_yaml_validates_against_the_current_schema(
    skaffold: dict[str, Any], validator: jsonschema.Draft7Validator
) -> None:
    assert skaffold["apiVersion"] == f"skaffold/{SCHEMA_VERSION}"
    assert errors(validator, skaffold) == []


@pytest.mark.parametrize(
    "mistake",
    ["artifact field typo", "profile field typo", "wrong type"],
)
def test_the_schema_catches_mistakes(
    skaffold: dict[str, Any], validator: jsonschema.Draft7Validator, mistake: str
) -> None:
    broken = copy.deepcopy(skaffold)
    if mistake == "artifact field typo":
        broken["build"]["artifacts"][0]["docker"]["dockerFile"] = "Dockerfile"
    elif mistake == "profile field typo":
        broken["profiles"][0]["portForwards"] = []
    else:
        broken["build"]["local"]["push"] = "no"
    assert errors(validator, broken)


def test_one_artifact_per_service_named_after_its_folder(
    skaffold: dict[str, Any], service_names: list[str]
) -> None:
    artifacts = skaffold["build"]["artifacts"]
    assert sorted(a["image"] for a in artifacts) == [f"emergisphere/{n}" for n in service_names]
    for artifact in artifacts:
        name = artifact["image"].removeprefix("emergisphere/")
        assert artifact["context"] == "."
        dockerfile = artifact["docker"]["dockerfile"]
        assert dockerfile == f"services/{name}/Dockerfile"
        assert (ROOT / dockerfile).is_file()


def test_profiles_are_named_and_never_patch_by_position(skaffold: dict[str, Any]) -> None:
    profiles = {p["name"]: p for p in skaffold["profiles"]}
    assert set(profiles) == {"dev", "prod"}
    for profile in profiles.values():
        # A JSON patch addresses list items by index; adding a service would shift them.
        assert "patches" not in profile
        # A profile that listed artifacts would replace the whole list.
        assert "artifacts" not in profile.get("build", {})
    assert profiles["prod"]["build"]["local"]["push"] is True


def test_every_release_deploys_the_chart_with_each_built_image_by_name(
    skaffold: dict[str, Any], service_names: list[str]
) -> None:
    found = releases(skaffold)
    assert len(found) == 3
    for release in found:
        assert release["chartPath"] == "charts/emergisphere"
        assert (ROOT / release["chartPath"] / "Chart.yaml").is_file()
        for values in release["valuesFiles"]:
            assert (ROOT / values).is_file(), values
        templates = release["setValueTemplates"]
        expected = {}
        for name in service_names:
            key = f"emergisphere_{name}"
            expected[f"services.{name}.image.repository"] = f"{{{{.IMAGE_REPO_{key}}}}}"
            expected[f"services.{name}.image.tag"] = f"{{{{.IMAGE_TAG_{key}}}}}"
        assert templates == expected
    prod = next(p for p in skaffold["profiles"] if p["name"] == "prod")
    assert prod["deploy"]["helm"]["releases"][0]["valuesFiles"][-1] == (
        "charts/emergisphere/values-production.yaml"
    )


def test_dev_profile_forwards_the_gateway_and_grafana(skaffold: dict[str, Any]) -> None:
    dev = next(p for p in skaffold["profiles"] if p["name"] == "dev")
    forwards = {f["resourceName"]: f for f in dev["portForward"]}
    assert forwards["emergisphere-gateway"]["port"] == 8000
    assert forwards["emergisphere-gateway"]["localPort"] == 8000
    assert any("grafana" in name for name in forwards)


def test_the_dev_profile_values_render(skaffold: dict[str, Any], render: Any) -> None:
    dev = next(p for p in skaffold["profiles"] if p["name"] == "dev")
    release = dev["deploy"]["helm"]["releases"][0]
    args: list[str] = []
    for values in release["valuesFiles"]:
        args += ["-f", str(ROOT / values)]
    for key, value in release["setValues"].items():
        args += ["--set", f"{key}={value}"]
    for key in release["setValueTemplates"]:
        args += ["--set", f"{key}={'registry.local/x' if key.endswith('repository') else 'dev'}"]
    manifests = render(*args)
    images = {
        c["image"]
        for m in manifests
        if m["kind"] == "Deployment"
        for c in m["spec"]["template"]["spec"]["containers"]
    }
    assert images == {"registry.local/x:dev"}
    assert not [m for m in manifests if m["kind"] == "Ingress"]
