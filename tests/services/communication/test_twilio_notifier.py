"""The Twilio notifier against a real HTTP server that speaks Twilio's Messages API."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator

import pytest

from communication.agent import build as build_agent
from communication.notifier import DELIVERED, FAILED, QUEUED, load_notifier
from communication.settings import CommunicationSettings, UnsafeCommunicationSettings
from communication.twilio_notifier import (
    TwilioNotConfigured,
    TwilioNotifier,
    from_settings,
    map_status,
)
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.testing import command_envelope, run_command

from .factories import emergency_case
from .factories import settings as offline_settings
from .fake_twilio import INVALID_NUMBER, FakeTwilio, serve

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "test-auth-token"
FROM = "+15005550006"  # Twilio's magic "valid sender" test number
TO = "+15550123456"
BODY = "Walter Stone has arrived at the emergency department."

# twilio's async client still passes basic auth the aiohttp 3 way; the <4 pin on aiohttp
# in the service's dependencies keeps that working.
pytestmark = pytest.mark.filterwarnings(
    "ignore:.*BasicAuth is deprecated:DeprecationWarning",
    "ignore:The 'auth' parameter is deprecated:DeprecationWarning",
)


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    with serve(FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN)) as fake:
        yield fake


def notifier_for(
    fake: FakeTwilio, *, auth_token: str = AUTH_TOKEN, timeout_seconds: float = 5.0
) -> TwilioNotifier:
    return TwilioNotifier(
        account_sid=ACCOUNT_SID,
        auth_token=auth_token,
        from_number=FROM,
        base_url=fake.base_url,
        timeout_seconds=timeout_seconds,
    )


def twilio_settings(**overrides: object) -> CommunicationSettings:
    values: dict[str, object] = {
        "notifier": "twilio",
        "staff_channel": "sms",
        "staff_recipients": ["+15550100011", "+15550100012"],
        "family_channel": "sms",
        "patient_channel": "sms",
        "twilio_account_sid": ACCOUNT_SID,
        "twilio_auth_token": AUTH_TOKEN,
        "twilio_from": FROM,
        "twilio_base_url": "",
    }
    values.update(overrides)
    return CommunicationSettings.model_validate(values)


def assert_no_phi(text: str, *phi: str) -> None:
    for secret in (TO, BODY, INVALID_NUMBER, AUTH_TOKEN, *phi):
        assert secret not in text


def log_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{record.getMessage()} {record.__dict__}" for record in caplog.records)


async def test_a_sms_reaches_twilio_with_its_fields_and_credentials(
    twilio: FakeTwilio, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    delivery = await notifier_for(twilio).send(channel="sms", to=TO, body=BODY)
    [received] = twilio.messages
    assert (received.to, received.from_, received.body) == (TO, FROM, BODY)
    assert (received.account_sid, received.username, received.password) == (
        ACCOUNT_SID,
        ACCOUNT_SID,
        AUTH_TOKEN,
    )
    # Twilio answered "queued": the provider holds it, so a retry must not send it again.
    assert delivery.status == QUEUED
    assert delivery.provider_id == received.sid
    assert delivery.provider_id.startswith("SM")
    assert delivery.error == ""
    assert_no_phi(log_text(caplog))


async def test_bad_credentials_fail_without_raising_or_leaking(
    twilio: FakeTwilio, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    delivery = await notifier_for(twilio, auth_token="wrong-token").send(
        channel="sms", to=TO, body=BODY
    )
    assert delivery.status == FAILED
    assert delivery.provider_id == ""
    assert "401" in delivery.error
    assert "20003" in delivery.error
    assert_no_phi(delivery.error, "wrong-token")
    assert_no_phi(log_text(caplog), "wrong-token")
    assert twilio.requests == 1
    assert twilio.messages == []


async def test_an_invalid_number_fails_without_quoting_it(
    twilio: FakeTwilio, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    delivery = await notifier_for(twilio).send(channel="sms", to=INVALID_NUMBER, body=BODY)
    assert delivery.status == FAILED
    assert "400" in delivery.error
    assert "21211" in delivery.error
    assert_no_phi(delivery.error)
    assert_no_phi(log_text(caplog))
    assert twilio.messages == []


async def test_a_channel_twilio_does_not_carry_fails_without_a_request(
    twilio: FakeTwilio,
) -> None:
    delivery = await notifier_for(twilio).send(channel="pager", to="ed-attending", body=BODY)
    assert delivery.status == FAILED
    assert "pager" in delivery.error
    assert twilio.requests == 0


async def test_an_unreachable_twilio_fails_without_raising() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nobody listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    notifier = TwilioNotifier(
        account_sid=ACCOUNT_SID,
        auth_token=AUTH_TOKEN,
        from_number=FROM,
        base_url=f"http://127.0.0.1:{port}",
    )
    delivery = await notifier.send(channel="sms", to=TO, body=BODY)
    assert delivery.status == FAILED
    assert "could not reach twilio" in delivery.error
    assert_no_phi(delivery.error)


async def test_a_twilio_that_does_not_answer_times_out(twilio: FakeTwilio) -> None:
    twilio.delay_seconds = 0.5
    delivery = await notifier_for(twilio, timeout_seconds=0.1).send(channel="sms", to=TO, body=BODY)
    assert delivery.status == FAILED
    assert "in time" in delivery.error


@pytest.mark.parametrize(
    ("twilio_status", "status"),
    [
        ("queued", QUEUED),
        ("accepted", QUEUED),
        ("scheduled", QUEUED),
        ("sending", QUEUED),
        ("sent", QUEUED),
        ("delivered", DELIVERED),
        ("read", DELIVERED),
        ("failed", FAILED),
        ("undelivered", FAILED),
        ("canceled", FAILED),
        ("some-new-status", QUEUED),  # Twilio accepted it (201 and a sid): never re-send
    ],
)
def test_twilio_statuses_map_onto_the_port(twilio_status: str, status: str) -> None:
    assert map_status(twilio_status) == status


async def test_the_entry_point_builds_it_from_the_environment(
    twilio: FakeTwilio, platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ES_COMMUNICATION_TWILIO_ACCOUNT_SID", ACCOUNT_SID)
    monkeypatch.setenv("ES_COMMUNICATION_TWILIO_AUTH_TOKEN", AUTH_TOKEN)
    monkeypatch.setenv("ES_COMMUNICATION_TWILIO_FROM", FROM)
    monkeypatch.setenv("ES_COMMUNICATION_TWILIO_BASE_URL", twilio.base_url)
    notifier = load_notifier("twilio", platform)
    assert isinstance(notifier, TwilioNotifier)
    assert AUTH_TOKEN not in repr(notifier)
    delivery = await notifier.send(channel="sms", to=TO, body=BODY)
    assert delivery.status == QUEUED
    assert [m.to for m in twilio.messages] == [TO]


def test_the_entry_point_refuses_to_build_without_credentials(
    platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in list(os.environ):
        if name.startswith("ES_COMMUNICATION_TWILIO_"):
            monkeypatch.delenv(name)
    with pytest.raises(TwilioNotConfigured, match="ES_COMMUNICATION_TWILIO_ACCOUNT_SID"):
        load_notifier("twilio", platform)


@pytest.mark.parametrize("missing", ["twilio_account_sid", "twilio_auth_token", "twilio_from"])
def test_production_refuses_twilio_without_its_credentials(missing: str) -> None:
    settings = twilio_settings(**{missing: ""})
    with pytest.raises(UnsafeCommunicationSettings, match=missing.upper()):
        settings.check_for("production")
    settings.check_for("development")  # elsewhere it is the developer's business
    with pytest.raises(TwilioNotConfigured):
        from_settings(settings)


def test_production_refuses_twilio_for_a_channel_it_cannot_carry() -> None:
    with pytest.raises(UnsafeCommunicationSettings, match="pager"):
        twilio_settings(staff_channel="pager").check_for("production")


def test_production_accepts_twilio_when_configured() -> None:
    settings = twilio_settings()
    settings.check_for("production")
    assert AUTH_TOKEN not in repr(settings)


async def test_the_agent_refuses_production_twilio_without_credentials(
    platform: Platform,
) -> None:
    platform.settings = platform.settings.model_copy(update={"environment": "production"})
    with pytest.raises(UnsafeCommunicationSettings):
        build_agent(platform, settings=twilio_settings(twilio_auth_token=""))


async def test_a_staff_alert_goes_out_through_twilio_once(
    twilio: FakeTwilio, platform: Platform
) -> None:
    settings = twilio_settings(ed_phone=offline_settings().ed_phone)
    service = build_agent(platform, settings=settings, notifier=notifier_for(twilio))
    case = emergency_case(consent=True)
    first = await run_command(
        service,
        command_envelope("communication", case, workflow_id="wf-t1", purpose="staff_alert"),
    )
    assert first.ok, first.error
    assert {m.status for m in first.communication.messages} == {QUEUED}
    assert sorted(m.to for m in twilio.messages) == ["+15550100011", "+15550100012"]
    assert {m.from_ for m in twilio.messages} == {FROM}
    # A retry of the step finds the messages with Twilio already and sends nothing.
    again = await run_command(
        service,
        command_envelope(
            "communication", case, workflow_id="wf-t1", purpose="staff_alert", attempt=2
        ),
    )
    assert again.ok, again.error
    assert len(twilio.messages) == 2
