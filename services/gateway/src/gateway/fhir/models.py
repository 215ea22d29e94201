"""Relational index of the FHIR resources: current versions, history, search values, and
documents staged for the document store.

The resources themselves (every version) live in the document store. These tables make
conditional creates, conditional references and searches consistent with the transaction
that writes them, and let a whole Bundle commit (or fail) as one unit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKeyConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from emergisphere_runtime.db.base import Base


class FhirResource(Base):
    """The current version of each resource."""

    __tablename__ = "fhir_resources"
    __table_args__ = (
        Index("ix_fhir_resources_patient_type", "patient_ref", "resource_type", "sort_date"),
    )

    resource_type: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version_id: Mapped[int] = mapped_column(Integer)
    last_updated: Mapped[datetime]
    # The FHIR Patient id of the resource's patient compartment (itself for a Patient).
    patient_ref: Mapped[str | None] = mapped_column(String(64))
    # The platform patient (admission) this resource is about, when mapped.
    platform_patient_id: Mapped[str | None] = mapped_column(String(36))
    # Observation effective time, Encounter start...: what _sort=date orders by (ISO text).
    sort_date: Mapped[str | None] = mapped_column(String(40))


class FhirVersion(Base):
    """Every version of every resource, and the document that holds its JSON."""

    __tablename__ = "fhir_versions"
    __table_args__ = (
        ForeignKeyConstraint(
            ["resource_type", "resource_id"], ["fhir_resources.resource_type", "fhir_resources.id"]
        ),
    )

    resource_type: Mapped[str] = mapped_column(String(64), primary_key=True)
    resource_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_updated: Mapped[datetime]
    # create or update
    interaction: Mapped[str] = mapped_column(String(16))
    # The document (in the fhir_documents collection) that holds this version's JSON.
    document_id: Mapped[str] = mapped_column(String(64))


class FhirSearchValue(Base):
    """Token and string values searches match: identifier, code, family, given, birthdate."""

    __tablename__ = "fhir_search_values"
    __table_args__ = (
        Index("ix_fhir_search_values_lookup", "resource_type", "param", "value"),
        Index("ix_fhir_search_values_resource", "resource_type", "resource_id"),
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    resource_type: Mapped[str] = mapped_column(String(64))
    resource_id: Mapped[str] = mapped_column(String(64))
    param: Mapped[str] = mapped_column(String(32))
    # Token system ("" when none); strings and dates have none.
    system: Mapped[str] = mapped_column(String(255), default="")
    # Tokens as given; strings casefolded; dates as ISO text.
    value: Mapped[str] = mapped_column(String(255))


class FhirPendingDocument(Base):
    """Documents committed with a transaction and not yet in the document store.

    Written in the same transaction as the index, deleted once the document store has
    them: a crash between the two leaves them here for the next write (or read) to finish.
    """

    __tablename__ = "fhir_pending_documents"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    collection: Mapped[str] = mapped_column(String(64))
    document_id: Mapped[str] = mapped_column(String(200), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
