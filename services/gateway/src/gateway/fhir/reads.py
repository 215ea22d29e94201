"""Reads: current and versioned resources, history, searches and Patient $everything."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from emergisphere_runtime.platform import Platform
from gateway.fhir import search, store
from gateway.fhir.models import FhirResource
from gateway.fhir.outcome import FhirError, Issue

MAX_EVERYTHING = 10_000


def not_found(resource_type: str, resource_id: str) -> FhirError:
    return FhirError(
        404, [Issue("not-found", "no such resource", f"{resource_type}/{resource_id}")]
    )


async def current(platform: Platform, resource_type: str, resource_id: str) -> dict[str, Any]:
    async with platform.db.session() as session:
        row = await session.get(FhirResource, (resource_type, resource_id))
        if row is None:
            raise not_found(resource_type, resource_id)
        return (await store.current_versions(platform, session, [row]))[0]


async def version(
    platform: Platform, resource_type: str, resource_id: str, version_id: int
) -> dict[str, Any]:
    async with platform.db.session() as session:
        row = await store.version_row(session, resource_type, resource_id, version_id)
    if row is None:
        raise not_found(resource_type, f"{resource_id}/_history/{version_id}")
    found = await store.load_versions(
        platform, [(resource_type, resource_id, version_id, row.document_id)]
    )
    return found[0]


async def history(platform: Platform, resource_type: str, resource_id: str) -> list[dict[str, Any]]:
    async with platform.db.session() as session:
        rows = await store.history_rows(session, resource_type, resource_id)
    if not rows:
        raise not_found(resource_type, resource_id)
    return await store.load_versions(
        platform, [(r.resource_type, r.resource_id, r.version_id, r.document_id) for r in rows]
    )


@dataclass(frozen=True, slots=True)
class Page:
    resources: list[dict[str, Any]]
    total: int  # matches across every page
    count: int
    offset: int


async def find(platform: Platform, query: search.Query) -> Page:
    found = search.plan(query)
    async with platform.db.session() as session:
        rows = list(await session.scalars(found.page))
        # A short page that holds matches (or is the first) ends the results: its total
        # is known without counting them all again.
        last_page = len(rows) < found.count and (rows or found.offset == 0)
        total = found.offset + len(rows) if last_page else await search.total(session, found)
        resources = await store.current_versions(platform, session, rows)
    return Page(resources, total, found.count, found.offset)


def _references(node: Any, found: set[tuple[str, str]]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                parts = value.split("/")
                if len(parts) == 2:
                    found.add((parts[0], parts[1]))
            else:
                _references(value, found)
    elif isinstance(node, list):
        for item in node:
            _references(item, found)


async def everything(platform: Platform, patient_id: str) -> list[dict[str, Any]]:
    """The Patient, every resource in its compartment, and the resources they reference
    (organizations, practitioners, medications...), once each."""
    async with platform.db.session() as session:
        rows = list(
            await session.scalars(
                select(FhirResource)
                .where(
                    or_(
                        FhirResource.patient_ref == patient_id,
                        (FhirResource.resource_type == "Patient") & (FhirResource.id == patient_id),
                    )
                )
                .order_by(FhirResource.resource_type, FhirResource.id)
                .limit(MAX_EVERYTHING)
            )
        )
        if not any(r.resource_type == "Patient" for r in rows):
            raise not_found("Patient", patient_id)
        resources = await store.current_versions(platform, session, rows)
        have = {(r.resource_type, r.id) for r in rows}
        wanted: set[tuple[str, str]] = set()
        for resource in resources:
            _references(resource, wanted)
        extra_rows = []
        for resource_type, rid in sorted(wanted - have):
            row = await session.get(FhirResource, (resource_type, rid))
            if row is not None:
                extra_rows.append(row)
        resources += await store.current_versions(platform, session, extra_rows)
    return resources
