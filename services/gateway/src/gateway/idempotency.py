"""Idempotency-Key: a retried request starts nothing new and gets the first one's workflow.

The workflow id is derived from the key, so the database's primary key is the durable
guard against doing the work twice, even if the cache forgot the key. The cache remembers
a fingerprint of the first request's body for a day, to refuse the same key reused for a
different request instead of silently answering with someone else's workflow.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import Header, HTTPException
from pydantic import BaseModel

from emergisphere_runtime.messages import derived_id
from emergisphere_runtime.platform import Platform

KEY_TTL_SECONDS = 24 * 3600
HEADER = "Idempotency-Key"

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias=HEADER,
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
        description="Any unique string (a UUID is ideal). Retrying with the same key and "
        "body returns the first request's workflow instead of starting another.",
    ),
]


def workflow_id_for(route: str, key: str) -> str:
    return derived_id("idempotency", route, key)


async def claim(platform: Platform, route: str, key: str, body: BaseModel) -> None:
    """Remember the key with this body; refuse it if it was used with a different body."""
    digest = hashlib.sha256(key.encode()).hexdigest()
    cache_key = f"es:idempotency:{route}:{digest}"
    fingerprint = hashlib.sha256(body.model_dump_json().encode()).hexdigest()
    if await platform.cache.set_if_absent(cache_key, fingerprint, ttl_seconds=KEY_TTL_SECONDS):
        return
    if await platform.cache.get(cache_key) not in (fingerprint, None):
        raise HTTPException(
            status_code=422,
            detail=[
                {
                    "field": HEADER,
                    "loc": ["header", HEADER],
                    "type": "idempotency_key_reused",
                    "msg": "this Idempotency-Key was already used with a different request",
                }
            ],
        )
