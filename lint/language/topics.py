"""Topic words of a sentence and the chain of sentences that share them.

A source named once in a news article covers what follows on the same topic
("Die ÖWA hat die Zugriffszahlen für März veröffentlicht. … Der ORF kommt auf
81 Millionen Visits."): agency copy names its source once, in the lead, and
every figure after it is that source's until another source or another topic
comes. Paragraph breaks are no guide (plain-text exports lose them), so the
topic is read from the words: the *topic words* of a sentence are its nouns
(capitalised words of five letters or more, not the sentence's first word),
minus ``GENERIC`` words that tie any two sentences (units, times, the figure
words themselves). Two words match when they share their first five letters
or, long words, their last eight (the head of a compound: "Investitionen",
"Bruttoanlageinvestitionen").

``chain(words_of, i, indices)`` walks sentences away from sentence ``i`` and
yields those that share a topic word with the sentences already on the chain
(sentences off the topic are skipped, not followed). The walk is
bounded by the caller's range of sentences, so its cost does not grow with
the length of the text.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from lint.cache import regexcache

#: Letters two words must share at the start to be one topic.
STEM = 5
#: Letters two long words must share at the end (a compound's head) to be one topic.
HEAD = 8

# The capital first (the regex engine skips ahead to capitals), the look back after it.
# The repeats are possessive: giving back a letter or a hyphenated part leaves a letter or
# a hyphen before the final look ahead, which then fails, so no backtracking can find a
# match; possessive, the engine does not try (the same nouns, a tenth fewer instructions).
_NOUN = regexcache.compile(r"[A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[a-zäöüß]{3,}+(?:-[A-ZÄÖÜa-zäöüß]\w*+)*+(?![\w-])")

# Words too general to tie two sentences to one topic: units and scales of
# figures, times and calendar words, the commonest nouns of news copy. A class,
# not a list of the corpus' words; whole words are compared ("Jahresbericht" is no "Jahr").
GENERIC = frozenset(
    w.lower()
    for w in (
        # figures, units and scales
        "Prozent", "Prozentpunkte", "Millionen", "Milliarden", "Billionen", "Tausend", "Hundert", "Dutzend",
        "Hälfte", "Drittel", "Viertel", "Zahl", "Zahlen", "Anzahl", "Euro", "Cent", "Dollar", "Franken", "Pfund", "Rubel",
        "Menschen", "Personen", "Leute", "Prozents", "Euros", "Milliarde", "Million",
        # time and calendar
        "Jahre", "Jahren", "Jahres", "Jahrzehnte", "Jahrzehnten", "Monat", "Monats", "Woche", "Stunde", "Tage", "Tagen", "Tages", "Jahrzehnt", "Monate", "Monaten", "Wochen", "Stunden", "Minuten", "Sekunden",
        "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Wochenende",
        "Januar", "Jänner", "Februar", "März", "April", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember",
        "Vorjahr", "Zeitpunkt", "Zeitraum", "Anfang", "Beginn", "Mitte", "Abend", "Morgen", "Nacht",
        # the commonest nouns of news copy
        "Österreich", "Deutschland", "Seite", "Seiten", "Frage", "Fragen", "Beispiel", "Grund", "Gründe",
        "Bereich", "Bereichen", "Rahmen", "Angaben", "Sprecher", "Sprecherin", "Zuvor", "Insgesamt",
    )
)


def topic_words(prose: str, start: int, end: int) -> frozenset[str]:
    """The topic keys of the sentence ``prose[start:end]``: of each noun, its
    first ``STEM`` letters and, for a long word, its last ``HEAD`` letters
    (the head of a compound: "Bruttoanlageinvestitionen" and "Investitionen")."""
    nouns = _NOUN.findall(prose, start, end)
    # A noun at the start is the first one found: where the first found does not stand
    # there (the sentence opens with "Die", "Im", …), no second search is needed.
    if nouns and prose.startswith(nouns[0], start) and _NOUN.match(prose, start, end) is not None:
        del nouns[0]  # the first word is capitalised anyway
    out = set()
    # A hyphenated compound counts by each part: "Github-Nutzer" is "Github" and "Nutzer".
    for word in "-".join(nouns).lower().split("-"):
        if len(word) < 4 or word in GENERIC:
            continue
        out.add(word[:STEM])
        if len(word) > HEAD:
            out.add("~" + word[-HEAD:])
    return frozenset(out)


#: A name written in capitals ("OMV", "RBI", "Ö3"): too short for a topic word, and yet the
#: surest sign that two sentences are about one thing.
#: Also the first part of a compound ("ÖVP-Liste", "EU-Kommission").
_CAPITALS = regexcache.compile(r"(?<![\w-])[A-ZÄÖÜ][A-ZÄÖÜ0-9]++(?!\w)")
#: Capitals that name no subject of a story: currency codes, legal forms, units.
NOT_NAMES = frozenset(("EUR", "USD", "CHF", "GBP", "JPY", "AG", "SE", "KG", "GMBH", "PS", "KW", "KWH", "MW", "TV"))


def story_words(prose: str, start: int, end: int, topic: frozenset[str]) -> frozenset[str]:
    """The keys that tie the sentence ``prose[start:end]`` to the rest of its text: its
    ``topic`` words (``topic_words``) and the names it writes in capitals (``NOT_NAMES`` aside)."""
    capitals = [c for c in _CAPITALS.findall(prose, start, end) if c not in NOT_NAMES]
    return topic.union(capitals) if capitals else topic


#: How many sentences a chain may pass through from the figure's sentence to
#: its source: each hop adds the words of a sentence on the topic. Two hops
#: follow a topic through an article; more drift to everything it mentions.
HOPS = 2


def chain(words_of: Callable[[int], frozenset[str]], frm: int, indices: Iterable[int], hops: int = HOPS) -> Iterator[int]:
    """The sentences of ``indices`` (walked in order, away from ``frm``) that
    join the topic chain starting at sentence ``frm``: each shares a key with
    the chain so far; its own keys join the chain while it is at most ``hops``
    sentences from ``frm``. Sentences off the topic are skipped."""
    levels = {k: 0 for k in words_of(frm)}
    if not levels:
        return
    chained = levels.keys()
    for k in indices:
        words = words_of(k)
        shared = chained & words  # in C: most sentences share no key
        if not shared:
            continue
        level = min(map(levels.__getitem__, shared))
        yield k
        if level + 1 < hops:
            for w in words - chained:
                levels[w] = level + 1
