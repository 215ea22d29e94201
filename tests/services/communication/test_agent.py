"""The communication agent through the real agent runtime, on the offline notifier."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from communication.agent import build
from communication.notifier import DELIVERIES, Delivery, OfflineNotifier, UnknownNotifier
from communication.service import COMMUNICATIONS, messages_for_patient, messages_for_workflow
from communication.settings import CommunicationSettings, UnsafeCommunicationSettings
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.testing import command_envelope, run_command

from .factories import PATIENT_FIRST, PATIENT_LAST, emergency_case, settings


async def _deliveries(platform: Platform) -> list[dict[str, object]]:
    return await platform.docs.find(DELIVERIES, limit=1000)


async def test_emergency_update_sends_and_logs_one_family_message(platform: Platform) -> None:
    service = build(platform, settings=settings())
    envelope = command_envelope(
        "communication", emergency_case(), workflow_id="wf-1", purpose="workflow_update"
    )
    result = await run_command(service, envelope)
    assert result.ok, result.error
    [sent] = result.communication.messages
    assert (sent.audience, sent.channel, sent.template, sent.status) == (
        "family",
        "sms",
        "family_arrival",
        "delivered",
    )
    logged = await platform.docs.get(COMMUNICATIONS, sent.message_id)
    assert logged is not None
    assert {k: logged[k] for k in ("workflow_id", "patient_id", "audience", "status")} == {
        "workflow_id": "wf-1",
        "patient_id": "patient-1",
        "audience": "family",
        "status": "delivered",
    }
    assert logged["body"].startswith(f"Rita, {PATIENT_FIRST} has arrived")
    assert logged["created_at"]
    [delivery] = await _deliveries(platform)
    assert (delivery["to"], delivery["body"]) == ("+15550123457", logged["body"])


async def test_a_re_sent_command_sends_nothing_twice(platform: Platform) -> None:
    service = build(platform, settings=settings())
    case = emergency_case(consent=True)
    first = await run_command(
        service,
        command_envelope("communication", case, workflow_id="wf-2", purpose="staff_alert"),
    )
    # A new attempt after a timeout: new message id, same workflow; the inbox cannot help.
    second = await run_command(
        service,
        command_envelope(
            "communication", case, workflow_id="wf-2", purpose="staff_alert", attempt=2
        ),
    )
    assert first.ok
    assert second.ok
    assert [m.message_id for m in first.communication.messages] == [
        m.message_id for m in second.communication.messages
    ]
    assert {m.status for m in second.communication.messages} == {"delivered"}
    assert len(await _deliveries(platform)) == 2  # two pager recipients, each paged once


async def test_the_same_purpose_in_another_workflow_is_sent_again(platform: Platform) -> None:
    service = build(platform, settings=settings())
    for workflow_id in ("wf-a", "wf-b"):
        envelope = command_envelope(
            "communication", emergency_case(), workflow_id=workflow_id, purpose="workflow_update"
        )
        assert (await run_command(service, envelope)).ok
    assert len(await _deliveries(platform)) == 2


async def test_staff_alert_reaches_the_pager_without_the_patients_name(
    platform: Platform,
) -> None:
    service = build(platform, settings=settings())
    envelope = command_envelope(
        "communication", emergency_case(acuity=1), workflow_id="wf-3", purpose="staff_alert"
    )
    result = await run_command(service, envelope)
    assert result.ok
    assert {(m.audience, m.channel, m.template) for m in result.communication.messages} == {
        ("staff", "pager", "staff_alert")
    }
    deliveries = await _deliveries(platform)
    assert sorted(d["to"] for d in deliveries) == ["ed-attending", "ed-charge-nurse"]
    for delivery in deliveries:
        body = str(delivery["body"])
        assert body.startswith("ESI 1 patient MRN MRN-000123 arrived, NEWS2 8")
        assert PATIENT_FIRST not in body
        assert PATIENT_LAST not in body


async def test_clinical_detail_reaches_family_only_with_consent(platform: Platform) -> None:
    service = build(platform, settings=settings())
    for workflow_id, consent in (("wf-no", False), ("wf-yes", True)):
        envelope = command_envelope(
            "communication",
            emergency_case(consent=consent, acuity=2),
            workflow_id=workflow_id,
            purpose="workflow_update",
        )
        assert (await run_command(service, envelope)).ok
    [without] = await messages_for_workflow(platform.docs, workflow_id="wf-no")
    [with_consent] = await messages_for_workflow(platform.docs, workflow_id="wf-yes")
    assert without.template == "family_arrival"
    assert "ESI" not in without.body
    assert "urgent" not in without.body
    assert with_consent.template == "family_update_clinical"
    assert "very urgent (ESI level 2)" in with_consent.body


@dataclass
class FlakyPager:
    """Fails the first page to one recipient, then behaves like the offline notifier."""

    inner: OfflineNotifier
    failing_to: str
    calls: list[str] = field(default_factory=list)

    async def send(self, *, channel: str, to: str, body: str) -> Delivery:
        self.calls.append(to)
        if to == self.failing_to and self.calls.count(to) == 1:
            return Delivery(status="failed", provider_id="provider-failed-1")
        return await self.inner.send(channel=channel, to=to, body=body)


async def test_an_undelivered_staff_page_fails_the_step_and_the_retry_pages_only_the_missed(
    platform: Platform,
) -> None:
    pager = FlakyPager(OfflineNotifier(platform.docs), failing_to="ed-attending")
    service = build(platform, settings=settings(), notifier=pager)
    case = emergency_case(acuity=1)
    first = await run_command(
        service, command_envelope("communication", case, workflow_id="wf-4", purpose="staff_alert")
    )
    assert (first.ok, first.error) == (False, "1 staff notification(s) not delivered")
    retry = await run_command(
        service,
        command_envelope(
            "communication", case, workflow_id="wf-4", purpose="staff_alert", attempt=2
        ),
    )
    assert retry.ok
    assert pager.calls == ["ed-charge-nurse", "ed-attending", "ed-attending"]
    logged = await messages_for_workflow(platform.docs, workflow_id="wf-4")
    assert sorted((m.to, m.status, m.attempts) for m in logged) == [
        ("ed-attending", "delivered", 2),
        ("ed-charge-nurse", "delivered", 1),
    ]


async def test_an_unknown_purpose_fails_the_step(platform: Platform) -> None:
    service = build(platform, settings=settings())
    envelope = command_envelope("communication", emergency_case(), workflow_id="wf-5")
    result = await run_command(service, envelope)
    assert (result.ok, result.error) == (False, "unknown communication purpose ''")
    assert await _deliveries(platform) == []


async def test_messages_can_be_listed_per_patient(platform: Platform) -> None:
    service = build(platform, settings=settings())
    for workflow_id, purpose in (("wf-6", "staff_alert"), ("wf-7", "workflow_update")):
        envelope = command_envelope(
            "communication", emergency_case(), workflow_id=workflow_id, purpose=purpose
        )
        assert (await run_command(service, envelope)).ok
    found = await messages_for_patient(platform.docs, patient_id="patient-1")
    assert sorted((m.workflow_id, m.audience) for m in found) == [
        ("wf-6", "staff"),
        ("wf-6", "staff"),
        ("wf-7", "family"),
    ]
    assert await messages_for_patient(platform.docs, patient_id="someone-else") == []


async def test_production_refuses_the_offline_notifier(platform: Platform) -> None:
    platform.settings = platform.settings.model_copy(update={"environment": "production"})
    with pytest.raises(UnsafeCommunicationSettings):
        build(platform, settings=settings())


async def test_an_unknown_notifier_plugin_is_refused_at_start(platform: Platform) -> None:
    with pytest.raises(UnknownNotifier):
        build(platform, settings=CommunicationSettings(notifier="carrier-pigeon"))
