from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.client import PubSub
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from emergisphere_runtime.cache.port import check_ttl
from emergisphere_runtime.cache.stream import MessageStream

# How long (un)subscribing waits for the server to confirm it.
SUBSCRIBE_TIMEOUT_SECONDS = 10.0
# Connections per process. A burst beyond them waits for one to come free (up to
# POOL_WAIT_SECONDS, then redis.ConnectionError) instead of failing at once, as
# redis-py's default pool does past its limit.
MAX_CONNECTIONS = 64
POOL_WAIT_SECONDS = 10.0
# What the client raises when the server cannot be reached or no connection came free:
# worth retrying later, unlike a refused command.
UNAVAILABLE: tuple[type[Exception], ...] = (RedisConnectionError, RedisTimeoutError)


def _milliseconds(ttl_seconds: float) -> int:
    return max(1, math.ceil(check_ttl(ttl_seconds) * 1000))


class RedisCache:
    """The cache on a Redis server, through one connection pool per process.

    ``namespace`` is prepended to every key and channel, so several platforms (or test
    runs) can share one server.
    """

    def __init__(self, url: str, *, namespace: str = "") -> None:
        self._url = url
        self._namespace = namespace
        self._redis: Redis | None = None

    @property
    def _client(self) -> Redis:
        if self._redis is None:
            raise RuntimeError("the cache is not started")
        return self._redis

    def _key(self, key: str) -> str:
        return self._namespace + key

    async def start(self) -> None:
        if self._redis is not None:
            return
        pool = BlockingConnectionPool.from_url(
            self._url,
            max_connections=MAX_CONNECTIONS,
            timeout=POOL_WAIT_SECONDS,
            decode_responses=True,
            health_check_interval=30,
        )
        client = Redis.from_pool(pool)
        try:
            await client.ping()
        except BaseException:
            await client.aclose()
            raise
        self._redis = client

    async def stop(self) -> None:
        client, self._redis = self._redis, None
        if client is not None:
            await client.aclose()

    async def get(self, key: str) -> str | None:
        value = await self._client.get(self._key(key))
        return value.decode() if isinstance(value, bytes) else value

    async def set(self, key: str, value: str, *, ttl_seconds: float | None = None) -> None:
        px = None if ttl_seconds is None else _milliseconds(ttl_seconds)
        await self._client.set(self._key(key), value, px=px)

    async def set_if_absent(self, key: str, value: str, *, ttl_seconds: float) -> bool:
        done = await self._client.set(self._key(key), value, px=_milliseconds(ttl_seconds), nx=True)
        return bool(done)

    async def incr(self, key: str, *, ttl_seconds: float) -> int:
        # One MULTI: create the counter at 0 with its window if it does not exist, then
        # count. INCR keeps the expiry, so the window runs from the first increment.
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.set(self._key(key), 0, px=_milliseconds(ttl_seconds), nx=True)
            pipe.incr(self._key(key))
            _, count = await pipe.execute()
        return int(count)

    async def delete(self, key: str) -> None:
        await self._client.delete(self._key(key))

    async def publish(self, channel: str, message: str) -> None:
        await self._client.publish(self._key(channel), message)

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[str]]:
        # One connection per subscription, taken from the pool and returned on exit. A
        # reader task moves messages onto the stream, so the consumer's waiting can be
        # cancelled (a timeout) without interrupting a read on the connection.
        name = self._key(channel)
        pubsub = self._client.pubsub()
        stream = MessageStream()
        reader: asyncio.Task[None] | None = None
        try:
            await pubsub.subscribe(name)
            await _confirmed(pubsub, "subscribe")
            reader = asyncio.create_task(_read(pubsub, stream), name=f"redis-subscription:{name}")
            yield stream
        finally:
            await _unsubscribe(pubsub, reader)


async def _confirmed(pubsub: PubSub, kind: str) -> None:
    """Wait for the server's confirmation: after it, the server has (un)subscribed us."""
    deadline = asyncio.get_running_loop().time() + SUBSCRIBE_TIMEOUT_SECONDS
    while (left := deadline - asyncio.get_running_loop().time()) > 0:
        message = await pubsub.get_message(timeout=left)
        if message is not None and message["type"] == kind:
            return
    raise TimeoutError(f"Redis did not confirm the {kind} within {SUBSCRIBE_TIMEOUT_SECONDS}s")


async def _read(pubsub: PubSub, stream: MessageStream) -> None:
    try:
        while True:
            message = await pubsub.get_message(timeout=None)
            if message is None:
                continue
            if message["type"] == "message":
                stream.put(message["data"])
            elif message["type"] == "unsubscribe":
                return
    except Exception as exc:  # handed to the consumer, who sees it on the next message
        stream.fail(exc)


async def _unsubscribe(pubsub: PubSub, reader: asyncio.Task[None] | None) -> None:
    try:
        if reader is not None and not reader.done():
            # The reader returns when it reads the server's confirmation.
            await pubsub.unsubscribe()
            await asyncio.wait_for(asyncio.shield(reader), SUBSCRIBE_TIMEOUT_SECONDS)
    except (RedisError, OSError, TimeoutError):
        pass  # the connection is closed below; the server then drops the subscription
    finally:
        if reader is not None and not reader.done():
            reader.cancel()
            await asyncio.wait([reader])
        await pubsub.aclose()  # type: ignore[no-untyped-call]  # redis-py leaves it untyped
