import asyncio

from emergisphere_runtime.cache import MemoryCache


async def test_values_expire() -> None:
    cache = MemoryCache()
    await cache.set("k", "v", ttl_seconds=0.05)
    assert await cache.get("k") == "v"
    await asyncio.sleep(0.08)
    assert await cache.get("k") is None


async def test_set_if_absent_only_first_wins() -> None:
    cache = MemoryCache()
    assert await cache.set_if_absent("k", "a", ttl_seconds=10)
    assert not await cache.set_if_absent("k", "b", ttl_seconds=10)
    assert await cache.get("k") == "a"


async def test_counter_window() -> None:
    cache = MemoryCache()
    assert [await cache.incr("c", ttl_seconds=10) for _ in range(3)] == [1, 2, 3]


async def test_pubsub_delivers_to_current_subscribers() -> None:
    cache = MemoryCache()
    async with cache.subscribe("ch") as messages:
        await cache.publish("ch", "hello")
        assert await anext(messages) == "hello"
    await cache.publish("ch", "nobody listens")
