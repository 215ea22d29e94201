"""What every bus delivery records, on either bus: a consumer span continuing the
producer's trace, the workflow id for log lines, and the delivery's outcome and duration."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator, Sequence

from emergisphere.v1.envelope_pb2 import Envelope
from emergisphere_runtime import logs, tracing
from emergisphere_runtime.bus.port import Unavailable
from emergisphere_runtime.metrics import Metrics


@contextlib.contextmanager
def delivery(
    *,
    system: str,
    topic: str,
    group: str,
    envelope: Envelope,
    metrics: Metrics | None,
    headers: Sequence[tuple[str, bytes]] | None = None,
) -> Iterator[None]:
    """Wrap one call of a handler with ``envelope`` (delivered from ``topic``)."""
    started = time.perf_counter()
    outcome = "handled"
    try:
        with (
            logs.workflow_context(envelope.workflow_id),
            tracing.consumer_span(
                system=system, topic=topic, group=group, envelope=envelope, headers=headers
            ),
        ):
            yield
    except asyncio.CancelledError:
        outcome = "cancelled"
        raise
    except Unavailable:
        outcome = "unavailable"
        raise
    except Exception:
        outcome = "failed"
        raise
    finally:
        if metrics is not None:
            metrics.bus_messages.labels(topic, outcome).inc()
            metrics.bus_handler_seconds.labels(topic).observe(time.perf_counter() - started)
