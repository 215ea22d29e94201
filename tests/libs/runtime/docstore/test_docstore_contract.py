"""The DocumentStore contract, run against every adapter: embedded SQLite and a
MongoDB-wire server (FerretDB locally).

The MongoDB variant needs the local server (`deploy/local/ferretdb.sh up`, or
`make services-up`) and is skipped without it. Each test gets a database of its own,
dropped afterwards.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from pymongo import AsyncMongoClient

from emergisphere_runtime.docstore import DocumentStore, SQLiteDocumentStore
from emergisphere_runtime.docstore.mongo import MongoDocumentStore
from emergisphere_runtime.docstore.port import UniqueIndexViolation

NESTED: dict[str, Any] = {
    "name": "Zoë Ångström-Nakamura 患者 🚑",
    "quote": 'she said "ow" \\ then\nfainted',
    "count": 3,
    "ratio": 0.25,
    "big": 2**53,
    "negative": -17,
    "flag": False,
    "nothing": None,
    "list": [1, 2.5, "three", None, True, {"deep": ["ü", {"deeper": {}}]}],
    "nested": {"vitals": {"spo2": 91, "bp": {"systolic": 92, "diastolic": 60}}, "empty": []},
}


@pytest.fixture
def mongo_url(servers: dict[str, str]) -> str:
    url = servers.get("ES_DOCUMENT_STORE_URL", "")
    if not url.startswith(("mongodb://", "mongodb+srv://")):
        pytest.skip("ES_DOCUMENT_STORE_URL names no MongoDB-wire server")
    return url


def with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


@pytest.fixture(params=["sqlite", "mongo"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'documents.db'}"
    url: str = request.getfixturevalue("mongo_url")
    return with_database(url, f"es_test_{uuid.uuid4().hex[:16]}")


def open_store(url: str) -> DocumentStore:
    if url.startswith("sqlite"):
        return SQLiteDocumentStore(url)
    return MongoDocumentStore(url)


@pytest.fixture
async def docs(store_url: str) -> AsyncIterator[DocumentStore]:
    store = open_store(store_url)
    await store.start()
    try:
        yield store
    finally:
        await store.stop()
        if isinstance(store, MongoDocumentStore):
            client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(store_url)
            try:
                await client.drop_database(store.database_name)
            finally:
                await client.close()


def ids(found: list[dict[str, Any]]) -> list[str]:
    return [document["_id"] for document in found]


# -- put and get --------------------------------------------------------------------------


async def test_unicode_and_nested_documents_round_trip(docs: DocumentStore) -> None:
    await docs.put("c", "doc-ü-1", NESTED)
    assert await docs.get("c", "doc-ü-1") == {**NESTED, "_id": "doc-ü-1"}
    [found] = await docs.find("c", {"name": NESTED["name"]})
    assert found == {**NESTED, "_id": "doc-ü-1"}


async def test_missing_document_is_none(docs: DocumentStore) -> None:
    assert await docs.get("c", "nope") is None
    assert await docs.find("c") == []


async def test_collections_are_separate(docs: DocumentStore) -> None:
    await docs.put("a", "1", {"v": "in a"})
    await docs.put("b", "1", {"v": "in b"})
    assert await docs.get("a", "1") == {"_id": "1", "v": "in a"}
    assert await docs.get("b", "1") == {"_id": "1", "v": "in b"}
    assert await docs.get("c", "1") is None


async def test_put_replaces_the_whole_document(docs: DocumentStore) -> None:
    await docs.put("c", "1", {"a": 1, "old": True})
    await docs.put("c", "1", {"a": 2})
    assert await docs.get("c", "1") == {"_id": "1", "a": 2}
    assert await docs.find("c") == [{"_id": "1", "a": 2}]


async def test_repeated_puts_are_idempotent(docs: DocumentStore) -> None:
    for _ in range(3):
        await docs.put("c", "1", {"a": 1, "nested": {"b": [1, 2]}})
    assert await docs.find("c") == [{"_id": "1", "a": 1, "nested": {"b": [1, 2]}}]


async def test_concurrent_puts_of_a_new_id_store_one_document(docs: DocumentStore) -> None:
    await asyncio.gather(*(docs.put("c", "same", {"writer": n}) for n in range(20)))
    found = await docs.find("c")
    assert len(found) == 1
    assert found[0]["_id"] == "same"
    assert found[0]["writer"] in range(20)


async def test_the_id_argument_wins_and_the_input_is_not_changed(docs: DocumentStore) -> None:
    document = {"_id": "other", "a": 1}
    await docs.put("c", "1", document)
    assert document == {"_id": "other", "a": 1}
    assert await docs.get("c", "1") == {"_id": "1", "a": 1}
    assert await docs.get("c", "other") is None


async def test_values_json_cannot_hold_are_stored_as_json(docs: DocumentStore) -> None:
    at = datetime(2025, 3, 4, 5, 6, 7, 890123, tzinfo=UTC)
    await docs.put("c", "1", {"at": at, "pair": (1, "two")})
    assert await docs.get("c", "1") == {"_id": "1", "at": str(at), "pair": [1, "two"]}


async def test_documents_outlive_the_adapter(store_url: str, docs: DocumentStore) -> None:
    await docs.put("c", "1", {"kept": True})
    again = open_store(store_url)
    await again.start()
    try:
        assert await again.get("c", "1") == {"_id": "1", "kept": True}
    finally:
        await again.stop()


# -- find ---------------------------------------------------------------------------------


@pytest.fixture
async def readings(docs: DocumentStore) -> DocumentStore:
    # Inserted out of order, so neither insertion nor id order is mistaken for sorting.
    rows = [
        ("r3", {"patient_id": "p1", "device_id": "d1", "at": "2025-01-01T10:00:03", "n": 3}),
        ("r1", {"patient_id": "p1", "device_id": "d2", "at": "2025-01-01T10:00:01", "n": 1}),
        ("r5", {"patient_id": "p2", "device_id": "d3", "at": "2025-01-01T10:00:05", "n": 5}),
        ("r2", {"patient_id": "p1", "device_id": "d1", "at": "2025-01-01T10:00:02", "n": 2.5}),
        ("r4", {"patient_id": "p1", "device_id": "d2", "at": "2025-01-01T10:00:04", "n": 4}),
        ("r0", {"patient_id": None, "device_id": "d1", "at": "2025-01-01T09:59:59", "n": 0}),
        ("rx", {"device_id": "d9", "flag": True}),
    ]
    for doc_id, document in rows:
        await docs.put("readings", doc_id, document)
    await docs.put("other", "r9", {"patient_id": "p1", "at": "2025-01-01T10:00:09", "n": 9})
    return docs


async def test_find_by_one_field(readings: DocumentStore) -> None:
    assert ids(await readings.find("readings", {"patient_id": "p1"})) == [
        "r1",
        "r2",
        "r3",
        "r4",
    ]


async def test_find_by_several_fields(readings: DocumentStore) -> None:
    found = await readings.find("readings", {"patient_id": "p1", "device_id": "d1"})
    assert ids(found) == ["r2", "r3"]


async def test_find_by_numbers_and_booleans(readings: DocumentStore) -> None:
    assert ids(await readings.find("readings", {"n": 4})) == ["r4"]
    assert ids(await readings.find("readings", {"n": 2.5})) == ["r2"]
    assert ids(await readings.find("readings", {"flag": True})) == ["rx"]


async def test_none_matches_null_and_missing_fields(readings: DocumentStore) -> None:
    assert ids(await readings.find("readings", {"patient_id": None})) == ["r0", "rx"]


async def test_find_without_a_match(readings: DocumentStore) -> None:
    assert await readings.find("readings", {"patient_id": "p3"}) == []
    assert await readings.find("readings", {"patient_id": "p1", "device_id": "d3"}) == []
    assert await readings.find("readings", {"no_such_field": "x"}) == []


async def test_find_without_sort_is_in_id_order(readings: DocumentStore) -> None:
    assert ids(await readings.find("readings")) == ["r0", "r1", "r2", "r3", "r4", "r5", "rx"]


async def test_sort_ascending_and_descending(readings: DocumentStore) -> None:
    up = await readings.find("readings", {"patient_id": "p1"}, sort="at")
    assert ids(up) == ["r1", "r2", "r3", "r4"]
    down = await readings.find("readings", {"patient_id": "p1"}, sort="at", descending=True)
    assert ids(down) == ["r4", "r3", "r2", "r1"]


async def test_sort_numbers_numerically(readings: DocumentStore) -> None:
    found = await readings.find("readings", {"device_id": "d1"}, sort="n", descending=True)
    assert [document["n"] for document in found] == [3, 2.5, 0]


async def test_documents_without_the_sort_field_come_first_ascending(
    readings: DocumentStore,
) -> None:
    up = ids(await readings.find("readings", sort="n"))
    assert up == ["rx", "r0", "r1", "r2", "r3", "r4", "r5"]
    down = ids(await readings.find("readings", sort="n", descending=True))
    assert down == ["r5", "r4", "r3", "r2", "r1", "r0", "rx"]


async def test_ties_are_broken_by_id(docs: DocumentStore) -> None:
    for doc_id in ["b", "c", "a", "d"]:
        await docs.put("c", doc_id, {"group": 1 if doc_id in "ab" else 2})
    assert ids(await docs.find("c", sort="group")) == ["a", "b", "c", "d"]
    assert ids(await docs.find("c", sort="group", descending=True)) == ["c", "d", "a", "b"]


async def test_limit(readings: DocumentStore) -> None:
    newest = await readings.find(
        "readings", {"patient_id": "p1"}, sort="at", descending=True, limit=2
    )
    assert ids(newest) == ["r4", "r3"]
    assert ids(await readings.find("readings", limit=1)) == ["r0"]
    assert await readings.find("readings", limit=0) == []
    assert await readings.find("readings", limit=-1) == []
    assert len(await readings.find("readings", limit=1000)) == 7


@pytest.mark.parametrize("name", ["a') OR 1=1 --", "a.b", "$where", "", "1st", "a b"])
async def test_field_names_must_be_identifiers(docs: DocumentStore, name: str) -> None:
    await docs.put("c", "1", {"a": {"b": 1}})
    with pytest.raises(ValueError, match="invalid document field"):
        await docs.find("c", {name: 1})
    with pytest.raises(ValueError, match="invalid document field"):
        await docs.find("c", sort=name)
    with pytest.raises(ValueError, match="invalid document field"):
        await docs.ensure_index("c", name)


# -- indexes ------------------------------------------------------------------------------


async def test_ensure_index_is_idempotent(readings: DocumentStore) -> None:
    for _ in range(3):
        await readings.ensure_index("readings", "patient_id", "at")
        await readings.ensure_index("readings", "device_id")
    found = await readings.find("readings", {"patient_id": "p1"}, sort="at", descending=True)
    assert ids(found) == ["r4", "r3", "r2", "r1"]
    assert ids(await readings.find("readings", {"device_id": "d2"})) == ["r1", "r4"]


async def test_ensure_index_on_an_empty_collection_then_write(docs: DocumentStore) -> None:
    await docs.ensure_index("fresh", "patient_id", "at")
    await docs.put("fresh", "1", {"patient_id": "p", "at": "t"})
    assert await docs.find("fresh", {"patient_id": "p"}, sort="at") == [
        {"_id": "1", "patient_id": "p", "at": "t"}
    ]


async def test_a_unique_index_refuses_duplicates(docs: DocumentStore) -> None:
    await docs.ensure_index("users", "email", unique=True)
    await docs.ensure_index("users", "email", unique=True)
    await docs.put("users", "1", {"email": "zoë@example.org", "n": 1})
    with pytest.raises(UniqueIndexViolation):
        await docs.put("users", "2", {"email": "zoë@example.org", "n": 2})
    # The refused write changed nothing; rewriting the holder itself is fine.
    assert ids(await docs.find("users")) == ["1"]
    await docs.put("users", "1", {"email": "zoë@example.org", "n": 3})
    assert await docs.get("users", "1") == {"_id": "1", "email": "zoë@example.org", "n": 3}
    # Once the holder moves to another value, the old one is free.
    await docs.put("users", "1", {"email": "new@example.org"})
    await docs.put("users", "2", {"email": "zoë@example.org"})
    assert ids(await docs.find("users", sort="email")) == ["1", "2"]


async def test_a_unique_index_holds_only_its_collection(docs: DocumentStore) -> None:
    await docs.ensure_index("users", "email", unique=True)
    await docs.put("users", "1", {"email": "a@example.org"})
    await docs.put("others", "1", {"email": "a@example.org"})
    await docs.put("others", "2", {"email": "a@example.org"})
    assert len(await docs.find("others", {"email": "a@example.org"})) == 2


async def test_documents_without_the_field_are_not_held_to_a_unique_index(
    docs: DocumentStore,
) -> None:
    await docs.ensure_index("users", "email", unique=True)
    await docs.put("users", "1", {"name": "no email"})
    await docs.put("users", "2", {"name": "no email either"})
    assert len(await docs.find("users")) == 2


async def test_a_compound_unique_index_refuses_equal_combinations(docs: DocumentStore) -> None:
    await docs.ensure_index("slots", "practitioner_id", "starts_at", unique=True)
    await docs.put("slots", "1", {"practitioner_id": "dr-1", "starts_at": "09:00"})
    await docs.put("slots", "2", {"practitioner_id": "dr-1", "starts_at": "09:30"})
    await docs.put("slots", "3", {"practitioner_id": "dr-2", "starts_at": "09:00"})
    with pytest.raises(UniqueIndexViolation):
        await docs.put("slots", "4", {"practitioner_id": "dr-1", "starts_at": "09:00"})
    assert ids(await docs.find("slots")) == ["1", "2", "3"]


async def test_a_unique_index_over_duplicates_is_refused(docs: DocumentStore) -> None:
    await docs.put("users", "1", {"email": "same@example.org"})
    await docs.put("users", "2", {"email": "same@example.org"})
    with pytest.raises(UniqueIndexViolation):
        await docs.ensure_index("users", "email", unique=True)
    # Nothing was enforced: a third duplicate is still accepted.
    await docs.put("users", "3", {"email": "same@example.org"})


async def test_concurrent_puts_against_a_unique_index_have_one_winner(
    docs: DocumentStore,
) -> None:
    await docs.ensure_index("locks", "resource", unique=True)
    results = await asyncio.gather(
        *(docs.put("locks", f"holder-{n}", {"resource": "bed-7"}) for n in range(10)),
        return_exceptions=True,
    )
    assert sum(result is None for result in results) == 1
    assert all(isinstance(r, UniqueIndexViolation) for r in results if r is not None)
    assert len(await docs.find("locks")) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [(False, True), (True, False)],
    ids=["plain-then-unique", "unique-then-plain"],
)
async def test_an_index_cannot_change_its_uniqueness(
    docs: DocumentStore, first: bool, second: bool
) -> None:
    await docs.ensure_index("c", "a", "b", unique=first)
    with pytest.raises(ValueError, match="already has an index"):
        await docs.ensure_index("c", "a", "b", unique=second)


@pytest.mark.parametrize(
    "call",
    [
        lambda docs: docs.ensure_index("c"),
        lambda docs: docs.ensure_index("bad.collection", "a"),
        lambda docs: docs.ensure_index("c", "a.b"),
    ],
    ids=["no-fields", "collection-name", "dotted-field"],
)
async def test_ensure_index_refuses_bad_names(
    docs: DocumentStore, call: Callable[[DocumentStore], Any]
) -> None:
    with pytest.raises(ValueError, match=r"index needs|invalid"):
        await call(docs)


# -- adapter specifics --------------------------------------------------------------------


def test_mongo_url_must_name_a_database() -> None:
    with pytest.raises(ValueError, match="names no database"):
        MongoDocumentStore("mongodb://127.0.0.1:27117")
    assert MongoDocumentStore("mongodb://127.0.0.1:27117/emergisphere").database_name == (
        "emergisphere"
    )


async def test_mongo_store_must_be_started() -> None:
    store = MongoDocumentStore("mongodb://127.0.0.1:27117/emergisphere")
    with pytest.raises(RuntimeError, match="not started"):
        await store.get("c", "1")
    await store.stop()
