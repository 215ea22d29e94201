"""Bundles in (transaction, batch, message) and out (responses, searchsets, history)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from gateway.fhir.ingest import Entry
from gateway.fhir.outcome import FhirError, Issue, information
from gateway.fhir.schema import resource_model

MAX_ENTRIES = 2000
PROCESSING_ORDER = {"DELETE": 0, "POST": 1, "PUT": 2, "PATCH": 2, "GET": 3, "HEAD": 3}


def _absolute(url: str) -> bool:
    return url.startswith(("urn:uuid:", "urn:oid:", "http://", "https://"))


def check_size(bundle: dict[str, Any]) -> None:
    entries = bundle.get("entry")
    if isinstance(entries, list) and len(entries) > MAX_ENTRIES:
        raise FhirError(
            413,
            [
                Issue(
                    "too-costly", f"a Bundle may have at most {MAX_ENTRIES} entries", "Bundle.entry"
                )
            ],
        )


def request_entries(bundle: dict[str, Any]) -> list[Entry]:
    """Entries of a transaction or batch (already schema-valid), checked for the Bundle
    rules: absolute unique fullUrls in a transaction, a request on every entry, a
    resource for POST and PUT, and URLs naming a known type."""
    transaction = bundle["type"] == "transaction"
    issues: list[Issue] = []
    entries: list[Entry] = []
    seen: set[str] = set()
    for index, raw in enumerate(bundle.get("entry") or []):
        path = f"Bundle.entry[{index}]"
        full_url = raw.get("fullUrl")
        resource = raw.get("resource")
        request = raw.get("request")
        if full_url is not None:
            if transaction and not _absolute(full_url):
                issues.append(
                    Issue(
                        "invalid",
                        "fullUrl must be absolute (urn:uuid:, urn:oid: or a URL)",
                        f"{path}.fullUrl",
                    )
                )
            elif full_url in seen:
                issues.append(
                    Issue("invalid", "fullUrl is not unique in the Bundle", f"{path}.fullUrl")
                )
            seen.add(full_url)
        if request is None:
            issues.append(Issue("required", "each entry needs a request", f"{path}.request"))
            continue
        method, url = request["method"], request["url"]
        target, _, query = url.partition("?")
        parts = target.strip("/").split("/")
        if resource_model(parts[0]) is None:
            issues.append(
                Issue(
                    "not-supported",
                    "request url names no known resource type",
                    f"{path}.request.url",
                )
            )
            continue
        entry = Entry(path=path, method=method, resource_type=parts[0], full_url=full_url)
        entry.if_none_exist = request.get("ifNoneExist")
        entry.if_match = request.get("ifMatch")
        if method in ("POST", "PUT"):
            if not isinstance(resource, dict):
                issues.append(
                    Issue("required", f"a {method} entry needs a resource", f"{path}.resource")
                )
                continue
            if resource.get("resourceType") != parts[0]:
                issues.append(
                    Issue(
                        "invalid",
                        "resource type differs from the request url",
                        f"{path}.request.url",
                    )
                )
                continue
            entry.resource = resource
            if method == "PUT":
                if len(parts) != 2 or query:
                    issues.append(
                        Issue(
                            "not-supported",
                            "PUT needs a url of the form Type/id",
                            f"{path}.request.url",
                        )
                    )
                    continue
                entry.resource_id = parts[1]
                if resource.get("id") not in (None, parts[1]):
                    issues.append(
                        Issue(
                            "invalid",
                            "resource id differs from the request url",
                            f"{path}.resource.id",
                        )
                    )
        elif method == "GET":
            entry.resource_id = parts[1] if len(parts) >= 2 else None
            entry.query = query if len(parts) == 1 else None
        else:
            issues.append(
                Issue("not-supported", f"{method} is not supported", f"{path}.request.method")
            )
            continue
        entries.append(entry)
    if issues:
        raise FhirError(422, issues)
    return entries


def message_entries(bundle: dict[str, Any]) -> tuple[dict[str, Any], list[Entry]]:
    """The MessageHeader (first entry, required) and the other resources, stored as
    creates (or updates of the ids they carry)."""
    raw = bundle.get("entry") or []
    header = raw[0].get("resource") if raw else None
    if not isinstance(header, dict) or header.get("resourceType") != "MessageHeader":
        raise FhirError(
            422,
            [
                Issue(
                    "invalid",
                    "the first entry of a message must be a MessageHeader",
                    "Bundle.entry[0].resource",
                )
            ],
        )
    entries = []
    for index, item in enumerate(raw[1:], start=1):
        resource = item.get("resource")
        path = f"Bundle.entry[{index}]"
        if not isinstance(resource, dict):
            raise FhirError(
                422, [Issue("required", "message entries need a resource", f"{path}.resource")]
            )
        rid = resource.get("id")
        entries.append(
            Entry(
                path=path,
                method="PUT" if rid else "POST",
                resource_type=str(resource["resourceType"]),
                resource=resource,
                resource_id=rid,
                full_url=item.get("fullUrl"),
            )
        )
    return header, entries


def http_date(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def entry_response(entry: Entry) -> dict[str, Any]:
    response: dict[str, Any] = {"status": entry.status}
    if entry.resource_id and entry.version_id is not None:
        response["location"] = f"{entry.key}/_history/{entry.version_id}"
        response["etag"] = f'W/"{entry.version_id}"'
        response["lastModified"] = http_date(entry.last_updated)
    if entry.workflows:
        text = "; ".join(f"started workflow {kind} {wid}" for kind, wid in entry.workflows)
        response["outcome"] = information(text, entry.resource_type)
    return response


def response_bundle(kind: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "type": kind,
        "entry": entries,
    }


def searchset(
    resources: list[dict[str, Any]],
    base: str,
    *,
    total: int | None = None,
    links: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A searchset; ``total`` counts every match, ``links`` maps relation to URL."""
    bundle: dict[str, Any] = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "type": "searchset",
        "total": len(resources) if total is None else total,
    }
    if links:  # FHIR JSON has no empty arrays
        bundle["link"] = [{"relation": rel, "url": url} for rel, url in links.items()]
    if resources:
        bundle["entry"] = [
            {
                "fullUrl": f"{base}/{r['resourceType']}/{r['id']}",
                "resource": r,
                "search": {"mode": "match"},
            }
            for r in resources
        ]
    return bundle
