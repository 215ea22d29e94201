"""Per-principal request rate limits in the cache (Redis, or memory when embedded)."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from emergisphere_runtime.cache import Cache

WINDOW_SECONDS = 60


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int


async def hit(cache: Cache, key: str, *, limit: int, now: float | None = None) -> Verdict:
    """Count one request against ``key`` in the current fixed one-minute window."""
    now = time.time() if now is None else now
    window = int(now // WINDOW_SECONDS)
    count = await cache.incr(f"es:rate:{key}:{window}", ttl_seconds=WINDOW_SECONDS + 1)
    if count <= limit:
        return Verdict(True, 0)
    return Verdict(False, max(1, math.ceil((window + 1) * WINDOW_SECONDS - now)))
