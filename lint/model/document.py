"""The document model: built once per file, shared by every rule.

A reader turns the source text into *prose*: the text rules should see, with
everything that is not prose (markup, code, front matter, URLs) blanked out.
Prose offsets equal source offsets wherever the reader kept characters as they
are; where it had to change length (HTML entities) an offset map records it.
Rules work in prose offsets; the engine maps them back to the source.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from lint.cache import regexcache
from lint.model.lazy import lazy
from lint.model.record import Record, named_tuple
from lint.language.quotes import quote_spans
from lint.language.segment import WORD
from lint.language.words import word_items

if TYPE_CHECKING:
    from lint.language.analysis import Analysis


@named_tuple
class Block:
    """A paragraph-like unit of prose: ``kind`` is paragraph, heading, item, quote or caption.

    ``zone`` is the block's place in a news article (headline, teaser, lead,
    body, caption, ...); readers set what their markup tells, the analysis
    refines the rest (``lint.language.zones``).
    """

    start: int
    end: int
    kind: str = "paragraph"
    zone: str = ""


@named_tuple
class Comment:
    """A comment in the source (``<!-- ... -->`` or a directive line in plain text)."""

    start: int
    end: int
    text: str


@named_tuple
class Problem:
    """Something wrong with the markup a reader met (``what``: e.g. "front-matter"),
    at a source span; rules of kind ``markup-problem`` report it."""

    start: int
    end: int
    what: str
    detail: str = ""


class ReadResult(Record):
    """What a reader returns: prose, its blocks, comments and the prose→source map.

    ``anchors`` is a sorted list of ``(prose_offset, source_offset)`` pairs; from
    each anchor on, offsets advance together. An empty list means identity.

    The other fields: ``meta``, the document's metadata as the source states it
    (front matter, meta tags, a CMS export's fields): ``title``, ``date``,
    ``genre``, ``language``; ``problems``, markup problems the reader found
    (source offsets); ``fields``, named fields of a structured source (a CMS
    export, a NewsML item): ``(prose_start, prose_end, field name)``;
    ``articles``: a file that holds several articles (JSON Lines, an array of
    articles, a NewsML message) reads as one result per article, each over the
    same source, and the engine lints each as a document of its own;
    ``read_errors``, parts of the source the reader could not read (e.g. one
    malformed line of a JSON Lines file): reported as errors, and the rest is
    still linted. A list left out is a new empty list.
    """

    _fields = ("prose", "blocks", "comments", "anchors", "meta", "problems", "fields", "articles", "read_errors")
    __slots__ = _fields

    def __init__(
        self,
        prose: str,
        blocks: list[Block],
        comments: list[Comment] | None = None,
        anchors: list[tuple[int, int]] | None = None,
        meta: dict[str, str] | None = None,
        problems: list[Problem] | None = None,
        fields: list[tuple[int, int, str]] | None = None,
        articles: list["ReadResult"] | None = None,
        read_errors: list[str] | None = None,
    ):
        self.prose = prose
        self.blocks = blocks
        self.comments = [] if comments is None else comments
        self.anchors = [] if anchors is None else anchors
        self.meta = {} if meta is None else meta
        self.problems = [] if problems is None else problems
        self.fields = [] if fields is None else fields
        self.articles = [] if articles is None else articles
        self.read_errors = [] if read_errors is None else read_errors


@named_tuple
class Sentence:
    index: int
    start: int
    end: int
    block: int  # index into Document.blocks
    text: str


@named_tuple
class Token:
    start: int
    end: int
    text: str
    sentence: int


_LINE_END = regexcache.compile(r"\r\n?|\n")

#: ``lint.language.analysis.Analysis`` once imported (``_import_analysis``).
_ANALYSIS: "type[Analysis] | None" = None


def _import_analysis() -> "type[Analysis]":
    """``lint.language.analysis.Analysis``, imported on the first document's first use (that
    module imports this one) and kept in ``_ANALYSIS``: an import statement run for every
    document costs several times what making its analysis does."""
    global _ANALYSIS
    from lint.language.analysis import Analysis

    _ANALYSIS = Analysis
    return Analysis


class Document:
    def __init__(self, path: str, source: str, read: ReadResult, reader: str = "plain"):
        self.path = path
        self.source = source
        self.prose = read.prose
        self.blocks = read.blocks
        self.comments = read.comments
        self.reader = reader
        self.meta: dict[str, str] = dict(read.meta)
        self.fields = read.fields
        self.problems: list[Problem] = list(read.problems)
        #: The genre given from outside the text: ``(genre, how)``, how being
        #: "--genre" or the configuration's glob (set by the engine).
        self.given_genre: tuple[str, str] | None = None
        self._anchors = read.anchors
        self._anchor_keys = [a[0] for a in read.anchors]
        self._field_starts = [f[0] for f in read.fields]
        self.suppressions: list = []  # filled by the engine from comments
        #: The prose in UTF-8 as the file was read, where the engine has those bytes and the
        #: prose is the file's text unchanged (``Engine.documents``); else None.
        self.utf8_as_read: bytes | None = None

    # ----- offsets -------------------------------------------------------
    def to_source(self, offset: int) -> int:
        """Map a prose offset to the source offset."""
        if not self._anchors:
            return offset
        i = bisect_right(self._anchor_keys, offset) - 1
        if i < 0:
            return offset
        prose_at, source_at = self._anchors[i]
        return source_at + (offset - prose_at)

    def field_at(self, offset: int) -> str:
        """The name of the source field holding prose ``offset`` ("" for unstructured sources)."""
        i = bisect_right(self._field_starts, offset) - 1
        if i < 0 or offset > self.fields[i][1]:
            return ""
        return self.fields[i][2]

    @lazy
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.source.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        if "\r" in self.source and self.source.count("\r") > self.source.count("\r\n"):
            # a lone CR ends a line too (old Mac files)
            starts = [0] + [m.end() for m in _LINE_END.finditer(self.source)]
        return starts

    def release(self) -> None:
        """Drop what the analysis built (sentences, tokens, quotes, findings) once the
        document is linted; a file of many documents then holds one analysis at a time."""
        for name in ("analysis", "sentences", "tokens", "word_count", "quotes", "quote_starts"):
            self.__dict__.pop(name, None)
        self.__dict__.pop("findings", None)

    def position(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; columns count code points, CR excluded."""
        line = bisect_right(self.line_starts, source_offset) - 1
        return line + 1, source_offset - self.line_starts[line] + 1

    # ----- structure -----------------------------------------------------
    @lazy
    def analysis(self) -> "Analysis":
        """The shared, lazily built analysis every kind reads (``lint.language.analysis``)."""
        return (_ANALYSIS or _import_analysis())(self)

    @lazy
    def sentences(self) -> list[Sentence]:
        """Every sentence, block by block (``Analysis.sentences``)."""
        return self.analysis.sentences

    def sentence_at(self, offset: int) -> Sentence | None:
        return self.analysis.sentence_at(offset)

    @lazy
    def tokens(self) -> list[Token]:
        """Word tokens (letters, digits, inner hyphens/apostrophes) with their sentence."""
        out: list[Token] = []
        for sentence in self.sentences:
            for m in WORD.finditer(self.prose, sentence.start, sentence.end):
                out.append(Token(m.start(), m.end(), m.group(), sentence.index))
        return out

    @lazy
    def word_count(self) -> int:
        """Words as whitespace-separated items that hold a letter or digit (``lint.language.words.word_items``)."""
        return word_items(self.prose, self.analysis.prose_utf8)

    @lazy
    def quotes(self) -> list[tuple[int, int]]:
        """Spans of direct quotations („…“, »…«, "…"), quote marks included."""
        return quote_spans(self.prose)

    @lazy
    def quote_starts(self) -> list[int]:
        """Where each of ``quotes`` starts (for bisecting)."""
        return [q[0] for q in self.quotes]

    def in_quote(self, start: int, end: int) -> tuple[int, int] | None:
        """The quotation that contains ``start:end``, if any."""
        i = bisect_right(self.quote_starts, start) - 1
        if i >= 0 and end <= self.quotes[i][1]:
            return self.quotes[i]
        return None
