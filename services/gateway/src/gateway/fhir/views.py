"""The FHIR R4 routes. One APIRouter, created here: access control (the integration
role) is added as a dependency of this router, which changes no route."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import urlencode

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import Response

from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from gateway.deps import PlatformDep
from gateway.fhir import bundles, ingest, reads, search, store
from gateway.fhir.capability import capability_statement
from gateway.fhir.ingest import Entry
from gateway.fhir.outcome import (
    FhirError,
    Issue,
    error_response,
    fhir_response,
    information,
    invalid,
)
from gateway.fhir.schema import resource_model
from gateway.fhir.validation import ID, validate_resource

PREFIX = "/fhir/r4"
router = APIRouter(prefix=PREFIX, tags=["fhir"])


def is_fhir_path(path: str) -> bool:
    """Whether a request path is the FHIR API's (its base included)."""
    return path == PREFIX or path.startswith(f"{PREFIX}/")


async def _guarded(work: Callable[[], Awaitable[Response]]) -> Response:
    try:
        return await work()
    except FhirError as error:
        return error_response(error)


async def _json(request: Request) -> Any:
    body = await request.body()
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        raise invalid("structure", "the body is not valid JSON", "$", 400) from None


def _tally(platform: Platform, resource_types: Iterable[str], *, accepted: bool) -> None:
    """emergisphere_fhir_entries_total: one per resource written or refused."""
    for resource_type, count in Counter(resource_types).items():
        platform.metrics.count_fhir_entries(resource_type, accepted=accepted, count=count)


def _raw_types(bundle: Any) -> list[str]:
    """The resource types a Bundle's entries carry (reads carry none), read without
    trusting its shape."""
    entries = bundle.get("entry") if isinstance(bundle, dict) else None
    types = []
    for entry in entries if isinstance(entries, list) else []:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(resource, dict):
            kind = resource.get("resourceType")
            types.append(kind if isinstance(kind, str) else "other")
    return types


def _check_type(resource_type: str) -> None:
    if resource_model(resource_type) is None:
        raise invalid("not-supported", "unknown resource type", resource_type, 404)


def _check_id(resource_type: str, resource_id: str) -> None:
    if not ID.fullmatch(resource_id):
        raise invalid("value", "not a valid FHIR id", f"{resource_type}.id", 400)


async def _ready(request: Request, platform: Platform) -> None:
    """Once per process: copy documents a crash left staged (see store)."""
    if not getattr(request.app.state, "fhir_leftovers_flushed", False):
        await store.flush_leftovers(platform)
        request.app.state.fhir_leftovers_flushed = True


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/") + PREFIX


def _resource_headers(resource: dict[str, Any], base: str, *, location: bool) -> dict[str, str]:
    meta = resource.get("meta") or {}
    headers = {"ETag": f'W/"{meta.get("versionId", "")}"'}
    if "lastUpdated" in meta:
        headers["Last-Modified"] = str(meta["lastUpdated"])
    if location:
        headers["Location"] = (
            f"{base}/{resource['resourceType']}/{resource['id']}/_history/{meta.get('versionId')}"
        )
    return headers


@router.get("/metadata")
async def metadata(request: Request) -> Response:
    return fhir_response(capability_statement(_base(request), utcnow().date().isoformat()))


@router.post("")
async def post_bundle(request: Request, platform: PlatformDep) -> Response:
    async def work() -> Response:
        bundle = await _json(request)
        if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
            raise invalid("invalid", "POST to the base takes a Bundle", "Bundle.resourceType")
        try:
            return await _process(platform, bundle, request)
        except FhirError:
            # All or nothing (a batch counts its entries itself and refuses no whole).
            _tally(platform, _raw_types(bundle), accepted=False)
            raise

    return await _guarded(work)


async def _process(platform: Platform, bundle: dict[str, Any], request: Request) -> Response:
    bundles.check_size(bundle)
    issues = validate_resource(bundle, "Bundle")
    if issues:
        raise FhirError(422, issues)
    await _ready(request, platform)
    kind = bundle["type"]
    if kind == "transaction":
        return await _transaction(platform, bundle, request)
    if kind == "batch":
        return await _batch(platform, bundle, request)
    if kind == "message":
        return await _message(platform, bundle)
    raise invalid(
        "not-supported",
        "only transaction, batch and message Bundles are accepted",
        "Bundle.type",
    )


async def _read_entry(platform: Platform, entry: Entry, request: Request) -> dict[str, Any]:
    if entry.resource_id is not None:
        resource = await reads.current(platform, entry.resource_type, entry.resource_id)
        return {"resource": resource, "response": {"status": "200 OK"}}
    query = search.parse_query(entry.resource_type, entry.query or "")
    page = await reads.find(platform, query)
    found = _searchset(page, query, _base(request))
    return {"resource": found, "response": {"status": "200 OK"}}


def _searchset(page: reads.Page, query: search.Query, base: str) -> dict[str, Any]:
    """The page with its total, and self, next and previous links (by ``_offset``)."""

    def url(offset: int) -> str:
        params = [(k, v) for k, v in query.params if k not in ("_count", "_offset")]
        params += [("_count", str(page.count)), ("_offset", str(offset))]
        return f"{base}/{query.resource_type}?{urlencode(params)}"

    links = {"self": url(page.offset)}
    if page.count and page.offset + page.count < page.total:
        links["next"] = url(page.offset + page.count)
    if page.count and page.offset > 0:
        links["previous"] = url(max(0, page.offset - page.count))
    return bundles.searchset(page.resources, base, total=page.total, links=links)


def _written(entry: Entry) -> dict[str, Any]:
    return {"response": bundles.entry_response(entry)}


async def _transaction(platform: Platform, bundle: dict[str, Any], request: Request) -> Response:
    entries = bundles.request_entries(bundle)
    ordered = sorted(entries, key=lambda e: bundles.PROCESSING_ORDER[e.method])
    writes = [e for e in ordered if e.method != "GET"]
    await ingest.apply(platform, writes)
    _tally(platform, (e.resource_type for e in writes), accepted=True)
    results = []
    for entry in entries:
        results.append(
            await _read_entry(platform, entry, request)
            if entry.method == "GET"
            else _written(entry)
        )
    return fhir_response(bundles.response_bundle("transaction-response", results))


async def _batch(platform: Platform, bundle: dict[str, Any], request: Request) -> Response:
    results = []
    for entry in bundles.request_entries(bundle):
        try:
            if entry.method == "GET":
                results.append(await _read_entry(platform, entry, request))
                continue
            await ingest.apply(platform, [entry])
            _tally(platform, [entry.resource_type], accepted=True)
            results.append(_written(entry))
        except FhirError as error:
            if entry.method != "GET":
                _tally(platform, [entry.resource_type], accepted=False)
            status = {400: "400 Bad Request", 404: "404 Not Found", 412: "412 Precondition Failed"}
            results.append(
                {
                    "response": {
                        "status": status.get(error.status, f"{error.status} Unprocessable Entity"),
                        "outcome": error.outcome(),
                    }
                }
            )
    return fhir_response(bundles.response_bundle("batch-response", results))


async def _message(platform: Platform, bundle: dict[str, Any]) -> Response:
    header, entries = bundles.message_entries(bundle)
    await ingest.apply(platform, entries)
    _tally(platform, ["MessageHeader"] + [e.resource_type for e in entries], accepted=True)
    reply: dict[str, Any] = {
        "resourceType": "MessageHeader",
        "id": header.get("id") or "",
        "eventCoding": header.get("eventCoding") or {"code": "response"},
        "source": {"endpoint": PREFIX},
        "response": {"identifier": str(header.get("id") or ""), "code": "ok"},
        "focus": [{"reference": e.key} for e in entries if e.resource_id],
    }
    reply.pop("id")
    if not reply["focus"]:
        reply.pop("focus")
    started = [w for e in entries for w in e.workflows]
    response_entries: list[dict[str, Any]] = [{"resource": reply}]
    if started:
        text = "; ".join(f"started workflow {kind} {wid}" for kind, wid in started)
        response_entries.append({"resource": information(text, "Bundle")})
    return fhir_response(bundles.response_bundle("message", response_entries))


@router.get("/Patient/{patient_id}/$everything")
async def patient_everything(patient_id: str, request: Request, platform: PlatformDep) -> Response:
    async def work() -> Response:
        _check_id("Patient", patient_id)
        found = await reads.everything(platform, patient_id)
        return fhir_response(bundles.searchset(found, _base(request)))

    return await _guarded(work)


@router.post("/{resource_type}/$validate")
async def validate(resource_type: str, request: Request) -> Response:
    async def work() -> Response:
        _check_type(resource_type)
        body = await _json(request)
        if isinstance(body, dict) and body.get("resourceType") == "Parameters":
            parts = [
                p.get("resource")
                for p in body.get("parameter") or []
                if p.get("name") == "resource"
            ]
            body = parts[0] if parts else None
        issues = validate_resource(body, resource_type, expected=resource_type)
        if issues:
            raise FhirError(422, issues)
        return fhir_response(information("the resource is valid", resource_type))

    return await _guarded(work)


@router.get("/{resource_type}/{resource_id}/_history/{version_id}")
async def vread(
    resource_type: str, resource_id: str, version_id: str, request: Request, platform: PlatformDep
) -> Response:
    async def work() -> Response:
        _check_type(resource_type)
        _check_id(resource_type, resource_id)
        if not version_id.isdigit():
            raise reads.not_found(resource_type, f"{resource_id}/_history/{version_id}")
        resource = await reads.version(platform, resource_type, resource_id, int(version_id))
        return fhir_response(
            resource, headers=_resource_headers(resource, _base(request), location=False)
        )

    return await _guarded(work)


@router.get("/{resource_type}/{resource_id}/_history")
async def history(
    resource_type: str, resource_id: str, request: Request, platform: PlatformDep
) -> Response:
    async def work() -> Response:
        _check_type(resource_type)
        _check_id(resource_type, resource_id)
        versions = await reads.history(platform, resource_type, resource_id)
        base = _base(request)
        entries = [
            {
                "fullUrl": f"{base}/{resource_type}/{resource_id}",
                "resource": v,
                "request": {
                    "method": "POST" if v["meta"]["versionId"] == "1" else "PUT",
                    "url": f"{resource_type}/{resource_id}",
                },
                "response": {
                    "status": "201 Created" if v["meta"]["versionId"] == "1" else "200 OK",
                    "etag": f'W/"{v["meta"]["versionId"]}"',
                },
            }
            for v in versions
        ]
        return fhir_response(bundles.response_bundle("history", entries))

    return await _guarded(work)


@router.get("/{resource_type}/{resource_id}")
async def read(
    resource_type: str, resource_id: str, request: Request, platform: PlatformDep
) -> Response:
    async def work() -> Response:
        _check_type(resource_type)
        _check_id(resource_type, resource_id)
        resource = await reads.current(platform, resource_type, resource_id)
        return fhir_response(
            resource, headers=_resource_headers(resource, _base(request), location=False)
        )

    return await _guarded(work)


async def _write_one(request: Request, platform: Platform, entry: Entry, body: Any) -> Response:
    try:
        response = await _write(request, platform, entry, body)
    except FhirError:
        _tally(platform, [entry.resource_type], accepted=False)
        raise
    _tally(platform, [entry.resource_type], accepted=True)
    return response


async def _write(request: Request, platform: Platform, entry: Entry, body: Any) -> Response:
    issues = validate_resource(body, entry.resource_type, expected=entry.resource_type)
    if issues:
        raise FhirError(422, issues)
    await _ready(request, platform)
    entry.resource = body
    await ingest.apply(platform, [entry])
    resource = await reads.current(platform, entry.resource_type, entry.resource_id or "")
    headers = _resource_headers(resource, _base(request), location=entry.status == "201 Created")
    if entry.workflows:
        kind, workflow_id = entry.workflows[0]
        headers["X-Workflow-Type"] = kind
        headers["X-Workflow-Id"] = workflow_id
    return fhir_response(resource, int(entry.status[:3]), headers)


@router.post("/{resource_type}")
async def create(resource_type: str, request: Request, platform: PlatformDep) -> Response:
    async def work() -> Response:
        _check_type(resource_type)
        body = await _json(request)
        entry = Entry(path=resource_type, method="POST", resource_type=resource_type)
        entry.if_none_exist = request.headers.get("if-none-exist")
        return await _write_one(request, platform, entry, body)

    return await _guarded(work)


@router.put("/{resource_type}/{resource_id}")
async def update(
    resource_type: str, resource_id: str, request: Request, platform: PlatformDep
) -> Response:
    async def work() -> Response:
        _check_type(resource_type)
        _check_id(resource_type, resource_id)
        body = await _json(request)
        if isinstance(body, dict) and body.get("id") != resource_id:
            raise FhirError(
                400,
                [
                    Issue(
                        "invalid",
                        "the resource id must equal the id in the URL",
                        f"{resource_type}.id",
                    )
                ],
            )
        entry = Entry(
            path=resource_type, method="PUT", resource_type=resource_type, resource_id=resource_id
        )
        entry.if_match = request.headers.get("if-match")
        return await _write_one(request, platform, entry, body)

    return await _guarded(work)


@router.get("/{resource_type}")
async def search_type(resource_type: str, request: Request, platform: PlatformDep) -> Response:
    async def work() -> Response:
        _check_type(resource_type)
        query = search.Query(resource_type, list(request.query_params.multi_items()))
        page = await reads.find(platform, query)
        return fhir_response(_searchset(page, query, _base(request)))

    return await _guarded(work)
