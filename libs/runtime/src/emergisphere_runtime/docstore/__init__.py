"""Document store port and its adapters."""

from emergisphere_runtime.docstore.port import Document, DocumentStore, UniqueIndexViolation
from emergisphere_runtime.docstore.sqlite import SQLiteDocumentStore

__all__ = ["Document", "DocumentStore", "SQLiteDocumentStore", "UniqueIndexViolation"]
