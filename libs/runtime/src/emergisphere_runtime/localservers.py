"""The settings that point at the local servers started by ``make services-up``."""

from __future__ import annotations

from pathlib import Path

SERVICES_ENV = Path(".data/services/services.env")
# Where the local Prometheus (deploy/local/prometheus.sh) discovers what to scrape.
PROMETHEUS_TARGETS = Path(".data/services/prometheus/targets")


def read_services_env(path: Path = SERVICES_ENV) -> dict[str, str] | None:
    """``ES_*`` variables for the local servers, or None when they are not running."""
    if not path.is_file():
        return None
    env: dict[str, str] = {}
    for line in path.read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() and not key.lstrip().startswith("#"):
            env[key.strip()] = value.strip()
    return env
