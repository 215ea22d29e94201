from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Protocol

Document = dict[str, Any]
Scalar = str | int | float | bool | None

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class UniqueIndexViolation(Exception):
    """A write (or a new unique index) would give two documents the same indexed values."""


def check_name(name: str, what: str = "document field") -> str:
    """Field names (and indexed collections) are plain identifiers in every store.

    In SQLite they become part of a JSON path; in MongoDB a dot or a leading ``$`` would
    change what a filter means. Refusing them keeps the stores interchangeable.
    """
    if not _NAME.match(name):
        raise ValueError(f"invalid {what} name: {name!r}")
    return name


class DocumentStore(Protocol):
    """JSON documents in named collections, keyed by ``_id``.

    Writes are upserts by id, so callers that derive ids from the workflow make every
    write idempotent under redelivery. Documents are JSON: values that JSON cannot hold
    (datetimes, tuples) are stored as their JSON form (``str(value)``, lists).
    """

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def put(self, collection: str, doc_id: str, document: Mapping[str, Any]) -> None:
        """Insert or replace the document with this id.

        Raises UniqueIndexViolation when a unique index already holds its values.
        """

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
        """Documents whose top-level fields equal ``where``, optionally sorted by one field.

        A ``None`` value matches a missing field too. Ties, and finds without ``sort``,
        are in ``_id`` order; a ``limit`` below 1 finds nothing.
        """

    async def ensure_index(self, collection: str, *fields: str, unique: bool = False) -> None:
        """Index the collection on these top-level fields, in order; idempotent.

        Services call it at start-up for the fields they filter and sort on. A unique index
        makes ``put`` refuse a second document with the same values (documents lacking one
        of the fields are not held to it); creating one over existing duplicates raises
        UniqueIndexViolation. Asking for an existing index with the other uniqueness
        raises ValueError.
        """
