"""Transaction, batch and message Bundles through the API: all or nothing, references
rewritten, conditional creates, and every refusal an OperationOutcome naming the path."""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from admission.models import Patient
from emergisphere_runtime import topics
from emergisphere_runtime.outbox import OutboxMessage
from emergisphere_runtime.platform import Platform
from gateway.fhir.models import FhirResource

from .conftest import counts, synthea_bundle, synthea_files

SYNTHEA_SYSTEM = "https://github.com/synthetichealth/synthea"


def patient(identifier: str = "MRN-1", **extra: Any) -> dict[str, Any]:
    return {
        "resourceType": "Patient",
        "identifier": [{"system": "urn:hospital:mrn", "value": identifier}],
        "name": [{"family": "Quill", "given": ["Ada"]}],
        "gender": "female",
        "birthDate": "1961-04-02",
        **extra,
    }


def transaction(*resources: dict[str, Any], **request: str) -> dict[str, Any]:
    entries = []
    for resource in resources:
        entries.append(
            {
                "fullUrl": f"urn:uuid:{uuid.uuid4()}",
                "resource": resource,
                "request": {"method": "POST", "url": resource["resourceType"], **request},
            }
        )
    return {"resourceType": "Bundle", "type": "transaction", "entry": entries}


def references(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k == "reference" and isinstance(v, str)]
        return found + [r for k, v in node.items() if k != "reference" for r in references(v)]
    if isinstance(node, list):
        return [r for item in node for r in references(item)]
    return []


def with_source_identifiers(bundle: dict[str, Any]) -> dict[str, Any]:
    """The same bundle as an idempotent load: each entry creates only if its source id is new."""
    bundle = copy.deepcopy(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        resource.setdefault("identifier", []).append(
            {"system": SYNTHEA_SYSTEM, "value": resource["id"]}
        )
        entry["request"]["ifNoneExist"] = f"identifier={SYNTHEA_SYSTEM}|{resource['id']}"
    return bundle


async def test_every_synthea_bundle_loads_as_a_transaction_and_everything_reads_it_back(
    fhir: httpx.AsyncClient,
) -> None:
    for path in synthea_files():
        bundle = json.loads(path.read_text())
        response = await fhir.post("/fhir/r4", content=json.dumps(bundle))
        assert response.status_code == 200, (path.name, response.text[:500])
        assert response.headers["content-type"] == "application/fhir+json"
        body = response.json()
        assert body["type"] == "transaction-response"
        assert len(body["entry"]) == len(bundle["entry"])
        assert {e["response"]["status"] for e in body["entry"]} == {"201 Created"}
        patient_id = body["entry"][0]["response"]["location"].split("/")[1]

        everything = (await fhir.get(f"/fhir/r4/Patient/{patient_id}/$everything")).json()
        returned = {
            (e["resource"]["resourceType"], e["resource"]["id"]) for e in everything["entry"]
        }
        created = {tuple(e["response"]["location"].split("/")[:2]) for e in body["entry"]}
        assert created <= returned, path.name
        for entry in everything["entry"]:
            for ref in references(entry["resource"]):
                if ref.startswith("#"):
                    continue  # contained
                assert not ref.startswith("urn:"), ref
                assert tuple(ref.split("/")) in returned, ref


async def test_posting_the_same_bundle_twice_with_if_none_exist_creates_no_duplicates(
    fhir: httpx.AsyncClient, platform: Platform
) -> None:
    bundle = with_source_identifiers(synthea_bundle())
    first = await fhir.post("/fhir/r4", content=json.dumps(bundle))
    assert first.status_code == 200, first.text[:500]
    before = await counts(platform)
    second = await fhir.post("/fhir/r4", content=json.dumps(bundle))
    assert second.status_code == 200, second.text[:500]
    assert {e["response"]["status"] for e in second.json()["entry"]} == {"200 OK"}
    assert [e["response"]["location"] for e in second.json()["entry"]] == [
        e["response"]["location"] for e in first.json()["entry"]
    ]
    assert await counts(platform) == before
    async with platform.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Patient)) == 1


async def test_references_are_rewritten_and_the_patient_is_mapped_once(
    fhir: httpx.AsyncClient, platform: Platform
) -> None:
    bundle = transaction(patient(), patient("MRN-2"))
    subject = bundle["entry"][0]["fullUrl"]
    bundle["entry"].append(
        {
            "fullUrl": f"urn:uuid:{uuid.uuid4()}",
            "resource": {
                "resourceType": "Condition",
                "subject": {"reference": subject},
                "code": {
                    "text": "Asthma",
                    "coding": [{"system": "http://snomed.info/sct", "code": "195967001"}],
                },
                "clinicalStatus": {"coding": [{"code": "active"}]},
            },
            "request": {"method": "POST", "url": "Condition"},
        }
    )
    response = await fhir.post("/fhir/r4", content=json.dumps(bundle))
    assert response.status_code == 200, response.text
    locations = [e["response"]["location"] for e in response.json()["entry"]]
    condition = (await fhir.get(f"/fhir/r4/{locations[2].rsplit('/_history', 1)[0]}")).json()
    assert condition["subject"]["reference"] == locations[0].rsplit("/_history", 1)[0]
    # Same national-id-less person twice: name and birth date match one platform patient.
    async with platform.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Patient)) == 1
        rows = (await session.scalars(select(FhirResource))).all()
    assert len({r.platform_patient_id for r in rows}) == 1
    history = (await fhir.get(f"/api/v1/patients/{rows[0].platform_patient_id}/history")).json()
    assert [c["name"] for c in history["conditions"]] == ["Asthma"]


async def test_every_accepted_resource_is_published_through_the_outbox(
    fhir: httpx.AsyncClient, platform: Platform
) -> None:
    response = await fhir.post(
        "/fhir/r4", content=json.dumps(transaction(patient(), patient("MRN-9")))
    )
    assert response.status_code == 200
    async with platform.db.session() as session:
        topics_sent = list(await session.scalars(select(OutboxMessage.topic)))
    assert topics_sent == [topics.FHIR_INBOUND, topics.FHIR_INBOUND]


async def test_conditional_reference_resolves_to_the_server_id(fhir: httpx.AsyncClient) -> None:
    created = await fhir.post("/fhir/r4/Patient", json=patient("MRN-77"))
    assert created.status_code == 201
    patient_id = created.json()["id"]
    observation = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"text": "note"},
        "subject": {"reference": "Patient?identifier=urn:hospital:mrn|MRN-77"},
    }
    response = await fhir.post("/fhir/r4", content=json.dumps(transaction(observation)))
    assert response.status_code == 200, response.text
    location = response.json()["entry"][0]["response"]["location"].rsplit("/_history", 1)[0]
    stored = (await fhir.get(f"/fhir/r4/{location}")).json()
    assert stored["subject"]["reference"] == f"Patient/{patient_id}"


def _unknown_element(b: dict[str, Any]) -> None:
    b["entry"][1]["resource"]["favouriteColour"] = "blue"


def _bad_date(b: dict[str, Any]) -> None:
    b["entry"][1]["resource"]["birthDate"] = "1961-02-30"


def _bad_id(b: dict[str, Any]) -> None:
    b["entry"][1]["resource"]["id"] = "no spaces allowed"


def _missing_required(b: dict[str, Any]) -> None:
    b["entry"][1]["resource"] = {"resourceType": "Observation", "code": {"text": "x"}}
    b["entry"][1]["request"]["url"] = "Observation"


def _period_backwards(b: dict[str, Any]) -> None:
    b["entry"][1]["resource"]["name"][0]["period"] = {
        "start": "2020-01-02T00:00:00Z",
        "end": "2020-01-01T00:00:00Z",
    }


def _relative_full_url(b: dict[str, Any]) -> None:
    b["entry"][1]["fullUrl"] = "Patient/123"


def _unresolvable_conditional(b: dict[str, Any]) -> None:
    b["entry"][1]["resource"]["generalPractitioner"] = [
        {"reference": "Practitioner?identifier=urn:npi|0000000000"}
    ]


INVALID = [
    (_unknown_element, 422, "Bundle.entry[1].resource.favouriteColour"),
    (_bad_date, 422, "Bundle.entry[1].resource.birthDate"),
    (_bad_id, 422, "Bundle.entry[1].resource.id"),
    (_missing_required, 422, "Bundle.entry[1].resource.status"),
    (_period_backwards, 422, "Bundle.entry[1].resource.name[0].period.end"),
    (_relative_full_url, 422, "Bundle.entry[1].fullUrl"),
    (_unresolvable_conditional, 422, "Bundle.entry[1].resource.generalPractitioner[0].reference"),
]


@pytest.mark.parametrize(
    ("spoil", "status", "path"), INVALID, ids=lambda v: getattr(v, "__name__", str(v))
)
async def test_an_invalid_entry_refuses_the_whole_transaction_and_stores_nothing(
    fhir: httpx.AsyncClient, platform: Platform, spoil: Any, status: int, path: str
) -> None:
    bundle = transaction(patient("MRN-A"), patient("MRN-B"))
    spoil(bundle)
    before = await counts(platform)
    response = await fhir.post("/fhir/r4", content=json.dumps(bundle))
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/fhir+json"
    outcome = response.json()
    assert outcome["resourceType"] == "OperationOutcome"
    assert all({"severity", "code", "expression"} <= set(i) for i in outcome["issue"])
    assert path in {e for i in outcome["issue"] for e in i["expression"]}
    assert await counts(platform) == before
    async with platform.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Patient)) == 0


async def test_broken_json_is_400_with_an_operation_outcome(
    fhir: httpx.AsyncClient, platform: Platform
) -> None:
    before = await counts(platform)
    response = await fhir.post("/fhir/r4", content=b'{"resourceType": "Bundle", ')
    assert response.status_code == 400
    assert response.json()["issue"][0]["expression"] == ["$"]
    assert await counts(platform) == before


async def test_a_message_needs_its_message_header_first(
    fhir: httpx.AsyncClient, platform: Platform
) -> None:
    before = await counts(platform)
    message = {"resourceType": "Bundle", "type": "message", "entry": [{"resource": patient()}]}
    response = await fhir.post("/fhir/r4", content=json.dumps(message))
    assert response.status_code == 422
    assert response.json()["issue"][0]["expression"] == ["Bundle.entry[0].resource"]
    assert await counts(platform) == before


async def test_a_message_is_processed_and_answered_with_a_response_message(
    fhir: httpx.AsyncClient,
) -> None:
    header = {
        "resourceType": "MessageHeader",
        "id": "msg-1",
        "eventCoding": {"system": "urn:events", "code": "admit"},
        "source": {"endpoint": "urn:ehr"},
    }
    message = {
        "resourceType": "Bundle",
        "type": "message",
        "entry": [{"resource": header}, {"resource": patient()}],
    }
    response = await fhir.post("/fhir/r4", content=json.dumps(message))
    assert response.status_code == 200, response.text
    reply = response.json()["entry"][0]["resource"]
    assert reply["response"] == {"identifier": "msg-1", "code": "ok"}
    assert (await fhir.get(f"/fhir/r4/{reply['focus'][0]['reference']}")).status_code == 200


async def test_a_batch_answers_each_entry_on_its_own(fhir: httpx.AsyncClient) -> None:
    bundle = transaction(patient("MRN-1"), {**patient("MRN-2"), "gender": "dragon"})
    bundle["type"] = "batch"
    bundle["entry"][1]["resource"].pop("gender")
    bundle["entry"][1]["resource"]["birthDate"] = "1961"
    bundle["entry"].append(
        {"request": {"method": "GET", "url": "Patient?identifier=urn:hospital:mrn|MRN-1"}}
    )
    bundle["entry"].append({"request": {"method": "GET", "url": "Patient/does-not-exist"}})
    response = await fhir.post("/fhir/r4", content=json.dumps(bundle))
    assert response.status_code == 200, response.text
    statuses = [e["response"]["status"] for e in response.json()["entry"]]
    assert statuses[:3] == ["201 Created", "201 Created", "200 OK"]
    assert statuses[3].startswith("404")
    assert len(response.json()["entry"][2]["resource"]["entry"]) == 1


async def test_more_than_2000_entries_is_413_naming_the_limit(fhir: httpx.AsyncClient) -> None:
    bundle = transaction(*[patient(f"MRN-{n}") for n in range(2001)])
    response = await fhir.post("/fhir/r4", content=json.dumps(bundle))
    assert response.status_code == 413
    assert "2000" in response.json()["issue"][0]["diagnostics"]


def _entries_counted(platform: Platform, outcome: str, resource_type: str) -> float:
    value = platform.metrics.registry.get_sample_value(
        "emergisphere_fhir_entries_total", {"outcome": outcome, "resource_type": resource_type}
    )
    return value or 0.0


async def test_entries_are_counted_as_accepted_or_rejected_by_resource_type(
    fhir: httpx.AsyncClient, platform: Platform
) -> None:
    patient = {"resourceType": "Patient", "name": [{"family": "Quill"}]}
    observation = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
    }

    def entry(resource: dict[str, Any]) -> dict[str, Any]:
        kind = resource["resourceType"]
        return {
            "fullUrl": f"urn:uuid:{uuid.uuid4()}",
            "resource": resource,
            "request": {"method": "POST", "url": kind},
        }

    good = {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [entry(patient), entry(patient)],
    }
    assert (await fhir.post("/fhir/r4", json=good)).status_code == 200
    bad = {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [entry(patient), entry({**observation, "status": "not-a-status"})],
    }
    assert (await fhir.post("/fhir/r4", json=bad)).status_code == 422
    assert (await fhir.post("/fhir/r4/Observation", json=observation)).status_code == 201
    assert (
        await fhir.post("/fhir/r4/Observation", json={"resourceType": "Observation"})
    ).status_code == 422

    assert _entries_counted(platform, "accepted", "Patient") == 2
    assert _entries_counted(platform, "rejected", "Patient") == 1  # refused with its bundle
    assert _entries_counted(platform, "accepted", "Observation") == 1
    assert _entries_counted(platform, "rejected", "Observation") == 2
