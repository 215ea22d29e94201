"""Inbox: an index on processed_at, so entries past their retention are deleted without
scanning the whole table.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 13:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_inbox_processed_at"), "inbox", ["processed_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_inbox_processed_at"), table_name="inbox")
