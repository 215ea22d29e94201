"""The process's shared adapters, chosen from settings, and the service contract."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Protocol

from emergisphere_runtime.bus import InProcessBus, MessageBus
from emergisphere_runtime.cache import Cache, MemoryCache
from emergisphere_runtime.crypto import FieldCipher, keyring_from_settings
from emergisphere_runtime.crypto import columns as encrypted_columns
from emergisphere_runtime.crypto.documents import EncryptingDocumentStore
from emergisphere_runtime.db import Database
from emergisphere_runtime.docstore import DocumentStore, SQLiteDocumentStore
from emergisphere_runtime.metrics import Metrics
from emergisphere_runtime.outbox import Outbox
from emergisphere_runtime.settings import Settings


class Service(Protocol):
    """A runnable service. Its factory registers bus subscriptions; ``start`` begins work."""

    name: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


ServiceFactory = Callable[["Platform"], Service]

SERVICE_ENTRY_POINTS = "emergisphere.services"


def discover_services() -> dict[str, ServiceFactory]:
    """Every installed service, by name, from the ``emergisphere.services`` entry points."""
    return {ep.name: ep.load() for ep in entry_points(group=SERVICE_ENTRY_POINTS)}


@dataclass
class Platform:
    settings: Settings
    bus: MessageBus
    db: Database
    docs: DocumentStore
    cache: Cache
    metrics: Metrics = field(default_factory=Metrics)
    # Encrypts PHI columns and document fields (docs/security.md); from_settings sets it.
    cipher: FieldCipher | None = None
    outbox: Outbox = field(init=False)

    def __post_init__(self) -> None:
        self.outbox = Outbox(self.db, self.bus, self.metrics)

    @classmethod
    def from_settings(cls, settings: Settings) -> Platform:
        """The adapters the settings name: real servers where a URL is given, else the
        embedded ones (SQLite files, in-process bus and cache)."""
        metrics = Metrics()
        # Refuses production settings with missing or development secrets.
        cipher = FieldCipher(keyring_from_settings(settings))
        db = Database(settings.resolved_database_url)
        for engine in db.engines:
            encrypted_columns.install(engine, cipher)
        return cls(
            settings=settings,
            bus=_bus(settings, metrics),
            db=db,
            docs=EncryptingDocumentStore(_document_store(settings), cipher),
            cache=_cache(settings),
            metrics=metrics,
            cipher=cipher,
        )

    async def open_stores(self) -> None:
        await self.docs.start()
        await self.cache.start()

    async def close(self) -> None:
        await self.outbox.stop()
        await self.bus.stop()
        await self.cache.stop()
        await self.docs.stop()
        await self.db.dispose()


# The server drivers are imported only when configured, so the embedded mode needs none.


def _bus(settings: Settings, metrics: Metrics) -> MessageBus:
    if not settings.kafka_bootstrap_servers:
        return InProcessBus(max_deliveries=settings.bus_max_deliveries, metrics=metrics)
    from emergisphere_runtime.bus.kafka import KafkaBus

    return KafkaBus(settings, metrics=metrics)


def _document_store(settings: Settings) -> DocumentStore:
    url = settings.resolved_document_store_url
    if url.startswith(("mongodb://", "mongodb+srv://")):
        from emergisphere_runtime.docstore.mongo import MongoDocumentStore

        return MongoDocumentStore(url)
    return SQLiteDocumentStore(url)


def _cache(settings: Settings) -> Cache:
    if not settings.cache_url:
        return MemoryCache()
    from emergisphere_runtime.cache.redis import RedisCache

    return RedisCache(settings.cache_url)
