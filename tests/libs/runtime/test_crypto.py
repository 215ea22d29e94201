"""Field encryption: AES-GCM round trips, key ids, rotation, blind index, secrets policy."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from sqlalchemy import MetaData, String, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from emergisphere_runtime.crypto import (
    DecryptionError,
    FieldCipher,
    Keyring,
    UnsafeSecrets,
    keyring_from_settings,
)
from emergisphere_runtime.crypto.columns import BlindIndex, EncryptedJSON, EncryptedText, install
from emergisphere_runtime.crypto.documents import EncryptedFieldQuery, EncryptingDocumentStore
from emergisphere_runtime.crypto.keys import development_secret
from emergisphere_runtime.crypto.rotation import reencrypt_database, reencrypt_documents
from emergisphere_runtime.db import Database
from emergisphere_runtime.docstore import SQLiteDocumentStore
from emergisphere_runtime.settings import Settings


def _key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


def _keyring(*ids: str, active: str | None = None) -> Keyring:
    keys = {kid: os.urandom(32) for kid in ids}
    return Keyring(
        data_keys=keys,
        active_key_id=active or ids[0],
        blind_index_key=os.urandom(32),
        audit_key=os.urandom(32),
    )


def test_round_trip_hides_the_plaintext_and_names_the_key() -> None:
    cipher = FieldCipher(_keyring("k1"))
    sealed = cipher.encrypt_text("300-555-0101", context="t.c")
    assert "300-555-0101" not in sealed
    assert FieldCipher.key_id_of(sealed) == "k1"
    assert cipher.decrypt_text(sealed, context="t.c") == "300-555-0101"
    # A fresh nonce each time: equal plaintexts do not give equal ciphertexts.
    assert cipher.encrypt_text("300-555-0101", context="t.c") != sealed


def test_a_ciphertext_moved_to_another_field_or_altered_fails() -> None:
    cipher = FieldCipher(_keyring("k1"))
    sealed = cipher.encrypt_text("555-0101", context="patients.phone")
    with pytest.raises(DecryptionError, match=r"patients\.notes"):
        cipher.decrypt_text(sealed, context="patients.notes")
    tampered = sealed[:-3] + ("A" if sealed[-3] != "A" else "B") + sealed[-2:]
    with pytest.raises(DecryptionError):
        cipher.decrypt_text(tampered, context="patients.phone")


def test_old_keys_still_decrypt_after_rotation_and_new_writes_use_the_active_key() -> None:
    old = _keyring("k1")
    sealed = FieldCipher(old).encrypt_text("secret", context="c")
    rotated = Keyring(
        data_keys={**old.data_keys, "k2": os.urandom(32)},
        active_key_id="k2",
        blind_index_key=old.blind_index_key,
        audit_key=old.audit_key,
    )
    cipher = FieldCipher(rotated)
    assert cipher.decrypt(sealed, context="c").key_id == "k1"
    assert FieldCipher.key_id_of(cipher.encrypt_text("x", context="c")) == "k2"
    without_old = FieldCipher(_keyring("k2"))
    with pytest.raises(DecryptionError, match="key id"):
        without_old.decrypt_text(sealed, context="c")


def test_blind_index_is_deterministic_and_keyed() -> None:
    ring = _keyring("k1")
    a = FieldCipher(ring).blind_index("300-555-0101", context="nhid")
    assert a == FieldCipher(ring).blind_index("300-555-0101", context="nhid")
    assert a != FieldCipher(ring).blind_index("300-555-0102", context="nhid")
    assert a != FieldCipher(_keyring("k1")).blind_index("300-555-0101", context="nhid")
    # The number itself never appears. (Checking a short piece such as "300" failed about
    # once in 70 runs: a random key's hex digest contains any three digits that often.)
    assert "3005550101" not in a
    assert "300-555-0101" not in a


def test_development_gets_fixed_keys_and_production_refuses_them(tmp_path: Path) -> None:
    dev = keyring_from_settings(Settings(environment="development", data_dir=tmp_path))
    assert dev.uses_development_keys
    with pytest.raises(UnsafeSecrets, match="ES_PHI_KEYS") as missing:
        keyring_from_settings(Settings(environment="production", data_dir=tmp_path))
    assert "ES_AUDIT_KEY" in str(missing.value)
    dev_key = base64.b64encode(development_secret("phi")).decode()
    with pytest.raises(UnsafeSecrets, match="development"):
        keyring_from_settings(
            Settings(
                environment="production",
                phi_keys=f"k1:{dev_key}",
                blind_index_key=_key(),
                audit_key=_key(),
            )
        )
    with pytest.raises(UnsafeSecrets, match="32 bytes"):
        keyring_from_settings(
            Settings(environment="production", phi_keys="k1:c2hvcnQ=", blind_index_key=_key())
        )
    good = keyring_from_settings(
        Settings(
            environment="production",
            phi_keys=f"a:{_key()},b:{_key()}",
            phi_active_key_id="b",
            blind_index_key=_key(),
            audit_key=_key(),
        )
    )
    assert good.active_key_id == "b"
    assert not good.uses_development_keys


class _Base(DeclarativeBase):
    metadata = MetaData()


class _Record(_Base):
    __tablename__ = "records"
    id: Mapped[str] = mapped_column(String(8), primary_key=True)
    phone: Mapped[str | None] = mapped_column(EncryptedText("records.phone"))
    notes: Mapped[dict[str, str] | None] = mapped_column(EncryptedJSON("records.notes"))
    nhid_index: Mapped[str | None] = mapped_column(BlindIndex("records.nhid"))


async def test_columns_store_ciphertext_and_queries_match_by_blind_index(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'c.db'}")
    cipher = FieldCipher(_keyring("k1"))
    for engine in db.engines:
        install(engine, cipher)
    try:
        async with db.engine.begin() as conn:
            await conn.run_sync(_Base.metadata.create_all)
        async with db.transaction() as session:
            session.add(
                _Record(
                    id="r1",
                    phone="555-0101",
                    notes={"n": "lives at 1 Elm St"},
                    nhid_index="NHS 943 476",
                )
            )
        async with db.session() as session:
            raw = (
                await session.execute(text("SELECT phone, notes, nhid_index FROM records"))
            ).one()
            found = await session.scalar(select(_Record).where(_Record.nhid_index == "NHS 943 476"))
        # Plaintexts with a space: base64 and hex ciphertext can never contain them by chance
        # (a short one like "X1" turned up inside a random ciphertext).
        assert "555-0101" not in str(raw)
        assert "Elm St" not in str(raw)
        assert "NHS 943 476" not in str(raw)
        assert found is not None
        assert found.phone == "555-0101"
        assert found.notes == {"n": "lives at 1 Elm St"}

        # Rotate: a new active key; the job rewrites the old ciphertext, reads still work.
        rotated = Keyring(
            data_keys={**cipher.keyring.data_keys, "k2": os.urandom(32)},
            active_key_id="k2",
            blind_index_key=cipher.keyring.blind_index_key,
            audit_key=cipher.keyring.audit_key,
        )
        new_cipher = FieldCipher(rotated)
        for engine in db.engines:
            install(engine, new_cipher)
        report = await reencrypt_database(db, new_cipher, _Base.metadata)
        assert report.rewritten == {"records.phone": 1, "records.notes": 1}
        async with db.session() as session:
            raw_phone = await session.scalar(text("SELECT phone FROM records"))
            again = await session.get(_Record, "r1")
        assert FieldCipher.key_id_of(raw_phone) == "k2"
        assert again is not None
        assert again.phone == "555-0101"
        assert (await reencrypt_database(db, new_cipher, _Base.metadata)).total == 0
    finally:
        await db.dispose()


async def test_an_engine_without_a_cipher_refuses_to_store_phi(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'n.db'}")
    try:
        async with db.engine.begin() as conn:
            await conn.run_sync(_Base.metadata.create_all)
        with pytest.raises(Exception, match="not installed"):
            async with db.transaction() as session:
                session.add(_Record(id="r1", phone="555-0101"))
    finally:
        await db.dispose()


async def test_documents_store_named_fields_encrypted(tmp_path: Path) -> None:
    inner = SQLiteDocumentStore(f"sqlite+aiosqlite:///{tmp_path / 'd.db'}")
    docs = EncryptingDocumentStore(inner, FieldCipher(_keyring("k1")))
    await docs.start()
    try:
        document = {"workflow_id": "w1", "to": "+1 555 0101", "body": "Walter Stone, bay 3"}
        await docs.put("communications", "m1", document)
        raw = await inner.get("communications", "m1")
        assert raw is not None
        assert "0101" not in str(raw)
        assert "Walter" not in str(raw)
        assert raw["workflow_id"] == "w1"
        assert await docs.get("communications", "m1") == {"_id": "m1", **document}
        assert await docs.find("communications", {"workflow_id": "w1"}) == [
            {"_id": "m1", **document}
        ]
        with pytest.raises(EncryptedFieldQuery, match="to"):
            await docs.find("communications", {"to": "+1 555 0101"})
        # A document written before encryption is read as is, then rewritten sealed.
        await inner.put("communications", "old", {"workflow_id": "w0", "to": "+1 555 0199"})
        assert (await docs.get("communications", "old") or {})["to"] == "+1 555 0199"
        report = await reencrypt_documents(docs)
        assert report.rewritten["communications"] == 1
        assert "0199" not in str(await inner.get("communications", "old"))
    finally:
        await docs.stop()
