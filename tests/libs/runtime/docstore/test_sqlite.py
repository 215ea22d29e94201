from pathlib import Path

import pytest

from emergisphere_runtime.docstore import SQLiteDocumentStore


@pytest.fixture
async def docs(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = SQLiteDocumentStore(f"sqlite+aiosqlite:///{tmp_path / 'docs.db'}")
    await store.start()
    yield store
    await store.stop()


async def test_put_is_an_upsert_by_id(docs: SQLiteDocumentStore) -> None:
    await docs.put("c", "1", {"a": 1})
    await docs.put("c", "1", {"a": 2})
    assert await docs.get("c", "1") == {"_id": "1", "a": 2}
    assert len(await docs.find("c")) == 1


async def test_find_filters_sorts_and_limits(docs: SQLiteDocumentStore) -> None:
    for n in range(5):
        await docs.put("c", str(n), {"patient": "p" if n % 2 else "q", "n": n})
    await docs.put("other", "x", {"patient": "p", "n": 99})
    found = await docs.find("c", {"patient": "p"}, sort="n", descending=True)
    assert [d["n"] for d in found] == [3, 1]
    assert [d["n"] for d in await docs.find("c", sort="n", limit=2)] == [0, 1]


async def test_missing_document_is_none(docs: SQLiteDocumentStore) -> None:
    assert await docs.get("c", "nope") is None


async def test_field_names_cannot_inject_json_paths(docs: SQLiteDocumentStore) -> None:
    with pytest.raises(ValueError, match="invalid document field"):
        await docs.find("c", {"a') OR 1=1 --": 1})
