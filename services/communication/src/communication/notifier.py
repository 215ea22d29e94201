"""The notifier port: how a message leaves the hospital (SMS, pager, e-mail).

Real providers (Twilio, SMTP, the pager gateway) are plugins: a package exposes a factory
``(platform) -> Notifier`` under the ``emergisphere.notifiers`` entry-point group and is
chosen by name in ``CommunicationSettings.notifier``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Final, Protocol

from communication.settings import OFFLINE_NOTIFIER
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.docstore import DocumentStore
from emergisphere_runtime.platform import Platform

NOTIFIER_ENTRY_POINTS: Final = "emergisphere.notifiers"
DELIVERIES: Final = "deliveries"

DELIVERED: Final = "delivered"
QUEUED: Final = "queued"
FAILED: Final = "failed"
# Statuses after which the message must never be sent again: the provider has it.
SENT_STATUSES: Final = frozenset({DELIVERED, QUEUED})


@dataclass(frozen=True)
class Delivery:
    status: str
    provider_id: str
    # Why a failed delivery failed, free of PHI: never the recipient or the body.
    error: str = ""


class Notifier(Protocol):
    async def send(self, *, channel: str, to: str, body: str) -> Delivery: ...


NotifierFactory = Callable[[Platform], Notifier]


class UnknownNotifier(LookupError):
    pass


class OfflineNotifier:
    """Delivers nothing outside the process: it records each delivery in the document store
    and always reports it delivered, so development and tests see exactly what was sent."""

    def __init__(self, docs: DocumentStore) -> None:
        self._docs = docs

    async def send(self, *, channel: str, to: str, body: str) -> Delivery:
        # A fresh id per call, like a provider's message id: a second send of the same
        # message shows up as a second delivery instead of overwriting the first.
        provider_id = f"offline-{uuid.uuid4()}"
        await self._docs.put(
            DELIVERIES,
            provider_id,
            {
                "channel": channel,
                "to": to,
                "body": body,
                "status": DELIVERED,
                "sent_at": utcnow().isoformat(),
            },
        )
        return Delivery(status=DELIVERED, provider_id=provider_id)


def load_notifier(name: str, platform: Platform) -> Notifier:
    if name == OFFLINE_NOTIFIER:
        return OfflineNotifier(platform.docs)
    for entry_point in entry_points(group=NOTIFIER_ENTRY_POINTS):
        if entry_point.name == name:
            factory: NotifierFactory = entry_point.load()
            return factory(platform)
    raise UnknownNotifier(f"no notifier named {name!r}")
