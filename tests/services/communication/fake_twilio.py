"""A stand-in for Twilio's Messages API, served over real HTTP on loopback.

It speaks the part of the 2010-04-01 REST API the Twilio notifier uses: creating a message
with form fields To, From and Body under HTTP basic auth (account SID : auth token), and
answers like Twilio does, including Twilio's test "magic" number +15005550001, which is
refused as invalid (error 21211). Every accepted message is recorded for the tests.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import secrets
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import parse_qs

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

API_VERSION = "2010-04-01"
INVALID_NUMBER = "+15005550001"  # Twilio's magic test number: "not a valid phone number"


@dataclass(frozen=True)
class ReceivedMessage:
    account_sid: str
    username: str
    password: str
    to: str
    from_: str
    body: str
    sid: str


@dataclass
class FakeTwilio:
    account_sid: str
    auth_token: str
    base_url: str = ""
    # Every request to the Messages endpoint, accepted or not.
    requests: int = 0
    messages: list[ReceivedMessage] = field(default_factory=list)
    # Seconds to wait before answering, to make a client time out.
    delay_seconds: float = 0.0


def _error(status: int, code: int, message: str) -> JSONResponse:
    return JSONResponse(
        status_code=status,
        content={
            "code": code,
            "message": message,
            "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status,
        },
    )


def _basic_auth(request: Request) -> tuple[str, str] | None:
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        username, sep, password = base64.b64decode(encoded).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return (username, password) if sep else None


def create_app(state: FakeTwilio) -> FastAPI:
    app = FastAPI()

    @app.post(f"/{API_VERSION}/Accounts/{{account_sid}}/Messages.json")
    async def create_message(account_sid: str, request: Request) -> JSONResponse:
        state.requests += 1
        raw = await request.body()  # before any delay: a client that gave up has hung up
        if state.delay_seconds:
            await asyncio.sleep(state.delay_seconds)
        credentials = _basic_auth(request)
        if credentials != (state.account_sid, state.auth_token) or (
            account_sid != state.account_sid
        ):
            return _error(401, 20003, "Authenticate")
        form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
        to, from_, body = form.get("To", ""), form.get("From", ""), form.get("Body", "")
        if not to:
            return _error(400, 21604, "A 'To' phone number is required.")
        if to == INVALID_NUMBER:
            # Like Twilio, the message quotes the number: the client must not pass it on.
            return _error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
        if not from_:
            return _error(400, 21603, "A 'From' phone number is required.")
        if not body:
            return _error(400, 21602, "Message body is required.")
        sid = "SM" + secrets.token_hex(16)
        state.messages.append(
            ReceivedMessage(
                account_sid=account_sid,
                username=credentials[0],
                password=credentials[1],
                to=to,
                from_=from_,
                body=body,
                sid=sid,
            )
        )
        now = format_datetime(datetime.now(UTC), usegmt=True)
        uri = f"/{API_VERSION}/Accounts/{account_sid}/Messages/{sid}"
        content: dict[str, Any] = {
            "account_sid": account_sid,
            "api_version": API_VERSION,
            "body": body,
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": from_,
            "messaging_service_sid": None,
            "num_media": "0",
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "sid": sid,
            "status": "queued",
            "subresource_uris": {"media": f"{uri}/Media.json"},
            "to": to,
            "uri": f"{uri}.json",
        }
        return JSONResponse(status_code=201, content=content)

    return app


@contextmanager
def serve(state: FakeTwilio) -> Iterator[FakeTwilio]:
    """Serve the fake on a free loopback port, in a thread with its own event loop."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    host, port = sock.getsockname()
    config = uvicorn.Config(
        create_app(state), log_level="warning", lifespan="off", timeout_graceful_shutdown=1
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        for _ in range(500):
            if server.started or not thread.is_alive():
                break
            threading.Event().wait(0.01)
        if not server.started:
            raise RuntimeError("the fake Twilio server did not start")
        state.base_url = f"http://{host}:{port}"
        yield state
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()
