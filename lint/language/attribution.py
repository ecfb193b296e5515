"""Attribution in German news prose: who says a figure is so?

Shared by the ``figures`` kind (is this figure attributed?) and the
``vague-source`` kind (does this attribution name anybody?). The vocabulary
(cue words, Konjunktiv I forms, vague source nouns, verbs of saying) comes
from the rule's word lists; this module holds only the mechanism:

- a sentence is *named* when it holds a cue ("laut", "teilte ... mit",
  "sagte", "so der Sprecher", a Konjunktiv I form) and no vague source;
- it is *vague* when it holds a vague source that names nobody ("Experten",
  "Berichten zufolge"); "Analysten der Deutschen Bank" names somebody;
- a vague noun ("Kritiker") is a source only in a sentence with a verb of
  saying or judging ("Kritiker bemängeln"); "die Kritiker der Reform" as a
  topic is not an attribution.
"""

from __future__ import annotations

import marshal
import re
from functools import cached_property, lru_cache
from typing import ClassVar

from lint.cache import regexcache
from lint.cache.store import blake2b
from lint.model.errors import ConfigError
from lint.language.morphology import GAP_WORDS, Matcher, _is_word_char, compile_entries, entry_forms, separable_prefix, takes_form, trie_regex
from lint.language.word_gate import WordGate, build_gate, may_hold
from lint.language.wordlist import Entry, load_wordlist, parse_wordlist
from lint.model.record import Record, named_tuple

NAMED = "named"
VAGUE = "vague"
NONE = "none"

# Compounds of cue nouns: "nach Polizeiangaben", "Unternehmensangaben zufolge", "nach Uno-Angaben".
# The pattern starts with the literal tails (the engine skips ahead to them);
# ``compound_cue`` checks the word character before.
COMPOUND_CUE = regexcache.compile(r"(?:angaben|schätzungen|berechnungen|zählungen|-Angaben|-Schätzungen|-Berechnungen|-Zählungen)\b")


def compound_cues(prose: str, start: int, end: int, text: str | None = None) -> list[int]:
    """Where compound cue nouns end their word ("Polizeiangaben", "Unternehmensangaben").
    ``text``: ``prose[start:end]`` when the caller holds that copy already (see ``holds_any``)."""
    if not _text_holds_any(_part(prose, start, end) if text is None else text, ("ungen", "ngaben")):
        return []  # every tail holds one of them: most sentences are ruled out in C
    return [m.start() for m in COMPOUND_CUE.finditer(prose, start, end) if m.start() > start and prose[m.start() - 1].isalnum()]


def holds_any(prose: str, start: int, end: int, needles: tuple[str, ...]) -> bool:
    """Whether ``prose[start:end]`` holds one of ``needles``: searched in C, far cheaper
    than the scan of a pattern every match of which holds one of them. A part of the
    text is copied first and searched with ``in``: each ``str.find`` with bounds costs
    about as much to set up as a sentence's copy."""
    return _text_holds_any(_part(prose, start, end), needles)


def _part(prose: str, start: int, end: int) -> str:
    """``prose[start:end]``, without a copy of the whole text."""
    return prose if start == 0 and end == len(prose) else prose[start:end]


def _text_holds_any(text: str, needles: tuple[str, ...]) -> bool:
    for needle in needles:
        if needle in text:
            return True
    return False

# A vague noun right after "laut"/"nach Ansicht von" (the ``source_before``
# list) or before "zufolge" is a source.
_SOURCE_AFTER = regexcache.compile(r"\s+zufolge\b")
#: A preposition of company or audience right before a vague noun (one word may stand
#: between): "in einem Call mit Analysten", "vor Experten sprach er" – the noun is
#: who listened, not who said it.
_AUDIENCE_BEFORE = regexcache.compile(r"(?<![\w-])(?:mit|vor|gegenüber|für|gegen|ohne|zwischen)\s+(?:[a-zäöüß]+\s+)?$")
# A capitalised word before the noun makes a name: "Business Insider", "Apple
# Insider"; unless it is one of the ``determiners`` list ("Die Experten").
_NAME_BEFORE = regexcache.compile(r"(?<![.!?:–]\s)(?<!^)\b[A-ZÄÖÜ][\w-]*\s+$")


@lru_cache(maxsize=None)
def _source_before(terms: tuple[str, ...]) -> re.Pattern | None:
    """One of ``terms`` (a lower-case one also capitalised), an optional "von"
    and one more word ending right before a vague noun: "laut", "nach Ansicht von"."""
    if not terms:
        return None
    alts = []
    for term in terms:
        c = term[:1]
        alts.append(f"[{c.upper()}{c}]{re.escape(term[1:])}" if c.islower() and c.upper() != c else re.escape(term))
    return regexcache.compile(r"(?:\b(?:" + "|".join(alts) + r")\s+(?:von\s+)?(?:\w+\s+)?)$")
# A label of two or more capitalised words before a colon opens a statement
# with its source: "Statistik Austria: …", "Marc Janko: …", "PwC-Studie 2016: …".
SOURCE_LABEL = regexcache.compile(r"(?:[A-ZÄÖÜ][\w.&'-]*\s+){1,5}(?:[A-ZÄÖÜ][\w.&'-]*|\d{4})\s*:\s")


def _source_label(prose: str, start: int, end: int, text: str) -> bool:
    """Whether ``prose[start:end]`` (``text``, its copy) opens with a ``SOURCE_LABEL``:
    tried only where the copy holds a colon (asked with ``in``: a bounded ``str.find``
    costs about as much to set up as the copy)."""
    return ":" in text and SOURCE_LABEL.match(prose, start, end) is not None


#: ", so der Sprecher", ", so Müller": the inquit after a statement is a comma or dash,
#: blanks, then this, which opens with a literal the regex engine skips ahead to
#: (``so_inquit`` reads the comma or dash back).
_SO_TAIL = regexcache.compile(r"so\s+(?:der|die|das|ein|eine|laut)?\s*[A-ZÄÖÜ]")


def so_inquit(prose: str, start: int, end: int, text: str | None = None) -> bool:
    """Whether ``prose[start:end]`` holds an inquit ", so der Sprecher": its "so …"
    (``_SO_TAIL``) found first and the comma or dash read back over the blanks before it.
    A pattern led by the comma or dash would start with a character class, which the
    regex engine tests at every character of the sentence,
    several times the cost of the search for a literal. (No two "so …" overlap, so each
    is found.) ``text``: ``prose[start:end]`` when the caller holds that copy: without
    an "so" in it the pattern is not tried."""
    if text is not None and "so" not in text:
        return False
    for m in _SO_TAIL.finditer(prose, start, end):
        i = m.start()
        while i > start and prose[i - 1].isspace():
            i -= 1
        if i > start and prose[i - 1] in ",–—":
            return True
    return False
# A web address names a document anyone can check ("Die Teilnehmerliste ist unter
# www.bilderbergmeetings.org einsehbar"). A bare domain is more often a brand, the
# topic rather than the source ("derStandard.at kommt auf 23 Millionen Visits"). The
# pattern starts with its literals (no lookbehind), so the engine skips ahead to them.
WEB_SOURCE = regexcache.compile(r"(?:https?://|www\.)[\w-]+(?:\.[\w-]+)+")
#: What every web address holds (``WEB_SOURCE``): a text without them is not scanned for one.
WEB_NEEDLES = ("http", "www.")


def web_source(prose: str, start: int = 0, end: int | None = None, text: str | None = None) -> re.Match | None:
    """The first web address in ``prose[start:end]`` (``WEB_SOURCE``; ``text``: that part's
    copy when the caller holds it, see ``holds_any``)."""
    end = len(prose) if end is None else end
    if not _text_holds_any(_part(prose, start, end) if text is None else text, WEB_NEEDLES):
        return None
    return WEB_SOURCE.search(prose, start, end)


# A forecast stated by whoever is the subject of "erwartet"/"prognostiziert": the
# subject is the source ("Für das Quartal erwartet Nexora einen Umsatz von …", "Der
# Konzern prognostiziert …") unless it is a vague one ("Analysten erwarten"). Before the
# verb only at the sentence's start: "… werden zwei Millionen Menschen erwartet" is passive.
_FORECAST_VERB = r"(?:erwartet|erwarten|prognostiziert|prognostizieren)(?![\w-])"
#: What every forecast verb holds: a sentence without them is not scanned for a forecast.
_FORECAST_NEEDLES = ("erwarte", "prognostizier")
_FORECAST_OPENING = regexcache.compile(r"(?:(?:Der|Die|Das)\s+)?(?P<who>[A-ZÄÖÜ][\w&.-]*)\s+" + _FORECAST_VERB)
_FORECAST_INVERTED = regexcache.compile(r"(?<![\w-])" + _FORECAST_VERB + r"\s+(?:(?:der|die|das)\s+)?(?P<who>[A-ZÄÖÜ][\w&.-]*)")
#: Capitalised words that are no one in particular as a forecast's subject.
_NOBODY = frozenset({"Man", "Es", "Das", "Dies", "Dieser", "Diese", "Viele", "Einige", "Manche", "Alle"})

# What names a source after a vague noun: "Analysten der Deutschen Bank",
# "Experten vom Ifo-Institut", "Experten wie Hans Müller", "Analyst Jan Berg",
# "Analysten (UBS)", and the medium that published it: "Umfragen in den
# griechischen Sonntagszeitungen", "Berichte im Boulevardblatt".
_NAMED_AFTER = regexcache.compile(
    r"\s+(?:der|des|von|vom|bei|beim|aus|am|im|wie|um|an\s+der)\s+(?:[a-zäöüß][\w-]*\s+){0,2}[A-ZÄÖÜ0-9]"
    r"|\s+(?:in|im)\s+(?:(?:der|den|dem|einer|einem|zwei|drei|mehreren)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}"
    r"[\w-]*(?:[Zz]eitung|[Zz]eitungen|[Bb]latt|[Bb]lättern|[Mm]agazin|[Mm]agazinen|[Ss]ender|[Ss]endern|[Rr]undfunk|[Ff]ernsehen)(?![\w-])"
    r"|\s+[A-ZÄÖÜ][\w'-]+\s+[A-ZÄÖÜ][\w'-]+"
    r"|\s*\("
)


_TRIES: dict[str, str] = {}


def cached_trie(forms, space: str = r"\s+") -> str:
    """``trie_regex(forms, space)``, kept on disk by content (the forms, ``space`` and the
    code of ``lint.language.morphology``, which builds it): building the trie of a few
    thousand forms costs more at start-up than compiling its regex."""
    from lint.language import morphology

    text = "\n".join(sorted(forms))
    digest = blake2b(text.encode("utf-8"), digest_size=16)
    try:
        digest.update(f"\n{space}\n{regexcache.source_digest(morphology.__file__)}".encode("utf-8"))
    except OSError:  # the code cannot be read: built afresh, not kept
        return trie_regex(set(forms), space)
    key = "so-trie-2-" + digest.hexdigest()
    trie = _TRIES.get(key)
    if trie is None:
        trie = regexcache.get_data(key)
        if not isinstance(trie, str):
            trie = trie_regex(set(forms), space)
            regexcache.put_data(key, trie)
        _TRIES[key] = trie
    return trie


class ListOptions:
    """Mixin for a kind whose options name word lists (a list of data files each)."""

    #: The options that name word lists: all of them are read together on the first
    #: request for one (``Vocabulary.prefetch``).
    list_options: ClassVar[tuple[str, ...]] = ()

    def _config_error(self, exc: ValueError) -> ConfigError:
        """A word list the mechanism cannot use ("too many forms"), as this rule's configuration error."""
        return ConfigError(f"{self.rule.file}: {exc}")

    def _entries(self, option: str) -> list[Entry]:
        """The entries of every word list named by ``option``, in order (read through the
        engine's vocabulary: a list several rules name is parsed once per run)."""
        paths = [self.rule.data_file(name) for name in self.options[option]]
        vocabulary = getattr(self, "vocabulary", None)
        if vocabulary is not None:
            self._prefetched  # noqa: B018 - every list of the rule read at the first request
            return vocabulary.entries(paths)
        return [e for path in paths for e in load_wordlist(path).entries]

    @cached_property
    def _prefetched(self) -> bool:
        """Reads the word lists of every option of ``list_options`` together, once."""
        names = [name for option in self.list_options for name in self.options.get(option, ())]
        self.vocabulary.prefetch(self.rule.data_file(name) for name in names)
        return True

    def extra_cues(self) -> list[Entry]:
        """Cue words beyond the lists (a kind adds those of its configuration)."""
        return []

    @cached_property
    def attribution(self) -> "Attribution":
        """The attribution vocabulary named by this rule's options."""
        try:
            return Attribution(
                self._entries("cues") + self.extra_cues(),
                self._entries("vague"),
                self._entries("opinion_verbs"),
                self._entries("determiners"),
                self._entries("source_before"),
                self._entries("domains") if "domains" in self.options else (),
            )
        except ValueError as exc:
            raise self._config_error(exc) from None


def extra_entries(words: list[str], origin) -> list[Entry]:
    if not words:
        return []
    return list(parse_wordlist("# words from the configuration\n" + "\n".join(words), origin).entries)


class Scanner:
    """Finds where any of a set of words or phrases starts, fast, over a whole text.

    Python's regex engine skips quickly only to characters it knows a match
    must start with. Capitalised nouns start with capitals, which are rare
    enough; lower-case forms ("laut Medienberichten", "wie nie zuvor") would
    make it stop at nearly every word. So capitalised forms are found by one
    regex of their bare trie (the engine skips ahead to their first letters),
    and each lower-case first word by its own literal search, which the
    engine runs at memchr speed. Over a whole document whose words are known, both
    are looked up among its words instead, and only those it holds are searched for.
    """

    def __init__(self, forms: set[str]):
        #: The capitalised forms, and the first words of the lower-case ones.
        self.caps_forms = frozenset(f for f in forms if not f[:1].islower())
        self.lower_heads = frozenset(f.split()[0] if " " in f else f for f in forms if f[:1].islower())
        caps, lower_heads = self.caps_forms, self.lower_heads
        #: The capitalised forms, when all are single words: found through the document's words.
        self.caps_words = caps if caps and all(_PLAIN_TOKEN.fullmatch(f) for f in caps) else None
        #: The lower-case head words, when all are letters and digits only: found through the document's words.
        self.lower_words = lower_heads if lower_heads and all(h.isalnum() for h in lower_heads) else None

    # The patterns are compiled on first need: over a whole document whose words are known
    # (every rule's common case) the forms are looked up among its words instead.

    @cached_property
    def caps(self) -> re.Pattern | None:
        """The bare trie of the capitalised forms (None: there are none). No assertion
        before it: the engine then skips ahead to the forms' first letters (over twice as
        fast as a lookahead or a separator first); the few places inside a word are dropped
        by ``starts``."""
        if not self.caps_forms:
            return None
        return regexcache.compile(rf"(?:{cached_trie(self.caps_forms)})(?![\w])")

    @cached_property
    def lower(self) -> list[re.Pattern]:
        """One search per literal prefix of the lower-case head words: a pattern that starts
        with a literal is searched for at memchr speed."""
        groups: dict[str, set[str]] = {}
        for head in self.lower_heads:
            groups.setdefault(head[:4], set()).add(head[4:])
        return [regexcache.compile(re.escape(prefix) + f"(?:{cached_trie(rests)})" + r"(?![\w-])") for prefix, rests in sorted(groups.items())]

    def starts(self, text: str, start: int = 0, end: int | None = None, words=None) -> list[int]:
        """Sorted offsets in ``text[start:end]`` where a form may start (at a word start).
        ``words``: the document's words (``doc.analysis``) when ``text`` is its whole
        prose: the capitalised forms the document holds are then looked up among its
        words and only those are searched for, instead of a scan of every capital."""
        end = len(text) if end is None else end
        whole = words is not None and start == 0 and end == len(text)
        out = []
        if self.caps_forms and whole and self.caps_words is not None:
            for form in self.caps_words.intersection(words.word_firsts):
                out += _whole_word_starts(text, form)
            out.sort()
        elif self.caps_forms:
            for m in self.caps.finditer(text, start, end):
                i = m.start()
                if i == 0 or not _is_word_char(text[i - 1]):
                    out.append(i)
        if whole and self.lower_words is not None and "_" not in text:
            # A lower-case head that stands as a word (after no letter, digit or hyphen, before
            # none, and with no "_" in the text to glue it to the word before) is a word of the text.
            # The heads the document's words hold: one intersection in C, which looks each head
            # up among the words, not a pass over the document's words in Python.
            for form in words.word_counts.keys() & self.lower_words:
                out += _whole_word_starts(text, form, WORD_OR_HYPHEN_JOINS)
        else:
            for rx in self.lower:
                for m in rx.finditer(text, start, end):
                    i = m.start()
                    if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-"):
                        out.append(i)
        if self.lower_heads:
            out.sort()
        return out


#: A form that is one word: letters and digits only.
_PLAIN_TOKEN = regexcache.compile(r"\w+")
#: What ``(?![\w])`` refuses after a form besides letters and digits: ``\w`` is what
#: ``str.isalnum`` accepts and "_" (as the ``re`` documentation defines it).
WORD_JOINS = "_"
#: What ``(?![\w-])`` refuses after a lower-case form besides letters and digits.
WORD_OR_HYPHEN_JOINS = "_-"


def _whole_word_starts(text: str, form: str, joins: str = WORD_JOINS, at_start: bool = True) -> list[int]:
    """Offsets of ``form`` in ``text`` as a word: not after a letter, digit, "_" or
    "-" (unless ``at_start`` is false: a compound's tail, "Polizeiangaben"), and before
    no letter, digit or character of ``joins`` (by default a word character: a hyphen
    may follow, "Prozent-Punkte"). The character after is tested with ``str.isalnum``,
    not with a regex match per place (a call of the regex engine costs more)."""
    out = []
    n = len(form)
    size = len(text)
    i = text.find(form)
    while i != -1:
        before = text[i - 1] if i and at_start else ""
        after = text[i + n] if i + n < size else ""
        if not (before and (before.isalnum() or before in "_-")) and not (after and (after.isalnum() or after in joins)):
            out.append(i)
        i = text.find(form, i + 1)
    return out


_REPORT_FORM = regexcache.compile(r"[a-zäöüß]\w*?(?<!s)(?:t|te|ten|en|e)")
_NOT_REPORT = regexcache.compile(r"(?:ende\w*|enden|tere[mnrs]?|teren|teste[mnrs]?|testen)$")


@lru_cache(maxsize=32)
def fast_matcher(entries: tuple[Entry, ...]) -> "Matcher | SeparatedMatcher":
    """One matcher for a word list, compiled once per process and vocabulary.

    Lists of plain words and phrases get a ``SeparatedMatcher``: its pattern
    starts with the character before a word, so that the regex engine stops
    once per word instead of at every character.
    """
    if any("compound" in e.tags or e.term.endswith("-") for e in entries):
        return compile_entries(list(entries))
    data = _separated_data(entries)
    if not data["forms"]:
        return Matcher(regexcache.compile("(?P<s>(?!))(?P<p>(?!))(?P<hc>(?!))(?P<hl>(?!))"), {}, {}, {})
    return SeparatedMatcher(entries, data)


def _report_forms(entries: tuple[Entry, ...]) -> dict[str, int]:
    """The forms a ``SeparatedMatcher`` finds, each with the index of its entry in ``entries``."""
    forms: dict[str, int] = {}
    for index, entry in enumerate(entries):
        verb = "v" in entry.tags
        capital = entry.term[:1].isupper()
        for form in entry_forms(entry):
            # Capitalised entries never start lower-case ("analysten"); verbs
            # keep the forms a report uses ("sagte", "teilte … mit", "erklärt",
            # "gesagt"), not the capitalised, second-person, present-participle
            # or declined forms ("Teile", "sagtest", "erklärende", "gesagteren").
            if capital and form[:1].islower():
                continue
            if verb and (not _REPORT_FORM.fullmatch(form) or _NOT_REPORT.search(form)):
                continue
            owner = forms.get(form)
            if takes_form(None if owner is None else entries[owner], entry, form):
                forms[form] = index
    return forms


def _separated_data(entries: tuple[Entry, ...]) -> dict:
    """What the ``SeparatedMatcher`` of ``entries`` is made of: its forms (each with its
    entry's index), their trie and the gate's data (None: no gate). Kept in the data cache
    under the entries and the code that builds it: every entry's forms and the gate's
    phrase patterns cost more at start-up than the matcher's work on an article."""
    key = _separated_key(entries)
    stored = regexcache.get_data(key, check=lambda value: _is_separated_data(value, len(entries))) if key is not None else None
    if stored is not None:
        return stored
    forms = _report_forms(entries)
    data: dict = {"forms": forms, "trie": "", "gate": None}
    if forms:
        gate = build_gate([f for f in forms if " " not in f], [[{w} for w in f.split()] for f in forms if " " in f])
        data.update(trie=cached_trie(set(forms)), gate=None if gate is None else gate.data())
    if key is not None:
        regexcache.put_data(key, data)
    return data


def _separated_key(entries: tuple[Entry, ...]) -> str | None:
    """The data-cache key of ``_separated_data``: the entries (as the forms read them) and
    the code of this module, of the forms and tries (``morphology``) and of the gate."""
    from lint.language import morphology, word_gate

    try:
        code = [regexcache.source_digest(path) for path in (__file__, morphology.__file__, word_gate.__file__)]
    except OSError:
        return None
    content = [(e.term, sorted(e.tags), list(e.variants), e.exception) for e in entries]
    return "separated-matcher-1-" + blake2b(marshal.dumps((code, content)), digest_size=16).hexdigest()


def _is_separated_data(value, entries: int) -> bool:
    """Whether a stored value has the shape of ``_separated_data`` for ``entries`` entries."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("forms"), dict)
        and isinstance(value.get("trie"), str)
        and (value.get("gate") is None or isinstance(value["gate"], dict))
        and all(isinstance(form, str) and isinstance(index, int) and 0 <= index < entries for form, index in value["forms"].items())
    )


class SeparatedMatcher:
    """A matcher for plain words and phrases whose pattern starts with the
    character before the word: the regex engine then stops only at spaces and
    punctuation, once per word, instead of trying every character (about
    twice as fast over news text as a pattern that starts with a lookahead)."""

    def __init__(self, entries: tuple[Entry, ...], data: dict):
        """The matcher of ``entries`` made from their ``_separated_data``."""
        self.forms = {form: entries[index] for form, index in data["forms"].items()}
        trie = data["trie"]
        self.pattern = regexcache.compile(rf"[^\w-](?P<s>{trie})(?![\w-])")
        self.first = regexcache.compile(rf"(?P<s>{trie})(?![\w-])")
        self.gate = None if data["gate"] is None else WordGate.from_data(data["gate"])

    def finditer(self, text: str, start: int = 0, end: int | None = None, words=None):
        """Yield ``(match_start, match_end, entry)`` for every listed form in ``text[start:end]``, in order
        (``words``: see ``Matcher.finditer``)."""
        if not may_hold(self.gate, words):
            return
        end = len(text) if end is None else end
        forms = self.forms
        pos = start
        if start == 0 or not _is_word_char(text[start - 1]):
            m = self.first.match(text, start, end)
            if m is not None:
                entry = forms.get(" ".join(m.group("s").split()))
                if entry is not None:
                    yield m.start(), m.end(), entry
                pos = m.end()
        for m in self.pattern.finditer(text, pos, end):
            entry = forms.get(" ".join(m.group("s").split()))
            if entry is not None:
                yield m.start("s"), m.end(), entry


class VagueHit(Record):
    _fields = ("start", "end", "phrase", "needs_saying", "circle")
    __slots__ = _fields

    def __init__(self, start: int, end: int, phrase: bool, needs_saying: bool = False, circle: bool = False):
        self.start = start
        self.end = end
        self.phrase = phrase  # a fixed phrase ("Berichten zufolge") rather than a noun
        #: A source only in a sentence of saying ("Aus Koalitionskreisen hieß es"; not "Täter aus dem Umfeld").
        self.needs_saying = needs_saying
        #: An anonymous source whose circle is named ("aus Koalitionskreisen", "aus dem Umfeld des Ministers").
        self.circle = circle


# A verb of saying used in another sense: a particle closing its clause makes
# another verb ("schreibt … fest", "gab … aus", "meldete sich … an", "sagte …
# ab"), and "soll … werden" is a plan, not hearsay ("soll künftig eingedämmt werden").
def _closing(word: str) -> str:
    """A pattern of ``word`` as the last word of the clause that follows (the clause's words
    up to it, a decimal number's point or comma included): "teilte die Firma am Montag mit"."""
    return r"(?:[^,.;:!?–]|(?<=\d)[.,](?=\d))*?\s" + word + r"(?=\s*(?:[,.;:!?–]|$))"


_CLAUSE_PARTICLE = regexcache.compile(_closing("(?:fest|ab|aus|auf|ein|um|nach|weiter|vor|durch|zurück|an)"))
_PARTICLE_CUES = frozenset({"gab", "gaben", "gibt", "geben"})  # "gab … an" is a cue ("gab an" is listed)
_PLAN = regexcache.compile(_closing("werden"))


@lru_cache(maxsize=None)
def _particle_closing(particle: str) -> re.Pattern:
    """``particle`` closing the clause that follows: "teilte die Firma am Montag mit"."""
    return regexcache.compile(_closing(particle))


_separable = lru_cache(maxsize=None)(separable_prefix)


#: The impersonal "man" right before or after a verb ("man spricht von", "sagt man"): nobody speaks,
#: unless the clause names the place that speaks ("Bei der Polizei bestätigte man", "Im Ministerium
#: hieß es, man …": ``_MAN_AT``).
_MAN_BEFORE = regexcache.compile(r"(?<![\w-])man\s+$")
_MAN_AFTER = regexcache.compile(r"\s+man(?![\w-])")
_MAN_AT = regexcache.compile(
    r"(?<![\w-])(?:[Bb]ei(?:m)?|[Ii]m|[Ii]n\s+(?:der|den)|[Vv]om|[Vv]on\s+der|[Aa]us\s+(?:dem|der))\s+(?:[\w-]+\s+)?[A-ZÄÖÜ]"
)
#: How far before the verb the place of an impersonal "man" is looked for.
MAN_AT_REACH = 60


def _nobody(prose: str, s: int, e: int, end: int) -> bool:
    """Whether the cue at ``s:e`` has the impersonal "man" beside it and no place that speaks."""
    if not (_MAN_AFTER.match(prose, e, end) or _MAN_BEFORE.search(prose, max(0, s - 6), s)):
        return False
    reach = max(0, s - MAN_AT_REACH)
    clause = max(prose.rfind(",", reach, s), prose.rfind(".", reach, s), reach)
    return _MAN_AT.search(prose, clause, s) is None


def _other_sense(prose: str, s: int, e: int, end: int, entry: Entry) -> bool:
    """Whether a cue word at ``s:e`` is used in a sense that names no source."""
    word = prose[s:e]
    if " " not in entry.term and _nobody(prose, s, e, end):
        return True  # "man spricht vom sogenannten Bose-Einstein-Kondensat", "wie sagt man": nobody in particular
    if word in ("soll", "sollen"):
        return _PLAN.match(prose, e, end) is not None
    if "v" in entry.tags and " " not in entry.term:
        # A separable verb without its particle is that verb only when the particle closes
        # the clause ("teilte … mit"); else it is another verb ("teilten sich 3 Millionen
        # Euro", "führte 3.000 Filialen", "räumte 300 Wohnungen").
        particle = _separable(entry.term)
        if particle is not None and not word.lower().startswith(particle):
            return _particle_closing(particle).match(prose, e, end) is None
    if " " in word or not word[:1].islower() or "v" not in entry.tags and not word.endswith(("t", "te", "ten")):
        return False
    particle = _CLAUSE_PARTICLE.match(prose, e, end)
    if particle is None:
        return False
    return not (word in _PARTICLE_CUES and particle.group(0).rstrip().endswith(" an"))


#: How far after a vague noun a verb of saying makes it the speaker ("Insider berichten").
SAYS_REACH = 12

_FIELD = regexcache.compile(r"\s+(?:der|des)\s+([\w-]+)")

# Vague attributions known by their form, not listed word by word: any compound
# on -kreise after "aus" ("aus Koalitions-, Verhandlungs-, Ministeriumskreisen",
# "aus gut informierten Kreisen") and "aus dem Umfeld" are sources only in a
# sentence of saying; "wie aus …kreisen zu hören war", "wie man hört", a sentence
# opened by "Es heißt," and "gilt als sicher/wahrscheinlich" always are. Each
# form starts with a literal that the regex engine finds fast; what stands
# before it is read back from there.
# "aus Kreisen der Organisation für das Verbot von Chemiewaffen" names the organisation.
_KREISEN = regexcache.compile(r"reisen(?![\w-])(?!\s+(?:der|des)\s+[A-ZÄÖÜ])")
_AUS_BEFORE = regexcache.compile(r"(?<![\w-])(?P<wie>[Ww]ie\s+)?[Aa]us\s+(?:[\w-]+\s+){0,2}?[\w-]*[Kk]$")
_HEARD_AFTER = regexcache.compile(r"\s+(?:zu\s+hören|verlautete?)(?![\w-])")
_UMFELD = regexcache.compile(r"Umfeld(?![\w-])")
#: Hearsay right after a form, "sein" + "zu" + a verb of hearing or learning, and then what was
#: heard ("Aus dem Umfeld des Vereins ist allerdings zu hören, dass …", "Aus Koalitionskreisen war
#: zu erfahren: …"): a sentence of saying. Not a literal hearing ("Der Vogel aus dem Umfeld des
#: Sees ist nachts zu hören, wenn es still ist.", "… war so laut zu hören, dass …").
_HEARSAY_AFTER = regexcache.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:ist|war|sei|wäre)(?:\s+(?!so\s)[\w-]+){0,2}?\s+zu\s+(?:hören|erfahren|vernehmen)"
    r"\s*(?::|,(?!\s*(?:wenn|als|weil|sobald|solange|während|bevor|nachdem|bis|obwohl|da|wo)(?![\w-])))"
)
# (``vague_forms`` searches for them only where their literals, "reisen" and "Umfeld", stand.)
#: The circle named after "Umfeld": "aus dem Umfeld des Ministers", "… von Hans Berg".
_CIRCLE_AFTER = regexcache.compile(r"\s+(?:des|der|von)\s")
_UMFELD_BEFORE = regexcache.compile(r"(?<![\w-])[Aa]us\s+dem\s+(?:engeren\s+|näheren\s+|direkten\s+)?$")
#: The words after "gilt als" that make a vague form ("gilt als sicher"); the document gate
#: (``document_vague_forms``) looks for the same words.
_ALWAYS_AS_WORDS = ("sicher", "wahrscheinlich", "ausgemacht")
_ALWAYS_AS = r"\s+als\s+(?:" + "|".join(_ALWAYS_AS_WORDS) + r")(?![\w-])"
#: The forms that are sources wherever they stand, each with what every match of it holds:
#: each is searched for only where that stands, and each opens with a literal the regex
#: engine skips ahead to (as one alternation, led by "m", "E" and "g", the pattern was
#: tried at every character of a text holding "gilt"). No match of one form can start
#: inside a match of another (none holds the others' first letters where they could
#: start), so their matches, sorted by start with the others, are those of the alternation.
_ALWAYS_FORMS = (
    ("hört", regexcache.compile(r"man\s+hört(?![\w-])")),
    ("heißt", regexcache.compile(r"Es\s+heißt(?=,)")),
    ("gilt", regexcache.compile(r"gilt" + _ALWAYS_AS)),
    ("gelten", regexcache.compile(r"gelten" + _ALWAYS_AS)),
    ("galt", regexcache.compile(r"galt(?:en)?" + _ALWAYS_AS)),
)
_ALWAYS_BEFORE = {"m": regexcache.compile(r"(?<![\w-])[Ww]ie\s+$")}
#: The literals ``vague_forms`` asks a part for before it searches it: a part that holds none
#: of them holds no vague form.
VAGUE_FORM_LITERALS = ("reisen", "Umfeld", *(needle for needle, _pattern in _ALWAYS_FORMS))


@named_tuple
class VagueForm:
    start: int
    end: int
    always: bool  # a source wherever it stands ("wie man hört")
    circle: bool = False  # an anonymous source whose circle is named ("aus Koalitionskreisen", "aus dem Umfeld des Ministers")


def vague_forms(prose: str, start: int = 0, end: int | None = None, text: str | None = None) -> list[VagueForm]:
    """The vague attributions of ``prose[start:end]`` known by their form. Each pattern is
    searched for only where the literal its matches hold stands in the part (one copy
    asked with ``in``, see ``holds_any``; ``text``: that copy when the caller holds it, or
    any text that holds each literal wherever the part may hold a form with it, see
    ``document_vague_forms``): most sentences hold none."""
    end = len(prose) if end is None else end
    if text is None:
        text = _part(prose, start, end)
    out = []
    kreisen = _KREISEN.finditer(prose, start, end) if "reisen" in text else ()
    for m in kreisen:
        head = _AUS_BEFORE.search(prose, max(start, m.start() - 60), m.start())
        if head is None:
            continue
        heard = head.group("wie") is not None and _HEARD_AFTER.match(prose, m.end(), end)
        # "aus Koalitionskreisen", "aus Regierungs- und Koalitionskreisen" name their circle; "aus informierten Kreisen" does not
        circle = prose[m.start() - 2].isalpha()
        out.append(VagueForm(head.start(), heard.end() if heard else m.end(), bool(heard), circle))
    umfeld = _UMFELD.finditer(prose, start, end) if "Umfeld" in text else ()
    for m in umfeld:
        head = _UMFELD_BEFORE.search(prose, max(start, m.start() - 30), m.start())
        if head is not None:
            out.append(VagueForm(head.start(), m.end(), False, _CIRCLE_AFTER.match(prose, m.end(), end) is not None))
    always = [m for needle, pattern in _ALWAYS_FORMS if needle in text for m in pattern.finditer(prose, start, end)]
    for m in always:
        if m.group(0).startswith("Es") and not (m.start() == 0 or prose[max(0, m.start() - 2) : m.start()].rstrip() == "" or prose[m.start() - 2] in ".!?…"):
            continue  # "Es heißt," opens a sentence
        s = m.start()
        if m.group(0).startswith("man"):
            wie = _ALWAYS_BEFORE["m"].search(prose, max(start, s - 6), s)
            if wie is None:
                continue
            s = wie.start()
        out.append(VagueForm(s, m.end(), True))
    out.sort(key=lambda f: f.start)
    return out


def document_vague_forms(prose: str, words) -> list[VagueForm]:
    """``vague_forms`` of a document's whole ``prose``, its literals looked for among the
    document's words (``words``: its analysis) instead of in the prose (``_form_literals``).
    Most documents hold none."""
    literals = _form_literals(words)
    return vague_forms(prose, 0, len(prose), literals) if literals else []


def _form_literals(words) -> str:
    """The literals of ``vague_forms`` ("reisen", "Umfeld", "heißt", ...) whose forms the
    document of ``words`` (its analysis) may hold, one a line: a text to give ``vague_forms``
    for the whole prose, which searches the prose for a form only where its literal stands here.

    Every literal is of word characters, so it stands in the prose only inside one of the
    document's words (``word_lines``, searched in a fraction of the instructions: shorter, and
    mostly one byte a character where the prose, with its „ and –, takes two). Before that,
    each form's whole words are looked up among the words (``word_counts``, one dictionary
    look-up each): a word its pattern has between blanks or punctuation ("aus" in "aus
    Koalitionskreisen", "man" and "hört" in "wie man hört", "heißt" in "Es heißt,", "als"
    and "sicher" in "gilt als sicher") stands in the text only as a whole word. A document
    without them holds no such form wherever the literal stands ("Preisen", "vergilt")."""
    counts, lines = words.word_counts, words.word_lines
    found = []
    aus = "aus" in counts or "Aus" in counts
    # "aus Koalitionskreisen": a word ending in "kreisen" (``_KREISEN`` after ``_AUS_BEFORE``'s [Kk]).
    if aus and ("kreisen" in lines or "Kreisen" in lines):
        found.append("reisen")
    if aus and "dem" in counts and "Umfeld" in counts:  # "aus dem Umfeld" (``_UMFELD_BEFORE``)
        found.append("Umfeld")
    if "hört" in counts and "man" in counts and ("wie" in counts or "Wie" in counts):  # "wie man hört"
        found.append("hört")
    if "heißt" in counts:  # "Es heißt,"
        found.append("heißt")
    if "als" in counts and any(word in counts for word in _ALWAYS_AS_WORDS):  # "gilt als sicher"
        found += [literal for literal in ("gilt", "gelten", "galt") if literal in lines]
    return "\n".join(found)


def _fewest_needles(needles: set[str]) -> tuple[str, ...]:
    """``needles`` without those that hold another: a text holds one of the rest exactly
    when it holds one of them all."""
    kept: list[str] = []
    for needle in sorted(needles, key=lambda n: (len(n), n)):
        if not any(k in needle for k in kept):
            kept.append(needle)
    return tuple(kept)


class Attribution:
    """Classifies sentences of a document by the attribution they carry."""

    def __init__(
        self,
        cues: list[Entry],
        vague: list[Entry],
        opinion: list[Entry],
        determiners: list[Entry] = (),
        source_before: list[Entry] = (),
        domains: list[Entry] = (),
    ):
        self._cues = tuple(cues)
        self._vague = tuple(vague)
        self._opinion = tuple(opinion)
        self.vague_terms = {e.term for e in vague}
        self._determiners = frozenset(e.term for e in determiners)
        self._source_before_terms = tuple(e.term for e in source_before)
        self._source_before = _source_before(self._source_before_terms)
        #: Nouns after a vague source that name a field, not an actor ("Kenner der Branche").
        self._domains = frozenset(e.term for e in domains)

    @cached_property
    def _scans_key(self) -> str:
        """The name of a document's sentence scans with this vocabulary (``analysis.remember``),
        from the lists' content: the rules that name the same lists share the scans."""
        lists = [[(e.term, sorted(e.tags), list(e.variants), e.exception) for e in entries] for entries in (self._cues, self._vague, self._opinion)]
        terms = [sorted(self._determiners), list(self._source_before_terms), sorted(self._domains)]
        return "attribution scans " + blake2b(marshal.dumps((lists, terms)), digest_size=16).hexdigest()

    @property
    def determiners(self) -> frozenset[str]:
        """Words that open a noun phrase, not a name ("Die Experten", "Der Minister"; ``determiners``)."""
        return self._determiners

    @cached_property
    def vague(self) -> Matcher:
        return fast_matcher(self._vague)

    @cached_property
    def both(self) -> Matcher:
        # One pass over a sentence finds cues and vague sources together; where
        # a form is both ("Berichten zufolge" holds "zufolge"), the longer wins.
        return fast_matcher(self._vague + self._cues)

    @cached_property
    def vague_words(self) -> set[str]:
        """One word of each vague source's form for the shared scan: the longest,
        so that the scan does not stop at every "aus", "wie" or "laut"."""
        return {max(f.split(), key=lambda w: (len(w), w)) for f in self.vague.forms}

    @cached_property
    def vague_needles(self) -> tuple[str, ...] | None:
        """Strings one of which every sentence whose status is ``vague`` holds, or None.

        A vague hit is a form of a listed entry whose term is a vague source's (found by
        ``both``; a cue entry of the same term counts too) or a form of ``vague_forms``.
        Both matchers find a plain form's words as they stand (only the white space
        between them may differ), so each form gives its longest word; ``vague_forms``
        gives its literals. A list whose vague entries match otherwise (a compound's
        head, a modifier, a gap, a big list's lookup) gives None: every sentence is read.
        Fewer needles do as well where one holds another ("Experte" in "Experten")."""
        if not isinstance(self.both, (Matcher, SeparatedMatcher)):
            return None
        needles = set(VAGUE_FORM_LITERALS)
        for entry in self._vague + self._cues:
            if entry.exception or entry.term not in self.vague_terms:
                continue
            if {"compound", "head"} & set(entry.tags) or entry.term.endswith("-"):
                return None
            if any(word in GAP_WORDS for variant in entry.variants or (entry.term,) for word in variant.split()):
                return None
            needles.update(max(form.split(), key=len) for form in entry_forms(entry) if form.strip())
        return _fewest_needles(needles)

    @cached_property
    def opinion(self) -> Matcher:
        return fast_matcher(self._opinion)

    def _scan(self, prose: str, start: int, end: int, words=None, text: str | None = None) -> tuple[list[VagueHit], bool]:
        """The unnamed vague sources of a sentence, and whether it holds a cue
        (``words``: the document's, ``doc.analysis``, for the lists' gate; the scan
        of a sentence of its prose is then kept for every rule with this vocabulary;
        ``text``: the sentence's copy when the caller holds it)."""
        if words is None:
            return self._scan_sentence(prose, start, end, None, text)
        scanned_in, scans = words.remember(self._scans_key, lambda: (prose, {}))
        if scanned_in is not prose:
            return self._scan_sentence(prose, start, end, words, text)
        found = scans.get((start, end))
        if found is None:
            found = scans[(start, end)] = self._scan_sentence(prose, start, end, words, text)
        return found

    def _scan_sentence(self, prose: str, start: int, end: int, words, text: str | None) -> tuple[list[VagueHit], bool]:
        """``_scan`` of one sentence; its tests by literal share one copy of it (``text``)."""
        if text is None:
            text = _part(prose, start, end)
        cue = False
        candidates = []
        determiners = self._determiners
        source_before = self._source_before
        for s, e, entry in self.both.finditer(prose, start, end, words):
            if entry.term in self.vague_terms:
                # What follows "Berichten zufolge" is the clause, not the source's name.
                named = None if entry.term.endswith("zufolge") else _NAMED_AFTER.match(prose, e, min(end, e + 80))
                if named and not self._field_only(prose, named):
                    continue
                before = _NAME_BEFORE.search(prose, max(start, s - 30), s)
                if before is not None and before.group(0).split()[0] not in determiners and before.start() > start:
                    continue  # "Business Insider", "Apple Insider": a publication
                if " " not in entry.term and _AUDIENCE_BEFORE.search(prose, max(start, s - 30), s):
                    continue  # "sagte sie in einem Call mit Analysten": the audience
                phrase = " " in entry.term or bool(
                    (source_before is not None and source_before.search(prose, max(start, s - 40), s))
                    or _SOURCE_AFTER.match(prose, e, end)
                )
                candidates.append(VagueHit(s, e, phrase))
            elif not cue and not _other_sense(prose, s, e, end, entry):
                cue = True
        for form in vague_forms(prose, start, end, text):
            candidates.append(VagueHit(form.start, form.end, form.always, not form.always, form.circle))
        if not cue and compound_cues(prose, start, end, text):
            cue = True
        hits = candidates
        if any(not h.phrase for h in candidates):
            # A vague noun is a source only next to a verb of saying or judging
            # ("Kritiker warnen"), not as a topic ("begeisterte die Kritiker"). With the
            # document's words the list's gate answers for a document without such a verb
            # (and finds the plain ones once per document) instead of a scan per sentence.
            saying = any(True for _ in self.opinion.finditer(prose, start, end, words))
            if not saying:
                # "Insider berichten": a verb of saying right after the noun makes it the speaker.
                hits = [h for h in candidates if h.phrase or (h.needs_saying and (cue or _HEARSAY_AFTER.match(prose, h.end, end))) or self._says(prose, h.end, end)]
        hits.sort(key=lambda h: h.start)
        return hits, cue

    def _says(self, prose: str, at: int, end: int) -> bool:
        """Whether a verb of saying (a cue) follows ``at`` within ``SAYS_REACH`` characters."""
        found = self.both.finditer(prose, at, min(end, at + SAYS_REACH + 30))
        return any(s < at + SAYS_REACH for s, _e, entry in found if entry.term not in self.vague_terms)

    def _field_only(self, prose: str, named: re.Match) -> bool:
        """Whether what follows a vague noun names only a field ("Kenner der
        Branche"), and no name follows the field ("Kenner der Branche wie Hans Berg")."""
        if not self._domains:
            return False
        field = _FIELD.match(prose, named.start())
        if field is None or field.group(1) not in self._domains:
            return False
        return _NAMED_AFTER.match(prose, field.end(), field.end() + 80) is None

    def vague_hits(self, prose: str, start: int, end: int, words=None) -> list[VagueHit]:
        """Vague sources in ``prose[start:end]`` (one sentence) that name nobody."""
        return self._scan(prose, start, end, words)[0]

    def status(self, prose: str, start: int, end: int, words=None) -> str:
        """``named``, ``vague`` or ``none`` for the sentence ``prose[start:end]``: its tests
        by literal (the scan's, a "so", a colon, a web address, a forecast verb) share
        one copy of the sentence."""
        text = _part(prose, start, end)
        hits, cue = self._scan(prose, start, end, words, text)
        if hits:
            return VAGUE
        if cue or so_inquit(prose, start, end, text) or _source_label(prose, start, end, text) or web_source(prose, start, end, text):
            return NAMED
        if self._forecaster(prose, start, end, text):
            return NAMED
        return NONE

    def _forecaster(self, prose: str, start: int, end: int, text: str) -> bool:
        """Whether the sentence (``text``, its copy) states a forecast by a subject that names somebody."""
        if not _text_holds_any(text, _FORECAST_NEEDLES):
            return False  # the common case, answered in C
        opening = _FORECAST_OPENING.match(prose, start, end)
        found = ([opening] if opening is not None else []) + list(_FORECAST_INVERTED.finditer(prose, start, end))
        return any(m.group("who") not in _NOBODY and m.group("who") not in self.vague.forms for m in found)
