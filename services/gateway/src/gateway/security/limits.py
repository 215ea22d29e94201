"""Per-principal request rate limits in the cache (Redis, or memory when embedded).

A sliding-window counter: the count in the current one-minute window plus the previous
window's count weighted by how much of it still lies within the last 60 s. A fixed window
would let a client spend its limit at the end of one minute and again at the start of
the next, twice the limit in a second.
"""

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


def _wait(previous: int, current: int, elapsed: float, limit: int) -> float:
    """Seconds until one more request fits, if none is made meanwhile."""
    if current + 1 <= limit:
        # Within this window, as the previous window's weight falls.
        needed = 1 - (limit - current - 1) / previous if previous else 0.0
        return max(0.0, needed - elapsed) * WINDOW_SECONDS
    # Only in the next window, once this window's weight has fallen far enough.
    needed = max(0.0, 1 - (limit - 1) / current)
    return (1 - elapsed + needed) * WINDOW_SECONDS


async def hit(cache: Cache, key: str, *, limit: int, now: float | None = None) -> Verdict:
    """Count one request against ``key``; refused requests count too."""
    now = time.time() if now is None else now
    window = int(now // WINDOW_SECONDS)
    elapsed = now / WINDOW_SECONDS - window
    # Kept for two windows: the next window weighs this one.
    current = await cache.incr(f"es:rate:{key}:{window}", ttl_seconds=2 * WINDOW_SECONDS + 1)
    previous = int(await cache.get(f"es:rate:{key}:{window - 1}") or 0)
    if previous * (1 - elapsed) + current <= limit:
        return Verdict(True, 0)
    return Verdict(False, max(1, math.ceil(_wait(previous, current, elapsed, limit))))
