from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from google.protobuf.message import DecodeError

from emergisphere.v1.envelope_pb2 import Envelope

Handler = Callable[[Envelope], Awaitable[None]]

# Headers of a dead-lettered message (Kafka record headers; ``DeadLetter.headers`` in
# process). They name what failed and where, never what the message said: no exception
# text, which may carry PHI.
DLQ_REASON = "es-dlq-reason"  # the handler's exception type name, or UNDECODABLE
DLQ_TOPIC = "es-dlq-topic"  # the source topic as on the wire (with any prefix)
DLQ_PARTITION = "es-dlq-partition"
DLQ_OFFSET = "es-dlq-offset"
DLQ_GROUP = "es-dlq-group"
DLQ_DELIVERIES = "es-dlq-deliveries"  # handler calls made; 0 when undecodable
UNDECODABLE = "undecodable"


class Unavailable(ConnectionError):
    """Something the handler needs (the broker, the database) is away; the message is not
    at fault. The bus delivers it again, without counting towards the dead-letter limit."""


class BusUnavailable(Unavailable):
    """A publish could not be handed to the broker within the bus's time bound."""


@dataclass(frozen=True)
class DeadLetter:
    """A message moved to ``<topic>.dlq``: its original bytes and the DLQ_* headers."""

    data: bytes
    headers: dict[str, str] = field(default_factory=dict)


class MessageBus(Protocol):
    """At-least-once delivery of envelopes, ordered per workflow id within a consumer group.

    A handler that raises gets the message again (with backoff); after the configured number
    of deliveries the message goes to ``<topic>.dlq``, as do bytes that are not an envelope.
    A handler returning normally means the message is done (the Kafka adapter commits its
    offset only then).
    """

    def subscribe(
        self, topic: str, group: str, handler: Handler, *, only_new: bool = False
    ) -> None:
        """Register a handler. Call before ``start``.

        ``only_new``: a group with no committed position starts at messages published from
        now on rather than at the oldest retained one (for per-process groups that want a
        live feed, not a replay).
        """

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def publish(self, topic: str, envelope: Envelope) -> None:
        """Hand the envelope to the bus. Raises BusUnavailable when that is not possible."""


def decode_envelope(data: bytes | None) -> Envelope | None:
    """The envelope in ``data``, or None when it is not one (it goes to the DLQ as is)."""
    if data is None:
        return None
    try:
        return Envelope.FromString(data)
    except DecodeError:
        return None
