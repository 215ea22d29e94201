"""Process settings, read from ``ES_*`` environment variables (and ``.env``)."""

from __future__ import annotations

import uuid
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ES_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path(".data/embedded")

    # Relational store. Empty means an SQLite file under data_dir.
    database_url: str = ""
    # Document store. Empty means an SQLite-JSON file under data_dir; mongodb://… a
    # MongoDB-wire server.
    document_store_url: str = ""
    # Cache, counters and pub/sub. Empty means in-process memory; redis://… a Redis server.
    cache_url: str = ""
    # Kafka bootstrap servers ("host:port,host:port"). Empty means the in-process bus.
    kafka_bootstrap_servers: str = ""
    # Partitions per topic when `emergisphere topics ensure` creates them.
    kafka_partitions: int = Field(default=8, ge=1)
    kafka_replication_factor: int = Field(default=1, ge=1)
    # Prepended to every topic name, so several platforms (or test runs) share one cluster.
    kafka_topic_prefix: str = ""
    # Apply database migrations when a service starts. Embedded runs want this; with
    # several processes on one database a single migration job runs them instead.
    migrate_on_start: bool = True

    # OpenTelemetry: the OTLP/HTTP collector that receives traces (e.g.
    # http://otel-collector:4318); empty means spans are made (logs carry their ids) but
    # not exported. The ratio of new traces recorded; a workflow's later spans follow it.
    otlp_endpoint: str = ""
    trace_sample_ratio: float = Field(default=1.0, ge=0, le=1)

    http_host: str = "127.0.0.1"
    http_port: int = 8000
    log_level: str = "INFO"
    instance_id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])

    # How long POST /intakes waits for triage before answering 202 instead of 201.
    intake_wait_seconds: float = Field(default=1.5, ge=0, le=30)
    # How often the orchestrator sweeps for due retries and timed-out steps.
    orchestrator_sweep_seconds: float = Field(default=0.25, gt=0, le=60)
    # Attempts at delivering one bus message to a failing handler before dead-lettering it.
    bus_max_deliveries: int = Field(default=5, ge=1)
    # Seed practitioners, slots and demo history when starting in development.
    seed_demo_data: bool = True

    # Security (docs/security.md). Empty secrets get fixed development values outside
    # production; production refuses to start with them empty or left at those values.
    # PHI field keys: "key_id:base64(32 bytes),key_id:…"; new writes use the active id.
    phi_keys: str = ""
    phi_active_key_id: str = ""
    # Keyed blind index for identifier lookups (base64, 32 bytes).
    blind_index_key: str = ""
    # Keys the audit trail's hash chain (base64, 32 bytes).
    audit_key: str = ""
    # Signs access tokens (HS256; at least 32 bytes).
    jwt_secret: str = ""
    access_token_seconds: int = Field(default=900, ge=30, le=3600)
    refresh_token_seconds: int = Field(default=12 * 3600, ge=60)
    break_glass_seconds: int = Field(default=3600, ge=60, le=24 * 3600)
    # Requests per user or client per minute.
    rate_limit_per_minute: int = Field(default=1200, ge=1)
    # Largest accepted request body.
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    # How long an agent remembers a processed message id (its inbox). Longer than Kafka's
    # default retention (7 days) and than any workflow waits on a step.
    inbox_retention_hours: float = Field(default=192.0, gt=0)
    # Largest FHIR request body: a Bundle of 2,000 entries, pretty-printed as EHRs export
    # them, is about 6 MB.
    fhir_max_body_bytes: int = Field(default=16_777_216, ge=1024)
    # Browser origins allowed to call the API ("https://a.example,https://b.example").
    cors_origins: str = ""

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{self.data_dir / 'emergisphere.db'}"

    @property
    def resolved_document_store_url(self) -> str:
        return self.document_store_url or f"sqlite+aiosqlite:///{self.data_dir / 'documents.db'}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
