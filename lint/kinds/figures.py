"""``figures``: figures that need a source, and whether they have one.

A *figure* is an amount of money ("600 Milliarden Dollar", "$600 Milliarden"),
a percentage or percentage points ("17 %", "um 3 Prozentpunkte"), a count of a
listed noun or unit ("weniger als 200 Mitarbeitern", "2,5 Millionen Tonnen",
"30.000 Besucher"), a magnitude word ("Milliarden", "Zehntausende Chips"), a
ratio ("jeder dritte", "zwei Drittel", "mehr als die Hälfte") or a record or
ranking claim ("der größte Rückgang in der Geschichte", "an der Spitze der
Charts", "Rekordhoch"). Dates, years, times, ages ("45-Jährige"), scores
("2:1"), ordinals ("27."), model and version names ("R1", "V3", "Qwen
2.5-Max", "iPhone 16"), street, page and phone numbers and product codes are
no figures: a bare number is only a figure with a currency, a percent sign, a
scale word, a listed noun or unit, or when it is large (``min_count``) and
followed by a noun.

A figure is attributed when its sentence, or one of the ``window`` preceding
sentences of the same paragraph, carries an attribution (see
``lint.language.attribution``); a figure inside a direct quotation is attributed
when the sentences around the quotation name the speaker. A figure whose only
attribution is vague ("Experten zufolge") is left to the vague-source rule.

Message fields: ``{match}`` (the figure), ``{type}`` (its German type name with article, "Der Geldbetrag").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property, lru_cache
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.model.errors import ConfigError
from lint.plugins.hookspecs import hookimpl
from lint.language.attribution import (
    NAMED,
    NONE,
    SO_INQUIT,
    SOURCE_LABEL,
    VAGUE,
    ListOptions,
    block_sentences,
    cached_trie,
    compound_cues,
    nearby_sentences,
    extra_entries,
    share_words,
    share_words_later,
    shared_starts,
)
from lint.kinds.base import Kind
from lint.language.morphology import entry_forms
from lint.language.quotes import in_interview_answer
from lint.language.segment import split_sentences
from lint.language.wordlist import Entry

TYPES = {
    "money": "Der Geldbetrag",
    "percent": "Die Prozentangabe",
    "count": "Die Zahlenangabe",
    "magnitude": "Die Größenangabe",
    "ratio": "Die Anteilsangabe",
    "record": "Die Rekord- oder Ranglistenbehauptung",
}

_NUM = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
# A number that is not part of a name, date, time, score or code: no letter,
# digit, dot, colon, slash or hyphen before it; after it no digit behind a
# separator and no letter or hyphenated word ("45-Jährige", "R1", "2:1").
_NB = r"(?<![\w.,:/§#+\-–])"
_NE = r"(?![.,:/]\d)(?![\w])(?!-[A-Za-zÄÖÜäöü])"
_RANGE = rf"{_NUM}{_NE}(?:\s?%)?(?:\s*(?:bis(?:\s+zu)?|-|–)\s*{_NUM}{_NE})?"


def _words_alt(entries: list[Entry]) -> str:
    """An alternation of word-list terms as written; a lower-case term also
    capitalised unless tagged ``[exact]``; the words of a phrase joined by blanks."""
    alts = []
    for e in entries:
        first, *rest = [re.escape(w) for w in e.term.split()]
        c = e.term[:1]
        if "exact" not in e.tags and c.islower() and c.upper() != c:
            first = f"[{c.upper()}{c}]" + re.escape(e.term.split()[0][1:])
        alts.append(r"\s+".join([first, *rest]))
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=None)
def _qualifiers_before(alt: str) -> re.Pattern:
    """Up to two qualifiers ending right before a figure ("mehr als", "rund")."""
    return regexcache.compile(rf"(?:{alt}\s+){{1,2}}$")


@lru_cache(maxsize=None)
def _year_before(alt: str) -> re.Pattern:
    """A word right before a year that makes it a date ("im", "seit", "Oktober")."""
    return regexcache.compile(rf"(?:\b{alt}\s+)$")


_CONVERTED = regexcache.compile(r"(?:\b(?:umgerechnet|entspricht|entsprechen)\s+(?:\S+\s+)?|\(\s*)$")
# Prize money is public: "des mit 1,48 Millionen Dollar dotierten Turniers".
_PRIZE_AFTER = regexcache.compile(r"\s*(?:\)\s*)?(?:\S+\s+)?dotiert")
# A sentence in the first person is somebody's speech: "Ich hatte schon 80 Prozent …".
_FIRST_PERSON = regexcache.compile(r"\b(?:[Ii]ch|[Ww]ir|mir|mich|uns|unsere?[mnrs]?|meine?[mnrs]?)\b")
_SCALED = regexcache.compile(r"Mio|Mrd|Million|Milliard|Billion|Tausend|Hundert|Dutzend|Tsd")
# An agency dateline opening the body: "Wien – ", "Kiew/Moskau – ", "Sunrise (Florida) – ".
_DATELINE = regexcache.compile(r"[A-ZÄÖÜ][\w.]*(?:[ /-]+[A-ZÄÖÜ(][\w.()]*){0,3}\s*[–—-]\s")


def _teaser_end(prose: str, spans: list[tuple[int, int]]) -> int:
    """How many sentences open the block before an agency dateline: a kicker or
    teaser, which is a headline in all but layout ("18 Menschen verschleppt. Kabul – …")."""
    for i in range(1, min(4, len(spans))):
        if _DATELINE.match(prose, spans[i][0]):
            return i
    return 0


# An interview answer ("Müller: …") is somebody's speech; a question turn
# ("STANDARD:", "Frage:") names the interviewer, not a source.
_in_interview_answer = in_interview_answer


# Years the document names; a figure's sentence naming a year long before the latest is history.
_YEAR_ANY = regexcache.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,]\d)")
_DIGIT = regexcache.compile(r"\d")
_ENDS = regexcache.compile(r"[.!?…]")
# A source label ("Statistik Austria: …") at the start of a sentence other than the first.
_LABEL_AT_START = regexcache.compile(r"(?<=[.!?…“\"»)]\s)" + SOURCE_LABEL.pattern)
_NUMBER = regexcache.compile(r"\d[\d.]*(?:,\d+)?")


def _repeated(prose: str, number: str, since: int, before: int) -> bool:
    """Whether ``number`` stands earlier in the paragraph: a repeated figure is
    reported at its first mention. Short numbers ("17") are not compared: they
    are days and ordinals as often as figures."""
    number = number.rstrip(".")
    if len(number.replace(".", "").replace(",", "")) < 3:
        return False
    i = prose.find(number, since, before)
    while i != -1:
        j = i + len(number)
        if not (i and (prose[i - 1].isdigit() or prose[i - 1] in ".,")) and not (
            j < len(prose) and (prose[j].isdigit() or (prose[j] in ".," and prose[j + 1 : j + 2].isdigit()))
        ):
            return True
        i = prose.find(number, i + 1, before)
    return False


_WORD_VALUES = {
    "ein": 1, "eine": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
    "fünfzig": 50, "hundert": 100, "tausend": 1000,
}
_SCALE_VALUES = (("tausend", 10**3), ("tsd", 10**3), ("mio", 10**6), ("million", 10**6), ("mrd", 10**9), ("milliard", 10**9), ("billion", 10**12))


def _count_value(text: str) -> float:
    """The value of a count figure: "rund 400 Personen" 400, "zwei Millionen Menschen" 2,000,000."""
    value = None
    for w in text.lower().split():
        if value is None and w[:1].isdigit():
            try:
                value = float(w.rstrip(".").replace(".", "").replace(",", "."))
            except ValueError:
                return float("inf")
        elif value is None and w in _WORD_VALUES:
            value = _WORD_VALUES[w]
        elif value is not None:
            return value * next((v for k, v in _SCALE_VALUES if w.startswith(k)), 1)
    return float("inf") if value is None else value


_MAGNITUDES = (
    ("Dutzend", 12), ("Hunderttausend", 100000), ("Hundert", 100), ("Zehntausend", 10000), ("Tausend", 1000),
    ("Million", 1000000), ("Milliard", 10**9), ("Billion", 10**12),
)


def _magnitude(text: str) -> int:
    """The size a bare magnitude word stands for: "Zehntausende Chips" 10,000."""
    for prefix, value in _MAGNITUDES:
        if text.startswith(prefix):
            return value
    return 10**12


# A sentence that refers back to the one before: "Das teilte … mit", "So eine Studie …".
_POINTS_BACK = regexcache.compile(r"(?:Das|Dies|Diese|Dieser|Dieses|So|Demnach)\b")
_ORD = r"(?:zweite|dritte|vierte|fünfte|sechste|siebte|achte|neunte|zehnte|zwanzigste|hundertste)[nrs]?"
_FRAC = r"(?:Drittel|Viertel|Fünftel|Sechstel|Achtel|Zehntel)"
_SUPERLATIVE = regexcache.compile(r"\b(?:[a-zäöüß]{2,}[sß]te[nmrs]?|meiste[nmrs]?)\b")
# Ordinals are no superlatives: "der sechste Spieler in der Geschichte" counts, it does not rank.
_ORDINALS = regexcache.compile(r"(?:ers|zwei|dritt|viert|fünft|sechs|sieb|acht|neun|zehn|elf|zwölf|\w+zig|\w+ßig|hundert|tausend|letz|nächs)te[nmrs]?")
# A number in the years before a noun is a date, not a count ("im Jahr 2015
# Flüchtlinge"); the words before it are the ``year_words`` list.
_YEAR = regexcache.compile(r"(?:1[89]|20)\d\d")


def _alt(entries: list[Entry]) -> str:
    forms: set[str] = set()
    for entry in entries:
        forms |= entry_forms(entry)
    return cached_trie(forms)


class Figures(ListOptions, Kind):
    name = "figures"
    defaults: ClassVar[dict[str, Any]] = {
        "types": list(TYPES),
        "window": 2,
        "window_with_number": -1,
        "after": 0,
        "headings": False,
        "min_count": 100000,
        "min_money": 1000000,
        "min_magnitude": 10000,
        "history": 5,
        "words": [],
        "cues": ["data/cues.txt", "data/konjunktiv.txt"],
        "vague": ["data/vague-sources.txt"],
        "opinion_verbs": ["data/opinion-verbs.txt"],
        "determiners": ["data/name-determiners.txt"],
        "source_before": ["data/source-before.txt"],
        "currencies": ["data/currencies.txt"],
        "scales": ["data/scales.txt"],
        "number_words": ["data/number-words.txt"],
        "count_nouns": ["data/count-nouns.txt"],
        "units": ["data/units.txt"],
        "not_counted": ["data/not-counted.txt"],
        "people": ["data/people-nouns.txt"],
        "harm": ["data/harm-words.txt"],
        "min_people": 1000,
        "records": ["data/records.txt"],
        "rankings": ["data/rankings.txt"],
        "charts": ["data/charts.txt"],
        "qualifiers": ["data/figure-qualifiers.txt"],
        "small_numbers": ["data/figure-numbers.txt"],
        "articles": ["data/figure-articles.txt"],
        "starters": ["data/figure-starters.txt"],
        "year_words": ["data/year-words.txt"],
        "interviewer_labels": ["../_shared/data/interviewer-labels.txt"],
    }

    @cached_property
    def qualifiers_before(self) -> re.Pattern:
        return _qualifiers_before(_words_alt(self._entries("qualifiers")))

    @cached_property
    def year_before(self) -> re.Pattern:
        return _year_before("(?:" + "|".join(re.escape(e.term) for e in self._entries("year_words")) + ")")

    @cached_property
    def starters(self) -> frozenset[str]:
        """Words a figure can start with before its trigger word ("zwei Tote", "eine
        Milliarde", "mehr als die Hälfte", "in der Geschichte", "an der Spitze")."""
        return frozenset(e.term.lower() for e in self._entries("starters"))

    @cached_property
    def askers(self) -> tuple[str, ...]:
        """Labels of the interviewer's turns ("STANDARD:", "Frage:"), upper case."""
        return tuple(e.term.upper() for e in self._entries("interviewer_labels"))

    @cached_property
    def types(self) -> frozenset[str]:
        types = frozenset(self.options["types"])
        unknown = types - set(TYPES)
        if unknown:
            raise ConfigError(f"{self.rule.file}: unknown figure type(s) {', '.join(sorted(unknown))}; allowed: {', '.join(TYPES)}")
        return types

    def extra_cues(self) -> list[Entry]:
        return extra_entries(self.options["words"], self.rule.file)

    @cached_property
    def pattern(self) -> re.Pattern:
        small = self._entries("small_numbers")
        _SMALLNUM = _words_alt(small)
        _WORDNUM = _words_alt(small + self._entries("articles"))
        cur_entries = self._entries("currencies")
        cur_words = _alt([e for e in cur_entries if e.term[:1].isalpha()])
        cur_symbols = "".join(re.escape(e.term) for e in cur_entries if not e.term[:1].isalpha()) or "\x00"
        cur = rf"(?:(?:{cur_words})(?![\w])|[{cur_symbols}])"
        scale = rf"(?:{_alt(self._entries('scales'))})(?!\w)"
        magword = rf"(?:{_alt(self._entries('number_words'))})(?![\w-])"
        nouns = rf"(?:{_alt(self._entries('count_nouns'))})(?![\w-])"
        units = rf"(?:{_alt(self._entries('units'))})(?![\w-])"
        # An adjective between number and noun: "zwei neue Jobs", not "Risiko zwei zum Opfer".
        adj = r"(?:[a-zäöüß][\w-]{2,}(?:e|en|er|es|em)\s+)?"
        not_counted = rf"(?:{_alt(self._entries('not_counted'))})(?![\w-])"
        # Figures that start with a word; those that start with a digit or a
        # currency symbol are the digit pattern's (below).
        parts = {
            "money": [
                rf"(?:{_WORDNUM}|{magword})(?:\s+{scale})?\s+(?:von\s+)?{cur}",
                rf"{scale}-(?:{cur_words})-[\w-]+",
            ],
            "percent": [rf"{_WORDNUM}\s+(?:Prozentpunkt\w*|Prozent(?![\w-]))"],
            "count": [
                rf"{_SMALLNUM}(?:\s+{scale})?\s+{adj}(?:{nouns}|{units})",
                rf"{_WORDNUM}\s+{scale}",
            ],
            "magnitude": [rf"{magword}(?:\s+{magword})*(?:\s+(?:von\s+)?{adj}[A-ZÄÖÜ][\w-]*)?"],
            "ratio": [
                rf"[Jj]ede[rsnm]?\s+{_ORD}(?![\w-])",
                rf"(?:[Ee]in|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]ieben|[Nn]eun)\s+{_FRAC}(?![\w-])",
                rf"(?:[Mm]ehr\s+als|[Ww]eniger\s+als|[Ff]ast|[Kk]napp|[Rr]und|[Ee]twa|[Üü]ber)\s+die\s+Hälfte(?![\w-])",
                rf"(?:[Ee]iner|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|[Ss]ieben|[Aa]cht|[Nn]eun)\s+von\s+(?:zehn|hundert)\s+[A-ZÄÖÜ][\w-]*",
            ],
            "record": [
                rf"(?:{_alt(self._entries('rankings'))})(?![\w-])",
                rf"an\s+(?:der|die)\s+Spitze\s+(?:der|des)\s+(?:[\w.-]+\s+){{0,3}}?[\w-]*?(?:{_alt(self._entries('charts'))})(?![\w-])",
                rf"(?P<anchor>(?:{_alt(self._entries('records'))})(?![\w-]))",
            ],
        }
        groups = [f"(?P<{t}>{'|'.join(parts[t])})" for t in TYPES if t in self.types]
        # The same figures that start with a digit or currency symbol, factored
        # on the number so that the scan over the whole text stays fast.
        types = self.types
        # After the number: a percent sign, or an optional scale word and then
        # a currency, a listed noun or unit, or nothing more ("5,6 Millionen").
        # Written once each, so the pattern stays small and quick to compile.
        after = []
        if "percent" in types:
            after.append(r"(?P<percent_c>\s?(?:%|Prozentpunkt\w*|Prozent(?![\w-])))")
        tails = []
        if "money" in types:
            tails.append(rf"(?P<money_c>\s*{cur})")
        if "count" in types:
            tails.append(rf"(?P<count_c>\s+{adj}(?:{nouns}|{units}))")
            tails.append(r"(?(sc)(?P<count_s>)|(?!))")
        if tails:
            after.append(rf"(?P<sc>\s+{scale})?(?:{'|'.join(tails)})")
        if "count" in types:
            # Any noun after a large number ("30.000 Schutzsuchende"), not after a
            # bare four-digit number (a year: "2016 sind Ausgaben") or a unit of time or length.
            after.append(rf"(?P<count_big>(?<=\d\d\d\d\d|\d\.\d\d\d)\s+{adj}(?!{not_counted})[A-ZÄÖÜ][\wäöüß]+(?![\w-]))")
        # The first character is matched before anything else (a digit or a
        # symbol, then a look back): that lets the regex engine skip ahead to
        # digits, about four times faster than a lookbehind first.
        first = rf"[0-9{cur_symbols}](?<![\w.,:/§#+\-–][0-9{cur_symbols}])"
        rest = r"(?:\d{0,2}(?:\.\d{3})+|\d*)(?:,\d+)?"
        range_rest = rf"(?:\s?%)?(?:\s*(?:bis(?:\s+zu)?|-|–)\s*{_NUM}{_NE})?"
        heads = []
        if "money" in types:
            heads.append(rf"(?<=[{cur_symbols}])(?P<money_s>\s?{_RANGE}(?:\s+{scale})?)")
        digit_heads = []
        if "money" in types:
            digit_heads.append(rf"(?P<money_x>-{scale}-(?:{cur_words})(?:-[\w-]+)?)")
        if after:
            digit_heads.append(rf"{_NE}{range_rest}(?:{'|'.join(after)})")
        if digit_heads:
            heads.append(rf"(?<=[0-9]){rest}(?:{'|'.join(digit_heads)})")
        self.digit_pattern = regexcache.compile(rf"{first}(?:{'|'.join(heads)})") if heads else None
        if not groups:
            return regexcache.compile("(?!)")
        # Money before count before magnitude: the first reading that matches at a place wins.
        return regexcache.compile(rf"{_NB}(?:{'|'.join(groups)})")

    @cached_property
    def triggers(self) -> frozenset[str]:
        try:
            return self._trigger_words()
        except ValueError as exc:
            raise self._config_error(exc) from None

    def _trigger_words(self) -> frozenset[str]:
        """The words that mark the places where a figure can start.

        Scanning the whole text with the full pattern is slow (it tries every
        alternative at every word); instead one scan (``digit_scan``) finds digits
        and currency symbols and the shared word scan finds these few words every other figure contains
        ("Milliarden", "Prozent", "Drittel", "Mitarbeiter", "Spitze",
        "Geschichte"). The full pattern then runs only from those places and
        the words just before them ("eine Milliarde Dollar", "zwei Tote").
        """
        types = self.types
        words: set[str] = set()
        record_words: set[str] = set()
        if types & {"money", "count", "magnitude", "percent"}:
            for option in ("scales", "number_words"):
                for e in self._entries(option):
                    words |= entry_forms(e)
        if "percent" in types:
            words |= {"Prozent", "Prozentpunkt", "Prozentpunkte", "Prozentpunkten"}
        if "count" in types:
            for option in ("count_nouns", "units"):
                for e in self._entries(option):
                    words |= entry_forms(e)
        if "ratio" in types:
            words |= {"Drittel", "Viertel", "Fünftel", "Sechstel", "Achtel", "Zehntel", "Hälfte"}
            words |= {"jede", "jeder", "jedes", "jeden", "jedem", "Jede", "Jeder", "Jedes", "Jeden", "Jedem"}
        if "record" in types:
            words |= {"Spitze"}
            for option in ("rankings", "records"):
                for e in self._entries(option):
                    for form in entry_forms(e):
                        parts = form.split()
                        # The phrase's rarest word: a capitalised one, else the last.
                        caps = [w for w in parts if w[:1].isupper()]
                        record_words.add(caps[-1] if caps else parts[-1])
            words |= record_words
        # Nouns and number words are capitalised; lower-case variants only slow the scan down.
        words = {w.rstrip(".") for w in words if w[:1].isupper() or w.startswith("jede") or w in record_words}
        return frozenset(words)

    @cached_property
    def digit_scan(self) -> re.Pattern | None:
        self.pattern  # builds digit_pattern too
        return self.digit_pattern

    def __init__(self, rule, options, setup=None):
        super().__init__(rule, options, setup)
        share_words_later(lambda: self.triggers)

    def matches(self, doc) -> list[re.Match]:
        """Figure matches in text order, none overlapping."""
        prose = doc.prose
        words = self.triggers
        digits = self.digit_scan
        pattern = self.pattern
        starters = self.starters
        found: list[re.Match] = list(digits.finditer(prose)) if digits is not None else []
        if words:
            share_words(words)
            starts: set[int] = set()
            for i, word in shared_starts(doc):
                if word not in words:
                    continue
                if i and (prose[i - 1].isalnum() or prose[i - 1] == "-"):
                    continue  # inside a word or compound
                starts.add(i)
                # Up to three words back: "eine Milliarde", "mehr als die Hälfte", "in der Geschichte".
                base = max(0, i - 40)
                chunk = prose[base:i]
                if not any(w.lower() in starters for w in chunk.rsplit(None, 3)[-3:]):
                    continue  # the common case, found in C
                end = len(chunk)
                for _ in range(3):
                    end = len(chunk[:end].rstrip())
                    start = max(chunk.rfind(" ", 0, end), chunk.rfind("\n", 0, end)) + 1
                    if end == 0 or (start == 0 and base > 0):
                        break
                    if chunk[start:end].lower() in starters:
                        starts.add(base + start)
                    end = start
            for i in sorted(starts):
                m = pattern.match(prose, i)
                if m is not None:
                    found.append(m)
            found.sort(key=lambda m: (m.start(), -m.end()))
        out = []
        consumed = -1
        for m in found:
            if m.start() >= consumed:
                out.append(m)
                consumed = m.end()
        return out

    def check(self, doc):
        prose = doc.prose
        window = max(0, int(self.options["window"]))
        after = max(0, int(self.options["after"]))
        headings = bool(self.options["headings"])
        history = max(0, int(self.options["history"]))
        min_magnitude = int(self.options["min_magnitude"])
        window_with_number = int(self.options["window_with_number"])
        status_cache: dict[tuple[int, int], str] = {}
        # Sentences whose figures have a source: they pass it on to the figures after them.
        sourced: list[int] = []
        blocks = doc.blocks
        latest_year = None
        for m in self.matches(doc):
            # Cheap tests first; the context searches run only for figures without a source.
            group = m.lastgroup if m.lastgroup != "sc" else "count_s"
            kind = group.split("_")[0]
            start, end = m.span()
            if kind == "money" and not self._large_money(m.group(0)):
                continue
            if kind == "count" and not self._is_count(prose, m, group.startswith("count_big")):
                continue
            if kind == "count" and not self._people_claim(prose, m):
                continue  # "60 Personen standen zur Auswahl": people seen, not a casualty or police figure
            if kind == "magnitude" and _magnitude(m.group(0)) < min_magnitude:
                continue  # "Hunderte Flüchtlinge", "Dutzende Fans": a rough size, not a figure anyone counted
            b = self._block_of(doc, start)
            if b < 0 or (not headings and blocks[b].kind == "heading"):
                continue
            if kind == "record" and m.group("anchor") is not None and self._superlative_span(prose, max(blocks[b].start, start - 90), start) is None:
                continue  # "der sechste Spieler in der Geschichte": no superlative, no claim (checked again in the sentence)
            if kind != "record" and self._cue_before(doc, b, start, window):
                sourced.append(start)
                continue  # the common case, decided without splitting sentences
            b, spans, si, head, tail = nearby_sentences(doc, start, end)
            if si < 0:
                continue
            s_start, s_end = spans[si]
            back = window
            if kind == "record" and window_with_number >= 0 and _DIGIT.search(prose, s_start, s_end):
                back = window_with_number  # "hat mit 3.850 Rekordniveau erreicht": the record restates a figure, sourced as figures are
            quote = doc.in_quote(start, end)
            verdict = self._verdict(doc, spans, si, back, after, quote, status_cache, sourced)
            if verdict != NAMED and si - back < 0 and not head and kind != "record" and self._nothing_before(doc, b, spans[0][0]):
                head = True  # no cue, vague source, inquit or source label before the split region
            if verdict != NAMED and ((si - back < 0 and not head) or (si + after >= len(spans) and not tail)):
                # The window reaches past the split region: split the whole block.
                b, spans, si = block_sentences(doc, start)
                verdict = self._verdict(doc, spans, si, back, after, quote, status_cache, sourced)
            if verdict == NAMED:
                sourced.append(start)
            if verdict != NONE:
                continue
            if not headings and start < self._teaser_end(doc, b):
                continue
            if prose[s_start:s_end].rstrip("“”\"»«'’)").endswith("?"):
                continue  # a question claims nothing: "Kann man das zu 100 Prozent verhindern?"
            if _FIRST_PERSON.search(prose, s_start, s_end) or _in_interview_answer(prose, blocks[b].start, s_start, self.askers):
                sourced.append(start)
                continue  # "Müller: Wir haben 5,2 Millionen Stimmen erhalten.": the speaker is named
            if history:
                if latest_year is None:
                    latest_year = max((int(y) for y in _YEAR_ANY.findall(prose)), default=0)
                years = [int(y) for y in _YEAR_ANY.findall(prose, max(s_start, start - 80), start)]
                if years and min(years) <= latest_year - history:
                    continue  # "… seit 2009, als das BIP um 7,9 Prozent einbrach": history, on record
            number = _NUMBER.search(prose, start, end)
            if number is not None and _repeated(prose, number.group(0), blocks[b].start, start):
                continue  # "… sind es mehr als 165.000. Mehr als 165.000 Antworten …": said before, circled once
            qual = self.qualifiers_before.search(prose, max(0, start - 30), start)
            if qual is not None and kind != "record":
                start = qual.start()
            if _CONVERTED.search(prose, max(0, start - 20), start):
                continue  # "(umgerechnet etwa 367 Millionen Euro)" restates a figure
            if kind == "money" and _PRIZE_AFTER.match(prose, end, end + 30):
                continue
            if kind == "record" and m.group("anchor") is not None:
                span = self._superlative_span(prose, s_start, start)
                if span is None:
                    continue
                start = span
            yield self.report(doc, start, end, type=TYPES[kind])

    def _verdict(self, doc, spans, si, back, after, quote, status_cache, sourced) -> str:
        """``named``, ``vague`` or ``none``: the best attribution among the figure's
        sentence, the ``back`` sentences before it, the speaker of its quotation and
        the sentences after it ("… 17 Prozent. Das teilte die Behörde mit.")."""
        prose = doc.prose
        candidates = spans[max(0, si - back) : si + 1][::-1]
        if quote is not None:
            for q in (quote[0], max(quote[0], quote[1] - 1)):
                qb, qspans, qi, _, _ = nearby_sentences(doc, q, q + 1)
                if qi >= 0:
                    candidates.append(qspans[qi])
                    if q != quote[0] and qi + 1 < len(qspans):
                        candidates.append(qspans[qi + 1])
        # A next sentence that points back always counts; with ``after`` the next few do.
        nxt = si + 1
        if nxt < len(spans) and _POINTS_BACK.match(prose, spans[nxt][0]):
            candidates.append(spans[nxt])
        candidates.extend(spans[nxt : nxt + after])
        verdict = NONE
        own = spans[si]
        for span in candidates:
            if span[0] < own[0] and any(span[0] <= p < span[1] for p in sourced):
                return NAMED  # a run of figures from one source: "Laut Eurostat … 9,7 Prozent. Griechenland 25,4 Prozent …"
            status = status_cache.get(span)
            if status is None:
                status = status_cache[span] = self.attribution.status(prose, span[0], span[1])
            if status == NAMED:
                return NAMED
            if status == VAGUE:
                verdict = VAGUE
        return verdict

    @staticmethod
    def _block_of(doc, offset: int) -> int:
        cache = doc.__dict__.setdefault("_newslint_block_sentences", {})
        starts = cache.get("starts")
        if starts is None:
            starts = cache["starts"] = [b.start for b in doc.blocks]
        return bisect_right(starts, offset) - 1

    def _hits(self, doc, b: int, lo: int, hi: int) -> list:
        """Cue and vague-source places of block ``b``, scanned at least over
        ``lo:hi``: ``[lo, hi, cues, vague]``. The scanned stretch grows as
        figures need it, so text far from any figure is never scanned; pieces
        overlap so that no phrase is cut (a place found twice is kept once)."""
        cache = doc.__dict__.setdefault("_newslint_block_cues", {})
        key = (id(self.attribution), b)
        hits = cache.get(key)
        if hits is not None and hits[0] <= lo and hi <= hits[1]:
            return hits
        prose = doc.prose
        both = self.attribution.both
        vague_terms = self.attribution.vague_terms
        cues, vague = (set(), set()) if hits is None else (set(hits[2]), set(hits[3]))
        if hits is None:
            pieces = [(lo, hi)]
        else:
            pieces = []
            if lo < hits[0]:
                pieces.append((lo, hits[0] + 40))
            if hi > hits[1]:
                pieces.append((hits[1] - 40, hi))
            lo, hi = min(lo, hits[0]), max(hi, hits[1])
        for p_lo, p_hi in pieces:
            for s, _e, entry in both.finditer(prose, p_lo, p_hi):
                (vague if entry.term in vague_terms else cues).add(s)
            cues.update(compound_cues(prose, p_lo, p_hi))
        hits = cache[key] = [lo, hi, sorted(cues), sorted(vague)]
        return hits

    def _cue_before(self, doc, b: int, start: int, window: int) -> bool:
        """Whether a cue stands before ``start`` in block ``b``, at most ``window``
        sentence ends back, with no vague source near it: then the figure is
        attributed, whatever the exact sentence boundaries are (a count of
        sentence-ending marks is never below the count of sentences). The
        text is scanned from 500 characters before the figure, further back
        only when no cue is found there."""
        block = doc.blocks[b]
        lo = max(block.start, start - 500)
        hi = min(block.end, start + 400)
        while True:
            hits = self._hits(doc, b, lo, hi)
            lo, cues, vague = hits[0], hits[2], hits[3]
            for i in range(bisect_right(cues, start) - 1, -1, -1):
                c = cues[i]
                if c < lo:
                    break
                if c - 400 < lo and lo > block.start:
                    break  # its vague neighbours are not scanned yet
                # A vague source nearer than 400 characters may share its sentence.
                if bisect_right(vague, c + 400) > bisect_right(vague, c - 400):
                    continue
                return len(_ENDS.findall(doc.prose, c, start)) <= window
            else:
                if lo == block.start:
                    return False
            if lo == block.start:
                return False
            lo = max(block.start, lo - 2000)

    def _nothing_before(self, doc, b: int, end: int) -> bool:
        """Whether the block's text before ``end`` holds no attribution at all
        (``_cue_before`` has scanned it): then its sentences need no split."""
        hits = doc.__dict__.get("_newslint_block_cues", {}).get((id(self.attribution), b))
        start = doc.blocks[b].start
        if hits is None or hits[0] > start:
            return False
        cues, vague = hits[2], hits[3]
        if (cues and cues[0] < end) or (vague and vague[0] < end):
            return False
        prose = doc.prose
        return not (SO_INQUIT.search(prose, start, end) or SOURCE_LABEL.match(prose, start, end) or _LABEL_AT_START.search(prose, start, end))

    @staticmethod
    def _teaser_end(doc, b: int) -> int:
        """Where the teaser before an agency dateline ends in block ``b`` (its start if none)."""
        cache = doc.__dict__.setdefault("_newslint_teasers", {})
        found = cache.get(b)
        if found is None:
            block = doc.blocks[b]
            hi = min(block.end, block.start + 1200)
            spans = split_sentences(doc.prose, block.start, hi)
            if hi < block.end:
                spans = spans[:-1]
            n = _teaser_end(doc.prose, spans)
            found = cache[b] = spans[n][0] if n else block.start
        return found

    def _large_money(self, text: str) -> bool:
        """Whether an amount reaches ``min_money``: prices and fines ("ab 739 Euro")
        are the vendor's or the court's own figures; budgets, losses and values are claims."""
        if _SCALED.search(text):
            return True
        number = re.search(r"\d[\d.]*(?:,\d+)?", text)
        if number is None:
            return True
        try:
            value = float(number.group(0).rstrip(".").replace(".", "").replace(",", "."))
        except ValueError:
            return True
        return value >= float(self.options["min_money"])

    @cached_property
    def _people(self) -> tuple[frozenset[str], re.Pattern]:
        people: set[str] = set()
        for e in self._entries("people"):
            people |= entry_forms(e)
        harm = _alt(self._entries("harm")) or "(?!)"
        return frozenset(people), regexcache.compile(rf"(?<![\w-])(?:{harm})(?![\w-])")

    def _people_claim(self, prose: str, m: re.Match) -> bool:
        """A count of people needs a source when it is large (``min_people``) or
        its sentence reports harm; other counts of people are seen, not claimed."""
        text = m.group(0)
        people, harm = self._people
        if text.rsplit(None, 1)[-1] not in people:
            return True
        if _count_value(text) >= int(self.options["min_people"]):
            return True
        lo = max(prose.rfind(".", 0, m.start()), m.start() - 200) + 1
        hi = prose.find(".", m.end())
        return harm.search(prose, lo, hi if hi != -1 else len(prose)) is not None

    @cached_property
    def _not_counted(self) -> re.Pattern:
        return regexcache.compile(rf"\s+(?:{_alt(self._entries('not_counted'))})(?![\w-])")

    def _is_count(self, prose: str, m: re.Match, any_noun: bool) -> bool:
        """Drop years read as counts ("im Jahr 2015 Flüchtlinge"), spans of
        time and length ("vor 382 Millionen Jahren") and, before an unlisted
        noun, numbers below ``min_count``."""
        text = m.group(0)
        if m.lastgroup in ("count_s", "sc") and self._not_counted.match(prose, m.end()):
            return False
        number = re.search(r"\d[\d.]*", text)
        if number is None:
            return True
        digits = number.group(0).rstrip(".")
        if any_noun and int(digits.replace(".", "")) < int(self.options["min_count"]):
            return False
        if _YEAR.fullmatch(digits) and self.year_before.search(prose, max(0, m.start() - 20), m.start() + number.start()):
            return False
        return True

    @staticmethod
    def _superlative_span(prose: str, s_start: int, start: int) -> int | None:
        """Where the superlative before a record anchor starts, within its sentence."""
        lo = max(s_start, start - 90)
        found = None
        for s in _SUPERLATIVE.finditer(prose, lo, start):
            if not _ORDINALS.fullmatch(s.group(0)):
                found = s.start()
        if found is None:
            return None
        # Include the article before the superlative: "der größte ...".
        article = re.search(r"(?:\b(?:der|die|das|den|dem|des|am|zum)\s+)$", prose[max(lo, found - 5) : found])
        return found - len(article.group(0)) if article else found


@hookimpl
def register_kinds():
    return [Figures]
