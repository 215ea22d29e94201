from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pymongo import ASCENDING, DESCENDING, AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError, OperationFailure
from pymongo.uri_parser import parse_uri

from emergisphere_runtime.docstore.port import Document, Scalar, UniqueIndexViolation, check_name


def _json(document: Mapping[str, Any]) -> Document:
    # The same JSON documents as the embedded store: datetimes become text, tuples lists.
    loaded: Document = json.loads(json.dumps(document, default=str))
    return loaded


class MongoDocumentStore:
    """The document store on a MongoDB-wire server (MongoDB, or FerretDB).

    Collections map to collections of the database named in the URL's path
    (``mongodb://host:port/emergisphere``).
    """

    def __init__(self, url: str) -> None:
        database = parse_uri(url)["database"]
        if not database:
            raise ValueError("the document store URL names no database: mongodb://host/<name>")
        self._url = url
        self.database_name: str = database
        self._client: AsyncMongoClient[Document] | None = None

    @property
    def _db(self) -> AsyncDatabase[Document]:
        if self._client is None:
            raise RuntimeError("the document store is not started")
        return self._client[self.database_name]

    async def start(self) -> None:
        if self._client is not None:
            return
        client: AsyncMongoClient[Document] = AsyncMongoClient(self._url, appname="emergisphere")
        try:
            await client.admin.command("ping")
        except BaseException:
            await client.close()
            raise
        self._client = client

    async def stop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.close()

    async def put(self, collection: str, doc_id: str, document: Mapping[str, Any]) -> None:
        body = {**_json(document), "_id": doc_id}
        try:
            await self._db[collection].replace_one({"_id": doc_id}, body, upsert=True)
        except DuplicateKeyError:
            # Two upserts of a new id can race to insert it: the loser replaces instead.
            # A second refusal is a unique index of the collection.
            try:
                await self._db[collection].replace_one({"_id": doc_id}, body, upsert=True)
            except DuplicateKeyError as exc:
                raise UniqueIndexViolation(f"a unique index of {collection!r} refused it") from exc

    async def get(self, collection: str, doc_id: str) -> Document | None:
        return await self._db[collection].find_one({"_id": doc_id})

    async def find(
        self,
        collection: str,
        where: Mapping[str, Scalar] | None = None,
        *,
        sort: str | None = None,
        descending: bool = False,
        limit: int = 100,
    ) -> list[Document]:
        query = {check_name(name): value for name, value in (where or {}).items()}
        order = [("_id", ASCENDING)]
        if sort is not None:
            order.insert(0, (check_name(sort), DESCENDING if descending else ASCENDING))
        if limit < 1:
            return []
        cursor = self._db[collection].find(query).sort(order).limit(limit)
        return await cursor.to_list()

    async def ensure_index(self, collection: str, *fields: str, unique: bool = False) -> None:
        if not fields:
            raise ValueError("an index needs at least one field")
        check_name(collection, "indexed collection")
        keys = [(check_name(field), ASCENDING) for field in fields]
        target = self._db[collection]
        # MongoDB refuses an index on the same keys with other options; FerretDB silently
        # keeps the first. Check here, so both behave the same.
        for index in (await target.index_information()).values():
            same_keys = [tuple(key) for key in index["key"]] == keys
            was_unique = bool(index.get("unique", False))
            if same_keys and was_unique != unique:
                raise ValueError(
                    f"{collection!r} already has an index on {fields!r}"
                    f" that is {'' if was_unique else 'not '}unique"
                )
        try:
            # Sparse: like the embedded store, documents lacking the fields are not held
            # to a unique index (MongoDB would index them as null and allow only one).
            await target.create_index(keys, unique=unique, sparse=unique)
        except DuplicateKeyError as exc:
            raise UniqueIndexViolation(
                f"{collection!r} already holds documents with equal {fields!r}"
            ) from exc
        except OperationFailure as exc:
            # FerretDB on SQLite reports existing duplicates as an internal error.
            if unique and "UNIQUE constraint failed" in str(exc):
                raise UniqueIndexViolation(
                    f"{collection!r} already holds documents with equal {fields!r}"
                ) from exc
            raise
