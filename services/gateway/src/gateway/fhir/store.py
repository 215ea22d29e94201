"""Resource versions in the document store, indexed by the relational tables.

Versions are written in chunks: one document per up to ``CHUNK_SIZE`` versions of one
transaction, keyed ``Type/id/version`` inside. The document store's port writes one
document per call, and a call costs about as much for 2 KB as for 200 KB, so a
500-entry bundle costs a handful of writes instead of 500.

All-or-nothing: documents are staged in ``fhir_pending_documents`` inside the relational
transaction and copied to the document store only after it commits (``flush``). A failed
transaction therefore leaves nothing in either store; a crash after the commit leaves
the staged copies, which the next write (or a read that needs them) copies over.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from gateway.fhir.models import FhirPendingDocument, FhirResource, FhirVersion

DOCUMENTS = "fhir_documents"
CHUNK_SIZE = 100

Resource = dict[str, Any]


def version_key(resource_type: str, resource_id: str, version_id: int) -> str:
    return f"{resource_type}/{resource_id}/{version_id}"


@dataclass
class StagedDocuments:
    """Documents one transaction writes, staged in the relational store first."""

    chunks: list[dict[str, Resource]] = field(default_factory=list)
    chunk_ids: list[str] = field(default_factory=list)
    # (collection, id) -> document, for other services' collections (device readings).
    others: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    pending_ids: list[int] = field(default_factory=list)

    def add_version(self, key: str, resource: Resource) -> str:
        """Place one version in a chunk; returns the chunk's document id."""
        if not self.chunks or len(self.chunks[-1]) >= CHUNK_SIZE:
            self.chunks.append({})
            self.chunk_ids.append(uuid.uuid4().hex)
        self.chunks[-1][key] = resource
        return self.chunk_ids[-1]

    def add_document(self, collection: str, doc_id: str, document: dict[str, Any]) -> None:
        self.others[(collection, doc_id)] = document

    def documents(self) -> Iterable[tuple[str, str, dict[str, Any]]]:
        for doc_id, chunk in zip(self.chunk_ids, self.chunks, strict=True):
            yield DOCUMENTS, doc_id, {"versions": chunk}
        for (collection, doc_id), document in self.others.items():
            yield collection, doc_id, document

    async def stage(self, session: AsyncSession) -> None:
        now = utcnow()
        rows = [
            FhirPendingDocument(
                collection=collection,
                document_id=doc_id,
                body=orjson.dumps(document).decode(),
                created_at=now,
            )
            for collection, doc_id, document in self.documents()
        ]
        session.add_all(rows)
        await session.flush()
        self.pending_ids = [row.id for row in rows]


async def flush(platform: Platform, staged: StagedDocuments) -> None:
    """Copy committed documents to the document store, then drop their staged copies."""
    documents = list(staged.documents())
    await asyncio.gather(*(platform.docs.put(c, i, d) for c, i, d in documents))
    if staged.pending_ids:
        async with platform.db.transaction() as session:
            await session.execute(
                delete(FhirPendingDocument).where(FhirPendingDocument.id.in_(staged.pending_ids))
            )


async def flush_leftovers(platform: Platform) -> int:
    """Copy documents a crash left staged (committed but not yet copied)."""
    async with platform.db.session() as session:
        rows = (await session.scalars(select(FhirPendingDocument).limit(500))).all()
    if not rows:
        return 0
    await asyncio.gather(
        *(platform.docs.put(r.collection, r.document_id, orjson.loads(r.body)) for r in rows)
    )
    async with platform.db.transaction() as session:
        await session.execute(
            delete(FhirPendingDocument).where(FhirPendingDocument.id.in_([r.id for r in rows]))
        )
    return len(rows)


async def _document(platform: Platform, doc_id: str) -> dict[str, Any] | None:
    found = await platform.docs.get(DOCUMENTS, doc_id)
    if found is not None:
        return found
    # Committed but not copied yet (a crash in between): the staged copy is the truth.
    async with platform.db.session() as session:
        body = await session.scalar(
            select(FhirPendingDocument.body).where(
                FhirPendingDocument.collection == DOCUMENTS,
                FhirPendingDocument.document_id == doc_id,
            )
        )
    return None if body is None else dict(orjson.loads(body))


async def load_versions(
    platform: Platform, versions: Sequence[tuple[str, str, int, str]]
) -> list[Resource]:
    """Resources for (type, id, version, document id) tuples, in the given order."""
    doc_ids = sorted({v[3] for v in versions})
    documents = await asyncio.gather(*(_document(platform, d) for d in doc_ids))
    by_id = dict(zip(doc_ids, documents, strict=True))
    found: list[Resource] = []
    for resource_type, resource_id, version_id, doc_id in versions:
        document = by_id.get(doc_id)
        if document is None:
            raise LookupError("a committed FHIR document is missing from the document store")
        found.append(document["versions"][version_key(resource_type, resource_id, version_id)])
    return found


async def current_versions(
    platform: Platform, session: AsyncSession, rows: Sequence[FhirResource]
) -> list[Resource]:
    """The current resources of index rows, in their order."""
    if not rows:
        return []
    keys = {(r.resource_type, r.id, r.version_id) for r in rows}
    found: dict[tuple[str, str, int], str] = {}
    by_type: dict[str, list[str]] = {}
    for r in rows:
        by_type.setdefault(r.resource_type, []).append(r.id)
    for resource_type, ids in by_type.items():
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            result = await session.execute(
                select(
                    FhirVersion.resource_id, FhirVersion.version_id, FhirVersion.document_id
                ).where(
                    FhirVersion.resource_type == resource_type, FhirVersion.resource_id.in_(part)
                )
            )
            for rid, vid, doc_id in result:
                if (resource_type, rid, vid) in keys:
                    found[(resource_type, rid, vid)] = doc_id
    ordered = [(r.resource_type, r.id, r.version_id) for r in rows]
    return await load_versions(platform, [(t, i, v, found[(t, i, v)]) for t, i, v in ordered])


async def version_row(
    session: AsyncSession, resource_type: str, resource_id: str, version_id: int
) -> FhirVersion | None:
    row: FhirVersion | None = await session.get(
        FhirVersion, (resource_type, resource_id, version_id)
    )
    return row


async def history_rows(
    session: AsyncSession, resource_type: str, resource_id: str
) -> list[FhirVersion]:
    rows = await session.scalars(
        select(FhirVersion)
        .where(FhirVersion.resource_type == resource_type, FhirVersion.resource_id == resource_id)
        .order_by(FhirVersion.version_id.desc())
    )
    return list(rows)
