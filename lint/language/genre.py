"""Genre: what kind of piece a document is.

``meldung``, ``bericht``, ``reportage``, ``interview``, ``kommentar``,
``glosse``, ``rezension``, ``portraet``, ``liveticker``, ``pressemitteilung``,
``service``. Taken, first match wins, from

1. ``--genre`` on the command line,
2. the document: front matter ``genre:``, an HTML ``<meta name="genre">``,
3. the configuration: ``[tool.newslint.genre]`` maps globs to genres,
4. otherwise a guess from the text, with its reason (``newslint stats``).

The guess reads cues, in this order: interviewer turns ("STANDARD: …?",
"Frage:", or one label such as "Kleine Zeitung:" opening two question
paragraphs) for interviews; a genre the headline names ("Kommentar: …",
"Kritik –") or an obituary's headline ("Zum Tod von …", "<Vorname Name>
gestorben"); time stamps opening blocks for live tickers; press
release boilerplate; review vocabulary (film, novel, concert, premiere,
direction) with evaluative words and a work's title in quotes, or much review
vocabulary without a title, for reviews; first person and
opinion markers without a dateline for commentary; biography cues for
portraits, or an obituary's opening (a definite person's death in the first
sentences of a longer text, no accident, violence or disaster named there);
service cues (prices, opening hours, tips); then the length: short
news is a ``meldung``, longer a ``bericht``. A glosse and a reportage are never
guessed (irony and a scene-setting narrative have no cue a linter can count
reliably): say it in the front matter or the configuration. The cue words are
word lists in ``rules/core/data/genre-*.txt``.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from lint.cache import regexcache

from lint.language import stamps
from lint.language.segment import mark_positions, matches_at
from lint.language.words import lower_utf8
from lint.language.zones import DATELINE
from lint.model.record import named_tuple

if TYPE_CHECKING:
    from lint.model.document import Document

GENRES = (
    "meldung", "bericht", "reportage", "interview", "kommentar", "glosse", "rezension", "portraet",
    "liveticker", "pressemitteilung", "service",
)
#: Other names a CMS or an editor uses → the genre.
ALIASES = {
    "nachricht": "meldung", "news": "meldung", "kurzmeldung": "meldung", "agenturmeldung": "meldung",
    "report": "bericht", "artikel": "bericht", "article": "bericht", "analyse": "bericht", "hintergrund": "bericht",
    "feature": "reportage", "reportagen": "reportage",
    "gespräch": "interview", "gespraech": "interview",
    "meinung": "kommentar", "opinion": "kommentar", "leitartikel": "kommentar", "kolumne": "kommentar",
    "editorial": "kommentar", "essay": "kommentar", "gastkommentar": "kommentar", "commentary": "kommentar",
    "satire": "glosse",
    "kritik": "rezension", "review": "rezension", "besprechung": "rezension", "filmkritik": "rezension",
    "buchkritik": "rezension", "theaterkritik": "rezension",
    "porträt": "portraet", "portrait": "portraet", "profil": "portraet",
    "live": "liveticker", "ticker": "liveticker", "liveblog": "liveticker", "newsticker": "liveticker",
    "pm": "pressemitteilung", "presseinformation": "pressemitteilung", "press-release": "pressemitteilung",
    "ratgeber": "service", "tipps": "service", "verbraucher": "service",
}
MELDUNG_WORDS = 260  # an unmarked news piece shorter than this (about 25 print lines) is a meldung (measured: bench/genre_accuracy.py on tune-half labels)
INTERVIEW_TURNS = 2
TICKER_STAMPS = 4
REVIEW_WORK, REVIEW_EVALUATIVE = 2, 2  # work vocabulary and evaluative words a review needs at least
REVIEW_WORK_UNTITLED = 4  # work vocabulary that makes a review without a quoted title
COMMENT_FIRST_PERSON, COMMENT_OPINION = 2, 3  # first person and opinion markers a commentary needs
PORTRAIT_CUES = 3
SERVICE_CUES = 3
PRESS_CUES = 2

_COLON = regexcache.compile(r" ?: ")
#: The label before a colon that makes an interviewer's turn: "STANDARD", "Frage",
#: "F", opening a line or following a sentence.
_TURN_LABEL = regexcache.compile(r"(?:^|[.?!…“”\"»)\n]\s*)(?:Frage|F|[A-ZÄÖÜ]{3,}(?: [A-ZÄÖÜ]{2,})?)$")
_STAMP = regexcache.compile(r"^\s*(?:\d{1,2}[:.]\d{2}(?: Uhr)?|\+\+\+)\s", re.M)


def _colon_starts(prose: str) -> list[int]:
    """Where ``_COLON.finditer(prose)`` finds its matches, found with ``str.find`` (the
    pattern starts with an optional space, so the regex engine would try every position
    of the text): each ": " from the end of the one before, from the space before it
    if one stands there."""
    starts = []
    end = 0
    at = prose.find(": ")
    while at != -1:
        starts.append(at - 1 if at > end and prose[at - 1] == " " else at)
        end = at + 2
        at = prose.find(": ", end)
    return starts


def _stamp_count(prose: str, breaks: list[int] | None = None) -> int:
    """``len(_STAMP.findall(prose))``, tried at line starts only (``segment.matches_at``):
    ``^`` lets a stamp start nowhere else, and the regex engine would try (and refuse)
    every other position of the text in turn. ``breaks``: where the line breaks are
    (``segment.mark_positions``), if found already."""
    starts = [0, *(i + 1 for i in (mark_positions(prose, "\n") if breaks is None else breaks))]
    return sum(1 for _ in matches_at(_STAMP, prose, starts, len(prose)))


FIRST_PERSON = frozenset(
    "ich mir mich mein meine meinem meinen meiner meines wir uns unser unsere unserem unseren unserer unseres".split()
)
_TITLE = regexcache.compile(r"[„\"»]([A-ZÄÖÜ0-9][^„“\"»«\n]{1,60})[“\"«]")
_WORD = regexcache.compile(r"\w+")


@named_tuple
class GenreGuess:
    genre: str  # one of GENRES, or "" when nothing tells
    source: str  # "--genre", "document", "configuration" or "guess"
    reason: str  # German, for ``newslint stats``


def normalise_genre(value: str) -> str:
    """A genre name as written anywhere → one of ``GENRES`` (or "" if unknown)."""
    key = value.strip().lower()
    if key in GENRES:
        return key
    return ALIASES.get(key, ALIASES.get(key.replace("ä", "ae"), ""))


CUE_LISTS = ("press", "review", "evaluative", "opinion", "portrait", "service")
INFLECTION = 2  # letters a cue word may carry beyond its stem
PREFIX = 4  # a word is looked up only if its first letters start some cue


@named_tuple
class CueTable:
    words: dict[str, str]  # stem → cue list
    prefixes: frozenset[str]  # the first PREFIX letters of every stem
    cased_prefixes: frozenset[str]  # the same in every case a text may write them
    #: (phrase, cue list, its first word in every case, the phrase in UTF-8, its ``_ascii_core``)
    phrases: tuple[tuple[str, str, frozenset[str], bytes, bytes], ...]


#: Cue tables by (path, modification time, size) of their files: an edited list is read
#: again (the stamps once per look, ``lint.language.stamps``).
_TABLES: dict[tuple, CueTable] = {}


@cache
def _cue_paths() -> tuple[str, ...]:
    """Where the cue lists are (the built-in core pack's data folder; a location, not content)."""
    from lint.plugins.packs import builtin_rules_dir

    folder = str(builtin_rules_dir() / "core" / "data")
    return tuple(os.path.join(folder, f"genre-{name}.txt") for name in CUE_LISTS)


def _cue_table() -> CueTable:
    """Every cue list's words and phrases, from ``rules/core/data/genre-*.txt``
    (the files' stamps read once per look: ``lint.language.stamps``)."""
    paths = _cue_paths()  # the same on every call: the stamps alone tell the files' versions apart
    key = tuple([(st.st_mtime_ns, st.st_size) for st in map(stamps.stat, paths)])
    table = _TABLES.get(key)
    if table is None:
        from lint.language.wordlist import load_wordlist

        words: dict[str, str] = {}
        phrases: list[tuple[str, str]] = []
        for name, path in zip(CUE_LISTS, paths):
            for entry in load_wordlist(Path(path)).entries:
                term = entry.term.lower()
                if " " in term or "'" in term:
                    phrases.append((term, name))
                else:
                    words.setdefault(term, name)
        _TABLES.clear()
        prefixes = frozenset(w[:PREFIX] for w in words)
        needles = [(p, n, _first_word(p), p.encode("utf-8", "surrogatepass")) for p, n in phrases]
        table = _TABLES[key] = CueTable(words, prefixes, _cased(prefixes), tuple((*row, _ascii_core(row[3])) for row in needles))
    return table


def _cased(words) -> frozenset[str]:
    """``words`` (lower case) as they may stand in a text: lower, Capitalised, UPPER."""
    return frozenset(v for w in words for v in (w, w[:1].upper() + w[1:], w.upper()))


_FIRST_PERSON_CASED = _cased(FIRST_PERSON)


def _first_word(phrase: str) -> frozenset[str]:
    first = _WORD.match(phrase)
    return _cased((first.group(),)) if first is not None else frozenset()


def cue_candidates(counts: "Counter[str]", hyphenated: "list[str]", heads: frozenset[str]) -> "list[tuple[str, int]]":
    """Word counts (``doc.analysis.word_counts``: words with hyphens) → the lower-cased
    ``\\w+`` words that may be cues, with their counts: the words that start with one
    of ``heads`` (first letters in every case, ``CueTable.cased_prefixes``; most words
    of a text start no cue), and the parts of the ``hyphenated`` words
    (``doc.analysis.hyphenated_words``: those of ``counts`` that hold a hyphen). One
    comprehension over the words, the few picked counted after: a ``compress`` of the
    items over ``map``s of the heads costs a quarter more instructions per word
    (measured: 1,250 against 1,000; a regex over ``word_lines`` with the heads as one
    alternation, 1,340: the engine tries every branch at every line)."""
    pairs = [(word.lower(), counts[word]) for word in counts if word[:PREFIX] in heads and "-" not in word]
    if hyphenated:  # the parts of all of them in one comprehension, not one per word
        pairs += [(part, counts[word]) for word in hyphenated for part in word.lower().split("-") if part]
    return pairs


def first_person_count(counts: "Counter[str]", hyphenated: "list[str]") -> int:
    """How often the first person (``FIRST_PERSON``, any case) occurs among the words,
    parts of the ``hyphenated`` words included ("Ich-Erzähler")."""
    found = sum(counts[w] for w in counts.keys() & _FIRST_PERSON_CASED)
    for word in hyphenated:
        found += sum(counts[word] for part in word.lower().split("-") if part in FIRST_PERSON)
    return found


def count_cues(text: str, table: CueTable, words: "list[tuple[str, int]] | None" = None, present=None, form=None) -> Counter:
    """How many words of each cue list ``text`` holds (a stem with up to two more
    letters); ``words``: the lower-cased words of ``text`` with their counts, if
    counted already (one dictionary look-up per distinct word, not per word);
    ``present``: every word of ``text`` (any case), when ``words`` holds only
    the cue candidates; ``form``: ``words.utf8(text)``, if made already."""
    counts: Counter = Counter()
    if words is None:
        words = list(Counter(_WORD.findall(text.lower())).items())
    get = table.words.get
    prefixes = table.prefixes
    for word, n in words:
        if word[:PREFIX] in prefixes:  # only words whose first letters start some cue are looked up
            name = get(word) or get(word[:-1]) or get(word[:-2])
            if name is not None:
                counts[name] = counts.get(name, 0) + n  # not ``+=``: Counter's __missing__ is a Python call
    lowered = ascii_lowered = None
    if present is None:
        present = set(map(itemgetter(0), words))
    # ASCII lowered tells where a phrase cannot stand (``_ascii_core``), unless a character lowers to ASCII
    tells = form is not None and form.beyond_ascii.isdisjoint(_LOWER_TO_ASCII)
    for _, name, first, needle, core in table.phrases:
        if not first or any(map(present.__contains__, first)):  # a phrase is looked for only if its first word is there
            if tells and core:
                if ascii_lowered is None:
                    ascii_lowered = form.encoded.lower()
                if core not in ascii_lowered:
                    continue
            if lowered is None:
                lowered = lower_utf8(text, "surrogatepass", form)  # bytes: found and counted as in the text
            if needle in lowered:
                counts[name] = counts.get(name, 0) + lowered.count(needle)
    return counts


#: The characters beyond ASCII whose lower case holds ASCII ("İ" → "i̇", the Kelvin sign → "k"; no
#: others, checked over every code point): in a text without them, each ASCII byte of the
#: lower-cased text is an ASCII byte of the text lowered, as ``bytes.lower`` lowers it.
_LOWER_TO_ASCII = frozenset("\u0130\u212a")
_ASCII_RUN = regexcache.compile(rb"[\x00-\x7f]+")


def _ascii_core(needle: bytes) -> bytes:
    """The longest run of ASCII in a phrase's UTF-8 ``needle`` ("ckfragen" of "für rückfragen"):
    where the lower-cased text holds the phrase, the text lowered as ``bytes.lower`` lowers it
    (ASCII only, several times cheaper than ``lower_utf8``) holds this run, unless the text
    has a character of ``_LOWER_TO_ASCII``. A phrase whose run is missing there is not
    looked for, and the text is not lowered for it."""
    return max(_ASCII_RUN.findall(needle), key=len, default=b"")


#: The end of a paragraph that asks: a question mark, perhaps before a closing quotation mark.
_ASKS = regexcache.compile(r"\?[“”\"»«]?\s*$")
#: A genre named at the head of the headline ("Kommentar: …", "Nachruf – …") or an
#: obituary's headline ("Zum Tod von Hedwig Berger", "Herbert Kerschbaumer gestorben").
_LABEL = regexcache.compile(r"^\s*([A-ZÄÖÜ][a-zäöüß]+)\s*[:–-]\s")
_OBITUARY = regexcache.compile(
    r"\bZum Tod(?:e)? (?:von|des|der)\b|\bNachruf\b|(?<![\w-])[A-ZÄÖÜ][\w-]+ [A-ZÄÖÜ][\w-]+(?: \(\d{1,3}\))? (?:ist )?(?:gestorben|tot)\b"
)
#: Words one of which every obituary headline holds: the regex (slow on a headline
#: of many capitalised words) runs only after one of them is found.
_OBITUARY_WORDS = ("Tod", "Nachruf", "gestorben", "tot")


#: An obituary's opening: a definite person's death ("Am Montag ist der 70-Jährige in
#: Los Angeles gestorben", "Hedwig Berger ist tot", "Er starb im Alter von 87 Jahren").
_DEATH = regexcache.compile(r"(?<![\w-])(?:ist|sind)\b[^.!?\n]{0,80}?(?<![\w-])(?:gestorben|verstorben|tot)(?![\w-])|(?<![\w-])starb(?![\w-])")
#: What every match of ``_DEATH`` holds ("storben": gestorben, verstorben).
_DEATH_WORDS = ("tot", "starb", "storben")
_DEFINITE_PERSON = regexcache.compile(
    r"(?<![\w-])(?:[Dd](?:er|ie) \d{1,3}-[Jj]ährige|[Ee]r|[Ss]ie|im Alter von \d{1,3} Jahren)(?![\w-])"
    r"|(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+ [A-ZÄÖÜ][\w'-]+(?: \(\d{1,3}\))? (?:ist|starb)(?![\w-])"
)
#: A death by accident, violence or disaster is news about the event, not an obituary.
_EVENT_DEATH = regexcache.compile(
    r"(?<![\w-])(?:Unfall|Unglück|Absturz|Anschlag|Attentat|Angriff|Brand|Feuer|Explosion|Lawine|Erdbeben|Sturm|Flut|"
    r"Überschwemmung|Polizei|Täter|erschossen|erstochen|getötet|ermordet|tödlich|Opfer|Leiche|Verletzte)",
)
OBITUARY_OPENING = 3  # sentences after the headline in which an obituary reports the death


def _obituary_opening(doc: "Document") -> bool:
    """Whether the first sentences report a definite person's death in the manner of an
    obituary (no accident, violence or disaster named with it). Every match of ``_DEATH``
    holds one of ``_DEATH_WORDS``: an opening without one is not searched (the sentences
    after the opening are never looked at, nor is the rest of the text)."""
    prose = doc.prose
    blocks = doc.blocks
    sentences = []
    for sentence in doc.sentences:  # the first body sentences, the rest not looked at
        if blocks[sentence.block].kind != "heading":
            sentences.append(sentence)
            if len(sentences) > OBITUARY_OPENING:
                break
    if not sentences or not any(prose.find(word, sentences[0].start, sentences[-1].end) != -1 for word in _DEATH_WORDS):
        return False
    for sentence in sentences:
        if _DEATH.search(prose, sentence.start, sentence.end) and _DEFINITE_PERSON.search(prose, sentence.start, sentence.end):
            return not any(_EVENT_DEATH.search(prose, s.start, s.end) for s in sentences)
    return False


def _repeated_asker(doc: "Document") -> tuple[str, int]:
    """The turn label (``quotes.TURN``, the project's one definition) that opens the
    most question paragraphs ("Kleine Zeitung: …?"), and how many it opens."""
    from lint.language.quotes import TURN

    prose = doc.prose
    askers: Counter = Counter()
    for block in doc.blocks:
        if block.end - block.start > 600:
            continue
        m = TURN.match(prose, block.start, block.end)
        if m is not None and _ASKS.search(prose, block.start, block.end):
            askers[m.group().rstrip(": ")] += 1
    return askers.most_common(1)[0] if askers else ("", 0)


def _headline_label(doc: "Document") -> GenreGuess | None:
    """A genre the headline states: a label before a colon or dash that is a genre or
    one of its other names ("Kommentar:", "Kritik:", "Porträt –"), or an obituary's wording."""
    if not doc.blocks:
        return None
    first = doc.blocks[0]
    head = doc.prose[first.start : min(first.end, first.start + 200)]
    m = _LABEL.match(head)
    if m is not None:
        genre = normalise_genre(m.group(1))
        if genre:
            return GenreGuess(genre, "guess", f"Die Überschrift nennt die Gattung („{m.group(1)}“)")
    if any(word in head for word in _OBITUARY_WORDS) and _OBITUARY.search(head):
        return GenreGuess("portraet", "guess", "Die Überschrift meldet einen Tod (Nachruf)")
    return None


def guess_genre(doc: "Document") -> GenreGuess:
    """The genre the text suggests, with the reason (see the module docstring).

    One pass over the document's distinct words (``doc.analysis.word_counts``,
    shared with other kinds) counts every cue list at once; the regex cues
    (turns, time stamps, titles, datelines) run only where a cheap count says
    they can matter."""
    prose = doc.prose
    asks = prose.count("?") if ": " in prose else 0  # an interview's turns need both
    if asks >= 3:
        turns = sum(1 for at in _colon_starts(prose) if _TURN_LABEL.search(prose, max(0, at - 24), at))
        if turns >= INTERVIEW_TURNS:
            return GenreGuess("interview", "guess", f"{turns} Fragewechsel („Frage:“, „NAME:“)")
    if asks >= INTERVIEW_TURNS and len(doc.blocks) > INTERVIEW_TURNS:
        asker, questions = _repeated_asker(doc)
        if questions >= INTERVIEW_TURNS:
            return GenreGuess("interview", "guess", f"{questions} Fragen von „{asker}:“")
    label = _headline_label(doc)
    if label is not None:
        return label
    # a stamp opens a line: a text of fewer lines than TICKER_STAMPS is no ticker, unscanned
    # (the line breaks found once: they count the lines and start them)
    breaks = mark_positions(prose, "\n")
    stamped = _stamp_count(prose, breaks) if len(breaks) + 1 >= TICKER_STAMPS else 0
    if stamped >= TICKER_STAMPS:
        return GenreGuess("liveticker", "guess", f"{stamped} Zeilen beginnen mit einer Uhrzeit")
    table = _cue_table()
    counts = doc.analysis.word_counts
    hyphenated = doc.analysis.hyphenated_words
    cues = count_cues(prose, table, cue_candidates(counts, hyphenated, table.cased_prefixes), present=counts, form=doc.analysis.prose_utf8)
    press = cues["press"]
    if press >= PRESS_CUES:
        return GenreGuess("pressemitteilung", "guess", f"{press} Merkmale einer Pressemitteilung (Kontakt, Über uns)")
    work, evaluative = cues["review"], cues["evaluative"]
    if work >= REVIEW_WORK and evaluative >= REVIEW_EVALUATIVE:
        head = prose[: max(600, len(prose) // 3)]
        titles = sum(1 for m in _TITLE.finditer(head) if len(m.group(1).split()) <= 8)
        if titles or work >= REVIEW_WORK_UNTITLED:
            return GenreGuess(
                "rezension", "guess", f"Werk-Vokabular ({work}), Titel in Anführungszeichen ({titles}), Wertungen ({evaluative})"
            )
    first_person = opinion = 0
    # the first person counted over the whole text first (cheap): outside quotations
    # there can be no more, so most texts are never scanned again
    if (
        cues["opinion"] >= COMMENT_OPINION
        and first_person_count(counts, hyphenated) >= COMMENT_FIRST_PERSON
        and not any(DATELINE.search(prose, b.start, min(b.end, b.start + 800)) for b in doc.blocks[:4])
    ):
        unquoted = _outside_quotes(doc)
        first_person = sum(1 for word in _WORD.findall(unquoted.lower()) if word in FIRST_PERSON)
        opinion = count_cues(unquoted, table)["opinion"]
    if first_person >= COMMENT_FIRST_PERSON and opinion >= COMMENT_OPINION:
        return GenreGuess("kommentar", "guess", f"Ich/Wir außerhalb von Zitaten ({first_person}), Meinungsmarker ({opinion}), keine Ortsmarke")
    portrait = cues["portrait"]
    if portrait >= PORTRAIT_CUES:
        return GenreGuess("portraet", "guess", f"{portrait} biografische Merkmale (geboren, aufgewachsen, Karriere)")
    words = doc.word_count
    if words >= MELDUNG_WORDS and _obituary_opening(doc):
        return GenreGuess("portraet", "guess", "Der Anfang meldet den Tod einer Person (Nachruf)")
    service = cues["service"]
    if service >= SERVICE_CUES:
        return GenreGuess("service", "guess", f"{service} Service-Merkmale (Tipps, Preise, Öffnungszeiten)")
    if words < MELDUNG_WORDS:
        return GenreGuess("meldung", "guess", f"kurzer Nachrichtentext ({words} Wörter, unter {MELDUNG_WORDS})")
    return GenreGuess("bericht", "guess", f"Nachrichtentext mit {words} Wörtern (ab {MELDUNG_WORDS})")


def _outside_quotes(doc: "Document") -> str:
    prose = doc.prose
    parts, last = [], 0
    for start, end in doc.quotes:
        parts.append(prose[last:start])
        last = end
    parts.append(prose[last:])
    return " ".join(parts)


def detect_genre(doc: "Document") -> GenreGuess:
    """The document's genre: given (command line, document, configuration) or guessed."""
    given = doc.given_genre
    if given is not None and given[1] == "--genre":
        return GenreGuess(given[0], "--genre", "auf der Kommandozeile angegeben (--genre)")
    stated = doc.meta.get("genre", "")
    if stated:
        genre = normalise_genre(stated)
        if genre:
            return GenreGuess(genre, "document", f"im Dokument angegeben („{stated}“)")
    if given is not None:
        return GenreGuess(given[0], "configuration", f"in der Konfiguration zugeordnet ({given[1]})")
    guess = guess_genre(doc)
    if stated:  # an unknown name in the document: say so, then guess
        return GenreGuess(guess.genre, guess.source, f"unbekanntes Genre „{stated}“ im Dokument; geschätzt: {guess.reason}")
    return guess
