"""The R4 (4.0.1) element tables, read once from fhirclient's generated models.

fhirclient's classes describe each element (JSON name, type, list or single, choice
group, required). Validating a dict against these tables is several times faster than
instantiating the models, and it reports every issue with its path at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from fhirclient.models import fhirelementfactory, resource  # type: ignore[import-untyped]
from fhirclient.models.fhirdate import FHIRDate  # type: ignore[import-untyped]
from fhirclient.models.fhirdatetime import FHIRDateTime  # type: ignore[import-untyped]
from fhirclient.models.fhirinstant import FHIRInstant  # type: ignore[import-untyped]
from fhirclient.models.fhirtime import FHIRTime  # type: ignore[import-untyped]

Kind = Literal["string", "integer", "decimal", "boolean", "date", "dateTime", "instant", "time"]


@dataclass(frozen=True, slots=True)
class Element:
    name: str
    # A primitive kind, or the complex type's class name.
    kind: str
    complex_type: type | None
    is_list: bool
    choice: str | None
    required: bool

    @property
    def is_resource(self) -> bool:
        return self.complex_type is resource.Resource


def _kind(python_type: type) -> str:
    # Order matters: FHIRDateTime and FHIRInstant subclass FHIRDate.
    if issubclass(python_type, FHIRInstant):
        return "instant"
    if issubclass(python_type, FHIRDateTime):
        return "dateTime"
    if issubclass(python_type, FHIRTime):
        return "time"
    if issubclass(python_type, FHIRDate):
        return "date"
    if python_type is bool:
        return "boolean"
    if python_type is int:
        return "integer"
    if python_type is float:
        return "decimal"
    if python_type is str:
        return "string"
    return python_type.__name__


@cache
def elements(model: type) -> dict[str, Element]:
    """JSON name -> element description, for one fhirclient class."""
    table: dict[str, Element] = {}
    for _, json_name, python_type, is_list, of_many, not_optional in model().elementProperties():
        kind = _kind(python_type)
        primitive = kind in PRIMITIVE_KINDS
        table[json_name] = Element(
            name=json_name,
            kind=kind,
            complex_type=None if primitive else python_type,
            is_list=bool(is_list),
            choice=of_many,
            required=bool(not_optional),
        )
    return table


PRIMITIVE_KINDS = frozenset(
    {"string", "integer", "decimal", "boolean", "date", "dateTime", "instant", "time"}
)


@cache
def resource_model(resource_type: str) -> type | None:
    """The fhirclient class of a resource type, or None when R4 has no such resource."""
    if not resource_type.isidentifier() or not resource_type[:1].isupper():
        return None
    try:
        instance = fhirelementfactory.FHIRElementFactory.instantiate(resource_type, None)
    except Exception:  # the factory raises a bare Exception for unknown names
        return None
    model = type(instance)
    # Unknown names fall back to a generic element in some versions.
    if getattr(model, "resource_type", None) != resource_type:
        return None
    return model


@cache
def required_choices(model: type) -> tuple[str, ...]:
    """Choice groups of which one element must be present (e.g. Observation has none,
    Extension's value is optional)."""
    return tuple(
        sorted({e.choice for e in elements(model).values() if e.choice is not None and e.required})
    )
