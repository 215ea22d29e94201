"""Cache, pub/sub and counters port and its adapters."""

from emergisphere_runtime.cache.memory import MemoryCache
from emergisphere_runtime.cache.port import Cache

__all__ = ["Cache", "MemoryCache"]
