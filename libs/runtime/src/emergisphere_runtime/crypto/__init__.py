"""Field-level encryption of PHI at rest: AES-GCM with key ids, and keyed blind indexes."""

from emergisphere_runtime.crypto.cipher import Decryption, DecryptionError, FieldCipher
from emergisphere_runtime.crypto.keys import Keyring, UnsafeSecrets, keyring_from_settings

__all__ = [
    "Decryption",
    "DecryptionError",
    "FieldCipher",
    "Keyring",
    "UnsafeSecrets",
    "keyring_from_settings",
]
