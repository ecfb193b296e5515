"""Readability kinds: article metrics against targets, and the sentences that drag them down.

All of them read :func:`lint.language.readability.analyse` (computed once per document):
body sentences (headings left out) and their word counts. Sentence-level kinds
skip sentences that are mostly direct quotation (``skip_quotes``): an editor
cannot shorten what someone said.

- ``readability-target``: one article metric (``metric``) against ``min``/``max``;
  reported once, on the first sentence. Fields ``{value}``, ``{target}``, ``{label}``,
  ``{words}``, ``{sentences}`` and ``{longest}`` (where the three longest sentences are).
- ``sentence-length``: sentences of more than ``max_words`` words. Field ``{words}``, ``{max}``.
- ``nested-sentence``: sentences with at least ``min_clauses`` subordinate clauses
  (a comma followed by a subordinator or relative pronoun from ``subordinators``)
  or at least ``min_commas`` commas (0: commas alone never count, as lists
  of names or results have many). Fields ``{clauses}``, ``{commas}``.
- ``nominal-style``: sentences with at least ``min_nouns`` nouns in -ung, -heit,
  -keit or -ion that make up at least ``min_share`` percent of the words.
  ``exceptions`` lists nouns (and compound heads) that are not nominal style
  ("Regierung", "Million"). Fields ``{nouns}`` (quoted list), ``{count}``.
- ``passive-voice``: werden + participle II ("wurde verhaftet", "gebaut werden",
  "verhaftet worden"), not the future ("wird ... sein", "wird gehen").
  ``only_demands`` (default) reports only passive infinitives in a sentence with
  müssen, sollte(n) or dürfen ("muss geprüft werden": who must?), the passive
  that hides who is responsible; ``false`` reports every werden passive.
  ``participles`` lists strong participles without ge- ("beschlossen");
  ``not_participles`` words that look like participles but are not.
  Field ``{match}`` (the werden form ... participle).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cached_property
from itertools import compress, repeat
from operator import add, attrgetter, le
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind, WordListKind
from lint.language import clauses
from lint.language.morphology import trie_regex
from lint.language.readability import METRICS, analyse, between_spaces, key, newsroom_index
from lint.language.sentence_shape import WORD, Shape, shape as sentence_shape
from lint.model.diagnostics import Severity
from lint.language.wordlist import load_wordlist


def _terms(kind: Kind, option: str) -> list[str]:
    """The terms (and their variants) of the word list named by ``option``."""
    name = kind.options[option]
    return _list_terms(kind, name) if name else []


def spoken(doc, start: int, end: int) -> bool:
    """Whether ``prose[start:end]`` is said rather than written: mostly inside direct
    quotations, or reported speech as the analysis finds it (``speech_at``, asked for
    the span's start and its middle)."""
    if mostly_quoted(doc, start, end):
        return True
    middle = (start + end) // 2
    return any(doc.analysis.speech_at(at, at + 1) for at in (start, middle))


def mostly_quoted(doc, start: int, end: int) -> bool:
    """Whether at least half of ``prose[start:end]`` lies inside direct quotations."""
    quotes = doc.quotes
    if not quotes:
        return False
    i = max(0, bisect_right(doc.quote_starts, start) - 1)
    inside = 0
    for qs, qe in quotes[i:]:
        if qs >= end:
            break
        inside += max(0, min(qe, end) - max(qs, start))
    return 2 * inside >= end - start


# The word lists of ``lint.language.clauses`` (options of the sentence kinds that read clauses).
CLAUSE_LISTS = {
    "subordinators": "data/subordinators.txt", "relatives": "data/relative-pronouns.txt",
    "infinitive": "data/infinitive-openers.txt", "prepositions": "data/relative-prepositions.txt",
    "reporting": "data/reporting-words.txt",
}


# Hints worth reading come where a habit piles up: options of the hint kinds.
PILE_UP = {"min_per_sentence": 2, "min_per_paragraph": 3}


def piled_up(doc, found, options) -> list:
    """The diagnostics of ``found`` in a sentence with at least ``min_per_sentence`` of
    them or a paragraph (block) with at least ``min_per_paragraph``."""
    found = list(found)
    per_sentence, per_paragraph = options["min_per_sentence"], options["min_per_paragraph"]
    if not found or min(per_sentence, per_paragraph) <= 1:
        return found
    blocks = Counter(doc.analysis.block_at(d.start) for d in found)
    sentences = Counter(_sentence_start(doc, d.start) for d in found)
    return [
        d for d in found
        if sentences[_sentence_start(doc, d.start)] >= per_sentence or blocks[doc.analysis.block_at(d.start)] >= per_paragraph
    ]


def _sentence_start(doc, offset: int) -> int:
    s = doc.analysis.sentence_at(offset)
    return s.start if s is not None else offset


class _SentenceKind(Kind):
    defaults: ClassVar[dict[str, Any]] = {"skip_quotes": True}
    reads = ("readability",)

    def candidates(self, doc):
        """``(sentence, words)`` of the document's body sentences."""
        a = analyse(doc)
        return zip(a.sentences, a.sentence_words)

    def quoted(self, doc, s) -> bool:
        return bool(self.options["skip_quotes"]) and spoken(doc, s.start, s.end)


def article_genre(doc) -> str:
    """The article's genre ("kommentar", "" when unknown): the analysis's, else the metadata's."""
    genre = getattr(doc.analysis, "genre", None)
    return genre if isinstance(genre, str) else doc.meta.get("genre", "")


class ReadabilityTarget(Kind):
    """One article metric against ``min``/``max``, or the genre's targets in ``by_genre``
    ({"kommentar": {"min": 25}}); not for articles under ``min_words``. Reported once,
    on the first body sentence, naming the sentences that cost the most (``{costliest}``)."""

    name = "readability-target"
    scope = "document"  # one finding per article, shown on its first body sentence
    reads = ("readability",)
    defaults: ClassVar[dict[str, Any]] = {
        "metric": "flesch_amstad", "min": None, "max": None, "min_words": 150, "by_genre": {},
    }

    def check(self, doc):
        metric = self.options["metric"]
        if metric not in METRICS:
            from lint.model.errors import ConfigError

            raise ConfigError(f"{self.rule.file}: metric {metric!r} is not one of {', '.join(METRICS)}")
        a = analyse(doc)
        m = a.metrics
        if m.words < self.options["min_words"] or not a.sentences:
            return
        if not any(self._missed(a, metric, low, high) for low, high in self._all_targets):
            return  # no genre's target is missed: the genre need not be known
        low, high = self._targets((self.options["by_genre"] or {}).get(article_genre(doc), {}))
        missed = self._missed(a, metric, low, high)
        if missed is None:
            return
        value, target = missed
        first = a.sentences[0]
        yield self.report(
            doc, first.start, first.end, value=f"{value:.1f}".replace(".", ","), target=target,
            label=METRICS[metric], words=m.words, sentences=m.sentences, longest=_longest(doc, a),
            costliest=_costliest(doc, a, metric, low if low is not None and value < low else None, high),
        )

    def _targets(self, targets: dict) -> tuple[float | None, float | None]:
        """``min`` and ``max`` of one genre's targets (``by_genre``), else the rule's."""
        return targets.get("min", self.options["min"]), targets.get("max", self.options["max"])

    @cached_property
    def _all_targets(self) -> tuple[tuple[float | None, float | None], ...]:
        """The targets of every genre, and the rule's own (for a genre without targets)."""
        return tuple(dict.fromkeys([self._targets({}), *(self._targets(t) for t in (self.options["by_genre"] or {}).values())]))

    @staticmethod
    def _missed(a, metric: str, low: float | None, high: float | None) -> tuple[float, str] | None:
        """The metric's value and the target it misses (German), or None when it meets ``low``/``high``."""
        if metric == "index":
            index = newsroom_index(a, at_least=low if high is None else None)
            if index is None:
                return None  # the cheap components alone reach the target
            value = index.value
        else:
            value = getattr(a.metrics, metric)
        if low is not None and value < low:
            return value, f"mindestens {low:g}".replace(".", ",")
        if high is not None and value > high:
            return value, f"höchstens {high:g}".replace(".", ",")
        return None


class SentenceLength(_SentenceKind):
    """Sentences longer than the limit that are also hard to read (see ``hard``): a
    warning. Long but clear sentences are a hint (severity info). Not reported at all:
    a listing (results, line-ups, schedules: fewer than ``min_prose_share`` percent
    lower-case words), speech (see ``spoken``), and plain statements just past the
    limit (at most ``max_words + clear_margin`` words, no part between colons,
    semicolons, dashes and ", und" longer than ``max_part``, at most one subordinate
    clause). The limit is ``max_words``, or the genre's (``by_genre``) or the zone's
    (``by_zone``, which wins) ``max_words``."""

    name = "sentence-length"
    defaults: ClassVar[dict[str, Any]] = {
        **_SentenceKind.defaults, **CLAUSE_LISTS, "max_words": 40, "clear_margin": 10, "max_part": 30,
        "min_prose_share": 40, "by_genre": {}, "by_zone": {},
        "min_signals": 2, "min_load": 2, "min_stacked": 2, "min_bracket": 18, "min_long_words": 5, "over_margin": 10, "far_margin": 25,
    }

    @cached_property
    def words(self) -> clauses.Words:
        return _clause_words(self)

    def limit(self, doc) -> int:
        """The document's limit: its genre's ``max_words``, else the rule's."""
        return ((self.options["by_genre"] or {}).get(article_genre(doc)) or {}).get("max_words", self.options["max_words"])

    @cached_property
    def least_limit(self) -> int:
        """The lowest limit any genre may have: a sentence within it needs no genre."""
        default = self.options["max_words"]
        return min(default, *((t or {}).get("max_words", default) for t in (self.options["by_genre"] or {}).values()))

    @cached_property
    def zone_limits(self) -> dict[str, int]:
        return {zone: t["max_words"] for zone, t in (self.options["by_zone"] or {}).items() if "max_words" in t}

    def check(self, doc):
        a = analyse(doc)
        zones, least = self.zone_limits, self.least_limit
        lowest = min(least, *zones.values())
        first, last = _zoned(doc, zones)
        base = None  # the genre's limit, found when a sentence outside the zones may pass it
        for i, (s, words) in enumerate(zip(a.sentences, a.sentence_words)):
            if words <= lowest:
                continue
            limit = zones.get(doc.analysis.zone_at(s.start)) if first <= s.start <= last else None
            floor = least if limit is None else limit  # the zone's limit, else the least a genre's may be
            if words <= floor:
                continue
            start, end, words = _longest_part(s, words)
            if words <= floor:
                continue
            if limit is None:
                limit = base = self.limit(doc) if base is None else base
                if words <= limit:
                    continue
            text = doc.prose[start:end]
            whole = (start, end) == (s.start, s.end)
            shape = a.shape(i, self.words) if whole else sentence_shape(text, self.words)
            if _listing(text, shape.words, self.options["min_prose_share"]):
                continue
            if words <= limit + self.options["clear_margin"] and self._plain(shape):
                continue
            if shape.reported or self.quoted(doc, s):
                continue
            reasons = self.hard(shape, limit)
            yield self.report(
                doc, start, end, match=_short(text), words=words, max=limit,
                why=f": {', '.join(reasons)}" if reasons else "",
                severity=None if reasons else Severity.INFO,
            )

    def _plain(self, shape: Shape) -> bool:
        """Plain statements run on: at most one subordinate clause, no part longer than
        ``max_part`` (asked second: ``Shape.statement`` is counted when asked)."""
        return shape.clauses <= 1 and shape.statement <= self.options["max_part"]

    def hard(self, shape: Shape, limit: int) -> list[str]:
        """Why a sentence past ``limit`` is hard to read (German, for the message), or []
        when it is long but clear: at least ``min_signals`` of nested clauses (load
        ``min_load``; ``min_stacked`` clauses before the main verb count twice), a verb bracket held open over ``min_bracket`` words,
        ``min_long_words`` words of 13 letters or more, more than ``over_margin`` words
        past the limit; or more than ``far_margin`` words past it on its own."""
        o = self.options
        reasons = []
        signals = 0
        if shape.stacked >= o["min_stacked"]:
            reasons.append(f"{shape.stacked} Nebensätze vor dem Hauptverb")
            signals += 1  # the whole main clause waits: counts twice
        elif shape.load >= o["min_load"]:
            reasons.append("Nebensätze ineinander oder vor dem Hauptverb")
        if shape.bracket >= o["min_bracket"]:
            reasons.append(f"eine Satzklammer über {shape.bracket} Wörter")
        if shape.long_words >= o["min_long_words"]:
            reasons.append(f"{shape.long_words} sehr lange Wörter")
        if shape.words > limit + o["over_margin"]:
            reasons.append("weit über der Grenze")
        if signals + len(reasons) >= o["min_signals"] or shape.words > limit + o["far_margin"]:
            return reasons
        return []


def _zoned(doc, zones: dict[str, int]) -> tuple[int, int]:
    """The offsets between which a sentence may start in a zone with a limit of its own
    (``zones``): from the first such zone span's start to the last one's end, as
    ``zone_at`` finds a zone only inside its span; everywhere when "body" (the zone
    outside every span) has a limit; nowhere (an empty range) when no span has. Most
    sentences then need no ``zone_at``."""
    if "body" in zones:
        return 0, len(doc.prose)
    spans = [z for z in doc.analysis.zones if z.zone in zones] if zones else []
    if not spans:
        return 1, 0
    return min(z.start for z in spans), max(z.end for z in spans)


# The letter first, the look back after it: the regex engine skips ahead to lower-case letters.
_LOWER_WORD = regexcache.compile(r"[a-zäöüß](?<![\w-][a-zäöüß])[\w-]*")


def _listing(text: str, words: int, min_share: float) -> bool:
    """A list of names, results or times rather than prose: few lower-case words among
    its ``words`` (``WORD``, as its shape counts them: the shapes made for the few
    listings cost less than finding the words of every long sentence twice)."""
    return bool(words) and 100 * len(_LOWER_WORD.findall(text)) < min_share * words


# A sentence start that lost its full stop or the space after it: a capitalised function
# word right after a lower-case word, as when a one-line-per-article file runs a subheading into the
# next sentence ("Spanische Regelung Die spanische Vorrangregel ...").
# The space or stop first, the look back after it (the regex engine skips ahead to those two).
_RUN_IN_WORDS = (
    "Der Die Das Den Dem Des Ein Eine Im In Am Auf Bei Wie Was Wer Mit Auch Doch Aber Nach "
    "Seit Es Er Sie Wir Ich Man Diese Dieser Dabei Damit Zudem So Für Laut Um Von Vor Zur Zum Als Nun Dass Nur"
).split()


_RUN_IN = regexcache.compile(
    # the words as a trie: the regex engine tries one branch per first letter, not one per word
    r" (?<=[a-zäöüß] )(?=" + trie_regex(set(_RUN_IN_WORDS)) + r"\s)"
    # or a full stop without its space ("so der EuGH.Hingegen haben ..."): cut after the stop
    r"|\.(?<=[^\W\d_]{2}\.)(?=[A-ZÄÖÜ][a-zäöüß]+\s)"
)


def _longest_part(s, words: int) -> tuple[int, int, int]:
    """The longest run-in part of a sentence (see ``_RUN_IN``): start, end and words."""
    cuts = [m.end() for m in _RUN_IN.finditer(s.text)]
    if not cuts:
        return s.start, s.end, words
    best = (0, 0, 0)
    for a, b in zip([0, *cuts], [*cuts, len(s.text)]):
        n = len(WORD.findall(s.text, a, b))
        if n > best[2]:
            best = (s.start + a, s.start + len(s.text[:b].rstrip()), n)
    return best


class NestedSentence(_SentenceKind):
    name = "nested-sentence"
    defaults: ClassVar[dict[str, Any]] = {
        **_SentenceKind.defaults, **CLAUSE_LISTS, "min_depth": 3,
    }

    @cached_property
    def words(self) -> clauses.Words:
        return _clause_words(self)

    @cached_property
    def _openers(self) -> frozenset[str]:
        w = self.words
        return frozenset(x.split()[0] for x in w.conjunctions | w.relatives | w.infinitive)

    def enough_openers(self, text: str, least: int) -> bool:
        """Whether at least ``least`` segments (after a comma, colon, semicolon or spaced
        dash, and the first) start with a word that may open a clause, also after a
        preposition (", mit dem"): a cheap test before the clause analysis, which stops at
        the ``least``-th such segment (the segments after it cannot change the answer).
        Only the words compared are lower-cased (a text's lower case is its characters'
        lower cases, and no mark it cuts at has one), unless a capital sigma's lower case
        depends on its neighbours."""
        whole = "Σ" in text
        lower = _as_is if whole else str.lower
        if whole:
            text = text.lower()
        segments = text.replace(" – ", ", ").replace(" — ", ", ").replace(": ", ", ").replace("; ", ", ").split(", ")
        openers, prepositions = self._openers, self.words.prepositions
        n = 0
        for seg in segments:
            first, _, rest = seg.lstrip("„“\"»«( ").partition(" ")
            first = lower(first)
            if first in openers or (first in prepositions and lower(rest.partition(" ")[0]) in openers):
                n += 1
                if n >= least:
                    return True
        return n >= least

    @cached_property
    def _gate(self) -> clauses.DepthGate:
        return clauses.DepthGate(self.words)

    def check(self, doc):
        least = self.options["min_depth"]
        gate = self._gate.may_reach_three if least >= 3 else None
        a = analyse(doc)
        for s in _segmented(a.sentences, least - 1):
            text = s.text
            if not self.enough_openers(text, least - 1):
                continue  # too few openers for that depth
            if gate is not None and not gate(text):
                continue  # the first words of its segments prove a load below three
            p = a.clause_profile(text, self.words)[0]  # shared with the sentence length rule
            if p.load >= least and not p.reported and not self.quoted(doc, s):
                yield self.report(doc, s.start, s.end, match=_short(text), depth=p.load, clauses=p.clauses)


def _as_is(word: str) -> str:
    """``word`` itself (for a text lower-cased already)."""
    return word


def _segmented(sentences: list, at_least: int):
    """The sentences with at least ``at_least`` commas and spaced dashes (fewer segments
    cannot nest that deep), counted for all sentences at C level."""
    texts = list(map(attrgetter("text"), sentences))
    marks = map(add, map(str.count, texts, repeat(",")), map(str.count, texts, repeat(" –")))
    return compress(sentences, map(le, repeat(at_least), marks))


_ENDING = regexcache.compile(r"(?:ung|heit|keit|ion)(?:en)?(?![\w-])")
# The capital first, the look back after it: the regex engine skips ahead to capitals.
_NOMINAL = regexcache.compile(r"[A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[\w-]*?(?:ung|heit|keit|ion)(?:en)?(?![\w-])")


class NominalStyle(_SentenceKind):
    name = "nominal-style"
    defaults: ClassVar[dict[str, Any]] = {
        **_SentenceKind.defaults, "min_nouns": 3, "min_share": 10, "exceptions": "data/nominal-exceptions.txt",
    }

    @cached_property
    def exceptions(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """Whole words, and compound heads (entries tagged ``[compound]``), lower-cased."""
        name = self.options["exceptions"]
        words: set[str] = set()
        heads: set[str] = set()
        if name:
            for entry in load_wordlist(self.rule.data_file(name)).entries:
                for term in getattr(entry, "variants", ()) or (entry.term,):
                    (heads if "compound" in entry.tags else words).add(term.lower())
        return frozenset(words), tuple(sorted(heads))

    def _nominal(self, word: str) -> bool:
        words, heads = self.exceptions
        low = word.lower()
        forms = (low, low[:-2]) if low.endswith("en") else (low,)
        return not any(f in words or f.endswith(heads) for f in forms)

    def check(self, doc):
        a = analyse(doc)
        min_nouns, share = self.options["min_nouns"], self.options["min_share"]
        if not a.sentences:
            return
        # A cheap pass first: the word endings over the whole text, counted per sentence.
        starts = [s.start for s in a.sentences]
        per_sentence = Counter(bisect_right(starts, m.start()) - 1 for m in _ENDING.finditer(doc.prose))
        for i, n in per_sentence.items():
            if n < min_nouns or i < 0:
                continue
            s, words = a.sentences[i], a.sentence_words[i]
            text = s.text
            nouns = [m.group() for m in _NOMINAL.finditer(text) if self._nominal(m.group())]
            if len(nouns) >= min_nouns and 100 * len(nouns) >= share * words and not self.quoted(doc, s):
                listed = ", ".join(f"„{n}“" for n in dict.fromkeys(nouns))
                yield self.report(doc, s.start, s.end, match=_short(text), nouns=listed, count=len(nouns))


_WERDEN = r"(?:[Ww](?:erde|irst|ird|erden|erdet|urde|urdest|urden|urdet|ürde|ürdest|ürden|ürdet|orden))"
_PART = (
    r"(?:[a-zäöüß]*ge[a-zäöüß]+(?:t|en)"  # gebaut, festgenommen, angegriffen
    r"|(?:be|emp|ent|er|ge|miss|ver|zer|über|unter|hinter|wider)[a-zäöüß]+t"  # verhaftet, erwartet
    r"|[a-zäöüß]+iert)"  # kritisiert
)


def _passive_patterns(strong: list[str]) -> tuple[re.Pattern, re.Pattern]:
    """The two passive patterns, with the listed strong participles as participles too.

    Main clause: a werden form, then within the clause (no , ; : – or sentence end
    between) a participle that ends the clause or is followed only by werden/worden.
    Verb-final clause: a participle directly before a werden form ("weil er gewählt wurde").
    """
    part = _PART
    if strong:
        part = "(?:" + "|".join(re.escape(w) for w in sorted(strong, key=lambda w: (-len(w), w))) + "|" + _PART[3:]
    main = regexcache.compile(
        rf"(?<![\w-])(?P<w>{_WERDEN})(?![\w-])[^,;:–—.!?„“\"()]*?(?<![\w-])(?P<p>{part})"
        rf"(?=\s*(?:[,;:–—.!?“\"()]|$|\s+(?:werden|worden)(?![\w-])))"
    )
    final = regexcache.compile(rf"(?<![\w-])(?P<p>{part})\s+(?P<w>{_WERDEN})(?![\w-])")
    return main, final


_MODAL_DEMAND = regexcache.compile(
    r"(?:[Mm](?:uss|usst|üssen|üsst|usste|ussten|üsse|üsste|üssten)|[Ss](?:ollte|ollten|olltest)"
    r"|[Dd](?:arf|ürfen|ürfe|ürfte|ürften))(?![\w-])"
)
_MODAL_KEYS = tuple(key(w) for w in ("muss", "müss", "sollte", "darf", "dürf"))


class PassiveVoice(_SentenceKind):
    name = "passive-voice"
    defaults: ClassVar[dict[str, Any]] = {
        **_SentenceKind.defaults, **PILE_UP, "only_demands": True, "not_participles": "data/not-participles.txt",
        "participles": "data/participles.txt",
    }

    @cached_property
    def patterns(self) -> tuple[re.Pattern, re.Pattern]:
        return _passive_patterns([t.lower() for t in _terms(self, "participles")])

    @cached_property
    def not_participles(self) -> frozenset[str]:
        return frozenset(t.lower() for t in _terms(self, "not_participles"))

    def check(self, doc):
        return piled_up(doc, self._hits(doc), self.options)

    def _hits(self, doc):
        demands = bool(self.options["only_demands"])
        a = analyse(doc)
        if not a.sentences or (demands and not a.has_any(_MODAL_KEYS)):
            return
        forms = ("werden",) if demands else ("werd", "wird", "wurd", "würd", "word", "Werd", "Wird", "Wurd", "Würd")
        for s in a.sentences:
            text = s.text
            if not any(f in text for f in forms):
                continue
            if demands and not any(
                m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-")
                for m in _MODAL_DEMAND.finditer(text)
            ):
                continue
            hits = []
            used: set[int] = set()
            main, final = self.patterns
            for pattern in (final, main):
                for m in pattern.finditer(text):
                    if m.group("p").lower() in self.not_participles or m.start("p") in used or m.start("w") in used:
                        continue
                    if demands and m.group("w") != "werden":
                        continue
                    used.update((m.start("p"), m.start("w")))
                    hits.append(m)
            if hits and not self.quoted(doc, s):
                for m in sorted(hits, key=lambda m: m.start()):
                    yield self.report(doc, s.start + m.start(), s.start + m.end(), participle=m.group("p"))


class FillerWord(WordListKind):
    """Words from ``lists`` anywhere, and from ``initial_lists`` where they open a
    sentence, outside direct quotations; the fix deletes a word inside a sentence (unsafe)."""

    name = "filler-word"
    defaults: ClassVar[dict[str, Any]] = {**WordListKind.defaults, **PILE_UP, "initial_lists": [], "skip_quotes": True}

    @cached_property
    def needles(self) -> dict[bytes, list[re.Pattern]]:
        """One rare word of every entry (a noun, else the longest) and the entry's patterns.

        Each pattern starts with a literal, which the regex engine finds fast; a document
        without the rare word as a whole word needs no pattern at all.
        """
        out: dict[bytes, list[re.Pattern]] = {}
        for e in self.entries:
            if getattr(e, "exception", False):
                continue
            word = max(e.term.split(), key=lambda w: (w[:1].isupper(), len(w)))
            for term in getattr(e, "variants", ()) or (e.term,):
                for form in {term, term[:1].upper() + term[1:]}:
                    body = re.escape(form).replace(r"\ ", r"\s+")
                    out.setdefault(key(word).strip(), []).append(regexcache.compile(body + r"(?![\w-])"))
        return out

    @cached_property
    def initial_terms(self) -> list[str]:
        return sorted({t for name in self.options["initial_lists"] for t in _list_terms(self, name)}, key=lambda t: (-len(t), t))

    @cached_property
    def initial(self) -> re.Pattern | None:
        if not self.initial_terms:
            return None
        alternation = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in self.initial_terms)
        return regexcache.compile(rf"(?:{alternation})(?![\w-])")

    @cached_property
    def prefilter(self) -> tuple[bytes, ...]:
        """All rare words and sentence-initial words: looked for in the body text first
        (``Analysis.words_found``)."""
        return between_spaces(sorted({*self.needles, *self._initial_keys}))

    @cached_property
    def _initial_keys(self) -> frozenset[bytes]:
        return frozenset(key(t.split()[0]).strip() for t in self.initial_terms)

    def check(self, doc):
        return piled_up(doc, self._hits(doc), self.options)

    def _hits(self, doc):
        a = analyse(doc)
        present = a.words_found(self.prefilter)
        if not present:
            return
        prose = doc.prose
        found = []
        for needle in present:
            for pattern in self.needles.get(needle, ()):
                for m in pattern.finditer(prose):
                    if m.start() == 0 or not (prose[m.start() - 1].isalnum() or prose[m.start() - 1] in "-_"):
                        found.append((m.start(), m.end(), True))
        if self.initial is not None and not present.isdisjoint(self._initial_keys):
            for s in a.sentences:
                text = s.text.lstrip("„“\"»«‚‘'( ")
                m = self.initial.match(text)
                if m:
                    start = s.start + len(s.text) - len(text)
                    found.append((start, start + m.end(), False))
        last = -1
        for start, end, inside in sorted(found, key=lambda f: (f[0], -f[1])):
            if start < last:
                continue  # inside a longer match ("im Grunde" in "im Grunde genommen")
            last = end
            if self.options["skip_quotes"] and doc.in_quote(start, end):
                continue
            fix = None
            if inside and prose[start].islower():
                if end < len(prose) and prose[end] == " ":
                    fix = self.replacement(start, end + 1, "", title=f"„{prose[start:end]}“ streichen")
                elif start > 0 and prose[start - 1] == " ":
                    fix = self.replacement(start - 1, end, "", title=f"„{prose[start:end]}“ streichen")
            yield self.report(doc, start, end, fix=fix)


def _clause_words(kind: Kind) -> clauses.Words:
    """The word classes of ``lint.language.clauses`` from the kind's list options (absent: empty)."""

    def words(option: str) -> frozenset[str]:
        return frozenset(t.lower() for t in _terms(kind, option)) if option in kind.options else frozenset()

    return clauses.Words(
        words("subordinators"), words("relatives"), words("infinitive"), words("prepositions"), words("reporting")
    )


def _list_terms(kind: Kind, name: str) -> list[str]:
    out: list[str] = []
    for entry in load_wordlist(kind.rule.data_file(name)).entries:
        out.extend(getattr(entry, "variants", ()) or (entry.term,))
    return out


def _longest(doc, a, n: int = 3) -> str:
    """The ``n`` longest sentences as "Zeile 7 (58 Wörter), Zeile 3 (46 Wörter)"."""
    ranked = sorted(zip(a.sentence_words, range(len(a.sentences))), key=lambda p: (-p[0], p[1]))[:n]
    parts = []
    for words, i in ranked:
        line, column = doc.position(doc.to_source(a.sentences[i].start))
        parts.append(f"Zeile {line}" + (f", Spalte {column}" if column > 1 else "") + f" ({words} Wörter)")
    return "; ".join(parts)


def _costliest(doc, a, metric: str, low: float | None, high: float | None, n: int = 3) -> str:
    """The ``n`` sentences that pull ``metric`` furthest past its target, weighted by their
    words: "Zeile 7 („Mit einer Investition …“, 58 Wörter)". The newsroom index is
    judged by each sentence's Flesch value against the corpus median (43.5)."""
    per_sentence = "flesch_amstad" if metric == "index" else metric
    if metric == "index":
        low, high = 43.5, None
    cost = []
    # A sentence's own length needs no syllable count (RD003).
    values = a.sentence_words if per_sentence == "asl" else [getattr(x, per_sentence) for x in a.per_sentence]
    for i, (value, words) in enumerate(zip(values, a.sentence_words)):
        gap = (low - value) if low is not None else (value - high) if high is not None else 0.0
        if gap > 0:
            cost.append((-gap * words, i))
    parts = []
    for _cost, i in sorted(cost)[:n]:
        line, column = doc.position(doc.to_source(a.sentences[i].start))
        where = f"Zeile {line}" + (f", Spalte {column}" if column > 1 else "")
        parts.append(f"{where} („{_short(a.sentences[i].text, 40)}“, {a.sentence_words[i]} Wörter)")
    return "; ".join(parts) or "keiner allein"


def _short(text: str, limit: int = 60) -> str:
    """The start of a long sentence for the message ("Mit einer Investition von …")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 20 else limit] + " …"


@hookimpl
def register_kinds():
    return [ReadabilityTarget, SentenceLength, NestedSentence, NominalStyle, PassiveVoice, FillerWord]
