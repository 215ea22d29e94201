from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

Document = dict[str, Any]
Scalar = str | int | float | bool | None


class DocumentStore(Protocol):
    """JSON documents in named collections, keyed by ``_id``.

    Writes are upserts by id, so callers that derive ids from the workflow make every
    write idempotent under redelivery.
    """

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def put(self, collection: str, doc_id: str, document: Mapping[str, Any]) -> None:
        """Insert or replace the document with this id."""

    async def get(self, collection: str, doc_id: str) -> Document | None: ...

    async def find(
        self,
        collection: str,
        where: Mapping[str, Scalar] | None = None,
        *,
        sort: str | None = None,
        descending: bool = False,
        limit: int = 100,
    ) -> list[Document]:
        """Documents whose top-level fields equal ``where``, optionally sorted by one field."""
