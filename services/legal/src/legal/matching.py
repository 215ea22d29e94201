"""Keyword matching over free text that respects simple negation ("denies assault").

A NegEx-style scan, deliberately small: a negation cue negates a term that follows it
within a few words of the same clause, and a few cues ("assault denied") negate the term
they follow. Punctuation, including commas, ends a clause, so "no LOC, hit by car" still
finds the collision; a negated list joined by "or"/"and" stays negated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

# Words that negate what follows them in the same clause.
_PRE_CUES: Final = frozenset(
    {"no", "not", "denies", "denied", "deny", "denying", "without", "never", "nor", "negative"}
)
# Words that, right after a term, negate it ("assault denied", "abuse ruled out").
_POST_CUES: Final = frozenset({"denied", "unlikely", "excluded", "negative", "ruled"})
# Words that end a negation's reach: what comes after them is asserted again.
_TERMINATORS: Final = frozenset(
    {
        "but",
        "however",
        "although",
        "though",
        "except",
        "yet",
        "after",
        "then",
        "now",
        "reports",
        "states",
        "says",
        "presents",
        "admits",
        "endorses",
    }
)
# Cue pairs that look negative but are not ("not only", "no doubt").
_PSEUDO: Final = frozenset({("not", "only"), ("no", "doubt"), ("no", "longer")})
# NegEx's classic window: a cue reaches this many words ahead.
_PRE_WINDOW: Final = 6
_POST_WINDOW: Final = 3

_CLAUSE_BREAK: Final = re.compile(r"[.,;:!?()\[\]\n]+")
_WORD: Final = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def _words(fragment: str) -> list[str]:
    return _WORD.findall(fragment)


def _negated_before(before: str) -> bool:
    words = _words(before)[-_PRE_WINDOW:]
    # Walk back from the term: a terminator nearer than any cue shields it.
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word in _TERMINATORS:
            return False
        if word in _PRE_CUES:
            following = words[index + 1] if index + 1 < len(words) else ""
            if (word, following) in _PSEUDO:
                continue
            return True
    return False


def _negated_after(after: str) -> bool:
    for word in _words(after)[:_POST_WINDOW]:
        if word in _TERMINATORS:
            return False
        if word in _POST_CUES:
            return True
    return False


def compile_terms(patterns: Sequence[str]) -> re.Pattern[str]:
    """One regex matching any of the patterns as whole words."""
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(patterns) + r")(?![a-z0-9])")


def affirmed_mentions(text: str, terms: re.Pattern[str]) -> list[str]:
    """The matched terms that the text asserts (not negated), in order of appearance."""
    found: list[str] = []
    for clause in _CLAUSE_BREAK.split(normalise(text)):
        for match in terms.finditer(clause):
            if _negated_before(clause[: match.start()]):
                continue
            if _negated_after(clause[match.end() :]):
                continue
            found.append(match.group(0))
    return found
