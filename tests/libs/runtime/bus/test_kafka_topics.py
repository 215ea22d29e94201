"""`emergisphere topics ensure`: every platform topic and its DLQ, idempotently."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from emergisphere_runtime import cli, topics
from emergisphere_runtime.bus.kafka import delete_prefixed_topics
from emergisphere_runtime.settings import Settings, get_settings


def describe(servers: str, names: list[str]) -> dict[str, int]:
    async def run() -> dict[str, int]:
        admin = AIOKafkaAdminClient(bootstrap_servers=servers)
        await admin.start()
        try:
            return {t["topic"]: len(t["partitions"]) for t in await admin.describe_topics(names)}
        finally:
            await admin.close()

    return asyncio.run(run())


@pytest.fixture
def kafka_env(servers: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    bootstrap = servers.get("ES_KAFKA_BOOTSTRAP_SERVERS")
    if not bootstrap:
        message = "Kafka is not among the local servers: `make services-up` starts it"
        if os.environ.get("ES_REQUIRE_SERVERS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    prefix = f"test-{uuid.uuid4().hex[:12]}."
    monkeypatch.setenv("ES_KAFKA_BOOTSTRAP_SERVERS", bootstrap)
    monkeypatch.setenv("ES_KAFKA_TOPIC_PREFIX", prefix)
    monkeypatch.setenv("ES_KAFKA_PARTITIONS", "3")
    get_settings.cache_clear()
    try:
        yield prefix
    finally:
        get_settings.cache_clear()
        asyncio.run(
            delete_prefixed_topics(
                Settings(kafka_bootstrap_servers=bootstrap, kafka_topic_prefix=prefix)
            )
        )


def test_topics_ensure_creates_every_topic_and_dead_letter_topic_once(
    kafka_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    prefix = kafka_env
    wanted = [f"{prefix}{t}" for t in topics.all_topics()]
    assert len(wanted) == 24
    assert f"{prefix}es.triage.commands.dlq" in wanted

    assert cli.main(["topics", "ensure"]) == 0
    out = capsys.readouterr().out
    assert sorted(line.split()[1] for line in out.splitlines() if line.startswith("created")) == (
        sorted(wanted)
    )
    assert describe(os.environ["ES_KAFKA_BOOTSTRAP_SERVERS"], wanted) == dict.fromkeys(wanted, 3)

    assert cli.main(["topics", "ensure"]) == 0  # again: nothing to do
    assert "0 created, 24 existed" in capsys.readouterr().out


def test_topics_ensure_without_kafka_settings_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ES_KAFKA_BOOTSTRAP_SERVERS", "")
    get_settings.cache_clear()
    try:
        assert cli.main(["topics", "ensure"]) == 1
    finally:
        get_settings.cache_clear()
    assert "ES_KAFKA_BOOTSTRAP_SERVERS" in capsys.readouterr().out
