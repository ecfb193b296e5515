"""The shape of one long sentence: what makes it hard to read besides its length.

Length alone does not make a sentence hard: two plain statements joined by
"und", a list of results or a quotation run past 40 words and read easily. A
long sentence is hard when the reader must hold something open while it runs
(the measures below, each cheap, computed once per sentence and only for the
sentences a rule asks about):

- ``load``: stacked or nested subordinate clauses (``lint.language.clauses``:
  the deeper of the embedding depth and the clauses opened before the main verb);
- ``stacked``: the subordinate clauses opened before the main verb (the reader
  holds the whole main clause open across them);
- ``bracket``: the longest stretch without a comma, colon, semicolon, dash or
  bracket that opens with a subordinating word (conjunction, relative pronoun,
  infinitive opener, a preposition before a relative) and ends in a lower-case
  word. German puts the verb of such a clause at its end, so the stretch is a
  Satzklammer the reader holds open from its first word to its last (a main
  clause's bracket opens only at its second constituent, so main clauses are
  left out) ("Nachdem es im März 2015 durch die Äußerung der Verkaufsabsicht eines
  Syndikatspartners ... gekommen ist"). A stretch ending in a noun is a phrase
  or a list item, not an open bracket;
- ``long_words``: words of 13 letters or more ("Infrastrukturverwalter",
  "Kapazitätszuweisungsregelungen"), which slow reading wherever they pile up;
- ``statement``: the longest plain statement between colons, semicolons,
  dashes and ", und"/", aber"/", doch"/", denn" (a run-on of short statements
  is clear however long it is).
"""

from __future__ import annotations

from itertools import chain, repeat
from operator import le

from lint.cache import regexcache
from lint.language import clauses
from lint.model.record import named_tuple

# A break inside a sentence: a comma outside a number, a colon, a semicolon, a spaced
# dash, a bracket or a quotation mark. A dash is found first and the whitespace around
# it looked at after (the regex engine then skips ahead to the marks, where a leading
# ``\s`` made it ask every character for a space); the whitespace stays in the pieces,
# which only their words matter of, and a dash right after a break's dash, once left
# in the next piece, now cuts off a piece without a word.
_BREAK = regexcache.compile(r",(?!\d)|[;:](?=\s)|[–—-](?<=\s[–—-])(?=\s)|[()\[\]„“”\"»«]")
# Where one plain statement ends and the next begins inside a sentence (its dashes as in ``_BREAK``).
_STATEMENT_BREAK = regexcache.compile(r"[:;]\s|[–—](?<=\s[–—])(?=\s)|,\s+(?:und|aber|doch|denn|sondern)\s")
WORD = regexcache.compile(r"(?:\d+(?:[.,:]\d+)+|\w+)(?:[-'’]\w+)*")
LONG_WORD = 13


@named_tuple
class Shape:
    words: int  # words in the sentence
    load: int  # clause load (depth or clauses before the main verb)
    clauses: int  # subordinate clauses in all
    stacked: int  # subordinate clauses opened before the main verb
    bracket: int  # words of the longest verb-final stretch without a break
    long_words: int  # words of LONG_WORD letters or more
    reported: bool  # framed as speech (``clauses.reported``)
    text: str  # the sentence (for ``statement``)

    @property
    def statement(self) -> int:
        """Words of the longest plain statement: counted when asked, as only a sentence
        near the limit with at most one subordinate clause needs them (``SentenceLength``),
        a second scan for the words of most long sentences saved."""
        parts = _STATEMENT_BREAK.split(self.text)
        return self.words if len(parts) == 1 else max(map(len, map(WORD.findall, parts)))


def shape(text: str, w: clauses.Words, cut=None) -> Shape:
    """The shape of one sentence (see the module docstring); ``cut``:
    ``clauses.cut_profile(text, w)``, if made already."""
    # No word spans a break, so the stretches' words are the sentence's words.
    stretches = [WORD.findall(stretch) for stretch in _BREAK.split(text)]
    words = sum(map(len, stretches))
    bracket = 0
    for found in stretches:
        if (
            len(found) > bracket and found[-1][:1].islower() and not found[-1][:1].isdigit()
            and _may_open(found[0].lower(), w)
        ):
            bracket = len(found)
    p, reported = clauses.framed_profile(text, w, cut)
    return Shape(
        words=words, load=p.load, clauses=p.clauses, stacked=p.before_main, bracket=bracket,
        long_words=_long_words(stretches), reported=reported, text=text,
    )


def _long_words(stretches: list[list[str]]) -> int:
    """The words of ``LONG_WORD`` characters or more among the stretches' words, counted
    at C level (``map`` over their lengths): a generator's frame per word costs more than
    the rest of the shape of a long sentence."""
    return sum(map(le, repeat(LONG_WORD), map(len, chain.from_iterable(stretches))))


def _may_open(word: str, w: clauses.Words) -> bool:
    """Whether ``word`` (lower case) may open a clause: asked of each word class in turn,
    for the few stretches that end verb-final, instead of building their union per sentence."""
    return word in w.conjunctions or word in w.relatives or word in w.infinitive or word in w.prepositions
