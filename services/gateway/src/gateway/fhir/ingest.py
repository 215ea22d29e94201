"""Writing resources: one unit of work per transaction (or per batch entry).

Order within a unit (FHIR R4 transaction rules): ids are assigned to every POST, then
conditional creates (``ifNoneExist``) are resolved, then every ``urn:uuid`` and
conditional reference is rewritten to a server id, then the writes (POST, then PUT)
are applied in one relational transaction with the platform mapping, the workflows they
start and the ``es.fhir.inbound`` messages. Reads (GET) run after the commit.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import delete, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from device.service import READINGS
from device.vitals import vitals_proto
from emergisphere.v1.agents_pb2 import Case
from emergisphere.v1.fhir_pb2 import FhirResourceAccepted
from emergisphere_runtime import topics
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.messages import new_envelope
from emergisphere_runtime.outbox import Outbox, OutboxMessage
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.workflow import engine
from emergisphere_runtime.workflow.definitions import get_definition
from emergisphere_runtime.workflow.models import Workflow
from gateway.fhir import mapping, search, store
from gateway.fhir.models import FhirResource, FhirSearchValue, FhirVersion
from gateway.fhir.outcome import FhirError, Issue, invalid
from gateway.fhir.schema import resource_model
from gateway.patients import patient_case_or_404
from gateway.starting import stage_kick

RECORD_TYPES = frozenset(
    {"Condition", "AllergyIntolerance", "MedicationStatement", "MedicationRequest"}
)


@dataclass
class Entry:
    """One requested interaction and, once processed, its result."""

    path: str
    method: str
    resource_type: str
    resource: dict[str, Any] | None = None
    resource_id: str | None = None
    full_url: str | None = None
    if_none_exist: str | None = None
    if_match: str | None = None
    query: str | None = None
    # Results
    status: str = ""
    version_id: int | None = None
    last_updated: datetime | None = None
    interaction: str = ""
    workflows: list[tuple[str, str]] = field(default_factory=list)

    @property
    def resource_path(self) -> str:
        return f"{self.path}.resource" if self.path.startswith("Bundle") else self.resource_type

    @property
    def key(self) -> str:
        return f"{self.resource_type}/{self.resource_id}"

    @property
    def writes(self) -> bool:
        return self.method in ("POST", "PUT") and self.interaction != "noop"


@dataclass
class _Unit:
    platform: Platform
    session: AsyncSession
    entries: list[Entry]
    now: datetime
    targets: dict[str, str] = field(default_factory=dict)
    patients: dict[str, str | None] = field(default_factory=dict)
    staged: store.StagedDocuments = field(default_factory=store.StagedDocuments)
    outbox: list[OutboxMessage] = field(default_factory=list)
    mapped: mapping.MappingResult = field(default_factory=mapping.MappingResult)
    conditional: dict[str, str] = field(default_factory=dict)
    # Index rows of the resources this unit writes, by (type, id).
    rows: dict[tuple[str, str], FhirResource] = field(default_factory=dict)


def parse_etag(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip().removeprefix("W/").strip('"')
    return int(text) if text.isdigit() else -1


async def apply(platform: Platform, entries: list[Entry]) -> None:
    """Apply the write entries as one all-or-nothing unit. Raises FhirError."""
    writes = [e for e in entries if e.method in ("POST", "PUT")]
    for entry in writes:
        if entry.method == "POST":
            entry.resource_id = str(uuid.uuid4())
    now = utcnow()
    async with platform.db.transaction() as session:
        unit = _Unit(platform, session, writes, now)
        await _conditional_creates(unit)
        for entry in writes:
            if entry.full_url and entry.resource_id:
                unit.targets[entry.full_url] = entry.key
        await _rewrite_references(unit)
        await _load_rows(unit)
        for entry in writes:
            if entry.writes:
                _write(unit, entry)
        await session.flush()
        await _map(unit)
        await _start_workflows(unit)
        for reading_id, document in await mapping.stage_readings(platform, unit.mapped):
            unit.staged.add_document(READINGS, reading_id, document)
        for entry in writes:
            if entry.writes:
                _publish(unit, entry)
        await unit.staged.stage(session)
    await store.flush(platform, unit.staged)
    platform.outbox.release(unit.outbox)


def _condition_key(resource_type: str, condition: str) -> int:
    """A signed 64-bit key for one conditional create's search (PostgreSQL's advisory
    locks take a bigint)."""
    digest = hashlib.blake2b(f"{resource_type}?{condition.strip()}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


async def _serialise_conditions(unit: _Unit) -> None:
    """Two requests creating the same resource on the same condition must not both find
    nothing and both create it. On PostgreSQL each condition's search and create hold a
    transaction-scoped advisory lock, taken in key order so that Bundles with several
    conditions cannot deadlock; SQLite already runs writers one at a time."""
    if unit.platform.db.engine.dialect.name != "postgresql":
        return
    keys = sorted(
        {
            _condition_key(entry.resource_type, entry.if_none_exist)
            for entry in unit.entries
            if entry.method == "POST" and entry.if_none_exist
        }
    )
    for key in keys:
        await unit.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


async def _conditional_creates(unit: _Unit) -> None:
    await _serialise_conditions(unit)
    for entry in unit.entries:
        if entry.method != "POST" or not entry.if_none_exist:
            continue
        where = (
            f"{entry.path}.request.ifNoneExist"
            if entry.path.startswith("Bundle")
            else "If-None-Exist"
        )
        query = search.parse_query(entry.resource_type, entry.if_none_exist)
        try:
            found = await search.run(unit.session, query)
        except FhirError as exc:
            raise FhirError(
                400, [Issue(i.code, i.diagnostics, where) for i in exc.issues]
            ) from None
        if len(found) > 1:
            raise invalid(
                "multiple-matches", "ifNoneExist matches more than one resource", where, 412
            )
        if found:
            entry.resource_id = found[0].id
            entry.interaction = "noop"
            entry.version_id = found[0].version_id
            entry.last_updated = found[0].last_updated
            entry.status = "200 OK"


async def _resolve_conditional(unit: _Unit, reference: str, path: str) -> str:
    if reference in unit.conditional:
        return unit.conditional[reference]
    resource_type, _, text = reference.partition("?")
    if resource_model(resource_type) is None:
        raise invalid("not-found", "conditional reference to an unknown resource type", path)
    try:
        found = await search.run(unit.session, search.parse_query(resource_type, text))
    except FhirError:
        raise invalid(
            "not-supported", "conditional reference uses an unsupported search", path
        ) from None
    if len(found) != 1:
        problem = "matches no resource" if not found else "matches more than one resource"
        code = "not-found" if not found else "multiple-matches"
        raise invalid(code, f"conditional reference {problem}", path)
    target = f"{resource_type}/{found[0].id}"
    unit.conditional[reference] = target
    return target


async def _rewrite_references(unit: _Unit) -> None:
    """Replace every fullUrl with its server reference, resolve conditional references,
    and check that plain references point at existing resources."""
    issues: list[Issue] = []
    local: dict[str, set[str]] = {}

    async def walk(node: Any, path: str) -> Any:
        if isinstance(node, dict):
            for key, value in node.items():
                child = f"{path}.{key}"
                if key == "reference" and isinstance(value, str):
                    node[key] = await reference(value, child)
                elif isinstance(value, str):
                    node[key] = unit.targets.get(value, value)
                else:
                    await walk(value, child)
        elif isinstance(node, list):
            for index, item in enumerate(node):
                if isinstance(item, str):
                    node[index] = unit.targets.get(item, item)
                else:
                    await walk(item, f"{path}[{index}]")
        return node

    async def reference(value: str, path: str) -> str:
        if value in unit.targets:
            return unit.targets[value]
        if value.startswith(("urn:uuid:", "urn:oid:")):
            issues.append(
                Issue("not-found", "reference to an entry that is not in the Bundle", path)
            )
            return value
        if "?" in value:
            try:
                return await _resolve_conditional(unit, value, path)
            except FhirError as exc:
                issues.extend(exc.issues)
                return value
        parts = value.split("/")
        if len(parts) in (2, 4) and resource_model(parts[0]) is not None:
            local.setdefault(parts[0], set()).add(parts[1])
        return value

    for entry in unit.entries:
        if entry.resource is not None and entry.writes:
            await walk(entry.resource, entry.resource_path)
    written = {(e.resource_type, e.resource_id) for e in unit.entries}
    for resource_type, ids in local.items():
        wanted = {i for i in ids if (resource_type, i) not in written}
        if not wanted:
            continue
        found = set(
            await unit.session.scalars(
                select(FhirResource.id).where(
                    FhirResource.resource_type == resource_type, FhirResource.id.in_(wanted)
                )
            )
        )
        for missing in sorted(wanted - found):
            issues.append(
                Issue(
                    "not-found",
                    f"referenced {resource_type} does not exist",
                    f"{resource_type}/{missing}",
                )
            )
    if issues:
        raise FhirError(422, issues)


async def _load_rows(unit: _Unit) -> None:
    """Fetch the current index rows of updated resources in one query per type (a POST's
    id is new, so it has none) and drop their old search values."""
    by_type: dict[str, list[str]] = {}
    for entry in unit.entries:
        if entry.writes and entry.method == "PUT" and entry.resource_id is not None:
            by_type.setdefault(entry.resource_type, []).append(entry.resource_id)
    for resource_type, ids in by_type.items():
        found = await unit.session.scalars(
            select(FhirResource).where(
                FhirResource.resource_type == resource_type, FhirResource.id.in_(ids)
            )
        )
        for row in found:
            unit.rows[(resource_type, row.id)] = row
        await unit.session.execute(
            delete(FhirSearchValue).where(
                FhirSearchValue.resource_type == resource_type,
                FhirSearchValue.resource_id.in_(ids),
            )
        )


def _write(unit: _Unit, entry: Entry) -> None:
    assert entry.resource is not None
    assert entry.resource_id is not None
    session = unit.session
    row = unit.rows.get((entry.resource_type, entry.resource_id))
    expected = parse_etag(entry.if_match)
    if expected is not None and (row is None or row.version_id != expected):
        where = f"{entry.path}.request.ifMatch" if entry.path.startswith("Bundle") else "If-Match"
        raise invalid("conflict", "If-Match does not name the current version", where, 412)
    version = 1 if row is None else row.version_id + 1
    resource = entry.resource
    resource["id"] = entry.resource_id
    meta = dict(resource.get("meta") or {})
    meta["versionId"] = str(version)
    meta["lastUpdated"] = unit.now.isoformat().replace("+00:00", "Z")
    resource["meta"] = meta
    if row is None:
        row = FhirResource(resource_type=entry.resource_type, id=entry.resource_id)
        session.add(row)
        unit.rows[(entry.resource_type, entry.resource_id)] = row
        entry.interaction, entry.status = "create", "201 Created"
    else:
        entry.interaction, entry.status = "update", "200 OK"
    row.version_id = version
    row.last_updated = unit.now
    row.patient_ref = search.patient_reference(resource)
    row.sort_date = search.sort_date(resource)
    key = store.version_key(entry.resource_type, entry.resource_id, version)
    document_id = unit.staged.add_version(key, resource)
    session.add(
        FhirVersion(
            resource_type=entry.resource_type,
            resource_id=entry.resource_id,
            version_id=version,
            last_updated=unit.now,
            interaction=entry.interaction,
            document_id=document_id,
        )
    )
    session.add_all(
        FhirSearchValue(
            resource_type=entry.resource_type,
            resource_id=entry.resource_id,
            param=param,
            system=system,
            value=value,
        )
        for param, system, value in search.index_values(resource)
    )
    entry.version_id = version
    entry.last_updated = unit.now


async def _platform_patient(unit: _Unit, fhir_patient: str | None) -> str | None:
    if fhir_patient is None:
        return None
    if fhir_patient not in unit.patients:
        row = unit.rows.get(("Patient", fhir_patient)) or await unit.session.get(
            FhirResource, ("Patient", fhir_patient)
        )
        unit.patients[fhir_patient] = None if row is None else row.platform_patient_id
    return unit.patients[fhir_patient]


async def _map(unit: _Unit) -> None:
    session = unit.session
    planned: list[mapping.Planned] = []
    for entry in unit.entries:
        if not entry.writes:
            continue
        resource = entry.resource
        assert resource is not None
        assert entry.resource_id is not None
        row = unit.rows[(entry.resource_type, entry.resource_id)]
        patient_id: str | None
        if entry.resource_type == "Patient":
            patient_id = row.platform_patient_id or await mapping.map_patient(
                session, resource, entry.resource_id
            )
            unit.patients[entry.resource_id] = patient_id
        else:
            patient_id = await _platform_patient(unit, row.patient_ref)
        row.platform_patient_id = patient_id
        if patient_id is None:
            continue
        if entry.resource_type == "Encounter":
            event = await mapping.map_encounter(session, resource, entry.resource_id, patient_id)
            if event is not None:
                planned.append(event)
        elif entry.resource_type in RECORD_TYPES:
            await mapping.map_record(session, resource, patient_id, unit.now)
        elif entry.resource_type == "Observation":
            await mapping.map_vitals(
                session, resource, patient_id, unit.mapped, entry.resource_path
            )
    unit.mapped.workflows = planned + await mapping.plan_vital_events(
        unit.platform, unit.mapped, unit.now
    )


def _recent_vitals(unit: _Unit, patient_id: str) -> dict[str, float]:
    combined: dict[str, float] = {}
    readings = sorted(unit.mapped.readings.values(), key=lambda r: r.measured_at)
    for reading in readings:
        if (
            reading.patient_id == patient_id
            and unit.now - reading.measured_at <= mapping.EVENT_WINDOW
        ):
            combined.update(reading.vitals)
    return combined


async def _start_workflows(unit: _Unit) -> None:
    for event in unit.mapped.workflows:
        if await unit.session.get(Workflow, event.workflow_id) is not None:
            continue  # this resource (or reading) started it already
        case: Case = await patient_case_or_404(unit.session, event.patient_id)
        if event.workflow_type == "emergency":
            intake = case.intake
            intake.chief_complaint = event.chief_complaint
            intake.arrival_mode = "other"
            intake.vitals.CopyFrom(vitals_proto(_recent_vitals(unit, event.patient_id)))
            intake.arrived_at.FromDatetime(event.arrived_at or unit.now)
            case.encounter_id = event.encounter_id or ""
        elif event.reading is not None:
            scan = case.device_scan
            scan.device_id = event.reading.device_id
            scan.vitals.CopyFrom(vitals_proto(event.reading.vitals))
            scan.measured_at.FromDatetime(event.reading.measured_at)
        workflow = engine.create(
            workflow_id=event.workflow_id,
            definition=get_definition(event.workflow_type),
            case=case,
            now=unit.now,
        )
        workflow.patient_id = event.patient_id
        unit.session.add(workflow)
        unit.outbox.append(stage_kick(unit.session, workflow.id, reason="fhir", urgent=True))
        unit.platform.metrics.workflows.labels(event.workflow_type, "started").inc()
        for entry in unit.entries:
            if entry.key == event.resource_key or _caused(entry, event, unit):
                entry.workflows.append((event.workflow_type, event.workflow_id))


def _caused(entry: Entry, event: mapping.Planned, unit: _Unit) -> bool:
    """Whether this Observation entry contributed to the reading that started the event."""
    if event.reading is None or entry.resource_type != "Observation" or entry.resource is None:
        return False
    return (
        unit.patients.get(search.patient_reference(entry.resource) or "") == event.patient_id
        and bool(mapping.vital_values(entry.resource))
        and mapping.effective(entry.resource) == event.reading.measured_at
    )


def _publish(unit: _Unit, entry: Entry) -> None:
    assert entry.resource is not None
    assert entry.resource_id is not None
    row_patient = unit.patients.get(search.patient_reference(entry.resource) or "")
    message = FhirResourceAccepted(
        resource_type=entry.resource_type,
        resource_id=entry.resource_id,
        version_id=str(entry.version_id),
        interaction=entry.interaction,
        patient_id=row_patient or "",
        resource_json=orjson.dumps(entry.resource),
    )
    if entry.workflows:
        message.workflow_type, message.workflow_id = entry.workflows[0]
    # Keyed by patient, so one patient's resources stay in order on one partition.
    envelope = new_envelope(producer="gateway", workflow_id=row_patient or entry.key)
    envelope.fhir_resource.CopyFrom(message)
    unit.outbox.append(Outbox.stage(unit.session, topics.FHIR_INBOUND, envelope))
