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
    figures = benchmark.run(seconds=0.05)
    assert figures["structured_per_second"] > 0
    assert figures["narrative_per_second"] > 0
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
    # 24,300 cases written independently of the rules, in a hundred and seventy-seven sets
    # (docs/triage-evaluation.md, rounds 5 to 45). Each set was scored once before any rule
    # was changed for it. Thirty-four critical under-triages are left, each ESI 3 (the jet ski
    # rider, an allergic girl and a choking toddler 4, a fallen baby 5) where the writers
    # graded 2 for a reason no rule reads without over-triaging its neighbours: deep
    # frostbite; midline neck pain after a fall at 90; a dislocated hip replacement at 10/10,
    # a Crohn's stricture at 8/10, a hip fracture at 9/10 and a boy's dislocated shoulder at
    # 8/10 (severe pain nothing measured corroborates); a diabetic woman of 72 who "just feels
    # off"; renal colic scored by holding up both hands through an interpreter;
    # gastroenteritis and a possible bowel obstruction at 85 with heart rates of 124 and 108
    # that the danger-zone rule does not corroborate; two cyclists with cracked helmets, a
    # brief loss of consciousness and amnesia, and a boy of 13 knocked out who vomited twice
    # (writers grade most head injuries with a lost consciousness 3); a possible hip fracture
    # after a long lie on apixaban in pain of 6/10; Charcot's triad at a heart rate of 98
    # (writers grade it 2 or 3); potassium 6.4 without ECG changes (writers grade 6.0 to 6.4 3
    # in nine of eleven); a toddler's scald of 8% (the major-burn rule starts at 10%); two
    # children's handlebar injuries to the abdomen, one who vomited once and one pale with
    # pain of 7/10 (writers grade four such 3); blackouts with a heart rate of 44 (ESC 2018
    # draws its bradycardia line at 40); a sulphonylurea hypoglycaemia corrected and alert
    # (writers grade seventeen of twenty-two such 3); a resolved TIA with an irregular pulse
    # (writers grade a resolved TIA 2 or 3); a jet ski rider thrown at 25 mph with tender
    # ribs; breathlessness with a swollen calf after a hip operation (a like case after a long
    # drive was graded 3); an ankle fracture-dislocation tenting the skin (writers graded two
    # others with tented skin 3); and a fall of about 2.5 m with chest wall pain and a
    # breathing rate of 22 (NICE NG41 and the field triage rules draw the line at 3 m); a man
    # knocked out on ice who vomited three times (writers grade seventeen of eighteen head
    # injuries with repeated vomiting and no other high-risk feature 3); a girl of 11 with
    # hives and tingling lips after a bee sting (no airway, breathing or circulation sign of
    # anaphylaxis); a man woken by vertigo who "can't walk without hugging the wall" (the
    # negation reader takes "without" for a denial); a woman 14 weeks pregnant kicked in the
    # abdomen by her partner (RCOG GTG 63's placental concern starts at 20 weeks, and writers
    # grade assaults by a partner 3); and a boy of 8 with left upper abdominal and shoulder-
    # tip pain the day after his sledge hit a tree (Kehr's sign is not read); a baby of 9
    # months with a large boggy swelling after a 1 m fall (writers grade five like falls 3 to
    # 5); a girl of 8 with lip and eyelid swelling and hives after peanuts (angioedema without
    # an airway, breathing or circulation sign); and a toddler who choked on a peanut and
    # wheezes on one side (writers grade two like children 3).
    written = Path(__file__).parent / "data" / "written_vignettes.csv"
    figures = evaluate_file(written).engine
    assert figures.n == 24300
    assert figures.critical_under <= 34
    assert figures.exact >= 0.848
