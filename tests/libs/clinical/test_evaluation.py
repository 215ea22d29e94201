"""Agreement figures against expert triage, on made-up rows and on the shared dev files."""

from __future__ import annotations

from pathlib import Path

import pytest

from emergisphere_clinical import benchmark
from emergisphere_clinical.evaluation import (
    agreement,
    evaluate_file,
    format_report,
    quadratic_weighted_kappa,
)
from emergisphere_runtime.cli import main

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "triage"


def test_kappa_is_one_for_perfect_agreement_and_zero_for_chance() -> None:
    assert quadratic_weighted_kappa([[5, 0], [0, 5]]) == 1.0
    assert quadratic_weighted_kappa([[1, 1], [1, 1]]) == 0.0


def test_kappa_matches_a_hand_computed_table() -> None:
    # Rows expert, columns graded. Weighted observed disagreement 0.25 + 0.25 = 0.5; from
    # the margins (rows 2,1,2; columns 1,3,1; n 5) the chance-expected one is 1.5.
    table = [[1, 1, 0], [0, 1, 0], [0, 1, 1]]
    assert quadratic_weighted_kappa(table) == pytest.approx(1 - 0.5 / 1.5)


def test_agreement_counts_under_over_and_critical_under_triage() -> None:
    pairs = [(1, 1), (1, 3), (2, 2), (2, 1), (3, 4), (4, 4), (5, 3)]
    result = agreement(pairs)
    assert result.n == 7
    assert result.exact == pytest.approx(3 / 7)
    assert result.within_one == pytest.approx(5 / 7)
    assert result.under == pytest.approx(2 / 7)
    assert result.over == pytest.approx(2 / 7)
    assert (result.critical_n, result.critical_under, result.critical_any_under) == (4, 1, 1)
    assert result.confusion[0] == (1, 0, 1, 0, 0)


def test_ktas_shaped_file_reports_engine_and_nurses(tmp_path: Path) -> None:
    csv = tmp_path / "k.csv"
    csv.write_text(
        "age,sex,arrival_mode,injury,chief_complaint,mental,pain,nrs_pain,sbp,dbp,hr,rr,"
        "temp_c,spo2,ktas_rn,ktas_expert\n"
        "60,M,walking,no,chest pain,A,1,5,130,80,80,18,36.8,,2,2\n"
        "30,F,walking,yes,sorethroat,A,0,,120,70,70,16,36.5,,5,5\n",
        encoding="utf-8",
    )
    result = evaluate_file(csv)
    assert result.kind == "ktas"
    assert result.nurses is not None
    assert result.nurses.exact == 1.0
    assert result.engine.n == 2
    report = format_report(result)
    assert "nurses" in report
    assert "quadratic weighted kappa" in report


def test_unknown_shape_is_refused(tmp_path: Path) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unrecognised CSV"):
        evaluate_file(csv)


def _dev(name: str) -> Path:
    path = DATA / name
    if not path.is_file():
        pytest.skip(f"{path} not present: the shared triage dev data is not available here")
    return path


def test_cli_eval_triage_on_the_ktas_dev_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = _dev("ktas_dev.csv")
    assert main(["eval-triage", str(path)]) == 0
    out = capsys.readouterr().out
    assert "688" in out
    assert "nurses" in out
    # The nurses' published figure on these rows: exact agreement 87.1%.
    assert "87.1%" in out


def test_esi_handbook_dev_file_is_read_from_narratives() -> None:
    result = evaluate_file(_dev("esi_handbook_dev.csv"))
    assert result.kind == "esi_handbook"
    assert result.engine.n == 89
    assert result.nurses is None


def test_cli_eval_triage_refuses_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval-triage", "/nonexistent/file.csv"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_benchmark_returns_figures_without_printing(capsys: pytest.CaptureFixture[str]) -> None:
    figures = benchmark.run(seconds=0.05, repeats=3)
    low, high = figures["structured_range"]
    assert 0 < low <= figures["structured_per_second"] <= high
    low, high = figures["narrative_range"]
    assert 0 < low <= figures["narrative_per_second"] <= high
    assert figures["measures"] == 3
    assert capsys.readouterr() == ("", "")


def test_dev_file_figures_do_not_regress() -> None:
    # A ratchet on the committed figures (docs/triage-evaluation.md): a rule change that
    # under-triages one more critically ill patient, or loses agreement, fails here.
    ktas = evaluate_file(_dev("ktas_dev.csv")).engine
    # Seven since round 19: a 35-year-old with "fever", 38.2 C and a heart rate of 98 is
    # NICE NG51's moderate risk, ESI 3; the experts graded her 2 and her twin (45, 38.6 C,
    # 93) 3.
    assert ktas.critical_under <= 7
    assert ktas.exact >= 0.52
    vignettes = evaluate_file(_dev("esi_handbook_dev.csv")).engine
    assert vignettes.critical_under == 0
    # 79/89 since round 19 (docs/triage-evaluation.md).
    assert vignettes.exact >= 0.89


def test_the_teams_written_vignettes_do_not_regress() -> None:
    # 61,200 cases written independently of the rules, in four hundred and twenty-three
    # sets (docs/triage-evaluation.md, rounds 5 to 107). Each set was scored once before any
    # rule was changed for it. The hundred and thirty-two critical under-triages left,
    # each with the reason no rule reads it without over-triaging its neighbours, are listed
    # in the same file ("Critical under-triages left").
    written = Path(__file__).parent / "data" / "written_vignettes.csv"
    figures = evaluate_file(written).engine
    assert figures.n == 61200
    assert figures.critical_under <= 132
    assert figures.exact >= 0.831
