"""Validation of resources as JSON against FHIR R4 (4.0.1).

Checks: unknown elements, JSON types, primitive formats (id, date, dateTime, instant,
time, decimal, integer), required elements, cardinality (list or single), choice
elements (one of ``value[x]``), required code bindings of status fields, and the
invariants that matter here (ele-1: no empty elements; per-1: a period ends after it
starts). All issues are collected; each names its FHIRPath.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from gateway.fhir.bindings import REQUIRED
from gateway.fhir.outcome import Issue
from gateway.fhir.schema import Element, elements, required_choices, resource_model

ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
_YEAR = r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
_ZONE = r"(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))"
_TIME = r"([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?"
DATE = re.compile(rf"{_YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?")
DATE_TIME = re.compile(
    rf"{_YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T{_TIME}{_ZONE})?)?)?"
)
INSTANT = re.compile(rf"{_YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T{_TIME}{_ZONE}")
TIME = re.compile(_TIME)
# Integers are 32-bit in FHIR.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1

FORMAT_NAMES = {"date": "date", "dateTime": "dateTime", "instant": "instant", "time": "time"}
_PATTERNS = {"date": DATE, "dateTime": DATE_TIME, "instant": INSTANT, "time": TIME}


def _real_calendar_day(text: str) -> bool:
    """The regexes allow 2021-02-30; the calendar does not."""
    if len(text) < 10:
        return True
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def parse_instant(text: str) -> datetime | None:
    """A dateTime/instant with a time as an aware datetime; a bare date or partial as the
    start of that day in UTC; None when unparseable."""
    try:
        if len(text) == 4:
            return datetime.fromisoformat(f"{text}-01-01T00:00:00+00:00")
        if len(text) == 7:
            return datetime.fromisoformat(f"{text}-01T00:00:00+00:00")
        if len(text) == 10:
            return datetime.fromisoformat(f"{text}T00:00:00+00:00")
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


class _Walker:
    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, code: str, text: str, path: str) -> None:
        self.issues.append(Issue(code, text, path))

    def resource(self, data: Any, path: str, *, expected: str | None = None) -> None:
        if not isinstance(data, dict):
            self.add("structure", "a resource must be a JSON object", path)
            return
        resource_type = data.get("resourceType")
        if not isinstance(resource_type, str):
            self.add("required", "resourceType is required", f"{path}.resourceType")
            return
        model = resource_model(resource_type)
        if model is None:
            self.add("not-supported", "unknown resource type for FHIR R4", f"{path}.resourceType")
            return
        if expected is not None and resource_type != expected:
            self.add("invalid", f"expected a {expected} resource", f"{path}.resourceType")
            return
        rid = data.get("id")
        if rid is not None and not (isinstance(rid, str) and ID.fullmatch(rid)):
            self.add(
                "value", "id must be 1-64 characters of A-Z, a-z, 0-9, '-' and '.'", f"{path}.id"
            )
        self.element(data, model, path, skip=frozenset({"resourceType", "id"}))

    def element(
        self, data: dict[str, Any], model: type, path: str, skip: frozenset[str] = frozenset()
    ) -> None:
        table = elements(model)
        if not data:
            self.add("invariant", "elements must have a value or children (ele-1)", path)
            return
        chosen: dict[str, str] = {}
        type_name = model.__name__
        for key, value in data.items():
            if key in skip:
                continue
            child_path = f"{path}.{key}"
            if key.startswith("_") and key[1:] in table:
                self.primitive_extension(value, child_path)
                continue
            spec = table.get(key)
            if spec is None:
                self.add("structure", "unknown element", child_path)
                continue
            if spec.choice is not None:
                if spec.choice in chosen:
                    self.add(
                        "structure", f"only one {spec.choice}[x] element is allowed", child_path
                    )
                chosen[spec.choice] = key
            self.value(value, spec, child_path, type_name)
        for key, spec in table.items():
            if spec.required and spec.choice is None and key not in data and key not in skip:
                self.add("required", "required element is missing", f"{path}.{key}")
        for group in required_choices(model):
            if group not in chosen:
                self.add("required", f"one {group}[x] element is required", f"{path}.{group}[x]")
        if type_name == "Period":
            self.period(data, path)

    def value(self, value: Any, spec: Element, path: str, owner: str) -> None:
        if spec.is_list:
            if not isinstance(value, list):
                self.add("structure", "this element repeats: it must be a JSON array", path)
                return
            if not value:
                self.add("invariant", "arrays must not be empty (ele-1)", path)
            for index, item in enumerate(value):
                self.single(item, spec, f"{path}[{index}]", owner)
            return
        if isinstance(value, list):
            self.add("structure", "this element does not repeat: it must not be an array", path)
            return
        self.single(value, spec, path, owner)

    def single(self, value: Any, spec: Element, path: str, owner: str) -> None:
        if spec.complex_type is None:
            self.primitive(value, spec, path, owner)
        elif spec.is_resource:
            self.resource(value, path)
        elif not isinstance(value, dict):
            self.add("structure", f"{spec.kind} must be a JSON object", path)
        else:
            self.element(value, spec.complex_type, path)

    def primitive(self, value: Any, spec: Element, path: str, owner: str) -> None:
        kind = spec.kind
        if value is None:
            self.add("invalid", "null is not a FHIR value; leave the element out", path)
        elif kind == "boolean":
            if not isinstance(value, bool):
                self.add("value", "must be a JSON boolean", path)
        elif kind == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                self.add("value", "must be a JSON integer", path)
            elif not INT_MIN <= value <= INT_MAX:
                self.add("value", "integer out of the 32-bit range", path)
        elif kind == "decimal":
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.add("value", "must be a JSON number", path)
        elif not isinstance(value, str):
            self.add("value", "must be a JSON string", path)
        elif kind in _PATTERNS:
            if not _PATTERNS[kind].fullmatch(value) or not _real_calendar_day(value):
                self.add("value", f"not a valid FHIR {FORMAT_NAMES[kind]}", path)
        else:
            if not value.strip():
                self.add("value", "strings must not be empty or blank", path)
                return
            codes = REQUIRED.get((owner, spec.name))
            if codes is not None and value not in codes:
                allowed = ", ".join(sorted(codes))
                self.add("code-invalid", f"code not in the required value set ({allowed})", path)

    def primitive_extension(self, value: Any, path: str) -> None:
        items = value if isinstance(value, list) else [value]
        for item in items:
            if item is not None and not isinstance(item, dict):
                self.add("structure", "a primitive's extension part must be an object", path)

    def period(self, data: dict[str, Any], path: str) -> None:
        start, end = data.get("start"), data.get("end")
        if not (isinstance(start, str) and isinstance(end, str)):
            return
        begins, ends = parse_instant(start), parse_instant(end)
        if begins is None or ends is None:
            return
        if begins.tzinfo is None or ends.tzinfo is None:
            return
        if ends < begins:
            self.add("invariant", "period end is before its start (per-1)", f"{path}.end")


def validate_resource(
    data: Any, path: str | None = None, *, expected: str | None = None
) -> list[Issue]:
    """Every issue of one resource; an empty list means valid."""
    walker = _Walker()
    root = path or (data.get("resourceType") if isinstance(data, dict) else None) or "Resource"
    walker.resource(data, str(root), expected=expected)
    return walker.issues
