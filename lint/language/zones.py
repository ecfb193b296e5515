"""Zones: where in a news article each stretch of prose stands.

``headline``, ``subheadline`` (Dachzeile/Unterzeile), ``teaser`` (Vorspann),
``lead`` (the first paragraph of the body), ``body``, ``subheading``
(Zwischentitel), ``caption``, ``credit``, ``byline``, ``dateline`` (Ortsmarke,
"Wien/Berlin (APA/dpa) –"), ``quote-box``, ``interview-question``, ``info-box``.

What the markup states wins (the readers set ``Block.zone``: ``h1``,
``figcaption``, front matter ``title``/``teaser``, ``class``, ``itemprop``);
the rest comes from the text, in this order:

1. a block's own shape: a credit line ("Foto: dpa"), a byline ("Von Anna
   Berger"), a dateline on its own, a caption ending in a credit, an
   interviewer's question ("STANDARD: …?");
2. the top of the article: a short first block without a full stop is the
   headline (a still shorter one before it the Dachzeile, a heading-like one
   after it the Unterzeile); the paragraph before the one that opens with a
   dateline is the teaser; the first paragraph of the body is the lead;
3. later headings are subheadings; everything else is body.

An article stored as one line (teaser, dateline and body run together, as in
many CMS exports) is split inside its block: the text before the dateline is
the teaser, the dateline is its own zone, the first sentence after it is the
lead. The result is a sorted list of ``ZoneSpan`` over prose offsets.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.cache import regexcache
from lint.model.record import named_tuple

if TYPE_CHECKING:
    from lint.model.document import Document

ZONES = (
    "headline", "subheadline", "teaser", "lead", "body", "subheading", "caption", "credit", "byline",
    "dateline", "quote-box", "interview-question", "info-box",
)
HEADLINE_WORDS = 20  # a first block longer than this is no headline
DACHZEILE_WORDS = 6
TOP_BLOCKS = 6  # headline, teaser and lead are looked for among the first blocks only
DATELINE_REACH = 1500  # characters of a one-block article searched for its dateline
SHAPE_CHARS = 800  # a longer block is running text: its own shape is not looked at

#: A place of one to three words. Its runs are possessive (``*+``, ``{0,2}+``, and the month's
#: ``++`` below): what may follow a word (" –", ", 3.", " (", another word after " " or "/")
#: never starts with a character the run takes, so a run given back could never let the
#: dateline match; without them a failed match at a capital ("Die Gewerkschaft …", tried
#: at every sentence start of a one-block article's top) tried each shorter run in turn,
#: about four times the instructions. A test checks the same matches as without them.
_PLACE = r"[A-ZÄÖÜ][\w.'’-]*+(?:[ /][A-ZÄÖÜ][\w.'’-]*+){0,2}+"
_DATELINE = rf"{_PLACE}(?:,? \d{{1,2}}\. [A-ZÄÖÜ][a-zä]++)?(?: ?\((?:[A-Za-z]{{2,10}}[/ ,-]?){{1,4}}\))? [–—-]"
#: "Wien – ", "Berlin/Wien (APA/dpa) – ", "Kabul, 3. Mai (Reuters) - " before the first word
#: of a sentence (a capital, a digit or a quotation mark: "DeepSeek – ein Name, …" is none)
DATELINE = regexcache.compile(_DATELINE + r" (?=[A-ZÄÖÜ0-9„“\"»])")
_DATELINE_ALONE = regexcache.compile(_DATELINE + r"\s*$")
_SENTENCE_END = regexcache.compile(r"[.!?…“”\"»«)]\s+")
_CREDIT = regexcache.compile(r"^(?:©|\(c\)|Fotos?|Bild(?:er)?|Grafik|Illustration|Quelle|Copyright|Credit)\s*[:©]", re.I)
_CREDIT_AT_END = regexcache.compile(r"(?:©|\b(?:Fotos?|Bild|Grafik|Illustration)\s*:)\s*[^.:]{1,80}[.)]?\s*$")
_BYLINE = regexcache.compile(r"^(?:Von|Text:|Autor(?:in)?:|Ein (?:Kommentar|Essay|Gastbeitrag) von|Eine (?:Analyse|Glosse|Kritik|Reportage) von)\s+\S")
#: An interviewer's turn: labelled "Frage:" (a statement may ask too: "Frage: Die Lese
#: hat heuer früh begonnen."), or a newspaper's name in capitals before a question.
_QUESTION = regexcache.compile(r"^(?:(?:Frage|F)\s*:\s.*|[A-ZÄÖÜ]{3,}[A-ZÄÖÜ.\- ]*\s*:\s.*\?\s*)$", re.S)
_TERMINAL = (".", ";", ",")
#: The space and dash that end a dateline (``_DATELINE``'s " [–—-]"). A space stands before a
#: dash nowhere else in a dateline (its other spaces come before a capital, a letter, a digit,
#: "(" or ")"), so a dateline ends at the first of these at or after its start.
_DASHES = (" –", " —", " -")
#: The most spaces a dateline holds before its dash: two between the place's words, two in
#: the date (", 3. Mai"), one before "(" and four in the parentheses ("(APA / dpa / …)").
DATELINE_SPACES = 9


@named_tuple
class ZoneSpan:
    start: int
    end: int
    zone: str


def _words(text: str) -> int:
    return len(text.split())


def _heading_like(text: str, limit: int = HEADLINE_WORDS) -> bool:
    stripped = text.rstrip()
    return 0 < _words(stripped) <= limit and not stripped.endswith(_TERMINAL) or (
        stripped.endswith("...") and _words(stripped) <= limit
    )


def _shape(text: str) -> str:
    """The zone a block's own text shows, or ""."""
    if len(text) > SHAPE_CHARS:
        return ""
    words = _words(text)
    if words <= 12 and _CREDIT.match(text):
        return "credit"
    if words <= 12 and _BYLINE.match(text):
        return "byline"
    if _DATELINE_ALONE.match(text):
        return "dateline"
    if words <= 60 and _CREDIT_AT_END.search(text):
        return "caption"
    if words <= 80 and _QUESTION.match(text):
        return "interview-question"
    return ""


def _headline_like(texts: list[str], top: list[int]) -> bool:
    """The first open block looks like a headline: short without a full stop, or
    a short single sentence right above a paragraph that opens with a dateline."""
    first = texts[top[0]]
    if _heading_like(first):
        return True
    single = not _SENTENCE_END.search(first.rstrip())
    return single and _words(first) <= HEADLINE_WORDS and len(top) > 1 and _opens_with_dateline(texts[top[1]])


def _opens_with_dateline(text: str) -> bool:
    return DATELINE.match(text) is not None


def block_zones(doc: "Document") -> list[str]:
    """One zone per block of ``doc`` (see the module's docstring)."""
    prose, blocks = doc.prose, doc.blocks
    texts = [prose[b.start : b.end] if b.end - b.start <= SHAPE_CHARS or i < TOP_BLOCKS else "" for i, b in enumerate(blocks)]
    zones = ["" if b.zone == "body" else b.zone or _shape(texts[i]) for i, b in enumerate(blocks)]
    top = [i for i, z in enumerate(zones) if not z][:TOP_BLOCKS]
    if "headline" not in zones and len(blocks) > 1 and top and _headline_like(texts, top):
        first = top.pop(0)
        zones[first] = "headline"
        if top and top[0] == first + 1 and _words(texts[first]) <= DACHZEILE_WORDS and _heading_like(texts[top[0]]):
            zones[first], zones[top[0]] = "subheadline", "headline"  # a Dachzeile above the headline
            top.pop(0)
        if top and _heading_like(texts[top[0]]) and blocks[top[0]].kind != "item":
            zones[top.pop(0)] = "subheadline"
    lead_given = zones.index("lead") if "lead" in zones else len(zones)
    if "teaser" not in zones and len(top) >= 2 and top[1] < lead_given and not _opens_with_dateline(texts[top[0]]) and _opens_with_dateline(texts[top[1]]):
        zones[top.pop(0)] = "teaser"
    if "lead" not in zones:
        lead = next((i for i in top if blocks[i].kind == "paragraph"), None)
        if lead is not None:
            zones[lead] = "lead"
    return [z or ("subheading" if b.kind == "heading" else "body") for z, b in zip(zones, blocks)]


def zone_spans(doc: "Document", zones: list[str]) -> list[ZoneSpan]:
    """Zones over prose offsets: the block zones (``block_zones``), with the lead's
    dateline split out (and, in an article stored as one block, the teaser before it)."""
    spans: list[ZoneSpan] = []
    for block, zone in zip(doc.blocks, zones):
        if zone == "lead":
            spans += _split_lead(doc, block.start, block.end, alone="teaser" not in zones and len(doc.blocks) == 1)
        else:
            spans.append(ZoneSpan(block.start, block.end, zone))
    return spans


def _split_lead(doc: "Document", start: int, end: int, alone: bool) -> list[ZoneSpan]:
    """The lead block: its dateline; alone in the article, also the teaser before
    the dateline, the lead as the first sentence after it and the body after that."""
    prose = doc.prose
    m = DATELINE.match(prose, start, end)
    if m is None and alone:
        m = _dateline_after_cut(prose, start, end, min(end, start + DATELINE_REACH))
    out = []
    lead_start = start
    if m is not None:
        if m.start() > start:
            out.append(ZoneSpan(start, m.start(), "teaser"))
        out.append(ZoneSpan(m.start(), m.end(), "dateline"))
        lead_start = m.end()
    lead_end = end
    if alone:
        sentence = doc.sentence_at(lead_start)
        lead_end = min(end, sentence.end) if sentence is not None else end
    out.append(ZoneSpan(lead_start, lead_end, "lead"))
    if lead_end < end:
        out.append(ZoneSpan(lead_end, end, "body"))
    return out


#: The ``DATELINE_SPACES + 1`` spaces from an offset on: a dateline that starts at or before
#: it ends (its dash's space) at the last of them or before.
_SPACES_AFTER = regexcache.compile(rf"(?:[^ ]*+ ){{{DATELINE_SPACES + 1}}}")


def _next_dash(prose: str, lo: int, stop: int) -> int:
    """Where the first of ``_DASHES`` starts in ``prose[lo:stop]`` (``stop`` if none): each
    looked for only before the nearest one found so far."""
    for dash in _DASHES:
        at = prose.find(dash, lo, stop + 1)
        if at != -1:
            stop = at
    return stop


def _stretch_start(prose: str, lo: int, dash: int) -> int:
    """Where to look for the cuts in ``prose[lo:dash]`` that a dateline ending at ``dash``
    could start after: from the mark (or ``lo``) before the whitespace that holds the
    ``DATELINE_SPACES + 1``-th space before the dash (``lo`` if there are fewer), so that
    no cut ending after that space is missed."""
    parts = prose[lo:dash].rsplit(" ", DATELINE_SPACES + 1)
    if len(parts) <= DATELINE_SPACES + 1:
        return lo
    first = lo + len(parts[0])
    while first > lo and prose[first - 1].isspace():
        first -= 1
    return max(lo, first - 1)


def _dateline_after_cut(prose: str, start: int, end: int, reach: int) -> "re.Match | None":
    """The first ``DATELINE`` match (within ``prose[:end]``) at the end of a ``_SENTENCE_END``
    match (a cut) in ``prose[start:reach]``: what ``DATELINE.match`` tried after each cut in
    turn finds, but ``_SENTENCE_END``'s search (a set of characters, tested at each one) runs
    only over the few stretches a dateline could start in. A dateline ends at the first dash
    (``_DASHES``) at or after its start and holds at most ``DATELINE_SPACES`` spaces before
    it: a cut can start one only in the stretch before a dash that holds no more spaces (and
    no dash). Each stretch ends at its dash (a cut that runs into it ends at the dash, where
    no dateline starts); after the dashes before ``reach``, the first one after it that a
    dateline starting before ``reach`` could end at is looked for."""
    lo = start
    while (dash := _next_dash(prose, lo, reach)) < reach:
        if (m := _dateline_in_stretch(prose, lo, dash, end, reach)) is not None:
            return m
        lo = dash + 1
    spaces = _SPACES_AFTER.match(prose, reach, end)
    bound = spaces.end() if spaces is not None else end
    if (dash := _next_dash(prose, lo, bound)) < bound:
        return _dateline_in_stretch(prose, lo, dash, end, reach)
    return None


def _dateline_in_stretch(prose: str, lo: int, dash: int, end: int, reach: int) -> "re.Match | None":
    """The first ``DATELINE`` match after a cut in ``prose[lo:min(dash, reach)]`` whose
    dateline could end at ``dash`` (``_dateline_after_cut``)."""
    for cut in _SENTENCE_END.finditer(prose, _stretch_start(prose, lo, dash), min(dash, reach)):
        if (m := DATELINE.match(prose, cut.end(), end)) is not None:
            return m
    return None
