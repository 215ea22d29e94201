from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from emergisphere_runtime.db.base import Database
from emergisphere_runtime.docstore.port import Document, Scalar, UniqueIndexViolation, check_name


def _path(name: str) -> str:
    # A literal JSON path (not a bound parameter), so the expressions of a query match the
    # expressions of an index on them. Names are plain identifiers, safe to inline.
    return f"json_extract(body, '$.{check_name(name)}')"


def _index_name(collection: str, fields: tuple[str, ...]) -> str:
    digest = hashlib.sha256(json.dumps([collection, fields]).encode()).hexdigest()[:10]
    return f"ix_documents_{collection}_{'_'.join(fields)}_{digest}"


def _unique_violation(exc: IntegrityError) -> bool:
    return "UNIQUE constraint failed" in str(exc.orig)


class SQLiteDocumentStore:
    """Embedded document store: one SQLite table of JSON bodies.

    Indexes are partial expression indexes, one collection each, on ``json_extract`` of
    the indexed fields.
    """

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
        try:
            async with self._db.transaction() as session:
                await session.execute(
                    text(
                        "INSERT INTO documents (collection, id, body) VALUES (:c, :i, :b)"
                        " ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body"
                    ),
                    {"c": collection, "i": doc_id, "b": body},
                )
        except IntegrityError as exc:
            if _unique_violation(exc):
                raise UniqueIndexViolation(f"a unique index of {collection!r} refused it") from exc
            raise

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
            if value is None:
                clauses.append(f"{_path(name)} IS NULL")
            else:
                params[f"v{n}"] = value
                clauses.append(f"{_path(name)} = :v{n}")
        if sort is not None:
            order = f"{_path(sort)} {'DESC' if descending else 'ASC'}, id"
        else:
            # With filters, "+id" keeps the planner from walking the primary key for its
            # order instead of searching an index on the filtered fields.
            order = "+id" if len(clauses) > 1 else "id"
        if limit < 1:
            return []
        # Names are checked identifiers; values are bound parameters.
        sql = f"SELECT body FROM documents WHERE {' AND '.join(clauses)}"  # noqa: S608
        sql += f" ORDER BY {order} LIMIT :limit"
        async with self._db.session() as session:
            rows = await session.execute(text(sql), params)
            return [dict(json.loads(body)) for body in rows.scalars()]

    async def ensure_index(self, collection: str, *fields: str, unique: bool = False) -> None:
        if not fields:
            raise ValueError("an index needs at least one field")
        check_name(collection, "indexed collection")
        name = _index_name(collection, fields)
        columns = ", ".join(_path(field) for field in fields)
        sql = (
            f"CREATE {'UNIQUE ' if unique else ''}INDEX IF NOT EXISTS {name}"
            f" ON documents ({columns}) WHERE collection = '{collection}'"
        )
        try:
            async with self._db.transaction() as session:
                existing = await session.execute(
                    text("SELECT \"unique\" FROM pragma_index_list('documents') WHERE name = :n"),
                    {"n": name},
                )
                was_unique = existing.scalar_one_or_none()
                if was_unique is not None and bool(was_unique) != unique:
                    raise ValueError(
                        f"{collection!r} already has an index on {fields!r}"
                        f" that is {'' if was_unique else 'not '}unique"
                    )
                await session.execute(text(sql))
        except IntegrityError as exc:
            if _unique_violation(exc):
                raise UniqueIndexViolation(
                    f"{collection!r} already holds documents with equal {fields!r}"
                ) from exc
            raise
