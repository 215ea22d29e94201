"""The hash chain: each entry's hash covers its fields and the previous entry's hash.

The hash is an HMAC under the audit key, so someone who can write to the database but
does not hold the key cannot recompute the chain after altering an entry. Altering an
entry breaks its own hash; deleting one breaks the next entry's link and leaves a gap in
the ids. Each finding names the entry.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC

from emergisphere_runtime.audit.models import AuditRecord

GENESIS = "0" * 64


def entry_hash(key: bytes, entry: AuditRecord, prev_hash: str) -> str:
    fields = [
        entry.id,
        entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
        entry.actor,
        entry.role,
        entry.action,
        entry.resource,
        entry.patient_id,
        entry.purpose,
        entry.request_id,
        entry.outcome,
        prev_hash,
    ]
    message = json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Finding:
    entry_id: int
    problem: str

    def __str__(self) -> str:
        return f"entry {self.entry_id}: {self.problem}"


@dataclass
class ChainState:
    last_id: int = 0
    last_hash: str = GENESIS
    checked: int = 0


def verify_chain(
    key: bytes, entries: Iterable[AuditRecord], state: ChainState | None = None
) -> tuple[list[Finding], ChainState]:
    """Check entries in id order, continuing from ``state`` (for paged reads)."""
    state = state or ChainState()
    findings: list[Finding] = []
    for entry in entries:
        if entry.id != state.last_id + 1:
            first, last = state.last_id + 1, entry.id - 1
            gap = f"{first}" if first == last else f"{first}-{last}"
            findings.append(Finding(entry.id, f"entries {gap} before it are missing (deleted)"))
        if entry.prev_hash != state.last_hash:
            findings.append(Finding(entry.id, "does not link to the entry before it"))
        if not hmac.compare_digest(entry.hash, entry_hash(key, entry, entry.prev_hash)):
            findings.append(Finding(entry.id, "content does not match its hash (altered)"))
        state.last_id, state.last_hash = entry.id, entry.hash
        state.checked += 1
    return findings, state
