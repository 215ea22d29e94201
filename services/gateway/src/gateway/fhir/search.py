"""Search parameters: what is indexed from a resource, and queries over the index.

Supported (and declared in the CapabilityStatement): ``_id`` and ``identifier`` on every
type; ``code`` on types with a ``code`` element; ``family``, ``given`` and ``birthdate``
on Patient; ``patient`` (and ``subject``) on types in the Patient compartment; ``date``
on Observation and Encounter; ``_sort`` by ``date`` or ``_lastUpdated``; ``_count`` and
``_offset`` for paging (a searchset carries ``total`` and self, next and previous links).
An unknown parameter is refused with an OperationOutcome, never silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from typing import Any

from sqlalchemy import Select, and_, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.fhir.models import FhirResource, FhirSearchValue
from gateway.fhir.outcome import FhirError, Issue, invalid
from gateway.fhir.validation import parse_instant

MAX_COUNT = 1000
# Past any real result set, and within the database's integer range.
MAX_OFFSET = 1_000_000_000
DEFAULT_COUNT = 100
COMPARATORS = ("eq", "ge", "le", "gt", "lt")
# Elements naming the patient a resource is about, in the order they are tried.
PATIENT_ELEMENTS = ("subject", "patient", "beneficiary")
DATE_TYPES = frozenset({"Observation", "Encounter"})
CODE_TYPES = frozenset(
    {
        "Observation",
        "Condition",
        "AllergyIntolerance",
        "Procedure",
        "DiagnosticReport",
        "MedicationStatement",
    }
)


def patient_reference(resource: dict[str, Any]) -> str | None:
    """The Patient id (server id after rewriting) the resource is about, if any."""
    if resource.get("resourceType") == "Patient":
        rid = resource.get("id")
        return rid if isinstance(rid, str) else None
    for name in PATIENT_ELEMENTS:
        ref = resource.get(name)
        if isinstance(ref, dict):
            target = ref.get("reference")
            if isinstance(target, str) and target.startswith("Patient/"):
                return target.removeprefix("Patient/").split("/", 1)[0]
    return None


def sort_date(resource: dict[str, Any]) -> str | None:
    """The clinically relevant time as UTC ISO text (what ``date`` searches and sorts)."""
    value: Any = None
    if resource.get("resourceType") == "Observation":
        value = resource.get("effectiveDateTime") or resource.get("effectiveInstant")
        period = resource.get("effectivePeriod")
        if value is None and isinstance(period, dict):
            value = period.get("start")
        value = value or resource.get("issued")
    elif resource.get("resourceType") == "Encounter":
        period = resource.get("period")
        value = period.get("start") if isinstance(period, dict) else None
    if not isinstance(value, str):
        return None
    moment = parse_instant(value)
    if moment is None or moment.tzinfo is None:
        return None
    return moment.astimezone(UTC).isoformat()


def index_values(resource: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(param, system, value) rows for one resource."""
    values: list[tuple[str, str, str]] = []
    for ident in resource.get("identifier") or []:
        if isinstance(ident, dict) and isinstance(ident.get("value"), str):
            values.append(("identifier", str(ident.get("system") or ""), ident["value"][:255]))
    code = resource.get("code")
    if isinstance(code, dict):
        for coding in code.get("coding") or []:
            if isinstance(coding, dict) and isinstance(coding.get("code"), str):
                values.append(("code", str(coding.get("system") or ""), coding["code"][:255]))
    if resource.get("resourceType") == "Patient":
        for name in resource.get("name") or []:
            if not isinstance(name, dict):
                continue
            if isinstance(name.get("family"), str):
                values.append(("family", "", name["family"].casefold()[:255]))
            for given in name.get("given") or []:
                if isinstance(given, str):
                    values.append(("given", "", given.casefold()[:255]))
        if isinstance(resource.get("birthDate"), str):
            values.append(("birthdate", "", resource["birthDate"]))
    return [(p, s[:255], v) for p, s, v in values]


@dataclass
class Query:
    resource_type: str
    params: list[tuple[str, str]]


def _token(resource_type: str, param: str, text: str) -> Any:
    condition = [
        FhirSearchValue.resource_type == resource_type,
        FhirSearchValue.resource_id == FhirResource.id,
        FhirSearchValue.param == param,
    ]
    if "|" in text:
        system, value = text.split("|", 1)
        if value:
            condition.append(FhirSearchValue.value == value)
        condition.append(FhirSearchValue.system == system)
    else:
        condition.append(FhirSearchValue.value == text)
    return exists().where(and_(*condition))


def _string(resource_type: str, param: str, text: str) -> Any:
    # FHIR string search: case-insensitive "starts with".
    prefix = text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return exists().where(
        FhirSearchValue.resource_type == resource_type,
        FhirSearchValue.resource_id == FhirResource.id,
        FhirSearchValue.param == param,
        FhirSearchValue.value.like(f"{prefix}%", escape="\\"),
    )


def _birthdate(resource_type: str, text: str, name: str) -> Any:
    comparator, value = _comparator(text, name)
    column = FhirSearchValue.value
    test = {
        "eq": column == value,
        "ge": column >= value,
        "le": column <= value,
        "gt": column > value,
        "lt": column < value,
    }[comparator]
    return exists().where(
        FhirSearchValue.resource_type == resource_type,
        FhirSearchValue.resource_id == FhirResource.id,
        FhirSearchValue.param == "birthdate",
        test,
    )


def _comparator(text: str, name: str) -> tuple[str, str]:
    comparator = text[:2] if text[:2] in COMPARATORS else "eq"
    value = text[2:] if text[:2] in COMPARATORS else text
    if parse_instant(value) is None:
        raise invalid("value", "not a valid FHIR date for a date search", name, 400)
    return comparator, value


def _date(text: str, name: str) -> Any:
    comparator, value = _comparator(text, name)
    moment = parse_instant(value)
    assert moment is not None
    bound = moment.astimezone(UTC).isoformat()
    column = FhirResource.sort_date
    if comparator == "eq":
        # A day (or month, year) matches every time within it.
        return column.like(f"{value}%") if len(value) <= 10 else column == bound
    return {
        "ge": column >= bound,
        "le": column <= bound,
        "gt": column > bound,
        "lt": column < bound,
    }[comparator]


@dataclass(frozen=True, slots=True)
class Plan:
    matches: Select[FhirResource]  # every match, unordered: what ``total`` counts
    page: Select[FhirResource]  # the requested page, in order
    count: int
    offset: int


def _non_negative(name: str, text: str, where: str, issues: list[Issue]) -> int | None:
    if text.isdigit():
        return int(text)
    issues.append(Issue("value", f"{name} must be a non-negative integer", where))
    return None


def plan(query: Query) -> Plan:
    """The SQL for a search and its page. Raises FhirError (400) naming a bad param."""
    rtype = query.resource_type
    statement = select(FhirResource).where(FhirResource.resource_type == rtype)
    count, offset = DEFAULT_COUNT, 0
    order: list[Any] = []
    issues: list[Issue] = []
    for name, text in query.params:
        where = f"{rtype}?{name}"
        if name == "_count":
            if (value := _non_negative(name, text, where, issues)) is not None:
                count = min(value, MAX_COUNT)
        elif name == "_offset":
            if (value := _non_negative(name, text, where, issues)) is None:
                continue
            if value > MAX_OFFSET:
                issues.append(Issue("value", f"_offset must be at most {MAX_OFFSET}", where))
            offset = value
        elif name == "_sort":
            for key in text.split(","):
                column = {"date": FhirResource.sort_date, "_lastUpdated": FhirResource.last_updated}
                field = column.get(key.lstrip("-"))
                if field is None or (key.lstrip("-") == "date" and rtype not in DATE_TYPES):
                    issues.append(Issue("not-supported", "unsupported sort key", where))
                    continue
                order.append(field.desc() if key.startswith("-") else field.asc())
        elif name == "_id":
            statement = statement.where(FhirResource.id.in_(text.split(",")))
        elif name == "identifier" or (name == "code" and rtype in CODE_TYPES):
            statement = statement.where(_token(rtype, name, text))
        elif name in ("family", "given") and rtype == "Patient":
            statement = statement.where(_string(rtype, name, text))
        elif name == "birthdate" and rtype == "Patient":
            statement = statement.where(_birthdate(rtype, text, where))
        elif name in ("patient", "subject") and rtype != "Patient":
            statement = statement.where(FhirResource.patient_ref == text.removeprefix("Patient/"))
        elif name == "date" and rtype in DATE_TYPES:
            statement = statement.where(_date(text, where))
        else:
            issues.append(Issue("not-supported", "unsupported search parameter", where))
    if issues:
        raise FhirError(400, issues)
    page = statement.order_by(*order, FhirResource.id).offset(offset).limit(count)
    return Plan(matches=statement, page=page, count=count, offset=offset)


async def run(session: AsyncSession, query: Query) -> list[FhirResource]:
    return list(await session.scalars(plan(query).page))


async def total(session: AsyncSession, found: Plan) -> int:
    counted = select(func.count()).select_from(found.matches.subquery())
    return int(await session.scalar(counted) or 0)


def parse_query(resource_type: str, text: str) -> Query:
    """A conditional URL's query ("identifier=sys|val&family=x") as a Query."""
    from urllib.parse import parse_qsl

    return Query(resource_type, parse_qsl(text, keep_blank_values=True))
