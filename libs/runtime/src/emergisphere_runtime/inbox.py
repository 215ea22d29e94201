"""Inbox: which messages a consumer has processed, and the reply it sent for each."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from emergisphere_runtime.db.base import Base, utcnow


class InboxEntry(Base):
    __tablename__ = "inbox"

    consumer: Mapped[str] = mapped_column(String(64), primary_key=True)
    message_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    reply: Mapped[bytes] = mapped_column(LargeBinary)
    processed_at: Mapped[datetime] = mapped_column(default=utcnow)


async def processed_reply(session: AsyncSession, consumer: str, message_id: str) -> bytes | None:
    entry = await session.get(InboxEntry, (consumer, message_id))
    return None if entry is None else entry.reply


def record(session: AsyncSession, consumer: str, message_id: str, reply: bytes) -> None:
    session.add(InboxEntry(consumer=consumer, message_id=message_id, reply=reply))
