"""Request-scoped access to the process's adapters (set on app.state at start-up)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from emergisphere_runtime.platform import Platform
from gateway.live import EventHub


def get_platform(request: Request) -> Platform:
    platform: Platform = request.app.state.platform
    return platform


def get_hub(request: Request) -> EventHub:
    hub: EventHub = request.app.state.hub
    return hub


async def get_session(
    platform: Annotated[Platform, Depends(get_platform)],
) -> AsyncIterator[AsyncSession]:
    async with platform.db.session() as session:
        yield session


PlatformDep = Annotated[Platform, Depends(get_platform)]
HubDep = Annotated[EventHub, Depends(get_hub)]
SessionDep = Annotated[AsyncSession, Depends(get_session)]
