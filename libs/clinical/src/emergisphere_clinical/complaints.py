"""Find complaint categories in a terse chief-complaint string.

A deliberately small keyword matcher (a narrative parser can replace it later by
producing the same ComplaintMatch tuples). It reads the note as ``wording.normalise``
rewrites it (abbreviations expanded, coded lists in natural order) and ignores phrases
that are negated ("denies chest pain", "no fever") or only past history ("PMH: stroke"),
in the spirit of NegEx (Chapman et al., 2001) and ConText (Harkema et al., J Biomed
Inform 2009).

Negation scope is kept short on purpose: it ends at punctuation and at words such as
"and" or "but". A missed negation over-triages; a negation read too widely would
under-triage, which is the error that costs lives. Two wider scopes are taken only where
the grammar is unambiguous: a denied list closed by "or" ("denies fever, chills, or
vomiting"), and a sentence that places a finding in the past ("history of stroke", "on
her last admission she was intubated", "usually unresponsive", "a stroke 4 years ago").
The history reading stops at words that bring the sentence back to the present ("now",
"today", "on arrival", "presents"). Categories whose known condition is itself the risk
(sickle cell disease, chemotherapy) count past history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from emergisphere_clinical.lexicon import CATEGORIES, ComplaintCategory
from emergisphere_clinical.wording import normalise

# A condition already being treated is history when the visit is for something else ("her
# Foley came out ... currently on antibiotics for a UTI"): the handbook counts no work-up
# for it. It stays current when the note says treatment is failing ("still has pain",
# "despite", "worse", a "new" finding), when nothing else brings the patient in or what
# else does is itself infective (a return for the treated infection is a failure), and
# when the reading cannot be bounded to one or two words.
_ANTIBIOTIC = (
    r"(?:antibiotics?|amoxicillin|amoxycillin|amoxil|co amoxiclav|augmentin|clarithromycin"
    r"|erythromycin|azithromycin|doxycycline|flucloxacillin|penicillin|cefalexin|cephalexin"
    r"|trimethoprim|nitrofurantoin|ciprofloxacin|metronidazole|clindamycin)"
)
_ANTIBIOTIC_NAMED = re.compile(rf"\b{_ANTIBIOTIC}\b")
_WHEN = r"(?: (?:\d+|two|three|four|five) days? ago| yesterday| last week)"
_ON_ANTIBIOTICS = re.compile(
    r"\b(?:on|taking|receiving|started(?: on)?|day \d+ of) (?:oral |po )?"
    rf"{_ANTIBIOTIC}(?: from (?:the |his |her |their )?gp)?{_WHEN}? for"
    r" (?:an? |the |(?:his|her|my|their) )?([a-z]+(?: [a-z]+)?)"
    rf"(?={_WHEN}?\s*(?:$|[.,;!?]|\band\b|\bbut\b|\bwith\b))"
)
_TREATMENT_FAILING = re.compile(
    r"\b(?:still|despite|not (?:improving|helping|working|better|getting better)"
    r"|no (?:better|improvement)|worse|worsening|failed|failing|persistent|persists|new"
    r"|again|returns|returned|came back)\b"
)
_SCOPE_END = re.compile(
    r"[.,;!?\n]|\b(?:but|however|although|though|and|with|except|yet|presents|reports"
    r"|complains|states|has|now)\b"
)
_NEGATION_CUE = re.compile(
    r"\b(?:no|not|don't|doesn't|didn't|isn't|wasn't|deny|denies|denied|denying|without"
    r"|negative for|free of|never|nor|nothing to suggest|past medical history|past history of"
    r"|pmh)\b"
)
# A denied list closed by "or"/"nor": every short item after the cue is denied (NegEx).
_LIST_CUE = re.compile(r"\b(?:no|deny|denies|denied|denying|without|negative for)\b")
# Split and checked item by item, not matched by one pattern: a nested pattern over a
# long list backtracks exponentially.
_LIST_JOINER = re.compile(r",|\b(?:or|nor)\b")
_LIST_ITEM = re.compile(r"[a-z' ]+")
_LIST_ITEM_WORDS = 5
_REVIEW_CUE = re.compile(r"deny|denies|denied|denying|negative for")
# A review-of-systems heading before the denial, in the same line of the note.
_REVIEW_HEADING = re.compile(r"\bros\b[^.\n]*$")
# An item that opens with one of these is affirmed, not denied ("denies fever, chills,
# has chest pain").
_AFFIRMING = frozenset(
    (
        "has",
        "had",
        "having",
        "reports",
        "now",
        "but",
        "with",
        "feels",
        "still",
        "positive",
        "complains",
        "c/o",
        "+",
    )
)
# ConText historical triggers; "N years/months ago" after a finding dates it (ConText
# counts anything over two weeks old as historical, so days and hours stay current).
_HISTORY_CUE = re.compile(
    r"\b(?:history of|hx of|h/o|previous|past history|past medical history|pmh"
    r"|last admission|previous admission"
    r"|usually|at baseline|(?:his|her|their|my) baseline|at (?:his|her|their) usual"
    # ConText's other experiencer: a relative's illness is not the patient's.
    r"|family history of|fh of|(?:his|her|their|my) (?:brother|sister|father|mother|dad|mum"
    r"|mom|son|daughter|uncle|aunt|cousin|grandfather|grandmother|grandad|grandma) (?:had|has"
    r"|died of|died from))\b"
)
# A sentence that opens in the past keeps it past across its comma: "On her last admission
# for asthma, she was intubated." Only openers that can mean nothing else: "previously
# well, now chest pain" and "in the past hour, chest pain" are today's, so "previously"
# and "in the past" count only as a whole phrase closed by a comma.
_HISTORY_OPENER = re.compile(
    r"\s*(?:on (?:his|her|their|my|the|a) (?:last|previous|prior) (?:admission|visit|stay)\b"
    r"|(?:previously|in the past|last year),)"
)
_HISTORY_AFTER = re.compile(
    r"\b(?:years?|yrs?|months?|mos) ago\b|\bat baseline\b|\bis (?:his|her) baseline\b"
    # ConText's "resolved"; a past year ("bypass surgery in 2008").
    # "Not resolved" and "hasn't resolved" are still current.
    r"|(?<!not )(?<!n't )(?<!never )\b(?:now|has|had|have|since|completely|fully) resolved\b"
    r"|\bin (?:19|20)\d\d\b"
)
# Said of the finding after a comma, in the same sentence: "oriented to self only, which is
# her baseline".
_HISTORY_AFTER_SENTENCE = re.compile(
    r"\bwhich is (?:(?:his|her|their) )?(?:baseline|usual|normal for (?:him|her|them))\b"
    r"|\b(?:per staff )?is (?:his|her|their) baseline\b"
)
_SENTENCE_END = re.compile(
    r"[.;!?\n]|\b(?:but|however|now|currently|today|tonight|this morning|this evening"
    r"|yesterday|on arrival|upon arrival|en route|at the scene|presents|presented"
    r"|presenting|complains|complaining|reports|states|who|with)\b"
)
# Past history reads only to the clause: a comma ends it too, so "h/o stroke, right side
# weakness" keeps today's weakness (reading a current finding as history under-triages).
_CLAUSE_END = re.compile(r",|" + _SENTENCE_END.pattern)


@dataclass(frozen=True, slots=True)
class ComplaintMatch:
    category: ComplaintCategory
    phrase: str  # the lexicon phrase that matched, never the patient's own words


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b")


@cache
def _flat(phrase: str) -> str:
    return " ".join(phrase.split())


# Negation proper, without the past-history cues: for history that counts as a risk factor.
_DENIAL_CUE = re.compile(
    r"\b(?:no|not|don't|doesn't|didn't|isn't|wasn't|deny|denies|denied|denying|without"
    r"|negative for|free of|never|nor)\b"
)


# "Can't take a deep breath without chest pain": two negatives make the pain affirmed.
_UNABLE_WITHOUT = re.compile(
    r"\b(?:can't|cannot|couldn't|could not|unable to|not able to|won't)\b.*?\bwithout\b"
)


def _is_negated(text: str, start: int, cue: re.Pattern[str] = _NEGATION_CUE) -> bool:
    scope_start = 0
    for end in _SCOPE_END.finditer(text, 0, start):
        scope_start = end.end()
    found = cue.search(text, scope_start, start)
    if found is None or text.find("without", scope_start, start) < 0:
        return found is not None
    # A cue inside "unable to ... without" denies nothing.
    spans = [hit.span() for hit in _UNABLE_WITHOUT.finditer(text, scope_start, start)]
    return any(
        not any(begin <= hit.start() < end for begin, end in spans)
        for hit in cue.finditer(text, scope_start, start)
    )


def _span(text: str, start: int, end: int, stops: re.Pattern[str]) -> tuple[int, int]:
    """The stretch around text[start:end] bounded by ``stops``."""
    begin = 0
    for stop in stops.finditer(text, 0, start):
        begin = stop.end()
    after = stops.search(text, end)
    return begin, after.start() if after else len(text)


def _in_denied_list(text: str, start: int, begin: int, finish: int) -> bool:
    cues = list(_LIST_CUE.finditer(text, begin, start))
    if not cues:
        return False
    offset = cues[-1].end()
    tail = text[offset:finish]
    # At least one comma, then "or"/"nor" closing the list; the closing item ends at the
    # next comma ("denies dizziness, or CP before the fall, and is not on thinners").
    joiners = list(_LIST_JOINER.finditer(tail))
    commas = [joiner for joiner in joiners if joiner.group() == ","]
    closer = next(
        (j for j in joiners if j.group() != "," and commas and j.start() > commas[0].start()), None
    )
    if closer is not None:
        after = next((c for c in commas if c.start() > closer.start()), None)
        end = after.start() if after is not None else len(tail)
    elif (
        len(commas) >= 2 or (commas and _REVIEW_HEADING.search(text, 0, cues[-1].start()))
    ) and _REVIEW_CUE.fullmatch(cues[-1].group()):
        # A review-of-systems list: "denies CP, SOB, fever, chills." Three short items or
        # more, to the end of the sentence, are all denied (NegEx's scope). Two ("denies
        # fever, chest pain") stay ambiguous, unless a review-of-systems heading opens the
        # line ("ROS: denies fever, CP"), and so does a list after a bare "no" ("no pus,
        # cracked red lips"): the later items are read as current.
        end = len(tail)
    else:
        return False
    if start - offset >= end:
        return False
    # An empty item is the serial comma of ", or".
    items = [item.strip() for item in _LIST_JOINER.split(tail[:end]) if item.strip()]
    return all(
        _LIST_ITEM.fullmatch(item) is not None
        and len(item.split()) <= _LIST_ITEM_WORDS
        and item.split()[0] not in _AFFIRMING
        for item in items
    )


def _historical(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    begin, finish = _span(text, start, end, _CLAUSE_END)
    return (
        _HISTORY_CUE.search(text, begin, start) is not None
        or _HISTORY_AFTER.search(text, end, finish) is not None
        or _HISTORY_OPENER.match(text, sentence[0], start) is not None
        or _HISTORY_AFTER_SENTENCE.search(text, end, sentence[1]) is not None
    )


def _current(text: str, hit: re.Match[str], *, history_counts: bool = False) -> bool:
    """Affirmed and, unless history_counts, presenting now rather than past history."""
    # A history that is itself the risk ("PMH: renal transplant") is not denied by the
    # heading that introduces it.
    if _is_negated(text, hit.start(), _DENIAL_CUE if history_counts else _NEGATION_CUE):
        return False
    begin, finish = _span(text, hit.start(), hit.end(), _SENTENCE_END)
    if _in_denied_list(text, hit.start(), begin, finish):
        return False
    return history_counts or not _historical(text, hit.start(), hit.end(), (begin, finish))


def _affirmed(text: str, phrase: str, *, history_counts: bool = False) -> bool:
    # ``normalise`` leaves single spaces, so a phrase that matches is also a substring: the
    # plain test rules out most candidates before any regular expression runs.
    if _flat(phrase) not in text:
        return False
    hits = _phrase_pattern(phrase).finditer(text)
    return any(_current(text, hit, history_counts=history_counts) for hit in hits)


_TOKEN = re.compile(r"\w+")


# The words of a normalised note, asked for by every rule that reads it: kept for the few
# notes of one assessment, like the normalised text itself.
@lru_cache(maxsize=32)
def _words(text: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(text))


def forget_notes() -> None:
    """Empty the per-note caches, so a benchmark cycling a few inputs measures what a stream
    of different notes costs."""
    normalise.cache_clear()
    _words.cache_clear()


@cache
def _first_word(phrase: str) -> str:
    first: str = _TOKEN.findall(phrase)[0]
    return first


@cache
def _first_tokens(phrases: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(first word, phrase) per phrase: a phrase can only match where its first word is."""
    return tuple((_first_word(phrase), phrase) for phrase in phrases)


@cache
def _phrase_index() -> dict[str, tuple[tuple[int, int, str], ...]]:
    """First word -> (category position, phrase position, phrase): only phrases whose
    first word occurs in a complaint are tried, the same answer many times faster."""
    index: dict[str, list[tuple[int, int, str]]] = {}
    for position, category in enumerate(CATEGORIES):
        for order, (first, phrase) in enumerate(_first_tokens(category.phrases)):
            index.setdefault(first, []).append((position, order, phrase))
    return {first: tuple(entries) for first, entries in index.items()}


def find_complaints(chief_complaint: str) -> tuple[ComplaintMatch, ...]:
    """Affirmed complaint categories, in lexicon (clinical priority) order."""
    text = normalise(chief_complaint)
    if _ANTIBIOTIC_NAMED.search(text) and _TREATMENT_FAILING.search(text) is None:
        treated = _ON_ANTIBIOTICS.sub(r"on antibiotics, history of \1,", text)
        if treated != text:
            other = _read(treated)
            if other and not any(match.category.infection for match in other):
                return other
    return _read(text)


def _read(text: str) -> tuple[ComplaintMatch, ...]:
    if not text:
        return ()
    words, index = _words(text), _phrase_index()
    # In table order: a category reports its first affirmed phrase.
    candidates = sorted(entry for word in words for entry in index.get(word, ()))
    decided: set[int] = set()
    matches = []
    for position, _, phrase in candidates:
        category = CATEGORIES[position]
        if position in decided or not _affirmed(
            text, phrase, history_counts=category.history_counts
        ):
            continue
        decided.add(position)
        if category.requires_any and not any(
            _co_term(text, words, term) for term in category.requires_any
        ):
            continue
        matches.append(ComplaintMatch(category=category, phrase=phrase))
    return tuple(matches)


def _co_term(text: str, words: frozenset[str], term: str) -> bool:
    """A co-term is context (an anticoagulant, an injury): only a denial rules it out."""
    if _first_word(term) not in words:
        return False
    hits = _phrase_pattern(term).finditer(text)
    # A term that is itself a denial ("no numbness") is said, not denied, in a list of them.
    listed = _DENIAL_CUE.match(term) is None
    return any(not _denied(text, hit, listed=listed) for hit in hits)


def _denied(text: str, hit: re.Match[str], *, listed: bool) -> bool:
    """Denied by its own cue or, if ``listed``, as an item of a denied list ("denies
    swelling, trismus")."""
    if _is_negated(text, hit.start(), _DENIAL_CUE):
        return True
    if not listed:
        return False
    begin, finish = _span(text, hit.start(), hit.end(), _SENTENCE_END)
    return _in_denied_list(text, hit.start(), begin, finish)


def mentioned_history(chief_complaint: str, phrases: tuple[str, ...]) -> str | None:
    """The first phrase the text affirms, past history included ("PMH: CHF" counts).

    For risk factors such as known heart disease, where a history is what matters; only a
    denial ("no heart disease") rules the phrase out, as for a co-term.
    """
    text = normalise(chief_complaint)
    words = _words(text)
    # A phrase whose first word the note lacks is ruled out without a call: most are.
    return next(
        (
            phrase
            for first, phrase in _first_tokens(phrases)
            if first in words and _co_term(text, words, phrase)
        ),
        None,
    )


# CTAS (Bullard et al., CJEM 2008): chronic pain is known, recurrent and like previous
# episodes ("her usual migraine", "known renal colic", or the same complaint in the
# history as well as today).
_CHRONIC_CUE = re.compile(
    r"\b(?:chronic|recurrent|recurring|known|usual|typical|same as (?:before|usual|previous))\b"
)
# After the finding only the usual pattern counts ("a migraine like her usual ones"): "a
# headache like her previous bleed" compares it with something dangerous, not benign.
_CHRONIC_AFTER = re.compile(r"\b(?:like|as|same as) (?:(?:his|her|my|their) )?(?:usual|typical)\b")


# One episode years ago ("had a kidney stone 2 yrs ago") is a past event, not a known,
# recurrent pain.
_LONG_AGO = re.compile(
    r"\b(?:\d+|a few|several|some) ?(?:yrs?|years?) ago\b|\blast year\b|\bin (?:19|20)\d\d\b"
)


def chronic(chief_complaint: str, category: ComplaintCategory) -> str | None:
    """The category's phrase the note marks as known and recurrent, or None."""
    text = normalise(chief_complaint)
    words = _words(text)
    for first, phrase in _first_tokens(category.phrases):
        if first not in words:
            continue
        for hit in _phrase_pattern(phrase).finditer(text):
            begin, finish = _span(text, hit.start(), hit.end(), _CLAUSE_END)
            sentence = _span(text, hit.start(), hit.end(), _SENTENCE_END)
            if (
                _CHRONIC_CUE.search(text, begin, hit.start()) is not None
                or _CHRONIC_AFTER.search(text, hit.end(), finish) is not None
                or (
                    _historical(text, hit.start(), hit.end(), sentence)
                    and _LONG_AGO.search(text, *sentence) is None
                )
            ):
                return phrase
    return None
