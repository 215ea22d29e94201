"""Admission refusals. Messages are generic: they never carry patient data."""

from __future__ import annotations


class AdmissionError(Exception):
    pass


class UnknownWorkflowType(AdmissionError):
    def __init__(self) -> None:
        super().__init__("unknown workflow type for an encounter")


class MrnExhausted(AdmissionError):
    """Every derived record number collided: practically impossible, never silently looped."""

    def __init__(self) -> None:
        super().__init__("could not assign a unique MRN")
