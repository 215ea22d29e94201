"""AES-256-GCM for single fields, tagged with the key id, bound to where the value lives.

A ciphertext is ``es1:<key_id>:<base64url(nonce || ciphertext+tag)>``. The associated
data is the field's context (``table.column`` or ``collection.field``), so a ciphertext
copied into another column fails to decrypt instead of reading as that column's value.
Values without the prefix are plaintext written before encryption was turned on: they
are still read, and re-encryption (``rotation``) replaces them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from emergisphere_runtime.crypto.keys import Keyring

PREFIX = "es1:"
NONCE_BYTES = 12


class DecryptionError(ValueError):
    """A ciphertext that is corrupt, under an unknown key, or moved from another field."""


@dataclass(frozen=True)
class Decryption:
    plaintext: bytes
    # The key id it was under; None for a legacy plaintext value.
    key_id: str | None


class FieldCipher:
    def __init__(self, keyring: Keyring) -> None:
        self.keyring = keyring
        self._aead = {kid: AESGCM(key) for kid, key in keyring.data_keys.items()}

    @property
    def active_key_id(self) -> str:
        return self.keyring.active_key_id

    def encrypt(self, plaintext: bytes, *, context: str) -> str:
        kid = self.keyring.active_key_id
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead[kid].encrypt(nonce, plaintext, context.encode())
        return f"{PREFIX}{kid}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def decrypt(self, value: str, *, context: str) -> Decryption:
        if not value.startswith(PREFIX):
            return Decryption(plaintext=value.encode(), key_id=None)
        kid, sep, encoded = value[len(PREFIX) :].partition(":")
        aead = self._aead.get(kid)
        if not sep or aead is None:
            raise DecryptionError(f"{context}: no key with the ciphertext's key id")
        try:
            raw = base64.urlsafe_b64decode(encoded)
            plaintext = aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context.encode())
        except (InvalidTag, ValueError):
            raise DecryptionError(f"{context}: ciphertext fails authentication") from None
        return Decryption(plaintext=plaintext, key_id=kid)

    def encrypt_text(self, plaintext: str, *, context: str) -> str:
        return self.encrypt(plaintext.encode(), context=context)

    def decrypt_text(self, value: str, *, context: str) -> str:
        return self.decrypt(value, context=context).plaintext.decode()

    @staticmethod
    def key_id_of(value: str) -> str | None:
        """The key id a stored value is under, without decrypting (None: plaintext)."""
        if not value.startswith(PREFIX):
            return None
        return value[len(PREFIX) :].partition(":")[0]

    def blind_index(self, value: str, *, context: str) -> str:
        """A keyed, deterministic digest: equal inputs match, and without the key nobody
        can test guesses (national ids are short and guessable; a plain hash would not
        protect them)."""
        message = f"{context}\x00{value}".encode()
        return hmac.new(self.keyring.blind_index_key, message, hashlib.sha256).hexdigest()
