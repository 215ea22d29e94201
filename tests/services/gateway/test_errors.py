"""An unreachable database makes the API answer 503 with Retry-After, and accept nothing."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import MaxConnectionsError, ResponseError
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from emergisphere_runtime.platform import Platform
from emergisphere_runtime.settings import Settings
from emergisphere_runtime.workflow.models import Workflow
from gateway.live import EventHub
from gateway.security.matrix import MATRIX, Rule
from gateway.security.testing import authorize
from gateway.server import create_app

INTAKE: dict[str, Any] = {
    "patient": {
        "national_health_id": "300-555-0199",
        "first_name": "Ada",
        "last_name": "Quill",
        "date_of_birth": "1961-04-02",
        "sex": "female",
    },
    "chief_complaint": "chest pain",
    "arrival_mode": "walk_in",
    "vitals": {"heart_rate": 96, "respiratory_rate": 18, "spo2": 97, "systolic_bp": 128},
}


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port  # nothing listens there once the socket is closed


@contextlib.asynccontextmanager
async def api(settings: Settings, database_url: str) -> AsyncIterator[tuple[Platform, Any]]:
    platform = Platform.from_settings(
        settings.model_copy(update={"database_url": database_url, "intake_wait_seconds": 0})
    )
    await platform.open_stores()
    published: list[str] = []
    publish = platform.bus.publish

    async def recording_publish(topic: str, envelope: Any) -> None:
        published.append(topic)
        await publish(topic, envelope)

    platform.bus.publish = recording_publish  # type: ignore[method-assign]
    app = create_app(platform, EventHub(platform))
    app.state.published = published
    try:
        yield platform, app
    finally:
        await platform.close()


def client(app: Any) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    http = httpx.AsyncClient(transport=transport, base_url="http://gateway")
    authorize(http, app)
    return http


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"] == "5"
    body = response.json()
    assert set(body) == {"detail"}
    # A plain message: no exception text, no driver detail, nothing the client sent.
    for leak in ("Ada", "Quill", "300-555-0199", "Errno", "127.0.0.1", "sqlalchemy", "asyncpg"):
        assert leak not in response.text


async def test_intake_gets_503_with_retry_after_when_the_database_is_down(
    settings: Settings,
) -> None:
    url = f"postgresql+asyncpg://emergisphere:emergisphere@127.0.0.1:{closed_port()}/es"
    async with api(settings, url) as (_platform, app), client(app) as http:
        intake = await http.post("/api/v1/intakes", json=INTAKE)
        keyed = await http.post("/api/v1/intakes", json=INTAKE, headers={"Idempotency-Key": "k-1"})
        lookup = await http.get("/api/v1/workflows/00000000-0000-0000-0000-000000000000")
    for response in (intake, keyed, lookup):
        assert_unavailable(response)
    assert app.state.published == []  # the orchestrator was never told of a workflow


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (lambda: ConnectionRefusedError(111, "Connect call failed"), 503),
        (lambda: OSError("Multiple exceptions: [Errno 111] ..., [Errno 99] ..."), 503),
        (lambda: IntegrityError("INSERT ...", {"name": "Ada"}, Exception("dup")), 500),
        (lambda: FileNotFoundError(2, "No such file"), 500),
        (lambda: RedisConnectionError("Error 111 connecting to 127.0.0.1:6379."), 503),
        (lambda: MaxConnectionsError("Too many connections"), 503),
        (lambda: ResponseError("WRONGTYPE Operation against a key"), 500),
    ],
    ids=[
        "refused",
        "every-address-refused",
        "integrity-error",
        "other-os-error",
        "cache-refused",
        "cache-pool-dry",
        "cache-refused-command",
    ],
)
async def test_only_unreachable_stores_get_503(
    settings: Settings,
    error: Callable[[], Exception],
    status: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A route made up for this test needs a rule, or the gateway refuses it to everyone.
    monkeypatch.setitem(MATRIX, ("GET", "/boom"), Rule(public=True))
    url = f"sqlite+aiosqlite:///{settings.data_dir / 'e.db'}"
    async with api(settings, url) as (_platform, app):

        @app.get("/boom")
        async def boom() -> None:
            raise error()

        async with client(app) as http:
            response = await http.get("/boom")
    assert response.status_code == status
    assert ("retry-after" in response.headers) == (status == 503)
    assert "Ada" not in response.text
    assert "127.0.0.1" not in response.text


class Proxy:
    """A TCP proxy to the database that can be cut and restored, like a network outage."""

    def __init__(self, target: tuple[str, int]) -> None:
        self._target = target
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self.port = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in list(self._writers):
            writer.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self._target)
        self._writers |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError, OSError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._writers -= {writer, up_writer}


async def test_the_api_recovers_when_the_database_comes_back(
    settings: Settings, pg_url: str
) -> None:
    target = make_url(pg_url)
    proxy = Proxy((target.host or "127.0.0.1", target.port or 5432))
    await proxy.start()
    via_proxy = target.set(host="127.0.0.1", port=proxy.port)
    async with (
        api(settings, via_proxy.render_as_string(hide_password=False)) as (
            platform,
            app,
        ),
        client(app) as http,
    ):
        before = await http.post("/api/v1/intakes", json=INTAKE)
        assert before.status_code in (201, 202), before.text
        published = len(app.state.published)

        await proxy.cut()  # pooled connections die, new ones are refused
        during = await http.post("/api/v1/intakes", json=INTAKE)
        assert_unavailable(during)
        assert len(app.state.published) == published

        await proxy.start()  # same port
        after = await http.post("/api/v1/intakes", json=INTAKE)
        assert after.status_code in (201, 202), after.text
        async with platform.db.session() as session:
            stored = await session.scalar(select(func.count()).select_from(Workflow))
        assert stored == 2  # the 503 left nothing behind
        await proxy.cut()
