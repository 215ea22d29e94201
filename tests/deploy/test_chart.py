"""The Helm chart: lint, render with the default and production values, validate every
manifest against the Kubernetes schemas offline, and check what the templates promise."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from emergisphere_runtime import topics
from emergisphere_runtime.crypto.keys import keyring_from_settings
from emergisphere_runtime.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "charts" / "emergisphere"
PRODUCTION_VALUES = CHART / "values-production.yaml"
KUBE_VERSION = "1.33.0"
# Custom resources, skipped by the Kubernetes schema check because kubernetes-validate
# ships the built-in kinds only; their API groups are checked instead.
CRD_KINDS = {
    "ServiceMonitor": "monitoring.coreos.com/v1",
    "PrometheusRule": "monitoring.coreos.com/v1",
    "KafkaTopic": "kafka.strimzi.io/v1beta2",
}
# Everything the monitoring and Strimzi switches add, on top of the production example.
ALL_EXTRAS = (
    "--set", "metrics.serviceMonitor.enabled=true",
    "--set", "metrics.prometheusRule.enabled=true",
    "--set", "metrics.grafanaDashboards.enabled=true",
    "--set", "kafka.topicProvisioning=strimzi",
)  # fmt: skip
AGENTS = set(topics.AGENTS)

Manifest = dict[str, Any]


def of_kind(manifests: list[Manifest], kind: str) -> list[Manifest]:
    return [m for m in manifests if m["kind"] == kind]


def by_name(manifests: list[Manifest], kind: str) -> dict[str, Manifest]:
    return {m["metadata"]["name"]: m for m in of_kind(manifests, kind)}


def pod_specs(manifests: list[Manifest]) -> dict[str, dict[str, Any]]:
    """Pod templates of the Deployments and Jobs, by workload name."""
    return {
        m["metadata"]["name"]: m["spec"]["template"]
        for m in manifests
        if m["kind"] in ("Deployment", "Job")
    }


def secret_data(secret: Manifest) -> dict[str, str]:
    return {k: base64.b64decode(v).decode() for k, v in secret.get("data", {}).items()}


# --- lint and schemas ------------------------------------------------------------------


@pytest.mark.parametrize(
    "values", [[], ["-f", str(PRODUCTION_VALUES)]], ids=["default", "production"]
)
def test_helm_lint_strict_passes(helm_run: Any, values: list[str]) -> None:
    result = helm_run("lint", "--strict", "--kube-version", KUBE_VERSION, *values)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 chart(s) failed" in result.stdout


@pytest.mark.parametrize("values", ["default", "production", "extras"])
def test_every_manifest_validates_against_the_kubernetes_schemas(render: Any, values: str) -> None:
    args = {
        "default": (),
        "production": ("-f", str(PRODUCTION_VALUES)),
        "extras": ("-f", str(PRODUCTION_VALUES), *ALL_EXTRAS),
    }[values]
    manifests = render(*args)
    checked, skipped = 0, set()
    for manifest in manifests:
        kind = manifest["kind"]
        if kind in CRD_KINDS:
            assert manifest["apiVersion"] == CRD_KINDS[kind]
            skipped.add(kind)
            continue
        name = f"{kind}/{manifest['metadata']['name']}"
        try:
            kubernetes_validate.validate(manifest, KUBE_VERSION, strict=True)
        except kubernetes_validate.ValidationError as exc:
            path = ".".join(str(p) for p in exc.path)
            pytest.fail(f"{name} is not valid Kubernetes {KUBE_VERSION}: {path}: {exc.message}")
        except kubernetes_validate.SchemaNotFoundError:
            pytest.fail(f"{name}: no schema for {manifest['apiVersion']}; is it a CRD kind?")
        checked += 1
    assert checked >= 50
    if values == "extras":
        assert skipped == {"ServiceMonitor", "KafkaTopic"} | (
            {"PrometheusRule"} if rule_files() else set()
        )


def test_the_schema_check_catches_a_wrong_field(default_manifests: list[Manifest]) -> None:
    deployment = json.loads(json.dumps(of_kind(default_manifests, "Deployment")[0]))
    deployment["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["prot"] = (
        "http"
    )
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBE_VERSION, strict=True)


@pytest.mark.parametrize(
    ("setting", "complaint"),
    [
        ("services.triage.replica=2", "additional properties 'replica' not allowed"),
        ("services.radiology.enabled=true", "additional properties 'radiology' not allowed"),
        ("kafka.topicProvisioning=manual", "topicProvisioning"),
        ("postgresql.url=", "/postgresql/url"),
    ],
)
def test_values_schema_refuses_typos_and_missing_urls(
    helm_run: Any, setting: str, complaint: str
) -> None:
    result = helm_run("template", "x", "--set", setting)
    assert result.returncode != 0
    assert complaint in result.stderr


def test_kafka_lag_scaling_is_refused_for_a_service_that_is_no_agent(helm_run: Any) -> None:
    result = helm_run(
        "template", "x",
        "--set", "services.gateway.autoscaling.enabled=true",
        "--set", "services.gateway.autoscaling.kafkaLag.enabled=true",
        "--set", "services.gateway.autoscaling.kafkaLag.metricName=m",
        "--set", "services.gateway.autoscaling.kafkaLag.averageValue=10",
    )  # fmt: skip
    assert result.returncode != 0
    assert "services.gateway.autoscaling.kafkaLag: only the agents" in result.stderr


# --- workloads -------------------------------------------------------------------------


@pytest.mark.parametrize("values", ["default", "production"])
def test_one_deployment_service_account_and_service_per_service(
    render: Any, service_names: list[str], values: str
) -> None:
    manifests = render(*(() if values == "default" else ("-f", str(PRODUCTION_VALUES))))
    expected = {f"emergisphere-{name}" for name in service_names}
    assert set(by_name(manifests, "Deployment")) == expected
    assert set(by_name(manifests, "Service")) == expected
    assert set(by_name(manifests, "PodDisruptionBudget")) == expected
    assert expected <= set(by_name(manifests, "ServiceAccount"))
    for name, deployment in by_name(manifests, "Deployment").items():
        service = name.removeprefix("emergisphere-")
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert labels["app.kubernetes.io/component"] == service
        assert labels["app"] == service
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        assert container["name"] == service
        assert container["command"] == ["emergisphere", "run", service]
        assert container["image"].rsplit(":", 1)[0].endswith(f"/{service}")


def test_disabling_a_service_removes_all_of_its_resources(render: Any) -> None:
    manifests = render("--set", "services.billing.enabled=false")
    names = {m["metadata"]["name"] for m in manifests}
    assert not {n for n in names if n.startswith("emergisphere-billing")}
    assert "emergisphere-triage" in names


@pytest.mark.parametrize("values", ["default", "production"])
def test_every_pod_is_hardened(render: Any, values: str) -> None:
    manifests = render(*(() if values == "default" else ("-f", str(PRODUCTION_VALUES))))
    pods = pod_specs(manifests)
    assert len(pods) >= 11
    for name, template in pods.items():
        spec = template["spec"]
        assert spec["automountServiceAccountToken"] is False, name
        assert spec["serviceAccountName"] != "default", name
        pod_security = spec["securityContext"]
        assert pod_security["runAsNonRoot"] is True, name
        assert pod_security["runAsUser"] != 0, name
        assert pod_security["seccompProfile"] == {"type": "RuntimeDefault"}, name
        tmp_volumes = {v["name"] for v in spec["volumes"] if "emptyDir" in v}
        for container in spec["containers"]:
            security = container["securityContext"]
            assert security["readOnlyRootFilesystem"] is True, name
            assert security["allowPrivilegeEscalation"] is False, name
            assert security["capabilities"]["drop"] == ["ALL"], name
            mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
            assert mounts.get("/tmp") in tmp_volumes, f"{name} has no writable /tmp"  # noqa: S108
            assert container["resources"]["requests"], name
            assert container["resources"]["limits"], name


def test_services_probe_readiness_and_liveness_on_their_http_port(
    default_manifests: list[Manifest],
) -> None:
    for deployment in of_kind(default_manifests, "Deployment"):
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        assert [p["name"] for p in container["ports"]] == ["http"]
        assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
        assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}


def test_services_leave_migrations_to_the_hook_job(default_manifests: list[Manifest]) -> None:
    config = by_name(default_manifests, "ConfigMap")["emergisphere"]["data"]
    assert config["ES_MIGRATE_ON_START"] == "false"
    assert config["ES_HTTP_HOST"] == "0.0.0.0"  # noqa: S104 - a pod listens on its own IP
    for deployment in of_kind(default_manifests, "Deployment"):
        env_from = deployment["spec"]["template"]["spec"]["containers"][0]["envFrom"]
        assert {"configMapRef": {"name": "emergisphere"}} in env_from


@pytest.mark.parametrize("values", ["default", "production"])
def test_migration_and_topic_jobs_are_pre_install_hooks_that_find_their_settings(
    render: Any, values: str
) -> None:
    manifests = render(*(() if values == "default" else ("-f", str(PRODUCTION_VALUES))))
    jobs = by_name(manifests, "Job")
    migrate = jobs["emergisphere-migrate"]
    commands = {
        name: job["spec"]["template"]["spec"]["containers"][0]["command"]
        for name, job in jobs.items()
    }
    assert commands["emergisphere-migrate"] == ["emergisphere", "db", "upgrade"]
    if values == "default":
        assert commands["emergisphere-topics"] == ["emergisphere", "topics", "ensure"]
    else:  # Strimzi's topic operator owns the topics
        assert "emergisphere-topics" not in jobs

    hook_weights = {}
    for manifest in manifests:
        annotations = manifest["metadata"].get("annotations") or {}
        if "helm.sh/hook" in annotations:
            assert annotations["helm.sh/hook"] == "pre-install,pre-upgrade"
            hook_weights[(manifest["kind"], manifest["metadata"]["name"])] = int(
                annotations["helm.sh/hook-weight"]
            )
    job_weight = hook_weights[("Job", "emergisphere-migrate")]
    spec = migrate["spec"]["template"]["spec"]
    # On a first install only hooks exist when the Job runs: what it reads must be a
    # hook of lower weight, or the Secret the operator created beforehand.
    assert hook_weights[("ServiceAccount", spec["serviceAccountName"])] < job_weight
    env = {e["name"]: e for e in spec["containers"][0]["env"]}
    secret = env["ES_DATABASE_URL"]["valueFrom"]["secretKeyRef"]["name"]
    if values == "default":
        assert hook_weights[("Secret", secret)] < job_weight
        hook_secret = secret_data(by_name(manifests, "Secret")[secret])
        assert hook_secret["ES_DATABASE_URL"].startswith("postgresql+asyncpg://")
    else:
        assert secret == "emergisphere-secrets"
    assert env["ES_MIGRATE_ON_START"]["value"] == "false"
    assert "envFrom" not in spec["containers"][0]


def test_chart_made_secret_passes_the_production_key_checks(render: Any) -> None:
    manifests = render("--set", "config.environment=production")
    secret = by_name(manifests, "Secret")["emergisphere"]
    assert secret["metadata"]["annotations"]["helm.sh/resource-policy"] == "keep"
    data = secret_data(secret)
    config = by_name(manifests, "ConfigMap")["emergisphere"]["data"]
    fields = {**config, **data}
    settings = Settings(**{k.removeprefix("ES_").lower(): v for k, v in fields.items()})
    assert settings.environment == "production"
    keyring = keyring_from_settings(settings)  # raises on missing or development keys
    assert not keyring.uses_development_keys
    assert len(data["ES_JWT_SECRET"]) >= 32


def test_every_setting_the_chart_passes_is_a_real_setting(
    default_manifests: list[Manifest], production_manifests: list[Manifest]
) -> None:
    known = {f"ES_{name.upper()}" for name in Settings.model_fields}
    config = by_name(default_manifests, "ConfigMap")["emergisphere"]["data"]
    secret = secret_data(by_name(default_manifests, "Secret")["emergisphere"])
    assert set(config) | set(secret) <= known, sorted((set(config) | set(secret)) - known)
    for deployment in of_kind(production_manifests, "Deployment"):
        for env in deployment["spec"]["template"]["spec"]["containers"][0]["env"]:
            name = env["name"]
            assert name in known or name.startswith("ES_COMMUNICATION_"), name


def test_an_existing_secret_replaces_the_chart_made_one(
    production_manifests: list[Manifest],
) -> None:
    assert not of_kind(production_manifests, "Secret")
    for deployment in of_kind(production_manifests, "Deployment"):
        env_from = deployment["spec"]["template"]["spec"]["containers"][0]["envFrom"]
        assert {"secretRef": {"name": "emergisphere-secrets"}} in env_from


# --- network ---------------------------------------------------------------------------


def _selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    return all(labels.get(k) == v for k, v in selector.get("matchLabels", {}).items())


def test_network_policies_deny_by_default_and_allow_only_the_real_flows(
    default_manifests: list[Manifest],
) -> None:
    policies = by_name(default_manifests, "NetworkPolicy")
    deny = policies["emergisphere-default-deny"]["spec"]
    assert deny["policyTypes"] == ["Ingress", "Egress"]
    assert "ingress" not in deny
    assert "egress" not in deny
    for name, template in pod_specs(default_manifests).items():
        assert _selects(deny["podSelector"], template["metadata"]["labels"]), name

    egress_ports = {
        port["port"]
        for rule in policies["emergisphere-egress"]["spec"]["egress"]
        for port in rule["ports"]
    }
    assert egress_ports == {53, 5432, 27017, 6379, 9092}

    ingress = [p["spec"] for p in policies.values() if "Ingress" in p["spec"]["policyTypes"]]
    gateway = policies["emergisphere-gateway-ingress"]["spec"]
    assert gateway["podSelector"]["matchLabels"]["app.kubernetes.io/component"] == "gateway"
    for spec in ingress:
        for rule in spec.get("ingress", []):
            # Only the service port, and only from named peers: the services never call
            # each other (they talk over Kafka).
            assert [p["port"] for p in rule["ports"]] == ["http"]
            assert rule["from"]


def test_gateway_ingress_terminates_tls(default_manifests: list[Manifest]) -> None:
    ingress = by_name(default_manifests, "Ingress")["emergisphere-gateway"]["spec"]
    host = ingress["rules"][0]["host"]
    assert ingress["tls"] == [{"hosts": [host], "secretName": "emergisphere-gateway-tls"}]
    backend = ingress["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend == {"name": "emergisphere-gateway", "port": {"name": "http"}}


# --- scaling ---------------------------------------------------------------------------


def test_agents_scale_on_their_kafka_lag_and_the_rest_on_cpu(
    production_manifests: list[Manifest],
) -> None:
    hpas = by_name(production_manifests, "HorizontalPodAutoscaler")
    deployments = by_name(production_manifests, "Deployment")
    assert set(hpas) == set(deployments)
    for name, hpa in hpas.items():
        service = name.removeprefix("emergisphere-")
        assert "replicas" not in deployments[name]["spec"], "the HPA owns replicas"
        kinds = [m["type"] for m in hpa["spec"]["metrics"]]
        if service in AGENTS:
            assert kinds == ["Resource", "External"]
            external = hpa["spec"]["metrics"][1]["external"]
            assert external["metric"]["selector"]["matchLabels"] == {
                "group": service,
                "topic": topics.agent_commands(service),
            }
        else:
            assert kinds == ["Resource"]


def test_agent_replicas_never_exceed_partitions_in_the_production_example() -> None:
    values = yaml.safe_load(PRODUCTION_VALUES.read_text())
    partitions = values["kafka"]["partitions"]
    for name in AGENTS:
        autoscaling = values["services"][name]["autoscaling"]
        assert autoscaling["maxReplicas"] <= partitions, name


# --- topics ----------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "hospital-a."])
def test_strimzi_topics_are_exactly_the_platform_topics(render: Any, prefix: str) -> None:
    manifests = render(
        "--set", "kafka.topicProvisioning=strimzi",
        "--set-string", f"kafka.topicPrefix={prefix}",
        "--set", "kafka.partitions=6",
    )  # fmt: skip
    kafka_topics = of_kind(manifests, "KafkaTopic")
    assert sorted(t["spec"]["topicName"] for t in kafka_topics) == sorted(
        prefix + name for name in topics.all_topics()
    )
    for topic in kafka_topics:
        assert topic["metadata"]["labels"]["strimzi.io/cluster"] == "emergisphere"
        assert topic["spec"]["partitions"] == 6
    assert "emergisphere-topics" not in by_name(manifests, "Job")


# --- monitoring extras -----------------------------------------------------------------


def rule_files(deploy: Path = ROOT / "deploy") -> list[Path]:
    return sorted((deploy / "prometheus" / "rules").glob("*.yaml"))


def dashboard_files(deploy: Path = ROOT / "deploy") -> list[Path]:
    return sorted((deploy / "grafana" / "dashboards").glob("*.json"))


def check_extras(manifests: list[Manifest], deploy: Path) -> None:
    rules = of_kind(manifests, "PrometheusRule")
    assert len(rules) == len(rule_files(deploy))
    by_source = {r["metadata"]["name"].removeprefix("emergisphere-"): r for r in rules}
    for path in rule_files(deploy):
        rendered = by_source[path.stem.lower().replace("_", "-")]
        assert rendered["spec"]["groups"] == yaml.safe_load(path.read_text())["groups"]
    dashboards = [
        m for m in of_kind(manifests, "ConfigMap") if "grafana_dashboard" in m["metadata"]["labels"]
    ]
    assert len(dashboards) == len(dashboard_files(deploy))
    contents = {key: value for m in dashboards for key, value in m["data"].items()}
    for path in dashboard_files(deploy):
        assert contents[path.name] == path.read_text()
    for dashboard in dashboards:
        assert dashboard["metadata"]["labels"]["grafana_dashboard"] == "1"


def test_rules_and_dashboards_come_from_the_repository_files(render: Any) -> None:
    manifests = render("-f", str(PRODUCTION_VALUES), *ALL_EXTRAS)
    check_extras(manifests, ROOT / "deploy")
    # Scraped series carry the labels the rules and dashboards select on.
    (monitor,) = of_kind(manifests, "ServiceMonitor")
    relabelings = monitor["spec"]["endpoints"][0]["relabelings"]
    assert {"targetLabel": "job", "replacement": "emergisphere"} in relabelings
    assert {
        "sourceLabels": ["__meta_kubernetes_service_label_app_kubernetes_io_component"],
        "targetLabel": "service",
    } in relabelings
    for service in of_kind(manifests, "Service"):
        assert service["metadata"]["labels"]["app.kubernetes.io/component"]
    # Switched off (the default), the extras render nothing.
    defaults = render()
    assert not of_kind(defaults, "PrometheusRule")
    assert not of_kind(defaults, "ServiceMonitor")
    assert not [
        m for m in of_kind(defaults, "ConfigMap") if "grafana_dashboard" in m["metadata"]["labels"]
    ]


def test_the_chart_picks_up_new_rule_and_dashboard_files(render: Any, tmp_path: Path) -> None:
    # A copy of the chart whose files/deploy link points at a folder made here, so the
    # mechanism is proved whether or not the repository has rules and dashboards yet.
    chart = tmp_path / "emergisphere"
    shutil.copytree(CHART, chart, symlinks=True)
    deploy = tmp_path / "deploy"
    (deploy / "prometheus" / "rules").mkdir(parents=True)
    (deploy / "grafana" / "dashboards").mkdir(parents=True)
    (deploy / "prometheus" / "rules" / "slo_burn.yaml").write_text(
        "groups:\n  - name: slo\n    rules:\n      - alert: TriageSlow\n"
        "        expr: histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m]))) > 1\n"
        "        annotations:\n          summary: '{{ $labels.service }} is slow'\n"
    )
    (deploy / "grafana" / "dashboards" / "Overview.json").write_text('{"title": "Overview"}\n')
    link = chart / "files" / "deploy"
    link.unlink()
    link.symlink_to(deploy)
    manifests = render("--set", "metrics.prometheusRule.enabled=true",
                       "--set", "metrics.grafanaDashboards.enabled=true", chart=chart)  # fmt: skip
    check_extras(manifests, deploy)
    # Prometheus' own template syntax reaches the rule untouched by Helm.
    rule = of_kind(manifests, "PrometheusRule")[0]["spec"]["groups"][0]["rules"][0]
    assert rule["annotations"]["summary"] == "{{ $labels.service }} is slow"


def test_helmignore_keeps_only_rules_and_dashboards_of_deploy() -> None:
    link = CHART / "files" / "deploy"
    assert link.is_symlink()
    assert link.resolve() == (ROOT / "deploy").resolve()
    ignored = {
        line.strip().removeprefix("files/deploy/").rstrip("/")
        for line in (CHART / ".helmignore").read_text().splitlines()
        if line.startswith("files/deploy/")
    }
    folders = {p.name for p in (ROOT / "deploy").iterdir() if p.is_dir()}
    assert folders - {"grafana", "prometheus"} <= ignored, "add the folder to .helmignore"
    assert not ignored & {"grafana", "prometheus"}
