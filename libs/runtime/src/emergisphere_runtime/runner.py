"""Running services in this process until a stop signal."""

from __future__ import annotations

import asyncio
import logging
import signal

from emergisphere_runtime import schema, topics, tracing
from emergisphere_runtime.platform import Platform, Service, discover_services
from emergisphere_runtime.settings import Settings

log = logging.getLogger(__name__)

# Start order: agents before the orchestrator (it re-sends in-flight work at start-up),
# the gateway last (it accepts work only when everything behind it runs).
START_ORDER = (*topics.AGENTS, "orchestrator", "gateway")


class UnknownService(LookupError):
    pass


def ordered(names: list[str]) -> list[str]:
    return sorted(names, key=lambda n: START_ORDER.index(n) if n in START_ORDER else 0)


async def start_services(platform: Platform, names: list[str]) -> list[Service]:
    factories = discover_services()
    unknown = sorted(set(names) - set(factories))
    if unknown:
        raise UnknownService(f"unknown service(s): {', '.join(unknown)}")
    if platform.settings.migrate_on_start:
        await schema.upgrade(platform.settings.resolved_database_url)
    await platform.open_stores()
    tracing.instrument_database(platform.db)  # when tracing is configured
    services: list[Service] = [factories[name](platform) for name in ordered(names)]
    if "gateway" not in names:
        # Probes and metrics for a process without the API (the gateway serves them).
        from emergisphere_runtime.ops import OpsServer

        services.append(OpsServer(platform))
    await platform.bus.start()
    await platform.outbox.start()
    for service in services:
        await service.start()
    return services


async def stop_services(platform: Platform, services: list[Service]) -> None:
    for service in reversed(services):
        await service.stop()
    await platform.close()


async def serve(settings: Settings, names: list[str]) -> None:
    platform = Platform.from_settings(settings)
    services = await start_services(platform, names)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    log.info("services running", extra={"services": [s.name for s in services]})
    try:
        await stop.wait()
    finally:
        await stop_services(platform, services)
