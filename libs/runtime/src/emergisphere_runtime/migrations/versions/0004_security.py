"""Security: accounts, refresh-token families, break-glass grants, resource owners, the
hash-chained audit trail; PHI columns of admission patients widened for ciphertext, with
a keyed blind index for national-id lookups.

Existing plaintext stays readable (values without the ciphertext prefix are read as
they are) until `emergisphere keys reencrypt` or the gateway's background pass rewrites
it; the blind index is filled here, so lookups work at once.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import emergisphere_runtime.db.base
from emergisphere_runtime.crypto import FieldCipher, keyring_from_settings
from emergisphere_runtime.settings import get_settings

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = emergisphere_runtime.db.base.UTCDateTime(timezone=True)
_NHID = "admission_patients.national_health_id"


def upgrade() -> None:
    op.create_table(
        "security_audit",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("at", _UTC, nullable=False),
        sa.Column("actor", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("resource", sa.String(length=200), nullable=False),
        sa.Column("patient_id", sa.String(length=64), nullable=True),
        sa.Column("purpose", sa.String(length=64), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_security_audit")),
    )
    with op.batch_alter_table("security_audit", schema=None) as batch_op:
        batch_op.create_index("ix_security_audit_actor_at", ["actor", "at"], unique=False)
        batch_op.create_index("ix_security_audit_patient_at", ["patient_id", "at"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        # Append-only in the database too: updates and deletes are refused outright.
        op.execute(
            """
            CREATE FUNCTION security_audit_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'security_audit is append-only';
            END;
            $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            "CREATE TRIGGER security_audit_append_only BEFORE UPDATE OR DELETE ON "
            "security_audit FOR EACH ROW EXECUTE FUNCTION security_audit_append_only()"
        )

    op.create_table(
        "security_users",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("updated_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_security_users")),
        sa.UniqueConstraint("username", name=op.f("uq_security_users_username")),
    )
    op.create_table(
        "security_clients",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("secret_hash", sa.Text(), nullable=False),
        sa.Column("scopes", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("updated_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_security_clients")),
    )
    op.create_table(
        "security_refresh_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("issued_at", _UTC, nullable=False),
        sa.Column("expires_at", _UTC, nullable=False),
        sa.Column("used_at", _UTC, nullable=True),
        sa.Column("revoked_at", _UTC, nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["security_users.id"],
            name=op.f("fk_security_refresh_tokens_user_id_security_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_security_refresh_tokens")),
    )
    with op.batch_alter_table("security_refresh_tokens", schema=None) as batch_op:
        batch_op.create_index("ix_security_refresh_tokens_family", ["family_id"], unique=False)
    op.create_table(
        "security_break_glass",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("patient_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("granted_at", _UTC, nullable=False),
        sa.Column("expires_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_security_break_glass")),
    )
    with op.batch_alter_table("security_break_glass", schema=None) as batch_op:
        batch_op.create_index(
            "ix_security_break_glass_user_patient", ["user_id", "patient_id"], unique=False
        )
    op.create_table(
        "security_resource_owners",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("resource_id", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("kind", "resource_id", name=op.f("pk_security_resource_owners")),
    )

    with op.batch_alter_table("admission_patients", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("national_health_id_index", sa.String(length=64), nullable=True)
        )
        batch_op.drop_constraint("uq_admission_patients_national_health_id", type_="unique")
        batch_op.alter_column(
            "national_health_id", existing_type=sa.String(length=64), type_=sa.Text()
        )
        batch_op.alter_column("phone", existing_type=sa.String(length=32), type_=sa.Text())
        batch_op.alter_column(
            "emergency_contacts",
            existing_type=sa.JSON(),
            type_=sa.Text(),
            existing_nullable=False,
            postgresql_using="emergency_contacts::text",
        )
    with op.batch_alter_table("workflow_steps", schema=None) as batch_op:
        batch_op.alter_column(
            "output",
            existing_type=sa.JSON(),
            type_=sa.Text(),
            existing_nullable=True,
            postgresql_using="output::text",
        )
    _fill_blind_index()
    with op.batch_alter_table("admission_patients", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            batch_op.f("uq_admission_patients_national_health_id_index"),
            ["national_health_id_index"],
        )


def _cipher() -> FieldCipher:
    # The same keys as the services (ES_* settings); production refuses missing ones.
    return FieldCipher(keyring_from_settings(get_settings()))


def _fill_blind_index() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT id, national_health_id FROM admission_patients "
            "WHERE national_health_id IS NOT NULL"
        )
    ).all()
    if not rows:
        return
    cipher = _cipher()
    for patient_id, stored in rows:
        nhid = cipher.decrypt_text(stored, context=_NHID)
        bind.execute(
            sa.text("UPDATE admission_patients SET national_health_id_index = :i WHERE id = :id"),
            {"i": cipher.blind_index(nhid, context=_NHID), "id": patient_id},
        )


def _decrypt_patients() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, national_health_id, phone, emergency_contacts FROM admission_patients")
    ).all()
    if not rows:
        return
    cipher = _cipher()
    for patient_id, nhid, phone, contacts in rows:
        bind.execute(
            sa.text(
                "UPDATE admission_patients SET national_health_id = :n, phone = :p, "
                "emergency_contacts = :c WHERE id = :id"
            ),
            {
                "n": None if nhid is None else cipher.decrypt_text(nhid, context=_NHID),
                "p": None
                if phone is None
                else cipher.decrypt_text(phone, context="admission_patients.phone"),
                "c": cipher.decrypt_text(contacts, context="admission_patients.emergency_contacts"),
                "id": patient_id,
            },
        )


def _decrypt_step_outputs() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT workflow_id, step_id, output FROM workflow_steps WHERE output IS NOT NULL")
    ).all()
    if not rows:
        return
    cipher = _cipher()
    for workflow_id, step_id, output in rows:
        bind.execute(
            sa.text(
                "UPDATE workflow_steps SET output = :o WHERE workflow_id = :w AND step_id = :s"
            ),
            {
                "o": cipher.decrypt_text(output, context="workflow_steps.output"),
                "w": workflow_id,
                "s": step_id,
            },
        )


def downgrade() -> None:
    _decrypt_patients()
    _decrypt_step_outputs()
    with op.batch_alter_table("workflow_steps", schema=None) as batch_op:
        batch_op.alter_column(
            "output",
            existing_type=sa.Text(),
            type_=sa.JSON(),
            existing_nullable=True,
            postgresql_using="output::json",
        )
    with op.batch_alter_table("admission_patients", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("uq_admission_patients_national_health_id_index"), type_="unique"
        )
        batch_op.drop_column("national_health_id_index")
        batch_op.alter_column(
            "emergency_contacts",
            existing_type=sa.Text(),
            type_=sa.JSON(),
            existing_nullable=False,
            postgresql_using="emergency_contacts::json",
        )
        batch_op.alter_column("phone", existing_type=sa.Text(), type_=sa.String(length=32))
        batch_op.alter_column(
            "national_health_id", existing_type=sa.Text(), type_=sa.String(length=64)
        )
        batch_op.create_unique_constraint(
            "uq_admission_patients_national_health_id", ["national_health_id"]
        )

    op.drop_table("security_resource_owners")
    with op.batch_alter_table("security_break_glass", schema=None) as batch_op:
        batch_op.drop_index("ix_security_break_glass_user_patient")
    op.drop_table("security_break_glass")
    with op.batch_alter_table("security_refresh_tokens", schema=None) as batch_op:
        batch_op.drop_index("ix_security_refresh_tokens_family")
    op.drop_table("security_refresh_tokens")
    op.drop_table("security_clients")
    op.drop_table("security_users")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS security_audit_append_only ON security_audit")
        op.execute("DROP FUNCTION IF EXISTS security_audit_append_only()")
    with op.batch_alter_table("security_audit", schema=None) as batch_op:
        batch_op.drop_index("ix_security_audit_patient_at")
        batch_op.drop_index("ix_security_audit_actor_at")
    op.drop_table("security_audit")
