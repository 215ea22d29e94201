from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import text

from emergisphere_runtime.db.base import Database
from emergisphere_runtime.docstore.port import Document, Scalar

_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _field(name: str) -> str:
    # Field names become part of a JSON path; only plain identifiers are allowed.
    if not _FIELD.match(name):
        raise ValueError(f"invalid document field name: {name!r}")
    return f"$.{name}"


class SQLiteDocumentStore:
    """Embedded document store: one SQLite table of JSON bodies."""

    def __init__(self, url: str) -> None:
        self._db = Database(url)

    async def start(self) -> None:
        async with self._db.transaction() as session:
            await session.execute(
                text(
                    "CREATE TABLE IF NOT EXISTS documents ("
                    " collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,"
                    " PRIMARY KEY (collection, id))"
                )
            )

    async def stop(self) -> None:
        await self._db.dispose()

    async def put(self, collection: str, doc_id: str, document: Mapping[str, Any]) -> None:
        body = json.dumps({**document, "_id": doc_id}, default=str, sort_keys=True)
        async with self._db.transaction() as session:
            await session.execute(
                text(
                    "INSERT INTO documents (collection, id, body) VALUES (:c, :i, :b)"
                    " ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body"
                ),
                {"c": collection, "i": doc_id, "b": body},
            )

    async def get(self, collection: str, doc_id: str) -> Document | None:
        async with self._db.session() as session:
            row = await session.execute(
                text("SELECT body FROM documents WHERE collection = :c AND id = :i"),
                {"c": collection, "i": doc_id},
            )
            body = row.scalar_one_or_none()
        return None if body is None else dict(json.loads(body))

    async def find(
        self,
        collection: str,
        where: Mapping[str, Scalar] | None = None,
        *,
        sort: str | None = None,
        descending: bool = False,
        limit: int = 100,
    ) -> list[Document]:
        clauses = ["collection = :c"]
        params: dict[str, Any] = {"c": collection, "limit": limit}
        for n, (name, value) in enumerate((where or {}).items()):
            params[f"p{n}"] = _field(name)
            if value is None:
                clauses.append(f"json_extract(body, :p{n}) IS NULL")
            else:
                params[f"v{n}"] = value
                clauses.append(f"json_extract(body, :p{n}) = :v{n}")
        order = ""
        if sort:
            params["s"] = _field(sort)
            order = f" ORDER BY json_extract(body, :s) {'DESC' if descending else 'ASC'}, id"
        sql = f"SELECT body FROM documents WHERE {' AND '.join(clauses)}{order} LIMIT :limit"  # noqa: S608 - values are bound parameters
        async with self._db.session() as session:
            rows = await session.execute(text(sql), params)
            return [dict(json.loads(body)) for body in rows.scalars()]
