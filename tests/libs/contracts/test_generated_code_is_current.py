"""The committed Python contracts must match what protoc generates from proto/ now."""

from __future__ import annotations

import filecmp
import sys
from pathlib import Path

from grpc_tools import protoc  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[3]
PROTO = ROOT / "proto"
GENERATED = ROOT / "libs" / "contracts" / "src" / "emergisphere" / "v1"


def test_generated_contracts_match_the_proto_files(tmp_path: Path) -> None:
    sources = sorted(str(p.relative_to(PROTO)) for p in PROTO.rglob("*.proto"))
    include = Path(protoc.__file__).parent / "_proto"
    code = protoc.main(
        [
            "protoc",
            f"-I{PROTO}",
            f"-I{include}",
            # The plugin sits beside the interpreter; PATH may not include it.
            f"--plugin=protoc-gen-mypy={Path(sys.executable).parent / 'protoc-gen-mypy'}",
            f"--python_out={tmp_path}",
            f"--mypy_out={tmp_path}",
            *sources,
        ]
    )
    assert code == 0, "protoc failed"
    fresh = tmp_path / "emergisphere" / "v1"
    names = sorted(p.name for p in fresh.iterdir())
    committed = sorted(p.name for p in GENERATED.iterdir() if p.suffix in {".py", ".pyi"})
    assert set(names) <= set(committed), "run `make proto`: generated files are missing"
    _, mismatch, errors = filecmp.cmpfiles(fresh, GENERATED, names, shallow=False)
    assert not errors, f"run `make proto`: cannot compare {errors}"
    assert not mismatch, f"run `make proto`: stale generated code {mismatch}"
