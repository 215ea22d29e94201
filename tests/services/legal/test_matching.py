"""Negation-aware keyword matching."""

from __future__ import annotations

import pytest

from legal.matching import affirmed_mentions, compile_terms

TERMS = compile_terms([r"assault(?:ed)?", r"hit by car", r"abuse"])


@pytest.mark.parametrize(
    "text",
    [
        "assaulted outside a bar",
        "Head injury after ASSAULT",
        "no LOC, hit by car",
        "denies pain but was assaulted",
        "no chest pain after assault",
        "not only assaulted but robbed",
    ],
)
def test_asserted_terms_are_found(text: str) -> None:
    assert affirmed_mentions(text, TERMS)


@pytest.mark.parametrize(
    "text",
    [
        "denies assault",
        "no assault",
        "Patient denied being assaulted by anyone",
        "denies assault or abuse",
        "negative for abuse",
        "without assault",
        "assault denied by patient",
        "abuse ruled out",
    ],
)
def test_negated_terms_are_not_found(text: str) -> None:
    assert affirmed_mentions(text, TERMS) == []


def test_a_cue_far_before_the_term_does_not_negate_it() -> None:
    assert affirmed_mentions("no fever for three whole long days and assaulted", TERMS)


def test_terms_match_whole_words_only() -> None:
    assert affirmed_mentions("unassaulted", TERMS) == []
