"""A document store that encrypts named PHI fields of named collections.

Encrypted fields hold ciphertext strings (any JSON value inside), so they cannot be
filtered, sorted or uniquely indexed on: asking to is refused rather than silently
matching nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from emergisphere_runtime.crypto.cipher import PREFIX, FieldCipher
from emergisphere_runtime.docstore.port import Document, DocumentStore, Scalar

# collection -> fields that carry PHI: phone numbers and addresses, free text about a
# patient (message bodies, report summaries and data).
PHI_FIELDS: dict[str, frozenset[str]] = {
    "communications": frozenset({"to", "body"}),
    "deliveries": frozenset({"to", "body"}),
    "device_reports": frozenset({"summary", "data"}),
    "legal_cases": frozenset({"reports", "consent"}),
}


class EncryptedFieldQuery(ValueError):
    pass


class EncryptingDocumentStore:
    def __init__(
        self,
        inner: DocumentStore,
        cipher: FieldCipher,
        fields: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.inner = inner
        self.cipher = cipher
        self.fields = dict(PHI_FIELDS if fields is None else fields)

    async def start(self) -> None:
        await self.inner.start()

    async def stop(self) -> None:
        await self.inner.stop()

    def _context(self, collection: str, field: str) -> str:
        return f"{collection}.{field}"

    def seal(self, collection: str, document: Mapping[str, Any]) -> dict[str, Any]:
        fields = self.fields.get(collection, frozenset())
        sealed = dict(document)
        for field in fields & sealed.keys():
            value = sealed[field]
            if value is None:
                continue
            plaintext = json.dumps(value, separators=(",", ":"), sort_keys=True)
            sealed[field] = self.cipher.encrypt_text(
                plaintext, context=self._context(collection, field)
            )
        return sealed

    def open(self, collection: str, document: Document) -> Document:
        fields = self.fields.get(collection, frozenset())
        for field in fields & document.keys():
            value = document[field]
            if isinstance(value, str) and value.startswith(PREFIX):
                plaintext = self.cipher.decrypt_text(
                    value, context=self._context(collection, field)
                )
                document[field] = json.loads(plaintext)
        return document

    def _refuse_encrypted(self, collection: str, names: list[str]) -> None:
        encrypted = self.fields.get(collection, frozenset()) & set(names)
        if encrypted:
            raise EncryptedFieldQuery(
                f"{collection}: cannot query encrypted field(s) {', '.join(sorted(encrypted))}"
            )

    async def put(self, collection: str, doc_id: str, document: Mapping[str, Any]) -> None:
        await self.inner.put(collection, doc_id, self.seal(collection, document))

    async def get(self, collection: str, doc_id: str) -> Document | None:
        found = await self.inner.get(collection, doc_id)
        return None if found is None else self.open(collection, found)

    async def find(
        self,
        collection: str,
        where: Mapping[str, Scalar] | None = None,
        *,
        sort: str | None = None,
        descending: bool = False,
        limit: int = 100,
    ) -> list[Document]:
        self._refuse_encrypted(collection, [*(where or {}), *([sort] if sort else [])])
        found = await self.inner.find(
            collection, where, sort=sort, descending=descending, limit=limit
        )
        return [self.open(collection, document) for document in found]

    async def ensure_index(self, collection: str, *fields: str, unique: bool = False) -> None:
        self._refuse_encrypted(collection, list(fields))
        await self.inner.ensure_index(collection, *fields, unique=unique)
