"""The distributed run's scrape targets for the local Prometheus."""

from __future__ import annotations

import json
from pathlib import Path

from emergisphere_runtime.cluster import Cluster, write_scrape_targets
from emergisphere_runtime.runner import START_ORDER


def test_scrape_targets_name_every_service_at_its_own_port(tmp_path: Path) -> None:
    cluster = Cluster(env={}, log_dir=tmp_path / "logs", gateway_port=8123)
    path = tmp_path / "prometheus" / "targets" / "local.json"
    write_scrape_targets(cluster, path)
    groups = json.loads(path.read_text())
    assert [g["labels"]["service"] for g in groups] == list(START_ORDER)
    addresses = [g["targets"] for g in groups]
    assert all(len(a) == 1 and a[0].startswith("127.0.0.1:") for a in addresses)
    assert len({a[0] for a in addresses}) == len(START_ORDER)
    assert {"targets": ["127.0.0.1:8123"], "labels": {"service": "gateway"}} in groups
    assert not path.with_suffix(".tmp").exists()
