"""Measure the engine against expert triage on a labelled CSV.

Two shapes are read, told apart by their header:

- KTAS study rows (Moon et al., PLOS ONE 2019): structured vitals, a terse complaint, the
  nurse's level ``ktas_rn`` and the experts' ``ktas_expert``. The nurses' figures on the
  same rows are reported beside the engine's.
- ESI handbook practice vignettes: free text in ``Clinical Vignettes`` (vitals inside the
  text) and the handbook's answer in ``acuity``.

Levels run 1 (most urgent) to 5 in both scales. Under-triage means a level less urgent than
the experts' (a higher number); critical under-triage is an expert 1-2 graded 3-5.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from emergisphere_clinical.assessment import assess
from emergisphere_clinical.models import TriageInput, VitalSigns
from emergisphere_clinical.narrative import input_from_reading, read_narrative

LEVELS = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class LabelledCase:
    data: TriageInput
    expert: int
    nurse: int | None  # the triage nurse's level, where the file has one
    unreadable: tuple[str, ...] = ()  # fields read as impossible and left out


@dataclass(frozen=True, slots=True)
class Agreement:
    n: int
    exact: float
    within_one: float
    under: float
    over: float
    critical_n: int  # expert level 1-2
    critical_under: int  # of those, graded 3-5
    critical_any_under: int  # of those, graded less urgent at all (a 1 graded 2 counts)
    kappa: float  # quadratic weighted
    confusion: tuple[tuple[int, ...], ...]  # [expert - 1][graded - 1]

    @property
    def critical_under_rate(self) -> float:
        return self.critical_under / self.critical_n if self.critical_n else 0.0


@dataclass(frozen=True, slots=True)
class Evaluation:
    kind: str  # "ktas" | "esi_handbook"
    engine: Agreement
    nurses: Agreement | None
    unreadable_rows: int


def quadratic_weighted_kappa(confusion: Sequence[Sequence[int]]) -> float:
    """Cohen's kappa with quadratic weights (i - j)^2 / (k - 1)^2 over a k x k table."""
    k = len(confusion)
    total = sum(sum(row) for row in confusion)
    if total == 0 or k < 2:
        return 0.0
    rows = [sum(row) for row in confusion]
    cols = [sum(confusion[i][j] for i in range(k)) for j in range(k)]
    observed = expected = 0.0
    for i in range(k):
        for j in range(k):
            weight = (i - j) ** 2 / (k - 1) ** 2
            observed += weight * confusion[i][j]
            expected += weight * rows[i] * cols[j] / total
    return 1.0 - observed / expected if expected else 1.0


def agreement(pairs: Iterable[tuple[int, int]]) -> Agreement:
    """(expert, graded) pairs to the agreement figures."""
    table = [[0] * len(LEVELS) for _ in LEVELS]
    n = exact = within = under = over = critical = critical_under = critical_any = 0
    for expert, graded in pairs:
        table[expert - 1][graded - 1] += 1
        n += 1
        exact += graded == expert
        within += abs(graded - expert) <= 1
        under += graded > expert
        over += graded < expert
        if expert <= 2:
            critical += 1
            critical_under += graded >= 3
            critical_any += graded > expert
    share = (lambda count: count / n) if n else (lambda count: 0.0)
    return Agreement(
        n=n,
        exact=share(exact),
        within_one=share(within),
        under=share(under),
        over=share(over),
        critical_n=critical,
        critical_under=critical_under,
        critical_any_under=critical_any,
        kappa=quadratic_weighted_kappa(table),
        confusion=tuple(tuple(row) for row in table),
    )


def _number(value: str) -> float | None:
    value = value.strip()
    return float(value) if value else None


def _ktas_case(row: dict[str, str]) -> LabelledCase:
    mental = row["mental"].strip().upper() or None
    pain = _number(row["nrs_pain"])
    vitals = VitalSigns(
        heart_rate=_number(row["hr"]),
        respiratory_rate=_number(row["rr"]),
        systolic_bp=_number(row["sbp"]),
        diastolic_bp=_number(row["dbp"]),
        spo2=_number(row["spo2"]),
        temperature_c=_number(row["temp_c"]),
        consciousness=mental,
        pain_score=None if pain is None else round(pain),
    )
    complaint = row["chief_complaint"]
    if row.get("injury", "").strip() == "yes":
        # The study records injury apart from the complaint; keep that fact for the matcher.
        complaint = f"{complaint}; injury"
    sex = {"M": "male", "F": "female"}.get(row["sex"].strip().upper())
    return LabelledCase(
        data=TriageInput(
            chief_complaint=complaint,
            vitals=vitals,
            age_years=_number(row["age"]),
            sex=sex,
            arrival_mode=row["arrival_mode"] or None,
        ),
        expert=int(row["ktas_expert"]),
        nurse=int(row["ktas_rn"]),
    )


def _vignette_case(row: dict[str, str]) -> LabelledCase:
    note = row["Clinical Vignettes"]
    reading = read_narrative(note)
    return LabelledCase(
        data=input_from_reading(note, reading),
        expert=int(row["acuity"]),
        nurse=None,
        unreadable=reading.rejected,
    )


def load_cases(path: Path) -> tuple[str, list[LabelledCase]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = set(reader.fieldnames or ())
        if {"ktas_expert", "ktas_rn", "chief_complaint"} <= header:
            return "ktas", [_ktas_case(row) for row in reader]
        if {"Clinical Vignettes", "acuity"} <= header:
            return "esi_handbook", [_vignette_case(row) for row in reader]
    raise ValueError(
        "unrecognised CSV: expected KTAS columns (chief_complaint, ktas_rn, ktas_expert) "
        "or ESI handbook columns (Clinical Vignettes, acuity)"
    )


def evaluate_cases(kind: str, cases: Sequence[LabelledCase]) -> Evaluation:
    engine = agreement((case.expert, assess(case.data).acuity) for case in cases)
    nurse_pairs = [(case.expert, case.nurse) for case in cases if case.nurse is not None]
    return Evaluation(
        kind=kind,
        engine=engine,
        nurses=agreement(nurse_pairs) if nurse_pairs else None,
        unreadable_rows=sum(1 for case in cases if case.unreadable),
    )


def evaluate_file(path: Path) -> Evaluation:
    kind, cases = load_cases(path)
    return evaluate_cases(kind, cases)


def _rate(count: int, total: int) -> float:
    return count / total if total else 0.0


def _percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def _figures(a: Agreement) -> list[tuple[str, str]]:
    return [
        ("rows", str(a.n)),
        ("exact agreement", _percent(a.exact)),
        ("within one level", _percent(a.within_one)),
        ("under-triage", _percent(a.under)),
        ("over-triage", _percent(a.over)),
        (
            "critical under-triage",
            f"{a.critical_under}/{a.critical_n} ({_percent(a.critical_under_rate)})",
        ),
        (
            "critical graded less urgent",
            f"{a.critical_any_under}/{a.critical_n}"
            f" ({_percent(_rate(a.critical_any_under, a.critical_n))})",
        ),
        ("quadratic weighted kappa", f"{a.kappa:.3f}"),
    ]


def _confusion_lines(title: str, a: Agreement) -> list[str]:
    lines = [
        f"{title}: rows = expert level, columns = graded level",
        "expert | " + " ".join(f"{level:>5}" for level in LEVELS),
    ]
    for level, row in zip(LEVELS, a.confusion, strict=True):
        lines.append(f"{level:>6} | " + " ".join(f"{count:>5}" for count in row))
    return lines


def format_report(result: Evaluation, *, name: str = "") -> str:
    """A plain-text report: figures side by side, then the confusion matrices."""
    title = f"Triage evaluation ({result.kind})" + (f": {name}" if name else "")
    lines = [title, ""]
    engine = _figures(result.engine)
    if result.nurses is not None:
        nurses = _figures(result.nurses)
        lines.append(f"{'':<26}{'engine':>16}{'nurses':>16}")
        for (label, ours), (_, theirs) in zip(engine, nurses, strict=True):
            lines.append(f"{label:<26}{ours:>16}{theirs:>16}")
    else:
        lines.append(f"{'':<26}{'engine':>16}")
        lines.extend(f"{label:<26}{ours:>16}" for label, ours in engine)
    if result.unreadable_rows:
        lines.append(f"rows with an impossible vital left out: {result.unreadable_rows}")
    lines.append("")
    lines.extend(_confusion_lines("engine", result.engine))
    if result.nurses is not None:
        lines.append("")
        lines.extend(_confusion_lines("nurses", result.nurses))
    return "\n".join(lines)
