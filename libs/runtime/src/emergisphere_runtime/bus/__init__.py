"""Message bus port and its adapters."""

from emergisphere_runtime.bus.inproc import InProcessBus
from emergisphere_runtime.bus.port import Handler, MessageBus

__all__ = ["Handler", "InProcessBus", "MessageBus"]
