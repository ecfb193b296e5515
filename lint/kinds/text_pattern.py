r"""``text-pattern``: regular expressions from a pack data file, each with an
optional German suggestion (calques, leftovers, boilerplate)::

    # header saying what the list is for
    [Aa]m Ende des Tages(?![\w-]) => letztlich; schließlich
    Die Kommentare sind geschlossen\.

Each line is a Python regular expression, then optionally ``=>`` and the
suggestions separated by ``;``. Each line is compiled on its own; a line may contain one named group
``(?P<m>...)`` to report only that part of its match. Before a pattern runs,
the document is checked with ``in`` for the literals the pattern cannot match
without (``required_literals``), so most patterns never scan most documents.
A pattern may declare the words one of which every match contains,
``(?#words:Foto Bild Grafik)`` (a regular-expression comment): then only the
document's word count is consulted, which is cheaper still. Write patterns
that begin with literal text where possible (the regular expression engine
then finds candidates fast) and leave out a leading
``(?<![\w-])``: with ``word_start`` (default) a match that begins with a
letter or digit must not follow one. Options: ``lists`` (data files),
``patterns`` (more lines from the configuration), ``ignore_case``,
``skip_quotes`` (matches inside quotations are not reported), ``fix`` (offer
the first suggestion as an unsafe fix), ``word_start``, ``in_sentence`` (false:
a match right after a lower-case word of its line continues that sentence and is
not reported: "das Einbetten und Teilen über Twitter" is prose, not a share bar).

Message fields: ``{match}``, ``{suggestion}`` (all suggestions, joined by
" oder "), ``{first}`` (the first suggestion).
"""

from __future__ import annotations

import re
from functools import cached_property, partial
from itertools import chain
from operator import is_not, itemgetter
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.model.errors import ConfigError
from lint.model.record import named_tuple
from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind


#: Literal groups shorter than this are too common to rule a document out.
MIN_LITERAL = 3
#: A run of literal characters shorter than this ("in ", "ob ") stands in nearly every
#: text: where a group follows it, the need is the run joined to each text the group
#: starts with ("in 19" or "in 20"), not the run alone (which every document would pass).
JOIN_BELOW = 4
#: ... where the group starts with at most this many texts (a run shorter than ``MIN_LITERAL``:
#: any number): a document lacking the joined texts is scanned for each ("ob " + ten
#: pronouns costs more than the one scan for "ob " saves).
MAX_JOINED = 4
#: Of the substring scans a pattern's literals need, this many (the cheapest) are made.
MAX_SCANS = 2


@named_tuple
class PatternLine:
    """One line of a pattern list: the regular expression and its suggestions."""

    regex: str
    suggestions: tuple[str, ...]


@named_tuple
class Need:
    """Literals a pattern cannot match without (one of ``literals`` is in every
    match; none: the ``words`` alone tell), and the whole ``words`` a word-count
    lookup tests first (None: only a substring scan can tell); or the words one of
    which every match has right before a "." "!" or "?" (``before_mark``: a look at
    the document's few marks tells, ``stands_before_mark``)."""

    literals: tuple[str, ...]
    words: tuple[str, ...] | None
    before_mark: tuple[str, ...] | None = None


@named_tuple
class CompiledLine:
    needs: tuple[Need, ...]
    suggestions: tuple[str, ...]
    #: ``needs`` as ``_needs_met`` reads them: per need its words, its words before a mark
    #: as ``stands_before_mark`` looks them up (``tail_keys``) and its literals in UTF-8 (plain
    #: tuples made once per line, not named fields read on every document: the test runs
    #: for most lines of every document).
    tests: tuple[tuple[tuple[str, ...] | None, tuple[bytes, ...] | None, tuple[bytes, ...]], ...]


@named_tuple
class LineIndex:
    """Which lines a document's words make worth testing: ``anchors`` (the
    words of each line's first word group; one must be in the document), the
    lines keyed by each such word, and the lines without a word group (always tested)."""

    anchors: frozenset[str]
    by_word: dict[str, tuple[int, ...]]
    always: tuple[int, ...]


@named_tuple
class Found:
    start: int
    end: int
    suggestions: tuple[str, ...]


class TextPattern(Kind):
    name = "text-pattern"
    defaults: ClassVar[dict[str, Any]] = {
        "lists": [],
        "patterns": [],
        "ignore_case": False,
        "skip_quotes": True,
        "fix": False,
        "word_start": True,
        "in_sentence": True,
    }

    @cached_property
    def entries(self) -> list[PatternLine]:
        """The lines of the lists and of the configuration, parsed (their patterns are
        compiled by ``pattern``, when first needed)."""
        lines: list[str] = []
        for name in self.options["lists"]:
            lines.extend(self.vocabulary.lines(self.rule.data_file(name)))
        lines.extend(self.options["patterns"])
        entries = []
        for line in lines:
            regex, _, suggestion = line.partition(" => ")
            entries.append(PatternLine(regex.strip(), tuple(s.strip() for s in suggestion.split(";") if s.strip())))
        return entries

    @cached_property
    def _patterns(self) -> list[re.Pattern | None]:
        """Each line's compiled pattern, or None until ``pattern`` is first asked for it."""
        return [None] * len(self.entries)

    def pattern(self, index: int) -> re.Pattern:
        """The compiled pattern of line ``index``, compiled on first need: a document's
        needs rule most lines out, and a run over a few articles then compiles only the
        few it runs (each compile reads its program from the regex cache and validates it)."""
        pattern = self._patterns[index]
        if pattern is None:
            regex = self.entries[index].regex
            try:
                pattern = self._patterns[index] = regexcache.compile(regex, self.flags)
            except re.error as exc:
                raise ConfigError(f"{self.rule.file}: bad pattern {regex!r}: {exc}") from None
        return pattern

    @property
    def flags(self) -> int:
        return (re.IGNORECASE if self.options["ignore_case"] else 0) | re.MULTILINE

    @cached_property
    def compiled(self) -> list[CompiledLine]:
        """Per line: its pattern, what a document must hold for it to match (``needs``), its suggestions."""
        return [
            CompiledLine(needs, line.suggestions, tuple((n.words, tail_keys(n.before_mark), tuple(map(_utf8, n.literals))) for n in needs))
            for line, needs in zip(self.entries, self.list_needs())
        ]

    def list_needs(self) -> list[tuple[Need, ...]]:
        """``needs`` of every line, kept in the data cache under the lines, the flags
        and this module's code (parsing the patterns again costs more than linting an article).
        Without a stored value every pattern is compiled here, so that a bad line is this
        rule's configuration error on first use; a stored value was written only after each
        of the same lines compiled (in the same Python: the cache's environment), so with it
        the patterns wait for ``pattern``."""
        entries = self.entries
        source = (regexcache.source_digest(__file__), self.flags, self.options["ignore_case"], [e.regex for e in entries])
        key = "text-pattern-needs-" + regexcache.digest(repr(source))
        stored = regexcache.get_data(key, check=lambda value: _stored_needs(value, len(entries)))
        if stored is not None:
            return [tuple(Need(*need) for need in line) for line in stored]
        found = [self.needs(e.regex, self.pattern(i)) for i, e in enumerate(entries)]
        regexcache.put_data(key, [list(map(tuple, line)) for line in found])
        return found

    def needs(self, regex: str, pattern: re.Pattern) -> tuple[Need, ...]:
        """The literals ``pattern`` cannot match without (``required_literals``),
        dictionary lookups first: the words the line declares, then whole words of
        the literals; of the substring scans (each a pass over the prose) only the
        cheapest, longest groups: more rarely pay off. A scan is left out where an
        earlier need implies it (a declared word or a literal that contains one of its literals)."""
        groups = required_literals(pattern)
        if self.options["ignore_case"]:
            needs = [Need(tuple(n.lower() for n in group), None) for group in groups]
        else:
            needs = [Need(group, anchors(group)) for group in groups]
        anchored = [n for n in needs if n.words is not None]
        declared = _DECLARED.search(regex)
        if declared and not self.options["ignore_case"]:
            anchored.insert(0, Need((), tuple(declared.group(1).split())))
        scanned = sorted(
            (n for n in needs if n.words is None and not any(_implies(a, n) for a in anchored)),
            key=lambda n: (len(n.literals), -min(map(len, n.literals))),
        )
        final = word_before_mark(pattern)
        marked = [Need((), None, (final,))] if final else []
        return tuple(anchored + marked + scanned[:MAX_SCANS])

    @cached_property
    def index(self) -> LineIndex:
        by_word: dict[str, list[int]] = {}
        always = []
        for i, line in enumerate(self.compiled):
            words = next((n.words for n in line.needs if n.words is not None), None)
            if words is None:
                always.append(i)
            else:
                for word in words:
                    by_word.setdefault(word, []).append(i)
        return LineIndex(frozenset(by_word), {w: tuple(v) for w, v in by_word.items()}, tuple(always))

    def check(self, doc):
        index = self.index
        anchors, by_word, always = index.anchors, index.by_word, index.always
        analysis = doc.analysis
        counts = analysis.word_counts.keys()
        present = counts & anchors if anchors else ()
        if not present and not always:
            return
        chosen = set(always)
        for word in present:
            chosen.update(by_word[word])
        compiled = self.compiled
        prose = doc.prose
        haystack = _utf8(prose.lower()) if self.options["ignore_case"] else analysis.prose_utf8.encoded
        taken: list[tuple[int, int]] = []
        found: list[Found] = []
        for i in sorted(chosen):
            line = compiled[i]
            if not _needs_met(line.tests, counts, haystack, doc):
                continue
            pattern = self.pattern(i)
            for m in pattern.finditer(prose):
                start, end = m.span()
                if "m" in pattern.groupindex and m.group("m") is not None:
                    start, end = m.span("m")
                if start == end or (self.options["skip_quotes"] and doc.in_quote(start, end)):
                    continue
                if self.options["word_start"] and start and prose[start].isalnum():
                    before = prose[start - 1]
                    if before.isalnum() or before in "-_":
                        continue
                if not self.options["in_sentence"] and _continues_sentence(prose, start):
                    continue
                found.append(Found(start, end, line.suggestions))
        if not found:
            return
        # Where two lines found overlapping text, the earlier, longer match wins.
        for hit in sorted(found, key=lambda f: (f.start, f.start - f.end)):
            start, end, suggestions = hit.start, hit.end, hit.suggestions
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            fix = self.replacement(start, end, suggestions[0]) if self.options["fix"] and suggestions else None
            yield self.report(
                doc, start, end, fix=fix, suggestion=" oder ".join(f"„{s}“" for s in suggestions),
                first=suggestions[0] if suggestions else "",
            )


def _continues_sentence(prose: str, start: int) -> bool:
    """Whether the text at ``start`` follows a lower-case word on its line, with only
    blanks between ("und Teilen über Twitter", "den Artikel teilen"): it is part of
    that word's sentence. After a mark ("gesagt. Teilen") or a line break it is not."""
    before = prose[max(0, start - 40) : start]
    text = before.rstrip(" \t")
    if len(text) == len(before) or not text or text[-1] in "\n\r":  # nothing between, or a line break
        return False
    word = text.rsplit(None, 1)[-1]
    return word[:1].islower() and word[-1:].isalpha()


_DECLARED = regexcache.compile(r"\(\?#words:([^)]*)\)")


def _implies(met: Need, need: Need) -> bool:
    """Whether a document that meets ``met`` holds one of ``need``'s literals: each
    text ``met`` can be met by (its literals, else its words) contains one of them."""
    sure = met.literals or met.words or ()
    return bool(sure) and all(any(literal in text for literal in need.literals) for text in sure)


def _stored_needs(value, lines: int) -> bool:
    """Whether ``value`` has the shape ``list_needs`` stores for ``lines`` lines: per
    line a list of (literals, words or None, before_mark or None), each a tuple of strings.
    Checked column by column, the types of each column as one set made in C (a test per
    need in Python cost more than all else of reading the needs back)."""
    if type(value) is not list or len(value) != lines or not _all_of(value, list):
        return False
    needs = list(chain.from_iterable(value))
    if not _all_of(needs, tuple) or not set(map(len, needs)) <= {3}:
        return False
    literals, words, before_mark = zip(*needs) if needs else ((), (), ())
    groups = [*literals, *filter(_NOT_NONE, words), *filter(_NOT_NONE, before_mark)]
    return _all_of(groups, tuple) and _all_of(chain.from_iterable(groups), str)


#: Whether a value is not None (``is_not(None, value)``), for ``filter``.
_NOT_NONE = partial(is_not, None)


def _all_of(items, kind: type) -> bool:
    """Whether every item of ``items`` is of exactly the type ``kind`` (``marshal`` makes no subclasses)."""
    return set(map(type, items)) <= {kind}


def _utf8(text: str) -> bytes:
    """``text`` in UTF-8 as ``Analysis.prose_utf8`` encodes the prose (lone surrogates passed
    through): a literal stands in a text exactly where its bytes stand in the text's bytes
    (UTF-8 is self-synchronising), and a byte search reads half the memory of a search in
    a text with characters beyond Latin-1 (most German prose: „ “ –), about a third faster."""
    return text.encode("utf-8", "surrogatepass")


def _needs_met(tests, words, haystack: bytes, doc) -> bool:
    """Whether the document ``doc`` (its distinct ``words``, its text in UTF-8 as ``haystack``)
    holds what each need (``CompiledLine.tests``) asks for: one of its words, one of its words
    before a mark (``stands_before_mark``), then one of its literals.

    A literal is looked for with ``bytes.find``, not ``in``: ``bytes.__contains__`` first
    tries its operand as a byte's value and builds (then drops) a TypeError for every
    literal, which costs about as much as a short search."""
    find = haystack.find
    for wanted, before_mark, literals in tests:
        if wanted is not None and words.isdisjoint(wanted):
            return False
        if before_mark is not None and not stands_before_mark(doc, before_mark):
            return False
        if literals:
            for literal in literals:
                if find(literal) != -1:
                    break
            else:
                return False
    return True


#: The marks a ``before_mark`` need looks at.
MARKS = ".!?"
#: How much of the text before each mark is kept, in bytes of UTF-8 (a longer
#: ``before_mark`` text is looked for by its end).
TAIL = 12
_LAST = itemgetter(slice(-TAIL, None))


def text_before_marks(encoded: bytes) -> bytes:
    """The last ``TAIL`` bytes before each "." "!" and "?" of ``encoded`` (a text in UTF-8, as
    ``Analysis.prose_utf8``; fewer at its start), each followed by a line break: cut with
    ``bytes.split`` at each mark the text holds, no loop over characters or marks in Python.
    Bytes, not the text: a piece of a text beyond Latin-1 („ “ –) is made by a scan for its
    widest character, a piece of bytes by a copy; a tail may start inside a character, as the
    ``tail_keys`` do."""
    pieces: list[bytes] = []
    for mark in MARKS.encode():
        if encoded.find(mark) != -1:
            pieces.extend(map(_LAST, encoded.split(bytes((mark,)))[:-1]))
    pieces.append(b"")
    return b"\n".join(pieces)


def stands_before_mark(doc, keys: tuple[bytes, ...]) -> bool:
    """Whether one of the texts of ``keys`` (``tail_keys``) stands right before one of the
    marks of ``doc`` (a text with a line break may be said to where it does not: the need is
    a quick test, the pattern decides). The document's ``text_before_marks`` is cut on first
    use and shared through the analysis by every kind that asks (most documents need none)."""
    analysis = doc.analysis
    tails = analysis.remember("UTF-8 before . ! ?", lambda: text_before_marks(analysis.prose_utf8.encoded))
    for key in keys:  # ``find``, not ``in``: see ``_needs_met``
        if tails.find(key) != -1:
            return True
    return False


def tail_keys(texts: tuple[str, ...] | None) -> tuple[bytes, ...] | None:
    """``texts`` as ``stands_before_mark`` looks them up in ``text_before_marks``: each text's
    end in UTF-8 (a tail is ``TAIL`` bytes long) and the line break after it; made once per
    line, not on every document's test."""
    return None if texts is None else tuple(_utf8(text)[-TAIL:] + b"\n" for text in texts)


def word_before_mark(pattern: re.Pattern) -> str | None:
    """The literal text every match of ``pattern`` has right before a "." "!" or "?",
    or None: found in the parsed pattern as the literal characters right before a
    lookahead that opens with one of the marks (lookbehinds in between are passed over:
    `` (?P<m>in)(?<!ist in)(?=[.!?])`` gives " in"). Such a match needs that text before
    one of the document's marks (``stands_before_mark``). None where the pattern ignores case."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        from re import _constants as c
        from re import _parser as parser

        parsed = parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - private API; without it the need is just not known
        return None

    def flat(items) -> list:
        """The items every match goes through in order: groups that change no flag opened."""
        out = []
        for op, av in items:
            if op is c.SUBPATTERN and not av[1] and not av[2]:
                out.extend(flat(av[-1]))
            else:
                out.append((op, av))
        return out

    def opens_with_mark(items) -> bool:
        if not len(items):
            return False
        op, av = items[0]
        if op is c.LITERAL:
            return chr(av) in MARKS
        return op is c.IN and bool(av) and all(o is c.LITERAL and chr(a) in MARKS for o, a in av)

    items = flat(parsed)
    for i, (op, av) in enumerate(items):
        if not (op is c.ASSERT and av[0] == 1 and opens_with_mark(av[1])):
            continue
        end = i
        while end and items[end - 1][0] in (c.ASSERT, c.ASSERT_NOT) and items[end - 1][1][0] == -1:
            end -= 1  # a lookbehind takes no characters
        start = end
        while start and items[start - 1][0] is c.LITERAL:
            start -= 1
        if start < end:
            final = "".join(chr(av) for _, av in items[start:end])
            # the tails (``text_before_marks``) are cut at every mark: a literal that holds
            # one ("z.B") stands there only with what follows its last mark ("B")
            final = final[max(map(final.rfind, MARKS)) + 1 :]
            return final or None
    return None


def anchors(group: tuple[str, ...]) -> tuple[str, ...] | None:
    """For each literal of ``group`` a whole word inside it (neither letter,
    digit nor hyphen on both sides within the literal), or None if some
    literal has none. A document
    contains the literal only if its word count (``doc.analysis.word_counts``) has the word."""
    words = []
    for literal in group:
        parts = re.split(r"([^\w-]+)", literal)
        found = [parts[i] for i in range(2, len(parts) - 2, 2) if parts[i]]
        if not found:
            return None
        words.append(max(found, key=len))
    return tuple(words)


def required_literals(pattern: re.Pattern, minimum: int = MIN_LITERAL) -> list[tuple[str, ...]]:
    """Groups of strings: every match of ``pattern`` contains one string of each group.

    Read from the parsed pattern: runs of literal characters at the top level
    and in groups that must match, and for an alternation the literals of
    each branch. A run too short to count on its own (``JOIN_BELOW``) is joined
    to the texts the group after it starts with (" " + "Foto:" or "Bild:",
    "in " + "19" or "20") and then stands only joined. A document
    lacking every string of some group cannot match, which is checked with
    ``in`` (fast) before the regular expression runs. Groups with a string
    shorter than ``minimum`` are dropped (too common).
    """
    try:
        from re import _constants as c
        from re import _parser as parser

        parsed = parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - private API; without it every pattern just runs
        return []

    def walk(items) -> list[tuple[str, ...]]:
        groups: list[tuple[str, ...]] = []
        run: list[str] = []

        def flush():
            if run:
                groups.append(("".join(run),))
                run.clear()

        for op, av in items:
            if op is c.LITERAL:
                run.append(chr(av))
                continue
            if run and len(run) < max(minimum, JOIN_BELOW) and op in (c.SUBPATTERN, c.BRANCH):
                starts = leading([(op, av)])
                if all(starts) and (len(run) < minimum or len(starts) <= MAX_JOINED):
                    groups.append(tuple("".join(run) + s for s in starts))
                    run.clear()  # implied by the joined texts, each of which holds it
            flush()
            if op is c.SUBPATTERN and not av[1] & c.SRE_FLAG_IGNORECASE:  # "(?i:…)": any case matches
                groups.extend(walk(av[-1]))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                groups.extend(walk(av[2]))
            elif op is c.BRANCH:
                branches = [best(b) for b in av[1]]
                if all(branches):
                    groups.append(tuple(s for b in branches for s in b))
        flush()
        return groups

    def leading(items) -> tuple[str, ...]:
        """The texts one of which every match of ``items`` starts with ("": not known)."""
        run: list[str] = []
        for op, av in items:
            if op is c.LITERAL:
                run.append(chr(av))
            elif op not in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width ones are passed over
                head = "".join(run)
                if op is c.BRANCH:
                    return tuple(head + s for b in av[1] for s in leading(b))
                if op is c.SUBPATTERN and not av[1] & c.SRE_FLAG_IGNORECASE:
                    return tuple(head + s for s in leading(av[-1]))
                return (head,)
        return ("".join(run),)

    def best(items) -> tuple[str, ...]:
        """The group of ``items`` with the longest shortest text; of equal ones the one
        of fewest texts (each text may be a scan)."""
        found = [g for g in walk(items) if g]
        return max(found, key=lambda g: (min(len(s) for s in g), -len(g)), default=())

    groups = []
    for group in walk(parsed):
        unique = tuple(dict.fromkeys(group))
        # A literal containing another is redundant: the shorter one is present whenever it is.
        group = tuple(s for s in unique if not any(o != s and o in s for o in unique))
        if group and min(len(s) for s in group) >= minimum:
            groups.append(group)
    return sorted(groups, key=lambda g: -min(len(s) for s in g))


@hookimpl
def register_kinds():
    return [TextPattern]
