"""The communication agent: family updates, staff alerts and patient messages."""

from __future__ import annotations

import logging
from functools import partial

from communication import service
from communication.compose import UnknownPurpose, compose
from communication.notifier import SENT_STATUSES, Notifier, load_notifier
from communication.settings import CommunicationSettings
from emergisphere.v1.agents_pb2 import CommunicationCommand, CommunicationResult, MessageSent
from emergisphere_runtime.agent import AgentContext, AgentError, AgentService, AgentSpec
from emergisphere_runtime.platform import Platform

log = logging.getLogger(__name__)

NAME = "communication"


async def handle(
    command: CommunicationCommand,
    ctx: AgentContext,
    *,
    settings: CommunicationSettings,
    notifier: Notifier,
) -> CommunicationResult:
    case = command.case
    try:
        outgoing = compose(
            case, purpose=command.purpose, workflow_id=ctx.workflow_id, settings=settings
        )
    except UnknownPurpose as exc:
        raise AgentError(str(exc)) from None
    result = CommunicationResult()
    undelivered_to_staff = 0
    for message in outgoing:
        sent = await service.deliver(
            ctx.platform.docs,
            notifier,
            workflow_id=ctx.workflow_id,
            patient_id=case.patient_id or None,
            outgoing=message,
            now=ctx.now,
        )
        if message.audience == "staff" and sent.status not in SENT_STATUSES:
            undelivered_to_staff += 1
        result.messages.append(
            MessageSent(
                message_id=sent.id,
                audience=sent.audience,
                channel=sent.channel,
                template=sent.template,
                status=sent.status,
            )
        )
    log.info(
        "messages handled",
        extra={"agent": NAME, "workflow_id": ctx.workflow_id, "count": len(outgoing)},
    )
    if undelivered_to_staff:
        # Staff must hear: failing the step makes the orchestrator retry, and the message
        # log keeps the retry from re-sending what already went out.
        raise AgentError(f"{undelivered_to_staff} staff notification(s) not delivered")
    return result


async def on_start(platform: Platform) -> None:
    # messages_for_workflow and messages_for_patient: oldest first.
    await platform.docs.ensure_index(service.COMMUNICATIONS, "workflow_id", "created_at")
    await platform.docs.ensure_index(service.COMMUNICATIONS, "patient_id", "created_at")


def build(
    platform: Platform,
    *,
    settings: CommunicationSettings | None = None,
    notifier: Notifier | None = None,
) -> AgentService[CommunicationCommand, CommunicationResult]:
    settings = settings or CommunicationSettings()
    settings.check_for(platform.settings.environment)
    notifier = notifier or load_notifier(settings.notifier, platform)
    return AgentService(
        platform,
        AgentSpec(
            name=NAME,
            handler=partial(handle, settings=settings, notifier=notifier),
            on_start=on_start,
        ),
    )
