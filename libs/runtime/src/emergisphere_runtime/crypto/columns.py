"""SQLAlchemy column types that encrypt on write and decrypt on read.

The cipher belongs to the engine (``install``), not to a module global: each Platform
brings its own keys, and a test may run several platforms in one process. A column used
through an engine without a cipher fails loudly instead of storing plaintext.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import LargeBinary, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.types import TypeDecorator

from emergisphere_runtime.crypto.cipher import FieldCipher

_ATTRIBUTE = "emergisphere_field_cipher"


class CipherNotInstalled(RuntimeError):
    pass


def install(engine: AsyncEngine, cipher: FieldCipher) -> None:
    """Encrypt and decrypt this engine's PHI columns with ``cipher``."""
    setattr(engine.sync_engine.dialect, _ATTRIBUTE, cipher)


def cipher_for(dialect: Dialect) -> FieldCipher:
    cipher: FieldCipher | None = getattr(dialect, _ATTRIBUTE, None)
    if cipher is None:
        raise CipherNotInstalled("field encryption is not installed on this database engine")
    return cipher


class EncryptedText(TypeDecorator[str]):
    """A string column holding AES-GCM ciphertext (so wider than the plaintext)."""

    impl = Text
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return cipher_for(dialect).encrypt_text(value, context=self.context)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return cipher_for(dialect).decrypt_text(value, context=self.context)


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON value stored encrypted as text (its contents cannot be queried)."""

    impl = Text
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        plaintext = json.dumps(value, separators=(",", ":"), sort_keys=True)
        return cipher_for(dialect).encrypt_text(plaintext, context=self.context)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return json.loads(cipher_for(dialect).decrypt_text(value, context=self.context))


class EncryptedBytes(TypeDecorator[bytes]):
    """Binary values (serialised protobuf) stored as the same ciphertext text, in bytes."""

    impl = LargeBinary
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        return cipher_for(dialect).encrypt(bytes(value), context=self.context).encode()

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        raw = bytes(value)
        if not raw.startswith(b"es1:"):
            return raw  # written before encryption; re-encryption replaces it
        return cipher_for(dialect).decrypt(raw.decode(), context=self.context).plaintext


class BlindIndex(TypeDecorator[str]):
    """A keyed HMAC of the value: written and compared, never read back.

    Comparisons in queries go through the same bind step, so
    ``where(Patient.national_health_id_index == "300-555-0101")`` matches without the
    plaintext ever reaching the database.
    """

    impl = String(64)
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return cipher_for(dialect).blind_index(value, context=self.context)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return value
