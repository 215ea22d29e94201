"""Single resources: create, read, versioned update with If-Match, history, search,
$validate and a CapabilityStatement that matches what the server does."""

from __future__ import annotations

from typing import Any

import httpx

PATIENT: dict[str, Any] = {
    "resourceType": "Patient",
    "identifier": [{"system": "urn:hospital:mrn", "value": "MRN-5"}],
    "name": [{"family": "Okafor", "given": ["Ngozi"]}],
    "gender": "female",
    "birthDate": "1980-07-14",
}


def observation(patient_id: str, code: str, when: str, value: float) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": code}]},
        "subject": {"reference": f"Patient/{patient_id}"},
        "effectiveDateTime": when,
        "valueQuantity": {"value": value, "unit": "/min"},
    }


async def test_versions_etags_if_match_and_history(fhir: httpx.AsyncClient) -> None:
    created = await fhir.post("/fhir/r4/Patient", json=PATIENT)
    assert created.status_code == 201
    patient_id = created.json()["id"]
    assert created.headers["etag"] == 'W/"1"'
    assert created.headers["location"].endswith(f"/fhir/r4/Patient/{patient_id}/_history/1")

    changed = {**created.json(), "gender": "other"}
    stale = await fhir.put(
        f"/fhir/r4/Patient/{patient_id}", json=changed, headers={"If-Match": 'W/"7"'}
    )
    assert stale.status_code == 412
    assert stale.json()["issue"][0]["expression"] == ["If-Match"]
    updated = await fhir.put(
        f"/fhir/r4/Patient/{patient_id}", json=changed, headers={"If-Match": 'W/"1"'}
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["meta"]["versionId"] == "2"

    assert (await fhir.get(f"/fhir/r4/Patient/{patient_id}")).json()["gender"] == "other"
    first = await fhir.get(f"/fhir/r4/Patient/{patient_id}/_history/1")
    assert first.json()["gender"] == "female"
    assert first.headers["etag"] == 'W/"1"'
    history = (await fhir.get(f"/fhir/r4/Patient/{patient_id}/_history")).json()
    assert [e["resource"]["meta"]["versionId"] for e in history["entry"]] == ["2", "1"]


async def test_unknown_resources_are_404_operation_outcomes(fhir: httpx.AsyncClient) -> None:
    missing = await fhir.get("/fhir/r4/Patient/nobody")
    assert missing.status_code == 404
    assert missing.json()["resourceType"] == "OperationOutcome"
    assert (await fhir.get("/fhir/r4/Spaceship/1")).status_code == 404


async def test_update_as_create_and_a_mismatched_id(fhir: httpx.AsyncClient) -> None:
    response = await fhir.put("/fhir/r4/Patient/chosen-id", json={**PATIENT, "id": "chosen-id"})
    assert response.status_code == 201
    wrong = await fhir.put("/fhir/r4/Patient/chosen-id", json={**PATIENT, "id": "other"})
    assert wrong.status_code == 400


async def test_searches(fhir: httpx.AsyncClient) -> None:
    patient_id = (await fhir.post("/fhir/r4/Patient", json=PATIENT)).json()["id"]
    sibling = {k: v for k, v in PATIENT.items() if k != "identifier"}
    created = await fhir.post("/fhir/r4/Patient", json={**sibling, "birthDate": "1990-01-01"})
    assert created.status_code == 201
    for when, value in (
        ("2024-01-01T10:00:00Z", 70),
        ("2024-01-03T10:00:00Z", 90),
        ("2024-01-02T10:00:00Z", 80),
    ):
        await fhir.post("/fhir/r4/Observation", json=observation(patient_id, "8867-4", when, value))
    await fhir.post(
        "/fhir/r4/Observation", json=observation(patient_id, "9279-1", "2024-01-05T10:00:00Z", 16)
    )

    async def ids(url: str, **params: str) -> list[str]:
        response = await fhir.get(url, params=params)
        assert response.status_code == 200, response.text
        return [e["resource"]["id"] for e in response.json().get("entry", [])]

    assert await ids("/fhir/r4/Patient", identifier="urn:hospital:mrn|MRN-5") == [patient_id]
    assert await ids("/fhir/r4/Patient", identifier="MRN-5") == [patient_id]
    assert await ids("/fhir/r4/Patient", family="oka", birthdate="1980-07-14") == [patient_id]
    assert len(await ids("/fhir/r4/Patient", family="Okafor")) == 2
    heart = await fhir.get(
        "/fhir/r4/Observation",
        params={
            "patient": patient_id,
            "code": "http://loinc.org|8867-4",
            "_sort": "-date",
            "_count": "2",
        },
    )
    values = [e["resource"]["valueQuantity"]["value"] for e in heart.json()["entry"]]
    assert values == [90, 80]
    assert len(await ids("/fhir/r4/Observation", patient=f"Patient/{patient_id}")) == 4
    assert await ids("/fhir/r4/Encounter", patient=patient_id) == []


async def test_searches_page_with_a_total_and_next_and_previous_links(
    fhir: httpx.AsyncClient,
) -> None:
    patient_id = (await fhir.post("/fhir/r4/Patient", json=PATIENT)).json()["id"]
    for minute in range(5):
        when = f"2024-01-01T10:0{minute}:00Z"
        await fhir.post("/fhir/r4/Observation", json=observation(patient_id, "8867-4", when, 80))
    seen: list[str] = []
    url: str | None = "/fhir/r4/Observation"
    params: dict[str, str] | None = {"patient": patient_id, "_sort": "date", "_count": "2"}
    pages = []
    while url is not None:
        page = (await fhir.get(url, params=params)).json()
        assert page["total"] == 5
        pages.append(page)
        seen += [e["resource"]["id"] for e in page["entry"]]
        links = {link["relation"]: link["url"] for link in page["link"]}
        assert f"patient={patient_id}" in links["self"]
        url, params = links.get("next"), None
    assert len(pages) == 3
    assert len(seen) == len(set(seen)) == 5
    assert "previous" not in {link["relation"] for link in pages[0]["link"]}
    assert "_offset=0" in {link["relation"]: link["url"] for link in pages[1]["link"]}["previous"]
    for offset in ("-1", "9" * 30):
        bad = await fhir.get("/fhir/r4/Observation", params={"_offset": offset})
        assert bad.status_code == 400
        assert bad.json()["issue"][0]["expression"] == ["Observation?_offset"]
    huge = await fhir.get("/fhir/r4/Observation", params={"_count": "9" * 30})
    assert huge.status_code == 200  # a page size is capped, not refused


async def test_an_unsupported_search_parameter_is_refused_not_ignored(
    fhir: httpx.AsyncClient,
) -> None:
    response = await fhir.get("/fhir/r4/Patient", params={"address-city": "Boston"})
    assert response.status_code == 400
    assert response.json()["issue"][0]["expression"] == ["Patient?address-city"]


async def test_validate_operation(fhir: httpx.AsyncClient) -> None:
    ok = await fhir.post("/fhir/r4/Patient/$validate", json=PATIENT)
    assert ok.status_code == 200
    bad = await fhir.post("/fhir/r4/Patient/$validate", json={**PATIENT, "birthDate": "x"})
    assert bad.status_code == 422
    assert bad.json()["issue"][0]["expression"] == ["Patient.birthDate"]
    empty = (await fhir.get("/fhir/r4/Patient")).json()
    assert empty["total"] == 0  # validate stores nothing
    assert "entry" not in empty  # FHIR JSON has no empty arrays


async def test_capability_statement_declares_only_what_works(fhir: httpx.AsyncClient) -> None:
    statement = (await fhir.get("/fhir/r4/metadata")).json()
    assert statement["fhirVersion"] == "4.0.1"
    for resource in statement["rest"][0]["resource"]:
        for param in resource["searchParam"]:
            value = {"date": "2024-01-01", "reference": "Patient/x"}.get(param["type"], "x")
            response = await fhir.get(f"/fhir/r4/{resource['type']}", params={param["name"]: value})
            assert response.status_code == 200, (resource["type"], param["name"], response.text)
    interactions = {i["code"] for i in statement["rest"][0]["resource"][0]["interaction"]}
    assert "delete" not in interactions
    deleted = await fhir.delete("/fhir/r4/Patient/x")
    assert deleted.status_code == 405
