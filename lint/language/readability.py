"""Readability metrics of an article, computed on newslint's own segmentation.

The published formulas need five counts: sentences, words, syllables, words
of one syllable and of three or more, and words of more than six letters.
Sentences come from ``Document.sentences`` (which knows German ordinals and
abbreviations, unlike textstat's splitter); headings, captions and sentences
without a word are left out, as the formulas are defined on running text.

Words: whitespace-separated runs of letters and digits once punctuation,
hyphens and apostrophes are removed, so "KI-Start-up", "Über", "Öl" and the
numbers "5,6" and "1.000" are one word each, a lone dash none.

Syllables: a fast German counter, not pyphen. pyphen hyphenates (it never
splits off a single letter, so "aber", "oder" and "Ofen" come out one
syllable short) and costs about 0.5 s to load; the whole corpus must lint in
about a second. The counter counts vowel nuclei: a diphthong or long vowel
(ei, ai, ey, ay, au, äu, eu, ie, aa, ee, oo, ou, eau) is one nucleus, any
other vowel (a e i o u y ä ö ü) one more; u after q is a consonant; "-ien"
after a syllable is two ("Me-di-en", "Fa-mi-li-en", but "Wien"). A word
without a vowel (numbers, "BMW") counts one syllable. See
``tests/test_readability.py`` for its agreement with pyphen.

Formulas (all over the counts above):

- Flesch reading ease for German after Amstad (1978):
  ``180 - ASL - 58.5 * ASW``
- Wiener Sachtextformel after Bamberger and Vanecek (1984), with MS the
  percentage of words of three or more syllables, SL the average sentence
  length, IW the percentage of words of more than six letters and ES the
  percentage of one-syllable words:
  1. ``0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES - 0.875``
  2. ``0.2007 MS + 0.1682 SL + 0.1373 IW - 2.779``
  3. ``0.2963 MS + 0.1905 SL - 1.1144``
  4. ``0.2744 MS + 0.2656 SL - 1.693``
- LIX after Björnsson (1968): ``ASL + 100 * long words / words``
"""

from __future__ import annotations

from itertools import repeat
from operator import add, lt, sub

from typing import TYPE_CHECKING

from lint.cache import regexcache
from lint.language.newsroom_index import LONG_CLAUSE, LONG_SENTENCE, combine, lower_bound
from lint.language.words import Utf8, lower_utf8
from lint.model.record import Record

if TYPE_CHECKING:
    from lint.language.newsroom_index import Index
    from lint.language.sentence_shape import Shape

# Words are counted on UTF-8 bytes, which lets C-level bytes methods do all the
# work (no Python code runs per word). Step 1 keeps letters, digits and
# whitespace and deletes everything else (punctuation, hyphens, apostrophes, and
# the lead byte of a Latin-1 letter, so that "ä" is one byte); a word is a
# whitespace-separated run of what is left.
_LETTERS = set(b"abcdefghijklmnopqrstuvwxyz0123456789 \t\n\r\x0b\x0c") | {0x9F} | set(range(0xA0, 0xC0))
_LETTERS -= {0xA2, 0xA6, 0xAC}  # bytes of "•", "…", "€" after their lead bytes
_NOT_LETTER = bytes(b for b in range(256) if b not in _LETTERS)
# Every letter as "x", whitespace as a space (line breaks kept): " x" counts words,
# " xxxxxxx" long words.
_AS_X = bytes.maketrans(bytes(range(256)), bytes(b if b == 0x0A else 0x20 if bytes([b]).isspace() else 0x78 for b in range(256))
)
# Step 2 folds vowels: ä → e (so "äu" is "eu"), ö → o, ü → u, accented → plain, y → i.
_FOLD = bytes.maketrans(b"y\xa4\xb6\xbc\xa9\xa8\xaa\xa1\xa0\xa2\xad\xae\xb3\xb4\xba\xbb\n", b"ieoueeeaaaiioouu ")
# Step 3 marks the second vowel of a nucleus as a consonant ("_"), in this order;
# "qu" makes the u a consonant.
_MERGE = (b"qu", b"eau", b"ei", b"ai", b"au", b"eu", b"ie", b"aa", b"ee", b"oo", b"ou")
_MERGED = tuple(p[:1] + b"_" * (len(p) - 1) if p != b"qu" else b"q_" for p in _MERGE)
# Step 4: each remaining vowel is one nucleus ("a"); " aaa" counts words of three or more.
_NUCLEUS = bytes.maketrans(b"eiou", b"aaaa")
_NOT_VOWEL = bytes(b for b in range(256) if b not in b"aeiou ")
# "-ien" at the end of a word is two syllables after another syllable (Me-di-en,
# Fa-mi-li-en, A-si-en); these words have it as their only syllable.
_IEN_ONE = (b"wien", b"schien", b"spien", b"lien")


# Characters U+0080-U+00BF (no-break space, «, », §, °) are two bytes led by 0xC2
# whose second byte would pass for a letter: they become a space.
_C2 = regexcache.compile(rb"\xc2[\x80-\xbf]")


def _letters(text: str, beyond_ascii: frozenset[str] | None = None, encoded: bytes | None = None) -> bytes:
    """``text`` lower-cased, as UTF-8 with only letters, digits and whitespace.
    ``beyond_ascii``: the characters beyond ASCII of a text that holds all of ``text``
    (the document's prose, ``Analysis.prose_utf8``), if known (``_lowered``); ``encoded``:
    ``text``'s UTF-8 (lone surrogates passed through), if made already."""
    b = lower_utf8(text) if beyond_ascii is None else _lowered(text, beyond_ascii, encoded)
    if b.find(b"\xc2") >= 0:  # ``find``, not ``in``: see ``Analysis.words_found``
        b = _C2.sub(b" ", b)
    return b.translate(None, _NOT_LETTER)


def _lowered(text: str, beyond_ascii: frozenset[str], encoded: bytes | None = None) -> bytes:
    """``lower_utf8(text)`` told the characters beyond ASCII of a text that holds ``text``,
    instead of finding those of ``text`` in a pass over its bytes: it looks for each in
    turn, and one that ``text`` lacks is found nowhere. Not when they include a lone
    surrogate, which ``lower_utf8`` replaces where ``Utf8`` passes it through. ``encoded``:
    ``text.encode("utf-8", "surrogatepass")``, if made already."""
    if _SURROGATE.search("".join(beyond_ascii)) is not None:
        return lower_utf8(text)
    if encoded is None:
        encoded = text.encode("utf-8", "surrogatepass")
    return lower_utf8(text, "surrogatepass", Utf8(encoded, beyond_ascii))


_SURROGATE = regexcache.compile(r"[\ud800-\udfff]")


def _nuclei(letters: bytes) -> bytes:
    """``letters`` (from ``_letters``) with each word reduced to one "a" per syllable nucleus,
    words separated by at least one space, and a space before the first."""
    return _merge_vowels(b" " + letters.translate(_FOLD) + b" ").translate(_NUCLEUS, _NOT_VOWEL)


def _merge_vowels(b: bytes) -> bytes:
    """Vowel groups that form one syllable merged ("-ien" of one syllable, diphthongs),
    on folded letters with spaces between words."""
    if b.find(b"ien ") >= 0:  # ``find``, not ``in``: see ``Analysis.words_found``
        one = _one_syllable_ien_possible(b)
        b = b.replace(b"ien ", b"i_en ")
        if one:
            for split, whole in _IEN_ONE_SPLIT:
                if split in b:
                    b = b.replace(split, whole)
    # Two texts in three have no "q": one search for a single byte (memchr) spares them
    # the search for "qu", which like every pair's costs several times more.
    for pair, merged in _MERGES if b.find(b"q") >= 0 else _MERGES_BUT_QU:
        b = b.replace(pair, merged)  # one pass; no copy where the pair is absent
    return b


_MERGES = tuple(zip(_MERGE, _MERGED))
_MERGES_BUT_QU = _MERGES[1:]  # "qu" comes first: without it the others' order is the same


def _one_syllable_ien_possible(b: bytes) -> bool:
    """Whether a word of ``_IEN_ONE`` may end in ``b``: some "ien " follows the letter
    before "ien" in one of them (w, h, p, l). Most documents have a few "-ien" words
    ("Medien", "Studien"), none of them these: a look at each spares the searches of
    the whole text for every word of ``_IEN_ONE``."""
    at = b.find(b"ien ")
    while at >= 0:
        if b[at - 1] in _IEN_ONE_BEFORE:
            return True
        at = b.find(b"ien ", at + 4)
    return False


_IEN_ONE_BEFORE = frozenset(word[-4] for word in _IEN_ONE)
#: Each word of ``_IEN_ONE`` as the "-ien" split leaves it, and back as one syllable.
_IEN_ONE_SPLIT = tuple((b" " + word[:-2] + b"_en ", b" " + word + b" ") for word in _IEN_ONE)


def syllables(word: str) -> int:
    """Syllables of one word by the counter described above (at least one)."""
    return max(1, _nuclei(_letters(word).replace(b" ", b"")).count(b"a"))


def words(text: str) -> list[str]:
    """The words of ``text`` as the metrics count them (lower case, letters and digits only)."""
    return _letters(text).decode("latin-1").translate(_LATIN1).split()


# The second byte of a two-byte Latin-1 letter (0x80-0xBF after 0xC3) back to the letter.
_LATIN1 = {c: c + 0x40 for c in range(0x80, 0xC0)}


class Metrics(Record):
    """Counts and formulas of one text. Percentages are 0-100."""

    _fields = (
        "sentences", "words", "syllables", "monosyllables", "polysyllables", "long_words", "asl", "asw",
        "long_word_share", "polysyllable_share", "monosyllable_share", "flesch_amstad", "wstf1", "wstf2", "wstf3",
        "wstf4", "lix",
    )
    __slots__ = _fields

    def __init__(
        self,
        sentences: int = 0,
        words: int = 0,
        syllables: int = 0,
        monosyllables: int = 0,
        polysyllables: int = 0,
        long_words: int = 0,
        asl: float = 0.0,
        asw: float = 0.0,
        long_word_share: float = 0.0,
        polysyllable_share: float = 0.0,
        monosyllable_share: float = 0.0,
        flesch_amstad: float = 0.0,
        wstf1: float = 0.0,
        wstf2: float = 0.0,
        wstf3: float = 0.0,
        wstf4: float = 0.0,
        lix: float = 0.0,
    ):
        self.sentences = sentences
        self.words = words
        self.syllables = syllables
        self.monosyllables = monosyllables
        self.polysyllables = polysyllables  # three syllables or more
        self.long_words = long_words  # more than six letters
        self.asl = asl  # average sentence length in words
        self.asw = asw  # average syllables per word
        self.long_word_share = long_word_share  # percent of words with more than six letters (IW)
        self.polysyllable_share = polysyllable_share  # MS
        self.monosyllable_share = monosyllable_share  # ES
        self.flesch_amstad = flesch_amstad
        self.wstf1 = wstf1
        self.wstf2 = wstf2
        self.wstf3 = wstf3
        self.wstf4 = wstf4
        self.lix = lix

    def as_dict(self) -> dict:
        return {k: (round(v, 2) if isinstance(v, float) else v) for k, v in zip(self._fields, self._values())}


# Names, labels and the direction in which a value is better (for targets and the stats table).
METRICS = {
    "flesch_amstad": "Flesch (Amstad)",
    "wstf1": "Wiener Sachtextformel 1",
    "wstf2": "Wiener Sachtextformel 2",
    "wstf3": "Wiener Sachtextformel 3",
    "wstf4": "Wiener Sachtextformel 4",
    "lix": "LIX",
    "asl": "Wörter je Satz",
    "asw": "Silben je Wort",
    "long_word_share": "Anteil langer Wörter (%)",
    "polysyllable_share": "Anteil dreisilbiger Wörter (%)",
    "monosyllable_share": "Anteil einsilbiger Wörter (%)",
    "index": "Newsroom-Index (0-20)",
}


def from_counts(
    sentences: int, words: int, syllables: int, monosyllables: int, polysyllables: int, long_words: int
) -> Metrics:
    """Apply the published formulas to the five counts. Every value is computed first and
    the record built in one call (not built with defaults and then set field by field):
    the score rules build one per body sentence."""
    if not sentences or not words:
        return Metrics(sentences, words, syllables, monosyllables, polysyllables, long_words)
    asl = words / sentences  # SL
    asw = syllables / words
    iw = 100 * long_words / words
    ms = 100 * polysyllables / words
    es = 100 * monosyllables / words
    return Metrics(
        sentences, words, syllables, monosyllables, polysyllables, long_words, asl, asw, iw, ms, es,
        180 - asl - 58.5 * asw,  # flesch_amstad
        0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875,  # wstf1
        0.2007 * ms + 0.1682 * asl + 0.1373 * iw - 2.779,  # wstf2
        0.2963 * ms + 0.1905 * asl - 1.1144,  # wstf3
        0.2744 * ms + 0.2656 * asl - 1.693,  # wstf4
        asl + iw,  # lix
    )


# What the counts look for in the line forms (``_line_forms``), where every word has a
# space before it and one after it: a word of two nuclei or more, of three or more and
# of seven letters or more is found by its end. The search compares a pattern's last
# byte first, and a space there is rarer than an "a" or an "x": half the instructions
# of " aaa" or " xxxxxxx".
_TWO_NUCLEI = b"aa "
_THREE_NUCLEI = b"aaa "
_LONG_WORD = b"xxxxxxx "


def _count(nuclei: bytes, shape: bytes, words: int | None = None) -> tuple[int, int, int, int, int]:
    """The five counts of a text from its nuclei and its shape (``_line_forms``)."""
    if words is None:
        words = shape.count(b" x")
    if not words:
        return 0, 0, 0, 0, 0
    with_vowel = nuclei.count(b" a")
    syllables = nuclei.count(b"a") + words - with_vowel  # a word without a vowel is one syllable
    monosyllables = words - nuclei.count(_TWO_NUCLEI)
    polysyllables = nuclei.count(_THREE_NUCLEI)
    long_words = shape.count(_LONG_WORD)
    return words, syllables, monosyllables, polysyllables, long_words


def measure_document(text: str) -> "Analysis":
    """The readability analysis of a plain text string (segmented as a plain-text document)."""
    from lint.model.document import Document
    from lint.readers.plain import read_plain

    return analyse(Document("-", text, read_plain(text)))


def measure_text(text: str) -> Metrics:
    """Metrics of a plain text string (segmented as a plain-text document)."""
    return measure_document(text).metrics


# Step 2 for text of several lines: line breaks stay.
_FOLD_LINES = bytes.maketrans(b"y\xa4\xb6\xbc\xa9\xa8\xaa\xa1\xa0\xa2\xad\xae\xb3\xb4\xba\xbb", b"ieoueeeaaaiioouu")
_NOT_VOWEL_LINES = bytes(b for b in range(256) if b not in b"aeiou \n")


def _line_forms(letters: bytes) -> tuple[bytes, bytes]:
    """The nuclei (``_nuclei``) and the shape (``_AS_X``) of ``letters`` of several lines,
    line breaks kept: both made from one copy of ``letters`` with " \\n " between lines
    and a space at either end, so that a space still comes before every word. Counted as
    a whole they count each line as ``_nuclei`` counts it alone; split at the line breaks,
    they give each line's counts (``_per_line``)."""
    lined = b" " + letters.replace(b"\n", b" \n ") + b" "
    nuclei = _merge_vowels(lined.translate(_FOLD_LINES)).translate(_NUCLEUS, _NOT_VOWEL_LINES)
    return nuclei, lined.translate(_AS_X)


def _per_line(nuclei: bytes, shape: bytes) -> list[Metrics]:
    """The metrics of every line on its own, from the nuclei and the shape of the same
    letters (``_line_forms``): counted line by line at C level (``map``), no Python loop over
    the lines. A line without a word has no letter, so all its counts are 0."""
    nuclei_lines = nuclei.split(b"\n")
    shape_lines = shape.split(b"\n")
    words = list(map(bytes.count, shape_lines, repeat(b" x")))
    no_vowel = map(sub, words, map(bytes.count, nuclei_lines, repeat(b" a")))  # one syllable each
    syllables = map(add, map(bytes.count, nuclei_lines, repeat(b"a")), no_vowel)
    monosyllables = map(sub, words, map(bytes.count, nuclei_lines, repeat(_TWO_NUCLEI)))
    polysyllables = map(bytes.count, nuclei_lines, repeat(_THREE_NUCLEI))
    long_words = map(bytes.count, shape_lines, repeat(_LONG_WORD))
    return list(map(from_counts, repeat(1), words, syllables, monosyllables, polysyllables, long_words))


# Where one clause ends and the next begins (for clause lengths): a comma outside a
# number, a semicolon, a colon, a dash, and the end of a sentence (a line).
_CLAUSE_COMMA = regexcache.compile(r",(?!\d)")
# Whitespace that ``str.split`` splits at beyond the bytes ``_AS_X`` makes spaces: the
# ASCII separators \x1c-\x1f (one byte each, made spaces by ``_CLAUSE_SHAPE``) and
# these, looked for one by one (much cheaper than a regex over the text; the low
# bytes of the quotation marks „“” would be false hits for \x1c-\x1e), replaced by a
# regex when there.
_WIDE_SPACES = (
    "\x85", "\xa0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
)
_OTHER_SPACE = regexcache.compile("[\x1c-\x1f" + "".join(_WIDE_SPACES) + "]")


def _clause_shape(commas: bool) -> bytes:
    """``_AS_X`` that also makes the separators \\x1c-\\x1f spaces and ";" and ":" line
    breaks, with ``commas`` the comma too (for a text whose every comma ends a clause)."""
    table = bytearray(_AS_X)
    table[0x1C:0x20] = b"    "
    for mark in b";:" + (b"," if commas else b""):
        table[mark] = 0x0A
    return bytes(table)


_CLAUSE_SHAPE = _clause_shape(commas=False)
_CLAUSE_SHAPE_COMMAS = _clause_shape(commas=True)
#: A comma before a digit, or before a character that may be one (every UTF-8 byte
#: past ASCII): there the regex decides.
_COMMA_BEFORE_DIGIT = regexcache.compile(rb",[0-9\x80-\xff]")


def clause_words(body: str, encoded: bytes | None = None, beyond_ascii: frozenset[str] | None = None) -> list[int]:
    """The words (whitespace-separated items, as ``str.split`` finds them) of every
    clause of ``body`` (a sentence a line), empty clauses left out: counted on bytes,
    without building a list of words. The one-byte marks become line breaks in the
    translation that makes the shape, the commas too unless one stands before a digit
    (then ``_CLAUSE_COMMA`` replaces those that end a clause). ``encoded``: ``body``'s
    UTF-8 (lone surrogates passed through) and ``beyond_ascii``: the characters beyond
    ASCII of a text that holds all of ``body``, if known (``Analysis.body_lines_utf8``):
    then a text without wide spaces has its dashes replaced in those bytes (UTF-8 never
    holds a character's bytes across others), not in the text encoded again, and is
    not searched for the wide spaces one by one."""
    text = None
    if encoded is None or beyond_ascii is None or not beyond_ascii.isdisjoint(_WIDE_SPACES):
        text = _clause_text(body)
        raw = text.encode("utf-8", "surrogatepass")
    elif beyond_ascii.isdisjoint(_DASHES):
        raw = encoded
    else:
        raw = encoded.replace(_DASHES_UTF8[0], b"\n").replace(_DASHES_UTF8[1], b"\n")
    if _COMMA_BEFORE_DIGIT.search(raw) is None:
        shape = raw.translate(_CLAUSE_SHAPE_COMMAS)
    else:
        text = _clause_text(body) if text is None else text
        shape = _CLAUSE_COMMA.sub("\n", text).encode("utf-8", "surrogatepass").translate(_CLAUSE_SHAPE)
    shape = b" " + shape.replace(b"\n", b"\n ")
    return [n for n in map(bytes.count, shape.split(b"\n"), repeat(b" x")) if n]


#: The dashes that end a clause (made line breaks), and their UTF-8.
_DASHES = ("–", "—")
_DASHES_UTF8 = tuple(d.encode("utf-8") for d in _DASHES)


def _clause_text(body: str) -> str:
    """``body`` with its dashes made line breaks and its wide spaces plain ones (``clause_words``)."""
    text = body.replace(_DASHES[0], "\n").replace(_DASHES[1], "\n")
    if any(space in text for space in _WIDE_SPACES):
        text = _OTHER_SPACE.sub(" ", text)
    return text


def index_components(a: "Analysis") -> dict[str, float]:
    """The raw components of the newsroom index (``lint.language.newsroom_index``)."""
    return {**_cheap_components(a), **_clause_components(a)}


def _clause_components(a: "Analysis") -> dict[str, float]:
    words = clause_words(a.body_lines(), *a.body_lines_utf8()) or [0]
    return {
        "clause_length": sum(words) / len(words),
        "long_clauses": 100 * _longer(words, LONG_CLAUSE) / len(words),
    }


def _longer(counts: list[int], limit: int) -> int:
    """How many of ``counts`` are above ``limit``: compared and summed at C level (``map``),
    no generator frame per sentence or clause."""
    return sum(map(lt, repeat(limit), counts))


def _cheap_components(a: "Analysis") -> dict[str, float]:
    m = a.metrics
    n = len(a.sentence_words) or 1
    letters = a.line_forms()[1].count(b"x")  # every byte of ``letters`` but whitespace is an "x" of the shape
    return {
        "flesch_amstad": m.flesch_amstad,
        "wstf1": m.wstf1,
        "lix": m.lix,
        "asl": m.asl,
        "long_sentences": 100 * _longer(a.sentence_words, LONG_SENTENCE) / n,
        "letters_per_word": letters / m.words if m.words else 0.0,
        "long_word_share": m.long_word_share,
    }


def newsroom_index(a: "Analysis", at_least: float | None = None):
    """The newsroom index (0 hard - 20 easy) of an analysed document; with ``at_least``,
    None when the cheap components alone (the clause components counted as 0) already
    reach it, so the clause lengths need not be measured. Each part is measured once per analysis."""
    if a._cheap is None:
        cheap = _cheap_components(a)
        a._cheap = cheap, lower_bound(cheap)
    cheap, bound = a._cheap
    if at_least is not None and bound >= at_least:
        return None
    if a._index is None:
        a._index = combine({**cheap, **_clause_components(a)})
    return a._index


class Analysis(Record):
    """What the readability rules share about one document (computed once)."""

    _fields = (
        "sentences", "sentence_words", "metrics", "letters", "_spaced", "_per_sentence", "_shapes", "_cheap", "_index",
        "_shape", "_nuclei", "_body", "_profiles", "_body_utf8", "_beyond_ascii",
    )

    def __init__(
        self,
        sentences: list | None = None,
        sentence_words: list[int] | None = None,
        metrics: Metrics | None = None,
        letters: bytes = b"",
        _spaced: bytes | None = None,
        _per_sentence: list[Metrics] | None = None,
        _shapes: dict | None = None,
        _cheap: tuple[dict, float] | None = None,
        _index: "Index | None" = None,
        _shape: bytes | None = None,
        _nuclei: bytes | None = None,
        _body: str | None = None,
        _profiles: dict | None = None,
        _body_utf8: bytes | None = None,
        _beyond_ascii: frozenset[str] | None = None,
    ):
        self.sentences = [] if sentences is None else sentences  # body sentences with at least one word
        self.sentence_words = [] if sentence_words is None else sentence_words  # words per body sentence
        self.metrics = Metrics() if metrics is None else metrics
        #: The body text lower-cased, letters and digits only (see ``_letters``): a cheap
        #: test whether a word occurs at all before a rule runs a regex (``has_any``, ``words_found``).
        self.letters = letters
        self._spaced = _spaced
        self._per_sentence = _per_sentence
        self._shapes = {} if _shapes is None else _shapes
        self._cheap = _cheap  # the newsroom index's cheap components and their lower bound, once measured
        self._index = _index  # the newsroom index, once measured
        #: ``letters``' shape and nuclei line by line (``_line_forms``): made by ``measure``
        #: for the article's counts, kept for each sentence's (``per_sentence``).
        self._shape = _shape
        self._nuclei = _nuclei
        #: The body sentences' text a line each (``body_lines``), kept from ``measure``
        #: when it kept every sentence it joined.
        self._body = _body
        #: Clause profiles by (sentence text, clause word classes): ``clause_profile``.
        self._profiles = {} if _profiles is None else _profiles
        #: ``_body``'s UTF-8 (lone surrogates passed through), made by ``measure`` for the
        #: letters, and the characters beyond ASCII of the prose that holds it: ``body_lines_utf8``.
        self._body_utf8 = _body_utf8
        self._beyond_ascii = _beyond_ascii

    def has_any(self, needles: tuple[bytes, ...]) -> bool:
        """Whether any of ``needles`` (from ``key``) occurs in the body text, even inside a word."""
        letters = self.letters
        return any(n in letters for n in needles)

    @property
    def spaced(self) -> bytes:
        """``letters`` on one line between spaces: ``b" " + word + b" "`` finds a whole word."""
        if self._spaced is None:
            self._spaced = b" " + self.letters.replace(b"\n", b" ") + b" "
        return self._spaced

    @property
    def per_sentence(self) -> list[Metrics]:
        """Each body sentence's metrics on its own (computed on first use, for the score
        rules that name the sentences costing the most): from the nuclei and the shape
        ``measure`` made of ``letters`` (``line_forms``), not from the sentences' text again;
        the letters of a line do not depend on the other lines (a line break ends a capital
        sigma's context too), and a line without words changes no other line's counts."""
        if self._per_sentence is None:
            if not self.sentences:
                self._per_sentence = [from_counts(1, 0, 0, 0, 0, 0)]  # the empty text is one line without words
            else:
                # ``letters`` holds a line per body sentence, with or without words;
                # ``sentences`` keeps those with words, as this keeps their metrics
                self._per_sentence = [m for m in _per_line(*self.line_forms()) if m.words]
        return self._per_sentence

    def body_lines(self) -> str:
        """The text of the body sentences, a line each (line breaks inside one made spaces),
        for the clause lengths: the text ``measure`` joined for the letters when every
        sentence it joined has a word, so no sentence is joined twice; else joined now."""
        if self._body is None:
            self._body = "\n".join([s.text.replace("\n", " ") for s in self.sentences])
        return self._body

    def body_lines_utf8(self) -> tuple[bytes | None, frozenset[str] | None]:
        """The UTF-8 of ``body_lines`` and the characters beyond ASCII of a text that holds
        it, as ``clause_words`` takes them: kept from ``measure`` when it kept the text
        (else None: ``clause_words`` encodes the text)."""
        if self._body_utf8 is None:
            return None, None
        return self._body_utf8, self._beyond_ascii

    def line_forms(self) -> tuple[bytes, bytes]:
        """The nuclei and the shape of ``letters`` line by line (``_line_forms``), as
        ``_per_line`` takes them: kept from ``measure``, else made now."""
        if self._shape is None:
            self._nuclei, self._shape = _line_forms(self.letters)
        return self._nuclei, self._shape

    def shape(self, i: int, words) -> "Shape":
        """The shape of body sentence ``i`` (``lint.language.sentence_shape``) with the
        clause word classes ``words``, computed on first use and kept: the sentence rules
        ask about the few long or comma-rich sentences only, each once."""
        found = self._shapes.get((i, words))
        if found is None:
            from lint.language.sentence_shape import shape

            text = self.sentences[i].text
            found = self._shapes[(i, words)] = shape(text, words, self.clause_profile(text, words))
        return found

    def clause_profile(self, text: str, words) -> tuple:
        """``clauses.cut_profile(text, words)`` of a sentence of the document, made on first
        use and kept: the sentence length rule (through ``shape``) and the nesting rule
        both ask for the profile of the long sentences with many commas, and a sentence's
        segments are its costliest part. Keyed by the text, not the index: the nesting rule
        walks the sentences without theirs."""
        key = (text, words)
        found = self._profiles.get(key)
        if found is None:
            from lint.language.clauses import cut_profile

            found = self._profiles[key] = cut_profile(text, words)
        return found

    def words_found(self, keys: tuple[bytes, ...]) -> set[bytes]:
        """The keys (words as ``key`` makes them, given as ``between_spaces`` makes them
        once per rule) that occur as whole words in the body text, without their spaces:
        one C-level search per key. A rule has a few dozen keys and a document hundreds
        of words: splitting the text into its words to meet them with the keys costs more
        (a bytes object and a hash per word). ``find``, not ``in``: ``bytes.__contains__``
        tries its operand as a byte's value first and formats the TypeError it then
        drops, a third more instructions a key."""
        find = self.spaced.find
        return {k[1:-1] for k in keys if find(k) >= 0}


def between_spaces(keys) -> tuple[bytes, ...]:
    """Each of ``keys`` (words as ``key`` makes them) with a space on either side, as
    ``Analysis.words_found`` looks for it in ``Analysis.spaced``: made once, not two
    concatenations per key and document."""
    return tuple(b" " + k + b" " for k in keys)


def key(text: str) -> bytes:
    """``text`` as ``Analysis.letters`` holds it: lower case, letters, digits and spaces only."""
    return _letters(text)


def analyse(doc) -> Analysis:
    """The readability analysis of ``doc``: one per document, kept on ``doc.analysis``."""
    return doc.analysis.readability


def measure(doc) -> Analysis:
    """The readability analysis of ``doc`` (body sentences, their word counts, the
    article's metrics); ``doc.analysis.readability`` computes it once per document."""
    headings = {i for i, b in enumerate(doc.blocks) if b.kind in ("heading", "caption")}
    body = [s for s in doc.sentences if s.block not in headings] if headings else doc.sentences
    texts = [s.text for s in body]
    # A sentence spans lines (hard-wrapped paragraph)? One search of the sentences run
    # together (memchr) costs a third of counting the line breaks of the joined text.
    if "\n" in "".join(texts):
        texts = [t.replace("\n", " ") for t in texts]
    joined = "\n".join(texts)
    beyond_ascii = doc.analysis.prose_utf8.beyond_ascii
    encoded = joined.encode("utf-8", "surrogatepass")
    letters = _letters(joined, beyond_ascii, encoded)
    nuclei, shape = _line_forms(letters)
    counts = list(map(bytes.count, shape.split(b"\n"), repeat(b" x")))
    if 0 in counts:
        kept = [(s, n) for s, n in zip(body, counts) if n]
        body, counts = [s for s, _ in kept], [n for _, n in kept]
        joined = encoded = None  # a sentence without a word left out: ``body_lines`` joins those kept
    metrics = from_counts(len(body), *_count(nuclei, shape, sum(counts)))
    return Analysis(
        list(body), counts, metrics, letters, _shape=shape, _nuclei=nuclei, _body=joined, _body_utf8=encoded,
        _beyond_ascii=beyond_ascii,
    )
