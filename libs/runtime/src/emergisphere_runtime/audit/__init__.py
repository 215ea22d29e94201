"""The audit trail of access to patient data: append-only and hash-chained."""

from emergisphere_runtime.audit.chain import Finding, verify_chain
from emergisphere_runtime.audit.models import AuditEvent, AuditRecord
from emergisphere_runtime.audit.trail import AuditTrail, verify_database

__all__ = ["AuditEvent", "AuditRecord", "AuditTrail", "Finding", "verify_chain", "verify_database"]
