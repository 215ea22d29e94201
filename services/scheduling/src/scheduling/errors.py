"""Scheduling refusals. Messages are generic: they never carry patient data."""

from __future__ import annotations


class SchedulingError(Exception):
    pass


class SlotNotFound(SchedulingError):
    def __init__(self) -> None:
        super().__init__("slot not found")


class SlotTaken(SchedulingError):
    def __init__(self) -> None:
        super().__init__("slot already booked")


class WorkflowAlreadyBooked(SchedulingError):
    def __init__(self) -> None:
        super().__init__("workflow already has an appointment")


class UnknownPractitioner(SchedulingError):
    def __init__(self) -> None:
        super().__init__("unknown practitioner")


class NoFreeSlot(SchedulingError):
    def __init__(self, what: str = "specialty") -> None:
        super().__init__(f"no free slot for {what}")


class BookingContention(SchedulingError):
    """Every slot tried was taken by a concurrent booking; a retry will see fresh state."""

    def __init__(self) -> None:
        super().__init__("slots taken concurrently, retry")
