"""Relational store: SQLAlchemy 2 async models and sessions (SQLite embedded, PostgreSQL later)."""

from emergisphere_runtime.db.base import Base, Database, UTCDateTime, utcnow

__all__ = ["Base", "Database", "UTCDateTime", "utcnow"]
