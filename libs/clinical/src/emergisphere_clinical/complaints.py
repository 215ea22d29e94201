"""Find complaint categories in a terse chief-complaint string.

A deliberately small keyword matcher (a narrative parser can replace it later by
producing the same ComplaintMatch tuples). It expands a few triage abbreviations and
ignores phrases that are negated ("denies chest pain", "no fever") or only past history
("PMH: stroke"), in the spirit of NegEx (Chapman et al., 2001).

Negation scope is kept short on purpose: it ends at punctuation and at words such as
"and" or "but". A missed negation over-triages; a negation read too widely would
under-triage, which is the error that costs lives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from emergisphere_clinical.lexicon import CATEGORIES, ComplaintCategory

# fmt: off
_ABBREVIATIONS = (
    ("n/v/d", "nausea or vomiting or diarrhoea"), ("n/v", "nausea or vomiting"),
    ("cp", "chest pain"), ("sob", "shortness of breath"), ("loc", "loss of consciousness"),
    ("dib", "difficulty breathing"), ("abd", "abdominal"), ("ams", "altered mental status"),
    ("mvc", "motor vehicle collision"), ("mva", "motor vehicle accident"),
    ("h/a", "headache"), ("ha", "headache"), ("c/o", "complains of"),
    ("f/c", "fever and chills"), ("fb", "foreign body"),
    # Blood sugar test, as Korean and some other triage records write a glucose check.
    ("bst", "blood sugar"),
    # Food poisoning is infectious gastroenteritis, not a toxic ingestion.
    ("food poisoning", "gastroenteritis"),
)
# fmt: on
_ABBREVIATION_PATTERNS = tuple(
    (re.compile(rf"(?<![\w/]){re.escape(short)}(?![\w/])"), long) for short, long in _ABBREVIATIONS
)
# Coded complaint lists write "pain, chest" for chest pain; read them in natural order.
# Only a whole segment is rewritten, so prose such as "pain, chest is clear" is left alone.
_INVERTED = re.compile(
    r"(?:^|(?<=[.;]))\s*(pain|discomfort|distension|swelling|injury|bleeding|trauma)"
    r",\s*([a-z.]+(?: [a-z]+)?)\s*(?=$|[.;])"
)
# "pain in the wrist", "pain in my chest": read as "wrist pain", "chest pain".
_PAIN_IN = re.compile(r"\bpain in (?:the|his|her|my|their|your) ([a-z]+)\b")
_SCOPE_END = re.compile(
    r"[.,;!?\n]|\b(?:but|however|although|though|and|with|except|yet|presents|reports"
    r"|complains|states|has|now)\b"
)
_NEGATION_CUE = re.compile(
    r"\b(?:no|not|denies|denied|denying|without|negative for|free of|never|nor"
    r"|past medical history|past history of|pmh)\b"
)


@dataclass(frozen=True, slots=True)
class ComplaintMatch:
    category: ComplaintCategory
    phrase: str  # the lexicon phrase that matched, never the patient's own words


def normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    for pattern, expansion in _ABBREVIATION_PATTERNS:
        text = pattern.sub(expansion, text)
    text = _INVERTED.sub(lambda m: f" {m.group(2)} {m.group(1)}", text)
    text = _PAIN_IN.sub(lambda m: f"{m.group(1)} pain", text)
    return re.sub(r"\s+", " ", text.replace("-", " ")).strip()


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b")


# Negation proper, without the past-history cues: for history that counts as a risk factor.
_DENIAL_CUE = re.compile(
    r"\b(?:no|not|denies|denied|denying|without|negative for|free of|never|nor)\b"
)


def _is_negated(text: str, start: int, cue: re.Pattern[str] = _NEGATION_CUE) -> bool:
    scope_start = 0
    for end in _SCOPE_END.finditer(text, 0, start):
        scope_start = end.end()
    return cue.search(text, scope_start, start) is not None


def _affirmed(text: str, phrase: str) -> bool:
    return any(not _is_negated(text, hit.start()) for hit in _phrase_pattern(phrase).finditer(text))


_TOKEN = re.compile(r"\w+")


@cache
def _first_tokens(category: ComplaintCategory) -> tuple[tuple[str, str], ...]:
    """(first word, phrase) per phrase: a phrase can only match where its first word is."""
    return tuple((_TOKEN.findall(phrase)[0], phrase) for phrase in category.phrases)


def _first_affirmed(text: str, words: set[str], category: ComplaintCategory) -> str | None:
    for first, phrase in _first_tokens(category):
        if first in words and _affirmed(text, phrase):
            return phrase
    return None


def find_complaints(chief_complaint: str) -> tuple[ComplaintMatch, ...]:
    """Affirmed complaint categories, in lexicon (clinical priority) order."""
    text = normalise(chief_complaint)
    if not text:
        return ()
    # Only phrases whose first word occurs are tried: the same answer, many times faster.
    words = set(_TOKEN.findall(text))
    matches = []
    for category in CATEGORIES:
        phrase = _first_affirmed(text, words, category)
        if phrase is None:
            continue
        if category.requires_any and not any(
            _first_affirmed_term(text, words, term) for term in category.requires_any
        ):
            continue
        matches.append(ComplaintMatch(category=category, phrase=phrase))
    return tuple(matches)


def _first_affirmed_term(text: str, words: set[str], term: str) -> bool:
    return _TOKEN.findall(term)[0] in words and _affirmed(text, term)


def mentioned_history(chief_complaint: str, phrases: tuple[str, ...]) -> str | None:
    """The first phrase the text affirms, past history included ("PMH: CHF" counts).

    For risk factors such as known heart disease, where a history is what matters; only a
    denial ("no heart disease") rules the phrase out.
    """
    text = normalise(chief_complaint)
    words = set(_TOKEN.findall(text))
    for phrase in phrases:
        if _TOKEN.findall(phrase)[0] not in words:
            continue
        hits = _phrase_pattern(phrase).finditer(text)
        if any(not _is_negated(text, hit.start(), _DENIAL_CUE) for hit in hits):
            return phrase
    return None
