"""One re-encryption pass over every PHI column and document field (after key rotation)."""

from __future__ import annotations

import sys
from typing import TextIO

from emergisphere_runtime.crypto.documents import EncryptingDocumentStore
from emergisphere_runtime.crypto.rotation import (
    RotationReport,
    merge,
    reencrypt_database,
    reencrypt_documents,
)
from emergisphere_runtime.db import Base
from emergisphere_runtime.platform import Platform, discover_services
from emergisphere_runtime.settings import Settings


async def reencrypt_platform(platform: Platform) -> RotationReport:
    if platform.cipher is None:
        raise RuntimeError("the platform has no field cipher")
    discover_services()  # every service's models join Base.metadata
    report = await reencrypt_database(platform.db, platform.cipher, Base.metadata)
    if isinstance(platform.docs, EncryptingDocumentStore):
        report = merge(report, await reencrypt_documents(platform.docs))
    return report


async def reencrypt_command(settings: Settings, out: TextIO = sys.stdout) -> int:
    platform = Platform.from_settings(settings)
    await platform.open_stores()
    try:
        report = await reencrypt_platform(platform)
    finally:
        await platform.close()
    for where, count in sorted(report.rewritten.items()):
        if count:
            print(f"{where}: {count} rewritten", file=out)
    active = platform.cipher.active_key_id if platform.cipher else "?"
    print(
        f"{report.total} value(s) now under key {active}; {report.raced} changed meanwhile",
        file=out,
    )
    return 0
