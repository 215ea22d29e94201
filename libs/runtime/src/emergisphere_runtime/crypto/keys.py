"""Secrets from settings: PHI data keys (by id), the blind-index key, the audit key.

Outside production, empty settings get fixed development values so `make run` and tests
need no setup. Production refuses to start with a secret missing, too short, or left at
a development value: such data would be readable by anyone with this source code.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass

from emergisphere_runtime.settings import Settings

KEY_BYTES = 32
DEV_KEY_ID = "dev1"
_KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,16}$")


class UnsafeSecrets(RuntimeError):
    """Production settings with missing, malformed or development secrets. The message
    names the settings, never their values."""


def development_secret(purpose: str) -> bytes:
    """The fixed development value of one secret: public, so never valid in production."""
    return hashlib.sha256(f"emergisphere development only: {purpose}".encode()).digest()


def _decode(name: str, value: str) -> bytes:
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise UnsafeSecrets(f"{name} is not valid base64") from None
    if len(raw) != KEY_BYTES:
        raise UnsafeSecrets(f"{name} must decode to {KEY_BYTES} bytes")
    return raw


@dataclass(frozen=True)
class Keyring:
    """Data keys by id (the active one encrypts; every one decrypts), and the HMAC keys."""

    data_keys: dict[str, bytes]
    active_key_id: str
    blind_index_key: bytes
    audit_key: bytes

    def __post_init__(self) -> None:
        if self.active_key_id not in self.data_keys:
            raise UnsafeSecrets("ES_PHI_ACTIVE_KEY_ID names no key in ES_PHI_KEYS")

    @property
    def uses_development_keys(self) -> bool:
        dev = (
            development_secret("phi"),
            development_secret("blind-index"),
            development_secret("audit"),
        )
        return any(k in dev for k in (*self.data_keys.values(), self.blind_index_key))


def parse_data_keys(value: str) -> dict[str, bytes]:
    """``key_id:base64,key_id:base64`` into a mapping; ids are short and plain."""
    keys: dict[str, bytes] = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        key_id, sep, encoded = item.partition(":")
        if not sep or not _KEY_ID.match(key_id):
            raise UnsafeSecrets("ES_PHI_KEYS must be 'key_id:base64key' items, comma-separated")
        if key_id in keys:
            raise UnsafeSecrets(f"ES_PHI_KEYS names key id {key_id} twice")
        keys[key_id] = _decode(f"ES_PHI_KEYS key {key_id}", encoded)
    return keys


def keyring_from_settings(settings: Settings) -> Keyring:
    production = settings.environment == "production"
    data_keys = parse_data_keys(settings.phi_keys)
    missing = [
        name
        for name, value in (
            ("ES_PHI_KEYS", settings.phi_keys),
            ("ES_BLIND_INDEX_KEY", settings.blind_index_key),
            ("ES_AUDIT_KEY", settings.audit_key),
        )
        if not value
    ]
    if production and missing:
        raise UnsafeSecrets(f"production needs {', '.join(missing)}")
    if not data_keys:
        data_keys = {DEV_KEY_ID: development_secret("phi")}
    active = settings.phi_active_key_id or next(iter(data_keys))
    keyring = Keyring(
        data_keys=data_keys,
        active_key_id=active,
        blind_index_key=(
            _decode("ES_BLIND_INDEX_KEY", settings.blind_index_key)
            if settings.blind_index_key
            else development_secret("blind-index")
        ),
        audit_key=(
            _decode("ES_AUDIT_KEY", settings.audit_key)
            if settings.audit_key
            else development_secret("audit")
        ),
    )
    if production and (
        keyring.uses_development_keys or keyring.audit_key == development_secret("audit")
    ):
        raise UnsafeSecrets("production secrets must not be the development values")
    return keyring
