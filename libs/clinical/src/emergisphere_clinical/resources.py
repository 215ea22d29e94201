"""ESI v4 resource types and how they are counted (AHRQ 2012 handbook, chapter 5).

The handbook counts resource *types*, not tests: a blood count plus electrolytes is one
resource (labs); a blood count plus a chest X-ray is two. Not resources: history and
physical exam, point-of-care tests, saline lock, PO medication, tetanus shot, prescription
refill, simple wound care, crutches, splints, slings. Those are simply never listed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum


class Resource(Enum):
    LABS = "labs"
    ECG = "ECG"
    XRAY = "X-ray"
    ADVANCED_IMAGING = "CT/MRI/ultrasound"
    IV_FLUIDS = "IV fluids"
    PARENTERAL_MEDS = "IV/IM/nebulised medication"
    CONSULT = "specialty consultation"
    SIMPLE_PROCEDURE = "simple procedure"
    COMPLEX_PROCEDURE = "complex procedure"


# The handbook counts a complex procedure (e.g. procedural sedation) as two resources.
_WEIGHT = {Resource.COMPLEX_PROCEDURE: 2}


def count_resources(resources: Iterable[Resource]) -> int:
    return sum(_WEIGHT.get(resource, 1) for resource in set(resources))


def resource_names(resources: Iterable[Resource]) -> tuple[str, ...]:
    return tuple(sorted(resource.value for resource in set(resources)))


def describe_resources(resources: Iterable[Resource]) -> str:
    names = resource_names(resources)
    return ", ".join(names) if names else "none"
