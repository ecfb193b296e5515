"""Figure detection: where a text states a figure, and which kind of figure it is.

A *figure* is an amount of money ("600 Milliarden Dollar", "$600 Milliarden"),
a percentage or percentage points ("17 %", "um 3 Prozentpunkte"), a count of a
listed noun or unit ("weniger als 200 Mitarbeitern", "2,5 Millionen Tonnen",
"30.000 Besucher"), a count of people named by a person noun of any kind
("1.200 Pendler", "40 Demonstrierende", see ``lint.language.person_nouns``), a
magnitude word ("Milliarden", "Zehntausende Chips"), a ratio ("jeder dritte",
"zwei Drittel", "mehr als die Hälfte") or a record or ranking claim ("der
größte Rückgang in der Geschichte", "an der Spitze der Charts", "Rekordhoch").
Dates, years, times, ages ("45-Jährige"), scores ("2:1"), ordinals ("27."),
model and version names ("R1", "V3", "Qwen 2.5-Max", "iPhone 16"), street,
page and phone numbers and product codes are no figures: a bare number is only
a figure with a currency, a percent sign, a scale word, a listed noun or unit,
or when it is large (``min_count``) and followed by a noun.

The vocabulary comes from the rule's word lists (``lists(option)``); this
module holds the mechanism only. Whether a figure has a source is
``lint.language.figure_context``'s question.
"""

from __future__ import annotations

import marshal
import re
from functools import cached_property, lru_cache
from typing import Any, Callable

from lint.cache import regexcache
from lint.cache.store import blake2b
from lint.language import attribution, morphology
from lint.language.attribution import Scanner, cached_trie
from lint.language.morphology import entry_forms
from lint.language.person_nouns import PersonNouns
from lint.language.quantities import char_places, number_starts
from lint.language.segment import matches_at
from lint.language.wordlist import Entry
from lint.model.record import named_tuple

TYPES = {
    "money": "Der Geldbetrag",
    "percent": "Die Prozentangabe",
    "count": "Die Zahlenangabe",
    "magnitude": "Die Größenangabe",
    "ratio": "Die Anteilsangabe",
    "record": "Die Rekord- oder Ranglistenbehauptung",
    "change": "Die Veränderungsangabe",
}

# A number, taken whole: an atomic group, for what follows a number is either "-" or
# ``_NE``, which refuses a digit and a separator before a digit, and every shorter
# reading leaves one of them next; the regex engine then does not try them (about a
# tenth fewer instructions where a figure pattern fails after a number, most places).
_NUM = r"(?>(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?)"
# A number that is not part of a name, date, time, score or code: no letter,
# digit, dot, colon, slash or hyphen before it; after it no digit behind a
# separator and no letter or hyphenated word ("45-Jährige", "R1", "2:1").
_NB = r"(?<![\w.,:/§#+\-–])"
_NE = r"(?![.,:/]\d)(?![\w])(?!-[A-Za-zÄÖÜäöü])"
_RANGE = rf"{_NUM}{_NE}(?:\s?%)?(?:\s*(?:bis(?:\s+zu)?|-|–)\s*{_NUM}{_NE})?"


def _words_alt(entries: list[Entry], look_ahead: bool = False) -> str:
    """An alternation of word-list terms as written; a lower-case term also
    capitalised unless tagged ``[exact]``; the words of a phrase joined by blanks.
    ``look_ahead``: opened with a look ahead at the terms' first letters, for a pattern
    tried (``match``) at given places: where no term can start (most places the figure
    pattern is tried at) it fails on one character test instead of one test per term.
    Not for a pattern searched for: the look ahead would hide the first letters from
    the regex engine, which then tries every place instead of skipping to them."""
    alts = []
    firsts: set[str] = set()
    for e in entries:
        words = e.term.split()
        first, *rest = [re.escape(w) for w in words]
        c = e.term[:1]
        if "exact" not in e.tags and c.islower() and c.upper() != c:
            first = f"[{c.upper()}{c}]" + re.escape(words[0][1:])
            firsts.update(c.upper() + c)
        else:
            firsts.add(words[0][:1])
        alts.append(r"\s+".join([first, *rest]))
    alternation = "(?:" + "|".join(alts) + ")"
    if not look_ahead or not firsts:
        return alternation
    return "(?=[" + "".join(re.escape(ch) for ch in sorted(firsts)) + "])" + alternation


@lru_cache(maxsize=None)
def _qualifiers_before(alt: str) -> re.Pattern:
    """Up to two qualifiers ending right before a figure ("mehr als", "rund")."""
    return regexcache.compile(rf"(?:{alt}\s+){{1,2}}$")


@lru_cache(maxsize=None)
def _year_before(alt: str) -> re.Pattern:
    """A word right before a year that makes it a date ("im", "seit", "Oktober")."""
    return regexcache.compile(rf"(?:\b{alt}\s+)$")



_SCALED = regexcache.compile(r"Mio|Mrd|Million|Milliard|Billion|Tausend|Hundert|Dutzend|Tsd")
# Compiled once (``re.search`` with a pattern's text looks it up in re's cache on every call).
#: The amount of money in a figure's text, its digits of a count, and the article before a superlative.
_AMOUNT = regexcache.compile(r"\d[\d.]*(?:,\d+)?")
_DIGITS = regexcache.compile(r"\d[\d.]*")
_ARTICLE_BEFORE = regexcache.compile(r"(?:\b(?:der|die|das|den|dem|des|am|zum)\s+)$")

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


_ORD = r"(?:zweite|dritte|vierte|fünfte|sechste|siebte|achte|neunte|zehnte|zwanzigste|hundertste)[nrs]?"
_FRAC = r"(?:Drittel|Viertel|Fünftel|Sechstel|Achtel|Zehntel)"
# "-ste" not after "s" ("musste") and "größte", not the past tense of "-ßen" verbs ("begrüßte").
_SUPERLATIVE = regexcache.compile(r"\b(?:[a-zäöüß]{2,}(?<![sß])ste[nmrs]?|größte[nmrs]?|meiste[nmrs]?)\b")
# Ordinals are no superlatives: "der sechste Spieler in der Geschichte" counts, it does not rank.
_ORDINALS = regexcache.compile(r"(?:ers|zwei|dritt|viert|fünft|sechs|sieb|acht|neun|zehn|elf|zwölf|\w+zig|\w+ßig|\w*(?:hundert|tausend|million|milliard)s?|letz|nächs)te[nmrs]?")
# A number in the years before a noun is a date, not a count ("im Jahr 2015
# Flüchtlinge"); the words before it are the ``year_words`` list.
_YEAR = regexcache.compile(r"(?:1[89]|20)\d\d")


def _alt(entries: list[Entry]) -> str:
    forms: set[str] = set()
    for entry in entries:
        forms |= entry_forms(entry)
    return cached_trie(forms)


# "einstelligen", "dreistelliger": a magnitude by its number of digits.
_DIGITS_WORD = r"(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)stellig(?:e|en|er|es|em)"
# Change given as a factor, without a number: "hat sich verdreifacht", "halbierte sich".
_CHANGE_STEMS = ("verdoppel", "verdreifach", "vervierfach", "verfünffach", "verzehnfach", "verhundertfach", "vervielfach", "halbier")
_CHANGE_ENDINGS = ("t", "te", "ten", "n", "en", "ung")
_SIZE_NOUNS = ("betrag", "beträge", "beträgen", "bereich", "höhe", "summe", "summen")
_CHANGE_VERB = "(?:" + "|".join(_CHANGE_STEMS) + r")(?:t|te|ten|n|en)"

# A time since which a superlative holds: "der höchste Stand seit zwei Jahrzehnten",
# "die meisten seit Beginn der Aufzeichnungen" (a record anchor: it needs the superlative before it).
_SINCE = r"seit\s+(?:[\w-]+\s+){0,2}?(?:Jahren|Jahrzehnten?|Jahrhunderts?|Menschengedenken|Beginn|Bestehen|Gründung|Einführung|(?:18|19|20)\d\d)(?![\w-])"
_SO_WORDS = "(?:viele|wenige|hoch|niedrig|stark|schnell|teuer|billig|oft|selten|gut|schlecht|groß|klein|lange?)"

#: The smallest magnitude word that makes a crowd size before a person noun ("Hunderte Demonstranten").
CROWD_MIN = 100


@named_tuple
class Figure:
    """One figure found in the prose: its span, its type (a key of ``TYPES``)
    and the regex match that found it (its groups tell how it was written)."""

    start: int
    end: int
    type: str
    match: re.Match

    @property
    def text(self) -> str:
        return self.match.group(0)


#: The options whose lists ``FigureDetector._plan`` is built from.
PLAN_LISTS = ("small_numbers", "articles", "currencies", "scales", "number_words", "count_nouns", "units", "not_counted", "rankings", "charts", "records")


def _plan_key(types: frozenset[str], lists: dict[str, list[Entry]]) -> str | None:
    """The data-cache key of a detector's plan: its types, the lists' entries (as the
    pattern reads them) and the code that builds it (this module, the forms and tries of
    ``lint.language.morphology`` and ``attribution.cached_trie``)."""
    try:
        code = [regexcache.source_digest(path) for path in (__file__, morphology.__file__, attribution.__file__)]
    except OSError:
        return None
    content = {option: [(e.term, sorted(e.tags), list(e.variants), e.exception) for e in entries] for option, entries in lists.items()}
    return "figure-plan-1-" + blake2b(marshal.dumps((code, sorted(types), content)), digest_size=16).hexdigest()


def _is_plan(value) -> bool:
    """Whether a stored value has the shape of ``FigureDetector._plan``."""
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and isinstance(value[0], str)
        and (value[1] is None or isinstance(value[1], str))
        and isinstance(value[2], tuple)
        and all(isinstance(word, str) for word in value[2])
    )


class FigureDetector:
    """Finds figures with the vocabulary of one rule.

    ``lists(option)`` gives the entries of the word lists an option names;
    ``options`` the rule's options (thresholds); ``types`` the figure types to find.
    """

    def __init__(self, lists: Callable[[str], list[Entry]], options: dict[str, Any], types: frozenset[str]):
        self.lists = lists
        self.options = options
        self.types = types

    @cached_property
    def qualifiers_before(self) -> re.Pattern:
        return _qualifiers_before(_words_alt(self.lists("qualifiers")))

    @cached_property
    def year_before(self) -> re.Pattern:
        return _year_before("(?:" + "|".join(re.escape(e.term) for e in self.lists("year_words")) + ")")

    @cached_property
    def starters(self) -> frozenset[str]:
        """Words a figure can start with before its trigger word ("zwei Tote", "eine
        Milliarde", "mehr als die Hälfte", "in der Geschichte", "an der Spitze")."""
        return frozenset(e.term.lower() for e in self.lists("starters"))

    @cached_property
    def askers(self) -> tuple[str, ...]:
        """Labels of the interviewer's turns ("STANDARD:", "Frage:"), upper case."""
        return tuple(e.term.upper() for e in self.lists("interviewer_labels"))

    @cached_property
    def share_or_amount(self) -> re.Pattern:
        """A digit number with a share or an amount after it ("7,9 Prozent", "3 Milliarden",
        "46 Mrd. Dollar"; the lists ``scales`` and ``currencies``), not a year alone: what a
        record may be stated with (``Figures``, a record's severity)."""
        words = _alt([e for e in (*self.lists("scales"), *self.lists("currencies")) if e.term[:1].isalpha()])
        return regexcache.compile(rf"\d(?:[\d.,]*\d)?\s*(?:Prozent(?![\w-])|%|(?:{words})(?![\w-]))")

    @cached_property
    def digit_symbols(self) -> str:
        """The characters of the currency symbols: the digit pattern's first character is a digit or one of them."""
        return "".join(sorted({c for e in self.lists("currencies") if not e.term[:1].isalpha() for c in e.term})) or "\x00"

    @cached_property
    def _plan(self) -> tuple[str, str | None, tuple[str, ...]]:
        """The texts of the figure pattern and of the digit pattern (None: no type starts
        with a digit) and the trigger words, kept in the data cache under what they are
        built from (``_plan_key``): building the tries of every form of the lists costs
        more at start-up than linting an article."""
        key = _plan_key(self.types, {option: self.lists(option) for option in self._plan_lists()})

        def restore(stored) -> tuple[str, str | None, tuple[str, ...]]:
            if not _is_plan(stored):
                raise ValueError("a stored plan of another shape")
            return stored

        def build():
            plan = (*self._pattern_texts(), tuple(sorted(self._trigger_words())))
            return plan, plan

        return regexcache.kept(key, restore, build)

    def _plan_lists(self) -> list[str]:
        """``PLAN_LISTS`` in the order the triggers and then the patterns read them when
        built: of two lists that cannot be read, the same one is named."""
        types = self.types
        first = ["scales", "number_words"] if types & {"money", "count", "magnitude", "percent"} else []
        first += (["count_nouns", "units"] if "count" in types else []) + (["rankings", "records"] if "record" in types else [])
        return list(dict.fromkeys(first + list(PLAN_LISTS)))

    @cached_property
    def pattern(self) -> re.Pattern:
        """The figures that start with a word (and, tried first, the figure patterns'
        shared start ``_NB``); ``digit_scan`` has those that start with a digit or symbol."""
        return regexcache.compile(self._plan[0])

    def _pattern_texts(self) -> tuple[str, str | None]:
        """The texts of ``pattern`` and ``digit_scan`` (None: no type starts with a digit)."""
        small = self.lists("small_numbers")
        _SMALLNUM = _words_alt(small, look_ahead=True)
        _WORDNUM = _words_alt(small + self.lists("articles"), look_ahead=True)
        cur_entries = self.lists("currencies")
        cur_words = _alt([e for e in cur_entries if e.term[:1].isalpha()])
        cur_symbols = "".join(re.escape(e.term) for e in cur_entries if not e.term[:1].isalpha()) or "\x00"
        cur = rf"(?:(?:{cur_words})(?![\w])|[{cur_symbols}])"
        scale = rf"(?:{_alt(self.lists('scales'))})(?!\w)"
        magword = rf"(?:{_alt(self.lists('number_words'))})(?![\w-])"
        nouns = rf"(?:{_alt(self.lists('count_nouns'))})(?![\w-])"
        units = rf"(?:{_alt(self.lists('units'))})(?![\w-])"
        # An adjective between number and noun: "zwei neue Jobs", not "Risiko zwei zum Opfer".
        adj = r"(?:[a-zäöüß][\w-]{2,}(?:e|en|er|es|em)\s+)?"
        not_counted = rf"(?:{_alt(self.lists('not_counted'))})(?![\w-])"
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
            "magnitude": [
                rf"{magword}(?:\s+{magword})*(?:\s+(?:von\s+)?{adj}[A-ZÄÖÜ][\w-]*)?",
                # "einen mittleren einstelligen Milliardenbetrag": a size given by its number of digits
                rf"{_DIGITS_WORD}\s+(?:Millionen|Milliarden|Billionen)(?:{'|'.join(_SIZE_NOUNS)})(?![\w-])",
            ],
            "change": [rf"(?:ein\s+Vielfaches|{_CHANGE_VERB})(?![\w-])"],
            "ratio": [
                rf"[Jj]ede[rsnm]?\s+{_ORD}(?![\w-])",
                rf"(?:[Ee]in|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]ieben|[Nn]eun)\s+{_FRAC}(?![\w-])",
                rf"(?:[Mm]ehr\s+als|[Ww]eniger\s+als|[Ff]ast|[Kk]napp|[Rr]und|[Ee]twa|[Üü]ber)\s+die\s+Hälfte(?![\w-])",
                rf"(?:[Ee]iner|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|[Ss]ieben|[Aa]cht|[Nn]eun)\s+von\s+(?:zehn|hundert)\s+[A-ZÄÖÜ][\w-]*",
            ],
            "record": [
                rf"(?:{_alt(self.lists('rankings'))})(?![\w-])",
                rf"an\s+(?:der|die)\s+Spitze\s+(?:der|des)\s+(?:[\w.-]+\s+){{0,3}}?[\w-]*?(?:{_alt(self.lists('charts'))})(?![\w-])",
                rf"(?P<anchor>(?:{_alt(self.lists('records'))})(?![\w-])|{_SINCE})",
                # "so viele Übernachtungen wie noch nie", "wie seit Jahrzehnten nicht mehr", "Noch nie waren so viele …"
                r"wie\s+(?:noch\s+)?nie(?:\s+zuvor)?(?![\w-])|wie\s+seit\s+(?:[\w-]+\s+){1,2}nicht\s+mehr(?![\w-])",
                rf"[Nn]och\s+nie\s+(?:[\w-]+\s+){{0,2}}so\s+{_SO_WORDS}(?![\w-])",
                # "ein historisches Tief", "auf historischem Höchststand"
                r"historisch(?:e|en|er|es|em)\s+(?:Tief|Hoch|Höchst[\w]*|Tiefst[\w]*)(?![\w-])",
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
        rest = r"(?>(?:\d{0,2}(?:\.\d{3})+|\d*)(?:,\d+)?)"  # the rest of the number, atomic as ``_NUM``
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
        digits = rf"{first}(?:{'|'.join(heads)})" if heads else None
        if not groups:
            return "(?!)", digits
        # Money before count before magnitude: the first reading that matches at a place wins.
        return rf"{_NB}(?:{'|'.join(groups)})", digits

    @cached_property
    def triggers(self) -> frozenset[str]:
        """The words that mark the places where a figure can start (``_trigger_words``)."""
        return frozenset(self._plan[2])

    def _trigger_words(self) -> frozenset[str]:
        """The words that mark the places where a figure can start.

        Scanning the whole text with the full pattern is slow (it tries every
        alternative at every word); instead one scan (``digit_scan``) finds digits
        and currency symbols and ``trigger_scan`` finds these few words every other figure contains
        ("Milliarden", "Prozent", "Drittel", "Mitarbeiter", "Spitze",
        "Geschichte"). The full pattern then runs only from those places and
        the words just before them ("eine Milliarde Dollar", "zwei Tote").
        """
        types = self.types
        words: set[str] = set()
        record_words: set[str] = set()
        lower_words: set[str] = set()  # lower-case triggers kept below
        if types & {"money", "count", "magnitude", "percent"}:
            for option in ("scales", "number_words"):
                for e in self.lists(option):
                    words |= entry_forms(e)
        if "percent" in types:
            words |= {"Prozent", "Prozentpunkt", "Prozentpunkte", "Prozentpunkten"}
        if "count" in types:
            for option in ("count_nouns", "units"):
                for e in self.lists(option):
                    words |= entry_forms(e)
        if "ratio" in types:
            words |= {"Drittel", "Viertel", "Fünftel", "Sechstel", "Achtel", "Zehntel", "Hälfte"}
            words |= {"jede", "jeder", "jedes", "jeden", "jedem", "Jede", "Jeder", "Jedes", "Jeden", "Jedem"}
        if "magnitude" in types:
            # "einen mittleren einstelligen Milliardenbetrag": found by its noun, started at "-stellig" (a starter).
            words |= {f"{scale}{noun}" for scale in ("Millionen", "Milliarden", "Billionen") for noun in _SIZE_NOUNS}
        if "change" in types:
            words |= {"Vielfaches"}
            lower_words |= {stem + ending for stem in _CHANGE_STEMS for ending in _CHANGE_ENDINGS if ending != "ung"}
        if "record" in types:
            words |= {"Spitze"}
            for option in ("rankings", "records"):
                for e in self.lists(option):
                    for form in entry_forms(e):
                        parts = form.split()
                        # The phrase's rarest word: a capitalised one, else the last.
                        caps = [w for w in parts if w[:1].isupper()]
                        record_words.add(caps[-1] if caps else parts[-1])
            record_words |= {"seit", "nie", "Tief", "Hoch"}
            record_words |= {w for w in ("Höchststand", "Höchstwert", "Tiefststand", "Tiefstwert")}
            words |= record_words
        # Nouns and number words are capitalised; lower-case variants only slow the scan down.
        words = {w.rstrip(".") for w in words if w[:1].isupper() or w.startswith("jede") or w in record_words}
        return frozenset(words | lower_words)

    @cached_property
    def digit_scan(self) -> re.Pattern | None:
        digits = self._plan[1]
        return None if digits is None else regexcache.compile(digits)

    @cached_property
    def trigger_scan(self) -> Scanner:
        return Scanner(set(self.triggers))

    def matches(self, prose: str, document_words=None) -> list[re.Match]:
        """Figure matches in text order, none overlapping (``document_words``: the
        document's analysis, for the trigger scan; see ``Scanner.starts``)."""
        words = self.triggers
        pattern = self.pattern
        starters = self.starters
        found = self._digit_matches(prose, document_words)
        if words:
            starts: set[int] = set()
            for i in self.trigger_scan.starts(prose, words=document_words):
                if i and (prose[i - 1].isalnum() or prose[i - 1] == "-"):
                    continue  # inside a word or compound
                starts.add(i)
                # Up to three words back: "eine Milliarde", "mehr als die Hälfte", "in der Geschichte".
                base = max(0, i - 40)
                chunk = prose[base:i]
                if starters.isdisjoint(map(str.lower, chunk.rsplit(None, 3)[-3:])):
                    continue  # the common case, found in C (no generator stepped per word)
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

    def _digit_matches(self, prose: str, document_words=None) -> list[re.Match]:
        """What ``digit_scan.finditer(prose)`` finds, the pattern tried only where a number
        starts (``quantities.number_starts``, found once per document for every rule) or a
        currency symbol stands: its first character, a character class, would otherwise
        be tested at every character of the text."""
        digits = self.digit_scan
        if digits is None:
            return []
        starts = number_starts(prose, document_words) + char_places(prose, self.digit_symbols)
        starts.sort()
        return list(matches_at(digits, prose, starts, len(prose)))

    def figures(self, prose: str, document_words=None) -> list[Figure]:
        """The figures of ``prose`` in text order: matches that pass the tests
        that need no context (an amount large enough, a count that is no year
        or span of time, a magnitude large enough)."""
        min_magnitude = int(self.options.get("min_magnitude", 0))
        out = []
        for m in self.matches(prose, document_words):
            group = m.lastgroup if m.lastgroup != "sc" else "count_s"
            kind = group.split("_")[0]
            if kind == "money" and not self._large_money(m.group(0)):
                continue
            if kind == "count" and not self._is_count(prose, m, group.startswith("count_big")):
                continue
            if kind == "count" and not self._people_claim(prose, m):
                continue  # "60 Personen standen zur Auswahl": people seen, not a casualty or police figure
            if kind == "magnitude" and _magnitude(m.group(0)) < min_magnitude and not self._crowd(m.group(0)):
                continue  # "Dutzende Fans", "Hunderte Seiten": a rough size, not a figure anyone counted
            out.append(Figure(m.start(), m.end(), kind, m))
        return out

    @cached_property
    def person_nouns(self) -> PersonNouns:
        never: set[str] = set()
        for e in self.lists("not_counted"):
            never |= entry_forms(e)
        return PersonNouns(tuple(e.term.lower() for e in self.lists("person_suffixes")), frozenset(never))

    def _crowd(self, text: str) -> bool:
        """"Hunderte Demonstranten", "Tausende Pendler": a crowd size someone estimated."""
        words = text.split()
        return len(words) > 1 and _magnitude(text) >= CROWD_MIN and words[-1] in self.person_nouns

    def _large_money(self, text: str) -> bool:
        """Whether an amount reaches ``min_money``: prices and fines ("ab 739 Euro")
        are the vendor's or the court's own figures; budgets, losses and values are claims."""
        if _SCALED.search(text):
            return True
        number = _AMOUNT.search(text)
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
        for e in self.lists("people"):
            people |= entry_forms(e)
        harm = _alt(self.lists("harm")) or "(?!)"
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
        return regexcache.compile(rf"\s+(?:{_alt(self.lists('not_counted'))})(?![\w-])")

    def _is_count(self, prose: str, m: re.Match, any_noun: bool) -> bool:
        """Drop years read as counts ("im Jahr 2015 Flüchtlinge"), spans of
        time and length ("vor 382 Millionen Jahren") and, before an unlisted
        noun, numbers below ``min_count``."""
        text = m.group(0)
        if m.lastgroup in ("count_s", "sc") and self._not_counted.match(prose, m.end()):
            return False
        number = _DIGITS.search(text)
        if number is None:
            return True
        digits = number.group(0).rstrip(".")
        if any_noun and int(digits.replace(".", "")) < int(self.options["min_count"]):
            # "1.200 Pendler": below min_count only a count of people, known by the noun's form.
            noun = text.rsplit(None, 1)[-1]
            return noun in self.person_nouns and int(digits.replace(".", "")) >= int(self.options["min_people"])
        if _YEAR.fullmatch(digits) and self.year_before.search(prose, max(0, m.start() - 20), m.start() + number.start()):
            return False
        return True

    @staticmethod
    def superlative_span(prose: str, s_start: int, start: int) -> int | None:
        """Where the superlative before a record anchor starts, within its sentence
        and its clause: a superlative before a comma belongs to another clause
        ("als zweitstärkste Fraktion …, die seit 20 Jahren …" claims no record)."""
        lo = max(s_start, start - 90, prose.rfind(",", s_start, start) + 1)
        found = None
        for s in _SUPERLATIVE.finditer(prose, lo, start):
            if not _ORDINALS.fullmatch(s.group(0)):
                found = s.start()
        if found is None:
            return None
        # Include the article before the superlative: "der größte ...".
        article = _ARTICLE_BEFORE.search(prose[max(lo, found - 5) : found])
        return found - len(article.group(0)) if article else found


