"""Message bus port and its adapters. The Kafka adapter (``bus.kafka``) is imported only
where Kafka is configured, so the embedded mode does not load aiokafka."""

from emergisphere_runtime.bus.inproc import InProcessBus
from emergisphere_runtime.bus.port import (
    BusUnavailable,
    DeadLetter,
    Handler,
    MessageBus,
    Unavailable,
)

__all__ = ["BusUnavailable", "DeadLetter", "Handler", "InProcessBus", "MessageBus", "Unavailable"]
