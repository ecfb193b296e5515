"""What is a name: spans of proper names and titles within a sentence.

A hype or drama word inside a name is no wording of the writer's: "Gegen
Tornado Zürich fehlt der Kapitän", "das Album ‚Totale Sensation‘", "die
Operation ‚Donnerschlag‘". Three kinds of span (``NameSpan.kind``):

- ``title``: a quotation used as a title mark, i.e. right after a name-type
  word ("der Film „Erdbeben“", "die Netflix-Serie »Sturm«", "unter dem Motto
  ‚Mega‘"); single quotation marks (‚…‘, ›…‹) count here too.
- ``typed``: up to ``TYPED_NAME_WORDS`` capitalised words right after a
  name-type word ("die Band Tornado", "Hurrikan Katrina", "das Schiff Titan").
- ``sequence``: two or more capitalised words in a row that are no sentence
  opener and no apposition ("Tornado Zürich", "Marjan Sturm", "SK Sturm").
  A run is an apposition, not a name, when an article or an article and an
  adjective stand before it ("der Chip-Titan Nvidia", "die mächtigen Titanen
  Apple und Google"), or when its first word looks like a declined adjective
  or plural ("Dramatische Verluste", "Giganten Apple"); from an abbreviation
  on ("SK", "FC", "1.") a run is always a name ("des SK Sturm", and in
  "Erzrivalen FC Porto" only "FC Porto").

Name-type words are a word list (``name-types.txt``); a compound ending in
one counts too ("Debütalbum", "Netflix-Serie") when at least
``MIN_COMPOUND_PREFIX`` letters come before. Capitalised function words
("Am", "Gegen", "Die") come from ``not-first-names.txt``. Italics are not
seen: the readers blank inline markup.
"""

from __future__ import annotations

import re
from pathlib import Path

from lint.cache import regexcache
from lint.language import lexicon
from lint.model.record import named_tuple

TITLE, TYPED, SEQUENCE = "title", "typed", "sequence"
#: Capitalised words taken as the name after a name-type word.
TYPED_NAME_WORDS = 3
#: Letters before a name type for a compound to count ("Debüt|album", not "Bei|spiel").
MIN_COMPOUND_PREFIX = 4
#: How far before a quotation a name-type word may stand (article and adjective between).
TITLE_LOOKBACK_WORDS = 3

DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines "
    "dieser diese dieses diesen diesem jener jene jenes unser unsere unseren unserem ihr ihre ihren ihrem "
    "sein seine seinen seinem zwei drei beide beiden".split()
)
_DECLINED = ("e", "en", "er", "es", "em")

_TOKEN = regexcache.compile(r"\d+\.|\w+(?:[-'’.]\w+)*")
_TITLE_QUOTE = regexcache.compile(r"„[^„“”\n]{1,300}?[“”]|»[^»«\n]{1,300}?«|\"[^\"\n]{1,300}?\"|‚[^‚‘\n]{1,300}?‘|›[^›‹\n]{1,300}?‹")
_ABBREVIATION = regexcache.compile(r"^(?:[A-ZÄÖÜ]{2,5}|\d+\.)$")


@named_tuple
class NameSpan:
    """A proper name or a title: ``prose[start:end]``."""

    start: int
    end: int
    kind: str


@named_tuple
class NameLexicon:
    #: Name-type words, lower case ("album", "operation").
    types: tuple[str, ...]
    #: Capitalised words that open sentences but are no part of a name ("Am", "Die").
    function_words: frozenset[str]


LISTS = ("name-types.txt", "not-first-names.txt")


def _build_lexicon(paths: tuple[Path, ...]) -> NameLexicon:
    types, function_words = (lexicon.read(p) for p in paths)
    return NameLexicon(tuple(sorted({t.lower() for t in lexicon.terms(types)})), frozenset(lexicon.terms(function_words)))


def load_lexicon(folder: Path | None = None) -> NameLexicon:
    """The name vocabulary (rebuilt when one of its lists changes)."""
    return lexicon.prepared_files(lexicon.paths(LISTS, folder), _build_lexicon)


def is_name_type(word: str, lex: NameLexicon) -> bool:
    low = word.lower()
    if not low.endswith(lex.types):
        return False
    for kind in lex.types:
        if low.endswith(kind) and (low == kind or low[-len(kind) - 1] == "-" or len(low) - len(kind) >= MIN_COMPOUND_PREFIX):
            return True
    return False


def name_spans(prose: str, start: int, end: int, lex: NameLexicon) -> list[NameSpan]:
    """The names and titles in ``prose[start:end]`` (one sentence)."""
    tokens = list(_TOKEN.finditer(prose, start, end))
    spans: list[NameSpan] = []
    spans.extend(_titles(prose, start, end, tokens, lex))
    spans.extend(_typed(prose, tokens, lex))
    spans.extend(_sequences(prose, tokens, lex))
    return sorted(set(spans), key=lambda s: (s.start, s.end))


def could_be_named(prose: str, start: int, sentence_start: int, sentence_end: int) -> bool:
    """A quick test: a word can stand in a name only inside a title's quotation marks,
    or, in a typed name or a capitalised run, when it is capitalised and a word that
    starts with a capital or a digit stands right beside it (``_beside_capital``):
    such a name is two or more words with only spaces between ("Tornado Zürich",
    the type word of "die Band Tornado" counted)."""
    if prose[start : start + 1].isupper() and _beside_capital(prose, start):
        return True
    return _TITLE_QUOTE.search(prose, sentence_start, sentence_end) is not None


#: What ``_adjacent`` lets stand between two words of one name.
_NAME_GAP = " \u00a0"
#: The characters a word (``_TOKEN``) can hold besides letters, digits and "_".
_WORD_PUNCTUATION = "_-'’."


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in _WORD_PUNCTUATION


def _beside_capital(prose: str, start: int) -> bool:
    """Whether the word at ``start`` may have a neighbour in a name: the next word,
    after spaces only, starts with a capital or a digit, or the word before, with
    spaces only after it, holds one. Only such a word can start a capitalised word,
    an abbreviation or a name type (``_capitalised``, ``_ABBREVIATION``); the
    characters a word can hold bound the word at ``start`` and the word before
    (a word runs over at most these), so the test never misses a neighbour."""
    n = len(prose)
    hi = start
    while hi < n and _is_word_char(prose[hi]):
        hi += 1
    after = hi
    while after < n and prose[after] in _NAME_GAP:
        after += 1
    if after > hi and after < n and (prose[after].isupper() or prose[after].isdigit()):
        return True
    lo = start
    while lo and _is_word_char(prose[lo - 1]):
        lo -= 1
    before = lo
    while before and prose[before - 1] in _NAME_GAP:
        before -= 1
    if before == lo:
        return False
    first = before
    while first and _is_word_char(prose[first - 1]):
        first -= 1
    return any(c.isupper() or c.isdigit() for c in prose[first:before])


def in_name(spans: list[NameSpan], start: int, end: int) -> NameSpan | None:
    for span in spans:
        if span.start <= start and end <= span.end:
            return span
    return None


def _titles(prose: str, start: int, end: int, tokens: list[re.Match], lex: NameLexicon) -> list[NameSpan]:
    out = []
    for q in _TITLE_QUOTE.finditer(prose, start, end):
        before = [t for t in tokens if t.end() <= q.start()][-TITLE_LOOKBACK_WORDS:]
        if any(is_name_type(t.group(), lex) and t.group()[:1].isupper() for t in before):
            out.append(NameSpan(q.start(), q.end(), TITLE))
    return out


def _adjacent(prose: str, a: re.Match, b: re.Match) -> bool:
    gap = prose[a.end() : b.start()]
    return bool(gap) and gap.strip(" \u00a0") == ""


def _typed(prose: str, tokens: list[re.Match], lex: NameLexicon) -> list[NameSpan]:
    out = []
    for i, tok in enumerate(tokens[:-1]):
        if not (tok.group()[:1].isupper() and is_name_type(tok.group(), lex)):
            continue
        j = i + 1
        last = None
        while j < len(tokens) and j - i <= TYPED_NAME_WORDS and _adjacent(prose, tokens[j - 1], tokens[j]):
            word = tokens[j].group()
            if not word[:1].isupper() or word in lex.function_words:
                break
            last = tokens[j]
            j += 1
        if last is not None:
            out.append(NameSpan(tokens[i + 1].start(), last.end(), TYPED))
    return out


def _sequences(prose: str, tokens: list[re.Match], lex: NameLexicon) -> list[NameSpan]:
    out = []
    i = 0
    while i < len(tokens):
        if not _capitalised(tokens[i].group(), lex):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and _capitalised(tokens[j + 1].group(), lex) and _adjacent(prose, tokens[j], tokens[j + 1]):
            j += 1
        run = tokens[i : j + 1]
        abbreviation = next((k for k, m in enumerate(run) if _ABBREVIATION.match(m.group())), None)
        if abbreviation is not None and abbreviation < len(run) - 1:
            out.append(NameSpan(run[abbreviation].start(), run[-1].end(), SEQUENCE))  # "Erzrivalen FC Porto"
        elif len(run) >= 2 and _is_name(run, tokens[:i]):
            out.append(NameSpan(run[0].start(), run[-1].end(), SEQUENCE))
        i = j + 1
    return out


def _capitalised(word: str, lex: NameLexicon) -> bool:
    return (word[:1].isupper() or bool(_ABBREVIATION.match(word))) and word not in lex.function_words


def _is_name(run: list[re.Match], before: list[re.Match]) -> bool:
    words = [m.group() for m in run]
    if any(_ABBREVIATION.match(w) for w in words):
        return True
    first = words[0].split("-")[-1]
    if first.endswith(_DECLINED) and first[-2:-1].islower():
        return False  # "Dramatische Verluste", "Giganten Apple": a declined word opens it
    if before:
        prev = before[-1].group()
        if prev.lower() in DETERMINERS:
            return False  # "der Titan Nvidia": an apposition
        if len(before) >= 2 and prev[:1].islower() and prev.endswith(_DECLINED) and before[-2].group().lower() in DETERMINERS:
            return False  # "die mächtigen Titanen Apple"
    return True
