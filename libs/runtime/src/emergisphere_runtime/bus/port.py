from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from emergisphere.v1.envelope_pb2 import Envelope

Handler = Callable[[Envelope], Awaitable[None]]


class MessageBus(Protocol):
    """At-least-once delivery of envelopes, ordered per workflow id within a consumer group.

    A handler that raises gets the message again (with backoff); after the configured number
    of deliveries the message goes to ``<topic>.dlq``. A handler returning normally means the
    message is done (the Kafka adapter commits its offset only then).
    """

    def subscribe(self, topic: str, group: str, handler: Handler) -> None:
        """Register a handler. Call before ``start``."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def publish(self, topic: str, envelope: Envelope) -> None: ...
