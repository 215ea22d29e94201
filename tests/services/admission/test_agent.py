"""The admission agent through the real agent runtime."""

from __future__ import annotations

import asyncio
import re

import pytest
from sqlalchemy import func, select

from admission import service
from admission.agent import build
from admission.models import Encounter, InsurancePolicy, Patient
from emergisphere.v1.agents_pb2 import AdmissionCommand, AdmissionResult, Case
from emergisphere.v1.common_pb2 import Insurance
from emergisphere.v1.workflow_pb2 import StepResult
from emergisphere_runtime.agent import AgentService
from emergisphere_runtime.messages import derived_id
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.testing import command_envelope, run_command

from .factories import ACME, ARRIVED_AT, case, contact, unidentified_case

Agent = AgentService[AdmissionCommand, AdmissionResult]


@pytest.fixture
def agent(platform: Platform) -> Agent:
    return build(platform)


async def admit(agent: Agent, c: Case, workflow_id: str, *, attempt: int = 1) -> StepResult:
    result = await run_command(
        agent, command_envelope("admission", c, workflow_id=workflow_id, attempt=attempt)
    )
    assert result.ok, result.error
    return result


async def count(platform: Platform, model: type[Patient] | type[Encounter]) -> int:
    async with platform.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_new_patient_with_national_id_gets_record_mrn_and_encounter(
    platform: Platform,
    agent: Agent,
) -> None:
    result = (await admit(agent, case(), "wf-1")).admission
    assert result.patient_id == derived_id("patient", "100-200-3000")
    assert re.fullmatch(r"MRN-\d{8}", result.mrn)
    assert result.encounter_id == derived_id("encounter", "wf-1")
    assert (result.patient_created, result.encounter_created) == (True, True)
    assert result.matched_by == "created"
    async with platform.db.session() as session:
        patient = await service.get_patient(session, patient_id=result.patient_id)
        encounter = await service.get_encounter_for_workflow(session, workflow_id="wf-1")
    assert patient is not None
    assert (patient.first_name, patient.last_name, str(patient.date_of_birth)) == (
        "Walter",
        "Stone",
        "1970-01-31",
    )
    assert patient.mrn == result.mrn
    assert patient.alias is None
    assert encounter is not None
    assert encounter.patient_id == result.patient_id
    assert (encounter.kind, encounter.status) == ("emergency", "in-progress")
    assert (encounter.arrival_mode, encounter.arrived_at) == ("ambulance", ARRIVED_AT)


async def test_same_patient_twice_is_not_duplicated(platform: Platform, agent: Agent) -> None:
    first = (await admit(agent, case(phone="+15550000001"), "wf-1")).admission
    later = case(phone="+15550000002", first_name="Walt", contacts=[contact()])
    second = (await admit(agent, later, "wf-2")).admission
    assert second.patient_id == first.patient_id
    assert second.mrn == first.mrn
    assert second.encounter_id != first.encounter_id
    assert second.matched_by == "national_health_id"
    assert (second.patient_created, second.encounter_created) == (False, True)
    assert await count(platform, Patient) == 1
    assert await count(platform, Encounter) == 2
    async with platform.db.session() as session:
        patient = await service.get_patient(session, patient_id=first.patient_id)
        encounters = await service.list_encounters(session, patient_id=first.patient_id)
    assert patient is not None
    assert (patient.phone, patient.first_name) == ("+15550000002", "Walt")
    assert [c.name for c in patient.emergency_contacts] == ["Rita Stone"]
    assert [e.workflow_id for e in encounters] == ["wf-1", "wf-2"]


async def test_details_the_new_intake_leaves_out_are_kept(platform: Platform, agent: Agent) -> None:
    await admit(agent, case(contacts=[contact()]), "wf-1")
    await admit(agent, case(phone="", date_of_birth="", sex="unknown"), "wf-2")
    async with platform.db.session() as session:
        patient = await service.find_patient(
            session,
            national_health_id="100-200-3000",
            first_name=None,
            last_name=None,
            date_of_birth=None,
        )
    assert patient is not None
    assert (patient.phone, str(patient.date_of_birth), patient.sex) == (
        "+15550123456",
        "1970-01-31",
        "male",
    )
    assert [c.relationship for c in patient.emergency_contacts] == ["spouse"]


async def test_patient_without_id_is_found_by_name_and_birth_date(
    platform: Platform, agent: Agent
) -> None:
    first = (await admit(agent, case(), "wf-1")).admission
    again = case(national_health_id="", first_name="  walter ", last_name="STONE")
    second = (await admit(agent, again, "wf-2")).admission
    assert second.patient_id == first.patient_id
    assert second.matched_by == "name_dob"
    assert not second.patient_created
    assert await count(platform, Patient) == 1


async def test_name_match_needs_the_same_birth_date(platform: Platform, agent: Agent) -> None:
    await admit(agent, case(national_health_id=""), "wf-1")
    other = (
        await admit(agent, case(national_health_id="", date_of_birth="1971-01-31"), "wf-2")
    ).admission
    assert other.matched_by == "created"
    assert other.patient_id == derived_id("patient", "wf-2")
    assert await count(platform, Patient) == 2


async def test_name_without_birth_date_matches_nobody(platform: Platform, agent: Agent) -> None:
    await admit(agent, case(national_health_id=""), "wf-1")
    other = (await admit(agent, case(national_health_id="", date_of_birth=""), "wf-2")).admission
    assert other.matched_by == "created"
    assert await count(platform, Patient) == 2


async def test_ambiguous_name_and_birth_date_creates_a_new_record(agent: Agent) -> None:
    await admit(agent, case(national_health_id="111"), "wf-1")
    await admit(agent, case(national_health_id="222"), "wf-2")
    third = (await admit(agent, case(national_health_id=""), "wf-3")).admission
    assert third.matched_by == "created"
    assert third.patient_id == derived_id("patient", "wf-3")


async def test_national_id_is_decisive_over_names(agent: Agent) -> None:
    first = (await admit(agent, case(national_health_id="111"), "wf-1")).admission
    namesake = (await admit(agent, case(national_health_id="222"), "wf-2")).admission
    assert namesake.patient_id != first.patient_id
    assert namesake.matched_by == "created"


async def test_unidentified_patient_gets_a_generated_alias(
    platform: Platform, agent: Agent
) -> None:
    result = (await admit(agent, unidentified_case(), "wf-u")).admission
    assert result.matched_by == "unidentified"
    assert result.patient_created
    assert result.patient_id == derived_id("patient", "wf-u")
    async with platform.db.session() as session:
        patient = await service.get_patient(session, patient_id=result.patient_id)
    assert patient is not None
    assert patient.alias is not None
    assert re.fullmatch(r"UNIDENTIFIED-[0-9A-F]{8}", patient.alias)
    assert (patient.first_name, patient.last_name, patient.national_health_id) == (
        None,
        None,
        None,
    )


async def test_two_unidentified_patients_are_two_records(agent: Agent) -> None:
    a = (await admit(agent, unidentified_case(), "wf-u1")).admission
    b = (await admit(agent, unidentified_case(), "wf-u2")).admission
    assert a.patient_id != b.patient_id
    assert a.mrn != b.mrn


async def test_re_run_of_the_same_workflow_opens_no_second_encounter(
    platform: Platform, agent: Agent
) -> None:
    c = case(national_health_id="")
    first = (await admit(agent, c, "wf-1")).admission
    # A new attempt after a timeout: new message id, same workflow.
    second = (await admit(agent, c, "wf-1", attempt=2)).admission
    assert (second.patient_id, second.mrn, second.encounter_id) == (
        first.patient_id,
        first.mrn,
        first.encounter_id,
    )
    assert second.matched_by == first.matched_by == "created"
    assert (second.patient_created, second.encounter_created) == (False, False)
    assert await count(platform, Patient) == 1
    assert await count(platform, Encounter) == 1


async def test_re_run_of_an_unidentified_workflow_creates_no_second_patient(
    platform: Platform,
    agent: Agent,
) -> None:
    first = (await admit(agent, unidentified_case(), "wf-u")).admission
    second = (await admit(agent, unidentified_case(), "wf-u", attempt=2)).admission
    assert second.patient_id == first.patient_id
    assert second.matched_by == "unidentified"
    assert await count(platform, Patient) == 1
    assert await count(platform, Encounter) == 1


async def test_re_run_does_not_undo_a_later_intakes_update(
    platform: Platform, agent: Agent
) -> None:
    await admit(agent, case(phone="+15550000001"), "wf-1")
    await admit(agent, case(phone="+15550000002"), "wf-2")
    await admit(agent, case(phone="+15550000001"), "wf-1", attempt=2)
    async with platform.db.session() as session:
        patient = await service.get_patient(
            session, patient_id=derived_id("patient", "100-200-3000")
        )
    assert patient is not None
    assert patient.phone == "+15550000002"


async def test_concurrent_intakes_of_one_new_patient_make_one_record(
    platform: Platform, agent: Agent
) -> None:
    results = await asyncio.gather(
        *(
            run_command(agent, command_envelope("admission", case(), workflow_id=f"wf-{n}"))
            for n in range(4)
        )
    )
    assert all(r.ok for r in results)
    assert {r.admission.patient_id for r in results} == {derived_id("patient", "100-200-3000")}
    assert sum(r.admission.patient_created for r in results) == 1
    assert await count(platform, Patient) == 1
    assert await count(platform, Encounter) == 4


@pytest.mark.parametrize(
    ("workflow_type", "kind"),
    [
        ("emergency", "emergency"),
        ("emergency_device", "emergency"),
        ("regular", "ambulatory"),
        ("device_scan", "virtual"),
    ],
)
async def test_encounter_class_follows_the_workflow_type(
    platform: Platform, agent: Agent, workflow_type: str, kind: str
) -> None:
    await admit(agent, case(workflow_type=workflow_type), "wf-1")
    async with platform.db.session() as session:
        encounter = await service.get_encounter_for_workflow(session, workflow_id="wf-1")
    assert encounter is not None
    assert encounter.kind == kind


async def test_unknown_workflow_type_fails_the_step_without_effects(
    platform: Platform, agent: Agent
) -> None:
    result = await run_command(
        agent,
        command_envelope("admission", case(workflow_type="picnic"), workflow_id="wf-1"),
    )
    assert not result.ok
    assert result.error == "unknown workflow type for an encounter"
    assert await count(platform, Patient) == 0


async def test_device_workflow_keeps_the_known_record_of_an_unidentified_patient(
    platform: Platform,
    agent: Agent,
) -> None:
    first = (await admit(agent, unidentified_case(), "wf-u")).admission
    device_case = unidentified_case()
    device_case.workflow_type = "emergency_device"
    device_case.patient_id = first.patient_id
    second = (await admit(agent, device_case, "wf-d")).admission
    assert second.patient_id == first.patient_id
    assert second.matched_by == "patient_id"
    assert await count(platform, Patient) == 1


async def test_intake_insurance_wins_and_is_kept_on_file(platform: Platform, agent: Agent) -> None:
    await admit(agent, case(insurance=ACME), "wf-1")
    newer = Insurance(payer="Medicare", member_id="MC-1", plan="Part B", coinsurance=0.2)
    result = (await admit(agent, case(insurance=newer), "wf-2")).admission
    assert result.coverage_source == "intake"
    assert (result.coverage.payer, result.coverage.member_id) == ("Medicare", "MC-1")
    async with platform.db.session() as session:
        patient = await service.get_patient(session, patient_id=result.patient_id)
        policies = await session.scalar(select(func.count()).select_from(InsurancePolicy))
    assert patient is not None
    assert patient.insurance is not None
    assert (patient.insurance.payer, patient.insurance.coinsurance) == ("Medicare", 0.2)
    assert policies == 1


async def test_insurance_on_file_covers_an_intake_without_a_card(agent: Agent) -> None:
    await admit(agent, case(insurance=ACME), "wf-1")
    result = (await admit(agent, case(), "wf-2")).admission
    assert result.coverage_source == "file"
    assert result.coverage == ACME


async def test_a_card_without_payer_counts_as_no_card(agent: Agent) -> None:
    await admit(agent, case(insurance=ACME), "wf-1")
    result = (await admit(agent, case(insurance=Insurance(member_id="X-1")), "wf-2")).admission
    assert result.coverage_source == "file"
    assert result.coverage.payer == "Acme Health"


async def test_no_insurance_anywhere_is_self_pay(agent: Agent) -> None:
    result = (await admit(agent, case(), "wf-1")).admission
    assert result.coverage_source == "none"
    assert result.coverage == Insurance()
