"""The ``emergisphere`` command's non-serving subcommands."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from emergisphere_runtime import cli
from emergisphere_runtime.settings import get_settings


def test_services_lists_every_service(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["services"]) == 0
    assert capsys.readouterr().out.split() == sorted(
        [
            "gateway",
            "orchestrator",
            "triage",
            "admission",
            "legal",
            "records",
            "device",
            "billing",
            "communication",
            "scheduling",
        ]
    )


def test_db_upgrade_creates_the_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ES_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        assert cli.main(["db", "upgrade"]) == 0
    finally:
        get_settings.cache_clear()
    with sqlite3.connect(tmp_path / "emergisphere.db") as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"workflows", "workflow_steps", "admission_patients", "scheduling_slots"} <= tables


def test_run_refuses_an_unknown_service() -> None:
    with pytest.raises(SystemExit):
        cli.main(["run", "janitor"])
