"""SMS through Twilio's Messages API, behind the notifier port.

Registered as the ``twilio`` entry point of ``emergisphere.notifiers``; chosen with
``ES_COMMUNICATION_NOTIFIER=twilio`` and configured by the ``ES_COMMUNICATION_TWILIO_*``
settings. Sends go through twilio's aiohttp client, so nothing blocks the event loop.

A send never raises: an error from Twilio or the network comes back as a failed
``Delivery`` whose error names the HTTP status and Twilio's error code only. Twilio's own
messages quote the recipient's number, so neither they nor the recipient nor the body
ever reach an error or a log line.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Final

import aiohttp

# twilio ships no type information. Importing the message module here, at start-up, also
# keeps the client's lazy imports of its API classes off the event loop at the first send.
import twilio.rest.api.v2010.account.message  # type: ignore[import-untyped]  # noqa: F401
from twilio.base.exceptions import (  # type: ignore[import-untyped]
    TwilioException,
    TwilioRestException,
    TwilioServiceException,
)
from twilio.http.async_http_client import AsyncTwilioHttpClient  # type: ignore[import-untyped]
from twilio.rest import Client

from communication.notifier import DELIVERED, FAILED, QUEUED, Delivery
from communication.settings import TWILIO_CHANNELS, CommunicationSettings
from emergisphere_runtime.platform import Platform

log = logging.getLogger(__name__)

# Twilio's message statuses (MessageInstance.Status) mapped onto the port's.
_DELIVERED_STATUSES: Final = frozenset({"delivered", "read"})
# Twilio holds the message and is working on it: a retry must not send it again.
_ACCEPTED_STATUSES: Final = frozenset(
    {"queued", "accepted", "scheduled", "sending", "sent", "partially_delivered"}
)
_FAILED_STATUSES: Final = frozenset({"failed", "undelivered", "canceled"})

# Only what CommunicationSettings says counts: TWILIO_EDGE or TWILIO_REGION in the process
# environment would otherwise rewrite the API's host name (an empty mapping means "read
# os.environ" to twilio's client, hence the explicit empty values).
_NO_TWILIO_ENVIRONMENT: Final = {"TWILIO_EDGE": "", "TWILIO_REGION": ""}


class TwilioNotConfigured(ValueError):
    """The Twilio notifier was chosen without the settings it cannot send without."""


def map_status(twilio_status: str | None) -> str:
    """The port's status for a status Twilio reported on a message it accepted."""
    if twilio_status in _DELIVERED_STATUSES:
        return DELIVERED
    if twilio_status in _FAILED_STATUSES:
        return FAILED
    if twilio_status not in _ACCEPTED_STATUSES:
        # Twilio answered 201 with a message sid, so it holds the message: re-sending on
        # an unknown status would text the recipient twice.
        log.warning("unknown twilio message status", extra={"twilio_status": twilio_status})
    return QUEUED


class TwilioNotifier:
    """Sends SMS through Twilio. Each send opens (and always closes) its own HTTP session,
    so the notifier can be built outside an event loop and used from any loop."""

    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        from_number: str,
        base_url: str = "",
        timeout_seconds: float = 10.0,
    ) -> None:
        self._account_sid = account_sid
        self._auth_token = auth_token
        self._from = from_number
        self._base_url = base_url.rstrip("/")
        self._timeout = timeout_seconds

    def __repr__(self) -> str:
        # No token, and no account sid either: reprs end up in logs and tracebacks.
        return f"TwilioNotifier(base_url={self._base_url or 'twilio'!r})"

    async def send(self, *, channel: str, to: str, body: str) -> Delivery:
        if channel not in TWILIO_CHANNELS:
            return self._failed(f"channel {channel!r} is not sent by the twilio notifier")
        try:
            # twilio's async client hands aiohttp no timeout of its own (None: wait forever).
            async with (
                asyncio.timeout(self._timeout),
                AsyncTwilioHttpClient() as http_client,
            ):
                client = Client(
                    username=self._account_sid,
                    password=self._auth_token,
                    account_sid=self._account_sid,
                    http_client=http_client,
                    environment=_NO_TWILIO_ENVIRONMENT,
                )
                if self._base_url:
                    client.api.base_url = self._base_url
                message = await client.messages.create_async(to=to, from_=self._from, body=body)
        except (TwilioRestException, TwilioServiceException) as exc:
            code = f", twilio error {exc.code}" if exc.code else ""
            return self._failed(f"twilio refused the message: HTTP {exc.status}{code}")
        except TimeoutError:
            return self._failed("twilio did not answer in time")
        except aiohttp.ClientError as exc:
            return self._failed(f"could not reach twilio: {type(exc).__name__}")
        except (TwilioException, ValueError) as exc:
            # ValueError: a body that is not JSON (a proxy's error page, say).
            return self._failed(f"unusable answer from twilio: {type(exc).__name__}")
        sid = str(message.sid or "")
        if not sid:
            return self._failed("twilio answered without a message sid")
        status = map_status(None if message.status is None else str(message.status))
        if status == FAILED:
            log.warning("twilio reports the message failed", extra={"provider_id": sid})
            return Delivery(status=FAILED, provider_id=sid, error=f"twilio status {message.status}")
        return Delivery(status=status, provider_id=sid)

    @staticmethod
    def _failed(error: str) -> Delivery:
        log.warning("sms not sent", extra={"error": error})
        return Delivery(status=FAILED, provider_id="", error=error)


def from_settings(settings: CommunicationSettings) -> TwilioNotifier:
    missing = settings.missing_twilio_settings()
    if missing:
        raise TwilioNotConfigured(f"the twilio notifier needs {', '.join(missing)}")
    return TwilioNotifier(
        account_sid=settings.twilio_account_sid,
        auth_token=settings.twilio_auth_token.get_secret_value(),
        from_number=settings.twilio_from,
        base_url=settings.twilio_base_url,
        timeout_seconds=settings.twilio_timeout_seconds,
    )


def build(platform: Platform) -> TwilioNotifier:
    """The ``emergisphere.notifiers`` factory: settings from ``ES_COMMUNICATION_*``."""
    del platform  # Twilio keeps the delivery record; nothing of the platform is needed.
    return from_settings(CommunicationSettings())
