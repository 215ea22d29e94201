import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

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


async def test_finds_search_the_indexes_on_their_fields(
    docs: SQLiteDocumentStore, tmp_path: Path
) -> None:
    await docs.ensure_index("r", "patient_id", "at")
    await docs.ensure_index("r", "device_id", "workflow_id")
    for n in range(60):
        await docs.put(
            "r", f"{n:03}", {"patient_id": f"p{n % 6}", "device_id": f"d{n % 4}", "at": n}
        )
    statements: list[tuple[str, Any]] = []

    def capture(*args: Any) -> None:
        _conn, _cursor, statement, parameters, _context, _many = args
        if statement.startswith("SELECT body"):
            statements.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", capture)
    try:
        await docs.find("r", {"patient_id": "p1"}, sort="at", descending=True, limit=5)
        await docs.find("r", {"device_id": "d1", "workflow_id": "w1"}, limit=1)
    finally:
        event.remove(Engine, "before_cursor_execute", capture)

    assert len(statements) == 2
    with closing(sqlite3.connect(tmp_path / "docs.db")) as connection:
        plans = [
            " ".join(row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}", params))
            for sql, params in statements
        ]
    assert "USING INDEX ix_documents_r_patient_id_at_" in plans[0]
    assert "USING INDEX ix_documents_r_device_id_workflow_id_" in plans[1]
