"""The Cache contract, run against every adapter: in-process memory and Redis.

The Redis variant needs the local server (`deploy/local/redis.sh up`, or
`make services-up`) and is skipped without it. Each test gets a key namespace of its own,
deleted afterwards.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from emergisphere_runtime.cache import Cache, MemoryCache
from emergisphere_runtime.cache.redis import RedisCache

# Short enough to keep the suite quick, long enough for a loaded machine to do the
# operations that must happen inside one window.
TTL = 0.5


@pytest.fixture
def redis_url(servers: dict[str, str]) -> str:
    url = servers.get("ES_CACHE_URL", "")
    if not url.startswith(("redis://", "rediss://", "unix://")):
        pytest.skip("ES_CACHE_URL names no Redis server")
    return url


@pytest.fixture
def redis_namespace() -> str:
    return f"es-test:{uuid.uuid4().hex}:"


async def delete_namespace(url: str, namespace: str) -> None:
    client = Redis.from_url(url)
    try:
        keys = [key async for key in client.scan_iter(match=f"{namespace}*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


@pytest.fixture(params=["memory", "redis"])
async def cache(request: pytest.FixtureRequest) -> AsyncIterator[Cache]:
    adapter: Cache
    if request.param == "memory":
        adapter = MemoryCache()
    else:
        url: str = request.getfixturevalue("redis_url")
        namespace: str = request.getfixturevalue("redis_namespace")
        adapter = RedisCache(url, namespace=namespace)
    await adapter.start()
    try:
        yield adapter
    finally:
        await adapter.stop()
        if request.param == "redis":
            await delete_namespace(url, namespace)


async def next_message(messages: AsyncIterator[str], within: float = 5.0) -> str:
    async with asyncio.timeout(within):
        return await anext(messages)


async def no_message(messages: AsyncIterator[str], within: float = 0.3) -> None:
    try:
        async with asyncio.timeout(within):
            message = await anext(messages)
    except TimeoutError:
        return
    pytest.fail(f"unexpected message {message!r}")


# -- values -------------------------------------------------------------------------------


async def test_get_of_a_missing_key_is_none(cache: Cache) -> None:
    assert await cache.get("missing") is None


async def test_set_then_get_and_overwrite(cache: Cache) -> None:
    await cache.set("k", "one")
    assert await cache.get("k") == "one"
    await cache.set("k", "two")
    assert await cache.get("k") == "two"


async def test_unicode_keys_and_values_round_trip(cache: Cache) -> None:
    value = 'Zoë, 患者 🚑 "quoted"\nline two \x00 nul'
    await cache.set("clé:日本", value)
    assert await cache.get("clé:日本") == value
    assert await cache.get("cle:日本") is None


async def test_values_expire_after_their_ttl(cache: Cache) -> None:
    await cache.set("short", "v", ttl_seconds=TTL)
    await cache.set("forever", "v")
    assert await cache.get("short") == "v"
    await asyncio.sleep(TTL + 0.3)
    assert await cache.get("short") is None
    assert await cache.get("forever") == "v"


async def test_set_without_ttl_removes_an_earlier_expiry(cache: Cache) -> None:
    await cache.set("k", "v", ttl_seconds=TTL)
    await cache.set("k", "w")
    await asyncio.sleep(TTL + 0.3)
    assert await cache.get("k") == "w"


@pytest.mark.parametrize("ttl", [0, -1.0])
async def test_ttl_must_be_positive(cache: Cache, ttl: float) -> None:
    with pytest.raises(ValueError, match="ttl_seconds"):
        await cache.set("k", "v", ttl_seconds=ttl)
    with pytest.raises(ValueError, match="ttl_seconds"):
        await cache.set_if_absent("k", "v", ttl_seconds=ttl)
    with pytest.raises(ValueError, match="ttl_seconds"):
        await cache.incr("k", ttl_seconds=ttl)
    assert await cache.get("k") is None


async def test_delete_removes_and_ignores_missing_keys(cache: Cache) -> None:
    await cache.set("k", "v")
    await cache.delete("k")
    assert await cache.get("k") is None
    await cache.delete("never-set")


# -- set_if_absent ------------------------------------------------------------------------


async def test_set_if_absent_only_the_first_wins(cache: Cache) -> None:
    assert await cache.set_if_absent("k", "a", ttl_seconds=10)
    assert not await cache.set_if_absent("k", "b", ttl_seconds=10)
    assert await cache.get("k") == "a"


async def test_set_if_absent_succeeds_again_after_expiry(cache: Cache) -> None:
    assert await cache.set_if_absent("k", "a", ttl_seconds=TTL)
    await asyncio.sleep(TTL + 0.3)
    assert await cache.set_if_absent("k", "b", ttl_seconds=10)
    assert await cache.get("k") == "b"


async def test_set_if_absent_does_not_take_over_a_plain_value(cache: Cache) -> None:
    await cache.set("k", "plain")
    assert not await cache.set_if_absent("k", "b", ttl_seconds=10)
    assert await cache.get("k") == "plain"


async def test_concurrent_set_if_absent_has_exactly_one_winner(cache: Cache) -> None:
    results = await asyncio.gather(
        *(cache.set_if_absent("lock", f"owner-{n}", ttl_seconds=10) for n in range(20))
    )
    assert results.count(True) == 1
    winner = results.index(True)
    assert await cache.get("lock") == f"owner-{winner}"


# -- counters -----------------------------------------------------------------------------


async def test_incr_counts_from_one(cache: Cache) -> None:
    assert [await cache.incr("c", ttl_seconds=10) for _ in range(3)] == [1, 2, 3]
    assert await cache.get("c") == "3"


async def test_concurrent_incr_loses_no_increment(cache: Cache) -> None:
    results = await asyncio.gather(*(cache.incr("c", ttl_seconds=10) for _ in range(50)))
    assert sorted(results) == list(range(1, 51))


async def test_incr_window_starts_at_the_first_increment_and_is_not_extended(
    cache: Cache,
) -> None:
    window = 1.0
    started = time.monotonic()
    assert await cache.incr("c", ttl_seconds=window) == 1
    await asyncio.sleep(window / 4)
    # A later increment neither restarts nor extends the window...
    assert await cache.incr("c", ttl_seconds=window * 10) == 2
    await asyncio.sleep(started + window + 0.3 - time.monotonic())
    # ...so the counter is gone one window after it was created, and a fresh one starts.
    assert await cache.get("c") is None
    assert await cache.incr("c", ttl_seconds=window) == 1
    assert await cache.incr("c", ttl_seconds=window) == 2


async def test_counters_are_independent(cache: Cache) -> None:
    assert await cache.incr("a", ttl_seconds=10) == 1
    assert await cache.incr("a", ttl_seconds=10) == 2
    assert await cache.incr("b", ttl_seconds=10) == 1


# -- pub/sub ------------------------------------------------------------------------------


async def test_subscriber_gets_messages_in_publishing_order(cache: Cache) -> None:
    sent = [f"message {n} ✓" for n in range(50)]
    async with cache.subscribe("ch") as messages:
        for message in sent:
            await cache.publish("ch", message)
        received = [await next_message(messages) for _ in sent]
    assert received == sent


async def test_a_consumer_may_stop_waiting_and_wait_again(cache: Cache) -> None:
    async with cache.subscribe("ch") as messages:
        for _ in range(3):
            await no_message(messages, within=0.05)
        await cache.publish("ch", "still there")
        assert await next_message(messages) == "still there"


async def test_nothing_published_before_subscribing_is_delivered(cache: Cache) -> None:
    await cache.publish("ch", "too early")
    async with cache.subscribe("ch") as messages:
        await cache.publish("ch", "in time")
        assert await next_message(messages) == "in time"
        await no_message(messages)


async def test_every_subscriber_gets_each_message(cache: Cache) -> None:
    async with cache.subscribe("ch") as first, cache.subscribe("ch") as second:
        await cache.publish("ch", "hello")
        assert await next_message(first) == "hello"
        assert await next_message(second) == "hello"


async def test_channels_are_separate(cache: Cache) -> None:
    async with cache.subscribe("ch-a") as a:
        await cache.publish("ch-b", "for b")
        await cache.publish("ch-a", "for a")
        assert await next_message(a) == "for a"
        await no_message(a)


async def test_publishing_without_subscribers_is_fine(cache: Cache) -> None:
    await cache.publish("nobody", "listens")


async def test_a_new_subscription_sees_nothing_from_before(cache: Cache) -> None:
    async with cache.subscribe("ch") as messages:
        await cache.publish("ch", "one")
        assert await next_message(messages) == "one"
    await cache.publish("ch", "between subscriptions")
    async with cache.subscribe("ch") as messages:
        await no_message(messages)
        await cache.publish("ch", "two")
        assert await next_message(messages) == "two"


# -- Redis specifics ----------------------------------------------------------------------


@pytest.fixture
async def redis_cache(redis_url: str, redis_namespace: str) -> AsyncIterator[RedisCache]:
    adapter = RedisCache(redis_url, namespace=redis_namespace)
    await adapter.start()
    try:
        yield adapter
    finally:
        await adapter.stop()
        await delete_namespace(redis_url, redis_namespace)


async def test_redis_leaving_a_subscription_unsubscribes(
    redis_cache: RedisCache, redis_url: str, redis_namespace: str
) -> None:
    channel = f"{redis_namespace}ch"
    client = Redis.from_url(redis_url, decode_responses=True)
    try:
        async with redis_cache.subscribe("ch") as messages:
            assert await client.pubsub_numsub(channel) == [(channel, 1)]
            assert await client.publish(channel, "raw") == 1
            assert await next_message(messages) == "raw"
        assert await client.pubsub_numsub(channel) == [(channel, 0)]
        assert await client.publish(channel, "after") == 0
    finally:
        await client.aclose()


async def test_redis_leaving_a_subscription_on_error_unsubscribes(
    redis_cache: RedisCache, redis_url: str, redis_namespace: str
) -> None:
    channel = f"{redis_namespace}ch"
    client = Redis.from_url(redis_url, decode_responses=True)
    try:
        with pytest.raises(RuntimeError, match="boom"):
            async with redis_cache.subscribe("ch"):
                raise RuntimeError("boom")
        assert await client.pubsub_numsub(channel) == [(channel, 0)]
    finally:
        await client.aclose()


async def test_redis_namespaces_keep_platforms_apart(
    redis_cache: RedisCache, redis_url: str, redis_namespace: str
) -> None:
    other = RedisCache(redis_url, namespace=f"{redis_namespace}other:")
    await other.start()
    try:
        await redis_cache.set("k", "mine")
        assert await other.get("k") is None
        assert await other.set_if_absent("k", "theirs", ttl_seconds=10)
        assert await redis_cache.get("k") == "mine"
        async with other.subscribe("ch") as messages:
            await redis_cache.publish("ch", "not for them")
            await no_message(messages)
    finally:
        await other.stop()


async def test_redis_keys_carry_the_namespace_and_the_ttl(
    redis_cache: RedisCache, redis_url: str, redis_namespace: str
) -> None:
    await redis_cache.set("k", "v", ttl_seconds=30)
    await redis_cache.incr("c", ttl_seconds=30)
    client = Redis.from_url(redis_url, decode_responses=True)
    try:
        assert await client.get(f"{redis_namespace}k") == "v"
        assert 0 < await client.pttl(f"{redis_namespace}k") <= 30_000
        assert 0 < await client.pttl(f"{redis_namespace}c") <= 30_000
    finally:
        await client.aclose()


async def test_redis_cache_must_be_started(redis_url: str) -> None:
    adapter = RedisCache(redis_url)
    with pytest.raises(RuntimeError, match="not started"):
        await adapter.get("k")
    await adapter.stop()


async def test_redis_bursts_beyond_the_pool_wait_for_a_connection(
    redis_url: str, redis_namespace: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from emergisphere_runtime.cache import redis as adapter

    monkeypatch.setattr(adapter, "MAX_CONNECTIONS", 2)
    monkeypatch.setattr(adapter, "POOL_WAIT_SECONDS", 0.3)
    cache = RedisCache(redis_url, namespace=redis_namespace)
    await cache.start()
    try:
        await cache.set("k", "v")
        # Fifty at once on two connections: they queue, none fails.
        assert await asyncio.gather(*(cache.get("k") for _ in range(50))) == ["v"] * 50
        async with cache.subscribe("a"), cache.subscribe("b"):
            # Both connections held by subscriptions: a command waits, then gives up
            # with the error the gateway turns into 503.
            started = time.monotonic()
            with pytest.raises(adapter.UNAVAILABLE):
                await cache.get("k")
            assert time.monotonic() - started >= 0.25
        assert await cache.get("k") == "v"  # the connections came back
    finally:
        await cache.stop()
        await delete_namespace(redis_url, redis_namespace)
