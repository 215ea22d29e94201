"""FHIR API index: current resources, versions, search values, staged documents.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import emergisphere_runtime.db.base

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_UTC = emergisphere_runtime.db.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "fhir_resources",
        sa.Column("resource_type", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("last_updated", _UTC, nullable=False),
        sa.Column("patient_ref", sa.String(length=64), nullable=True),
        sa.Column("platform_patient_id", sa.String(length=36), nullable=True),
        sa.Column("sort_date", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("resource_type", "id", name=op.f("pk_fhir_resources")),
    )
    op.create_index(
        "ix_fhir_resources_patient_type",
        "fhir_resources",
        ["patient_ref", "resource_type", "sort_date"],
        unique=False,
    )
    op.create_table(
        "fhir_versions",
        sa.Column("resource_type", sa.String(length=64), nullable=False),
        sa.Column("resource_id", sa.String(length=64), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("last_updated", _UTC, nullable=False),
        sa.Column("interaction", sa.String(length=16), nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["resource_type", "resource_id"],
            ["fhir_resources.resource_type", "fhir_resources.id"],
            name=op.f("fk_fhir_versions_resource_type_fhir_resources"),
        ),
        sa.PrimaryKeyConstraint(
            "resource_type", "resource_id", "version_id", name=op.f("pk_fhir_versions")
        ),
    )
    op.create_table(
        "fhir_search_values",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("resource_type", sa.String(length=64), nullable=False),
        sa.Column("resource_id", sa.String(length=64), nullable=False),
        sa.Column("param", sa.String(length=32), nullable=False),
        sa.Column("system", sa.String(length=255), nullable=False),
        sa.Column("value", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fhir_search_values")),
    )
    op.create_index(
        "ix_fhir_search_values_lookup",
        "fhir_search_values",
        ["resource_type", "param", "value"],
        unique=False,
    )
    op.create_index(
        "ix_fhir_search_values_resource",
        "fhir_search_values",
        ["resource_type", "resource_id"],
        unique=False,
    )
    op.create_table(
        "fhir_pending_documents",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("collection", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fhir_pending_documents")),
    )
    op.create_index(
        op.f("ix_fhir_pending_documents_document_id"),
        "fhir_pending_documents",
        ["document_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_fhir_pending_documents_document_id"), table_name="fhir_pending_documents"
    )
    op.drop_table("fhir_pending_documents")
    op.drop_index("ix_fhir_search_values_resource", table_name="fhir_search_values")
    op.drop_index("ix_fhir_search_values_lookup", table_name="fhir_search_values")
    op.drop_table("fhir_search_values")
    op.drop_table("fhir_versions")
    op.drop_index("ix_fhir_resources_patient_type", table_name="fhir_resources")
    op.drop_table("fhir_resources")
