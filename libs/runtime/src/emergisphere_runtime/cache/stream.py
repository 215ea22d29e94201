from __future__ import annotations

import asyncio


class MessageStream:
    """The async iterator a subscription yields: messages from a queue, in order.

    A plain ``__anext__`` (not an async generator) so that a consumer may stop waiting,
    say on a timeout, and wait again: cancelling an async generator's ``anext`` would
    close it. An exception put on the queue ends the stream with that exception.
    """

    def __init__(self) -> None:
        self._queue: asyncio.Queue[str | BaseException] = asyncio.Queue()

    def put(self, message: str) -> None:
        self._queue.put_nowait(message)

    def fail(self, error: BaseException) -> None:
        self._queue.put_nowait(error)

    def __aiter__(self) -> MessageStream:
        return self

    async def __anext__(self) -> str:
        item = await self._queue.get()
        if isinstance(item, BaseException):
            # Keep failing for every later call too.
            self._queue.put_nowait(item)
            raise item
        return item
