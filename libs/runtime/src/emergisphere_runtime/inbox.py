"""Inbox: which messages a consumer has processed, and the reply it sent for each."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, delete, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from emergisphere_runtime.crypto.columns import EncryptedBytes
from emergisphere_runtime.db.base import Base, Database, utcnow


class InboxEntry(Base):
    __tablename__ = "inbox"

    consumer: Mapped[str] = mapped_column(String(64), primary_key=True)
    message_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # Encrypted at rest: replies carry what the agent found about the patient.
    reply: Mapped[bytes] = mapped_column(EncryptedBytes("inbox.reply"))
    processed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


async def processed_reply(session: AsyncSession, consumer: str, message_id: str) -> bytes | None:
    """The reply already sent for this message, or None if it is new to this consumer.

    On PostgreSQL, concurrent deliveries of one message (a redelivery during a consumer
    rebalance, say) queue on a transaction-scoped advisory lock here, so the second sees
    the first one's inbox entry instead of doing the work again. SQLite's single writer
    serialises them already.
    """
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
            {"key": f"inbox:{consumer}:{message_id}"},
        )
    entry = await session.get(InboxEntry, (consumer, message_id))
    return None if entry is None else entry.reply


def record(session: AsyncSession, consumer: str, message_id: str, reply: bytes) -> None:
    session.add(InboxEntry(consumer=consumer, message_id=message_id, reply=reply))


async def prune(db: Database, consumer: str, older_than: datetime) -> int:
    """Forget what ``consumer`` processed before ``older_than``; the number forgotten.

    Safe once no copy of those messages can arrive again: the broker has dropped them
    (its retention) and no workflow still waits on them (steps time out long before).
    """
    async with db.transaction() as session:
        result = await session.execute(
            delete(InboxEntry).where(
                InboxEntry.consumer == consumer, InboxEntry.processed_at < older_than
            )
        )
    return int(getattr(result, "rowcount", 0) or 0)
