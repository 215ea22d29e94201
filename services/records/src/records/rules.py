"""Drug-allergy conflict rules: a deterministic drug-class cross-reactivity table. No I/O.

An allergy names a drug ("amoxicillin"), a class ("penicillins", "sulfa") or something
that is not a drug at all ("latex", "shellfish"). A medication conflicts with it when it is
the same drug, in the same class (high), or in a class with known, lower cross-reactivity
(moderate). Only cross-reactivity that changes what a clinician does is listed: e.g.
non-antibiotic sulfonamides (furosemide) and shellfish-versus-contrast are well-known myths
and raise nothing, so alerts stay worth reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

HIGH: Final = "high"
MODERATE: Final = "moderate"
_RANK: Final = {HIGH: 2, MODERATE: 1}


@dataclass(frozen=True)
class DrugClass:
    key: str
    label: str
    members: frozenset[str]


def _class(key: str, label: str, *members: str) -> DrugClass:
    return DrugClass(key=key, label=label, members=frozenset(members))


DRUG_CLASSES: Final = {
    c.key: c
    for c in (
        _class(
            "penicillin",
            "penicillins",
            "penicillin",
            "benzylpenicillin",
            "phenoxymethylpenicillin",
            "amoxicillin",
            "ampicillin",
            "piperacillin",
            "flucloxacillin",
            "dicloxacillin",
            "cloxacillin",
            "nafcillin",
            "oxacillin",
            "ticarcillin",
            "temocillin",
        ),
        _class(
            "cephalosporin",
            "cephalosporins",
            "cefazolin",
            "cefalexin",
            "cefadroxil",
            "cefaclor",
            "cefuroxime",
            "cefoxitin",
            "ceftriaxone",
            "cefotaxime",
            "ceftazidime",
            "cefixime",
            "cefpodoxime",
            "cefepime",
            "ceftaroline",
        ),
        _class("carbapenem", "carbapenems", "meropenem", "imipenem", "ertapenem", "doripenem"),
        _class(
            "nsaid",
            "aspirin and non-selective NSAIDs",
            "aspirin",
            "ibuprofen",
            "naproxen",
            "ketorolac",
            "diclofenac",
            "indomethacin",
            "ketoprofen",
            "dexketoprofen",
            "mefenamic acid",
            "piroxicam",
            "meloxicam",
            "etodolac",
            "nabumetone",
            "flurbiprofen",
        ),
        _class("cox2", "COX-2 selective NSAIDs", "celecoxib", "etoricoxib", "parecoxib"),
        _class(
            "sulfonamide_antibiotic",
            "sulfonamide antibiotics",
            "sulfamethoxazole",
            "trimethoprim-sulfamethoxazole",
            "sulfadiazine",
            "sulfasalazine",
            "sulfisoxazole",
            "sulfacetamide",
        ),
        # Morphine-like (phenanthrene) opioids cross-react with one another; the synthetic
        # ones are structurally distinct and the usual alternative after a morphine reaction.
        _class(
            "opioid_phenanthrene",
            "morphine-type opioids",
            "morphine",
            "codeine",
            "dihydrocodeine",
            "diamorphine",
            "hydromorphone",
            "oxycodone",
            "hydrocodone",
            "oxymorphone",
            "buprenorphine",
        ),
        _class(
            "opioid_synthetic",
            "synthetic opioids",
            "fentanyl",
            "remifentanil",
            "sufentanil",
            "alfentanil",
            "methadone",
            "pethidine",
            "tramadol",
            "tapentadol",
        ),
        _class(
            "iodinated_contrast",
            "iodinated contrast media",
            "iodinated contrast",
            "iohexol",
            "iopamidol",
            "iodixanol",
            "ioversol",
            "iopromide",
            "iomeprol",
        ),
        _class("iodine_antiseptic", "iodine antiseptics", "povidone-iodine", "iodine tincture"),
    )
}

# Other names for the same drug, mapped to the member name used above.
ALIASES: Final = {
    "acetylsalicylic acid": "aspirin",
    "asa": "aspirin",
    "penicillin g": "benzylpenicillin",
    "penicillin v": "phenoxymethylpenicillin",
    "amoxicillin-clavulanate": "amoxicillin",
    "amoxicillin/clavulanate": "amoxicillin",
    "amoxicillin-clavulanic acid": "amoxicillin",
    "co-amoxiclav": "amoxicillin",
    "augmentin": "amoxicillin",
    "piperacillin-tazobactam": "piperacillin",
    "piperacillin/tazobactam": "piperacillin",
    "tazocin": "piperacillin",
    "zosyn": "piperacillin",
    "cephalexin": "cefalexin",
    "cephazolin": "cefazolin",
    "rocephin": "ceftriaxone",
    "trimethoprim/sulfamethoxazole": "trimethoprim-sulfamethoxazole",
    "sulfamethoxazole-trimethoprim": "trimethoprim-sulfamethoxazole",
    "sulfamethoxazole/trimethoprim": "trimethoprim-sulfamethoxazole",
    "tmp-smx": "trimethoprim-sulfamethoxazole",
    "co-trimoxazole": "trimethoprim-sulfamethoxazole",
    "bactrim": "trimethoprim-sulfamethoxazole",
    "septra": "trimethoprim-sulfamethoxazole",
    "heroin": "diamorphine",
    "meperidine": "pethidine",
    "demerol": "pethidine",
    "dilaudid": "hydromorphone",
    "omnipaque": "iohexol",
    "visipaque": "iodixanol",
    "isovue": "iopamidol",
    "contrast": "iodinated contrast",
    "contrast dye": "iodinated contrast",
    "contrast media": "iodinated contrast",
    "contrast medium": "iodinated contrast",
    "iv contrast": "iodinated contrast",
    "ct contrast": "iodinated contrast",
    "x-ray dye": "iodinated contrast",
    "betadine": "povidone-iodine",
    "advil": "ibuprofen",
    "motrin": "ibuprofen",
    "nurofen": "ibuprofen",
    "aleve": "naproxen",
    "toradol": "ketorolac",
    "voltaren": "diclofenac",
}

# Allergy wording that names a whole class (or, for "iodine", a label rather than a drug).
CLASS_TERMS: Final = {
    "penicillins": ("penicillin",),
    "beta-lactam": ("penicillin", "cephalosporin", "carbapenem"),
    "beta-lactams": ("penicillin", "cephalosporin", "carbapenem"),
    "beta lactam": ("penicillin", "cephalosporin", "carbapenem"),
    "beta lactams": ("penicillin", "cephalosporin", "carbapenem"),
    "cephalosporin": ("cephalosporin",),
    "cephalosporins": ("cephalosporin",),
    "carbapenem": ("carbapenem",),
    "carbapenems": ("carbapenem",),
    "nsaid": ("nsaid",),
    "nsaids": ("nsaid",),
    "salicylates": ("nsaid",),
    "sulfa": ("sulfonamide_antibiotic",),
    "sulpha": ("sulfonamide_antibiotic",),
    "sulfa drugs": ("sulfonamide_antibiotic",),
    "sulpha drugs": ("sulfonamide_antibiotic",),
    "sulfonamide": ("sulfonamide_antibiotic",),
    "sulfonamides": ("sulfonamide_antibiotic",),
    "sulphonamide": ("sulfonamide_antibiotic",),
    "sulphonamides": ("sulfonamide_antibiotic",),
    "opioid": ("opioid_phenanthrene", "opioid_synthetic"),
    "opioids": ("opioid_phenanthrene", "opioid_synthetic"),
    "opiate": ("opioid_phenanthrene", "opioid_synthetic"),
    "opiates": ("opioid_phenanthrene", "opioid_synthetic"),
    "narcotics": ("opioid_phenanthrene", "opioid_synthetic"),
    "iodine": ("iodine",),
}


@dataclass(frozen=True)
class CrossReactivity:
    severity: str
    reason: str


# (allergy class, medication class) pairs that cross-react less than a shared class does.
CROSS_REACTIVITY: Final = {
    ("penicillin", "cephalosporin"): CrossReactivity(
        MODERATE,
        "Penicillin allergy: about 1-2% cross-reactivity with cephalosporins, higher when "
        "side chains are similar; give with caution or after allergy review",
    ),
    ("penicillin", "carbapenem"): CrossReactivity(
        MODERATE,
        "Penicillin allergy: under 1% cross-reactivity with carbapenems; give with caution",
    ),
    ("cephalosporin", "penicillin"): CrossReactivity(
        MODERATE,
        "Cephalosporin allergy: low cross-reactivity with penicillins; give with caution",
    ),
    ("cephalosporin", "carbapenem"): CrossReactivity(
        MODERATE,
        "Cephalosporin allergy: under 1% cross-reactivity with carbapenems; give with caution",
    ),
    ("nsaid", "cox2"): CrossReactivity(
        MODERATE,
        "Aspirin/NSAID allergy: COX-2 selective drugs are usually tolerated; first dose "
        "under observation",
    ),
    ("iodine", "iodinated_contrast"): CrossReactivity(
        MODERATE,
        "'Iodine allergy' usually records a past reaction to contrast or an iodine "
        "antiseptic (iodine itself is not an allergen): confirm which before giving",
    ),
    ("iodine", "iodine_antiseptic"): CrossReactivity(
        MODERATE,
        "'Iodine allergy' usually records a past reaction to contrast or an iodine "
        "antiseptic (iodine itself is not an allergen): confirm which before giving",
    ),
}

_PARENTHESES: Final = re.compile(r"\([^)]*\)")

EXACT_REASON: Final = "Recorded allergy to this medication"


@dataclass(frozen=True)
class Conflict:
    medication: str
    allergen: str
    severity: str
    reason: str


def normalise(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").split())


def _known_terms() -> list[str]:
    members = {m for c in DRUG_CLASSES.values() for m in c.members}
    return sorted(members | set(ALIASES) | set(CLASS_TERMS), key=lambda t: (-len(t), t))


# Longest names first, so "trimethoprim-sulfamethoxazole" wins over "sulfamethoxazole".
_KNOWN: Final = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(re.escape(t) for t in _known_terms()) + r")(?![a-z0-9])"
)


def components(text: str) -> tuple[str, ...]:
    """The table's names for the drugs a text names ("Augmentin 625 mg" -> amoxicillin).

    A combination product names each of its drugs. Text naming nothing the table knows is
    returned normalised, so exact matching still works for drugs outside the table.
    """
    name = normalise(text)
    if not name:
        return ()
    if name in ALIASES:
        return (ALIASES[name],)
    found = [ALIASES.get(term, term) for term in _KNOWN.findall(name)]
    if found:
        return tuple(dict.fromkeys(found))
    bare = _bare_name(name)
    return (bare,) if bare else ()


def _bare_name(name: str) -> str:
    """The drug name without notes or dose: "ondansetron 4 mg (odt)" -> "ondansetron"."""
    words: list[str] = []
    for word in _PARENTHESES.sub(" ", name).split():
        if any(ch.isdigit() for ch in word):
            break
        words.append(word)
    return " ".join(words)


def classes_of_drug(name: str) -> tuple[str, ...]:
    return tuple(c.key for c in DRUG_CLASSES.values() if name in c.members)


def classes_of_allergen(name: str) -> tuple[str, ...]:
    return CLASS_TERMS.get(name) or classes_of_drug(name)


def conflict(allergen: str, medication: str) -> Conflict | None:
    """The strongest reason this medication is unsafe for this allergy, or None."""
    best: CrossReactivity | None = None
    for allergen_name in components(allergen):
        for drug_name in components(medication):
            found = _between(allergen_name, drug_name)
            if found is not None and (best is None or _RANK[found.severity] > _RANK[best.severity]):
                best = found
    if best is None:
        return None
    return Conflict(medication.strip(), allergen.strip(), best.severity, best.reason)


def _between(allergen_name: str, drug_name: str) -> CrossReactivity | None:
    if allergen_name == drug_name:
        return CrossReactivity(HIGH, EXACT_REASON)
    best: CrossReactivity | None = None
    for allergy_class in classes_of_allergen(allergen_name):
        for drug_class in classes_of_drug(drug_name):
            if allergy_class == drug_class:
                label = DRUG_CLASSES[drug_class].label
                return CrossReactivity(HIGH, f"Same drug class as the recorded allergy ({label})")
            cross = CROSS_REACTIVITY.get((allergy_class, drug_class))
            if cross is not None and best is None:
                best = cross
    return best


def check_conflicts(allergies: Iterable[str], medications: Iterable[str]) -> list[Conflict]:
    """Every allergy-medication conflict, in medication then allergy order, each pair once.

    The same drug named twice (planned and already taken) is checked once.
    """
    allergy_list = _unique(allergies)
    conflicts: list[Conflict] = []
    for medication in _unique(medications):
        for allergen in allergy_list:
            found = conflict(allergen, medication)
            if found is not None:
                conflicts.append(found)
    return conflicts


def _unique(texts: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    unique: list[str] = []
    for text in texts:
        key = "+".join(components(text))
        if key and key not in seen:
            seen.add(key)
            unique.append(text)
    return unique
