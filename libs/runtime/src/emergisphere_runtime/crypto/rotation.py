"""Re-encryption under the active key, in small batches beside normal traffic.

Rotation is: add a new key to ES_PHI_KEYS, make it active, restart (new writes use it at
once), and let this job rewrite older ciphertext and legacy plaintext. Every row update is
a compare-and-swap on the stored ciphertext, so a concurrent writer's newer value is
never overwritten with an older one; such a row is simply picked up by the next pass.
Once a pass reports nothing left under the old key, that key can be removed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    LargeBinary,
    MetaData,
    Table,
    Text,
    and_,
    select,
    tuple_,
    type_coerce,
    update,
)
from sqlalchemy.sql.elements import ColumnElement

from emergisphere_runtime.crypto.cipher import FieldCipher
from emergisphere_runtime.crypto.columns import EncryptedBytes, EncryptedJSON, EncryptedText
from emergisphere_runtime.crypto.documents import EncryptingDocumentStore
from emergisphere_runtime.db import Database

log = logging.getLogger(__name__)

BATCH = 200
# Documents have no cursor in the store port; one pass looks at this many per collection.
DOCUMENTS_PER_PASS = 10_000


@dataclass
class RotationReport:
    # "table.column" or "collection.field" -> values rewritten under the active key.
    rewritten: dict[str, int] = field(default_factory=dict)
    # Rows whose value changed under us; the next pass takes them.
    raced: int = 0

    @property
    def total(self) -> int:
        return sum(self.rewritten.values())


def encrypted_columns(metadata: MetaData) -> list[tuple[Table, str]]:
    found = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, EncryptedText | EncryptedJSON | EncryptedBytes):
                found.append((table, column.name))
    return found


def _needs_rewrite(cipher: FieldCipher, raw: str | bytes) -> bool:
    text = raw.decode(errors="replace") if isinstance(raw, bytes) else raw
    return FieldCipher.key_id_of(text) != cipher.active_key_id


async def reencrypt_database(
    db: Database, cipher: FieldCipher, metadata: MetaData, *, batch: int = BATCH
) -> RotationReport:
    report = RotationReport()
    for table, name in encrypted_columns(metadata):
        column = table.c[name]
        pk = list(table.primary_key.columns)
        raw_type = LargeBinary() if isinstance(column.type, EncryptedBytes) else Text()
        raw = type_coerce(column, raw_type)
        after: tuple[Any, ...] | None = None
        count = 0
        while True:
            query = select(*pk, raw).where(column.is_not(None)).order_by(*pk).limit(batch)
            if after is not None:
                query = query.where(tuple_(*pk) > tuple_(*after))
            async with db.session() as session:
                rows = [tuple(r) for r in (await session.execute(query)).all()]
            if not rows:
                break
            after = rows[-1][:-1]
            stale = [(r[:-1], r[-1]) for r in rows if _needs_rewrite(cipher, r[-1])]
            if stale:
                async with db.transaction() as session:
                    for row_key, old in stale:
                        decorator: Any = column.type
                        value = decorator.process_result_value(old, db.engine.dialect)
                        condition: ColumnElement[bool] = and_(
                            *(c == v for c, v in zip(pk, row_key, strict=True)), raw == old
                        )
                        done = await session.execute(
                            update(table).where(condition).values({name: value})
                        )
                        if getattr(done, "rowcount", 0) == 1:
                            count += 1
                        else:
                            report.raced += 1
            await asyncio.sleep(0)  # let request handlers in between batches
        report.rewritten[f"{table.name}.{name}"] = count
    return report


async def reencrypt_documents(
    docs: EncryptingDocumentStore, *, limit: int = DOCUMENTS_PER_PASS
) -> RotationReport:
    report = RotationReport()
    for collection, fields in docs.fields.items():
        count = 0
        for stored in await docs.inner.find(collection, None, limit=limit):
            values = [stored[f] for f in fields if stored.get(f) is not None]
            # Legacy plaintext may be any JSON value; ciphertext is always a string.
            if not any(not isinstance(v, str) or _needs_rewrite(docs.cipher, v) for v in values):
                continue
            doc_id = stored.pop("_id")
            await docs.put(collection, doc_id, docs.open(collection, stored))
            count += 1
        report.rewritten[f"{collection}"] = count
    return report


def merge(*reports: RotationReport) -> RotationReport:
    merged = RotationReport()
    for item in reports:
        merged.rewritten.update(item.rewritten)
        merged.raced += item.raced
    return merged


def summary(report: RotationReport) -> Mapping[str, int]:
    return {k: v for k, v in report.rewritten.items() if v}
