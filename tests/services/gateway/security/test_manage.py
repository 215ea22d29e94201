"""The account commands and key rotation over a whole (embedded) platform."""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

from sqlalchemy import text

from admission import service as admission
from admission.models import PatientCreate
from emergisphere_runtime import schema
from emergisphere_runtime.cli import _parser
from emergisphere_runtime.crypto import FieldCipher
from emergisphere_runtime.crypto.reencrypt import reencrypt_platform
from emergisphere_runtime.db.base import utcnow
from emergisphere_runtime.platform import Platform
from emergisphere_runtime.settings import Settings
from gateway.security import accounts
from gateway.security.manage import run


def _key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


async def test_users_and_clients_commands(tmp_path: Path) -> None:
    settings = Settings(environment="test", data_dir=tmp_path)
    await schema.upgrade(settings.resolved_database_url)
    parser = _parser()

    async def cli(*argv: str) -> tuple[int, str]:
        out = io.StringIO()
        return await run(parser.parse_args(list(argv)), settings, out), out.getvalue()

    code, output = await cli("users", "add", "ada", "--role", "clinician", "--generate-password")
    assert code == 0
    password = output.split("password: ")[1].split()[0]
    code, output = await cli("users", "list")
    assert "ada" in output
    assert "clinician" in output
    code, _ = await cli("users", "set", "ada", "--disable")
    assert code == 0
    code, output = await cli("clients", "add", "Lab system", "--scope", "fhir")
    client_id = output.split("client_id:")[1].split()[0]
    secret = output.split("client_secret:")[1].split()[0]

    platform = Platform.from_settings(settings)
    try:
        async with platform.db.transaction() as session:
            assert await accounts.authenticate_user(session, "ada", password) is None  # disabled
            assert await accounts.authenticate_client(session, client_id, secret) is not None
    finally:
        await platform.close()
    code, _ = await cli("clients", "revoke", client_id)
    assert code == 0
    # A username the account store refuses: an error, not a traceback.
    code, _ = await cli("users", "add", "X Y", "--role", "desk", "--generate-password")
    assert code == 1


async def test_rotating_the_key_rewrites_stored_phi_and_keeps_it_readable(
    tmp_path: Path,
) -> None:
    old = f"k1:{_key()}"
    first = Settings(environment="test", data_dir=tmp_path, phi_keys=old)
    await schema.upgrade(first.resolved_database_url)
    platform = Platform.from_settings(first)
    await platform.open_stores()
    async with platform.db.transaction() as session:
        patient, _ = await admission.ensure_patient(
            session,
            patient=PatientCreate(national_health_id="ROT-1", phone="+15550100"),
            now=utcnow(),
        )
    await platform.docs.put("communications", "m1", {"to": "+15550100", "workflow_id": "w"})
    await platform.close()

    rotated = first.model_copy(update={"phi_keys": f"{old},k2:{_key()}", "phi_active_key_id": "k2"})
    platform = Platform.from_settings(rotated)
    await platform.open_stores()
    try:
        report = await reencrypt_platform(platform)
        assert report.rewritten["admission_patients.phone"] == 1
        assert report.rewritten["communications"] == 1
        async with platform.db.session() as session:
            raw = await session.scalar(text("SELECT phone FROM admission_patients"))
            found = await admission.find_patient(
                session,
                national_health_id="ROT-1",
                first_name=None,
                last_name=None,
                date_of_birth=None,
            )
        assert FieldCipher.key_id_of(raw) == "k2"
        assert found is not None
        assert found.id == patient.id
        assert found.phone == "+15550100"
        assert (await platform.docs.get("communications", "m1") or {})["to"] == "+15550100"
        assert (await reencrypt_platform(platform)).total == 0
    finally:
        await platform.close()
