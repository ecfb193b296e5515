"""A document's distinct words and how often each occurs (one pass, no regex match per word).

Read through the analysis (``doc.analysis.word_counts``,
``doc.analysis.capitalised_words``): kinds intersect their vocabularies with
the distinct words instead of scanning the text once per list.
"""

from __future__ import annotations

from collections import Counter

from lint.cache import regexcache
from lint.model.record import named_tuple

#: A word: letters, digits and hyphens ("KI-Startup", "2025").
WORDISH = regexcache.compile(r"[\w-]+")

#: Every ASCII character, deleted to leave a text's other characters.
_ASCII = bytes(range(128))
#: The ASCII characters that are no part of a word (``WORDISH``), each to a space.
_ASCII_BREAKS = bytes(c for c in _ASCII if not WORDISH.fullmatch(chr(c)))
_ASCII_TO_SPACE = bytes.maketrans(_ASCII_BREAKS, b" " * len(_ASCII_BREAKS))


@named_tuple
class Utf8:
    """A text's UTF-8 bytes (lone surrogates passed through) and the distinct characters
    beyond ASCII it holds: where ``wordish``, ``word_items`` and ``lower_utf8`` start.
    The analysis makes it once per document (``Analysis.prose_utf8``) for all three."""

    encoded: bytes
    beyond_ascii: frozenset[str]


def utf8(text: str, encoded: bytes | None = None) -> Utf8:
    """``text`` as ``Utf8``; ``encoded``: its UTF-8 if at hand (the bytes a file was read as)."""
    if encoded is None:
        encoded = text.encode("utf-8", "surrogatepass")
    return Utf8(encoded, frozenset(encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")))


def wordish(prose: str, form: Utf8 | None = None) -> list[str]:
    """``WORDISH.findall(prose)``, made without a regex match per word (the regex engine
    costs several times more per match than a split does per item): every character
    that is no word character becomes a space, and the text is split at spaces. A word
    character outside ASCII is one ``str.isalnum`` accepts, as for ``\\w``; the few
    distinct other characters a text holds beyond ASCII („, –, no-break space) are
    replaced one by one in the UTF-8 bytes, the ASCII ones in one translation of them.
    ``form``: ``utf8(prose)``, if made already."""
    encoded, beyond_ascii = form or utf8(prose)
    for char in beyond_ascii:
        if not char.isalnum():  # its bytes to one space: the text decodes as with the character replaced
            encoded = encoded.replace(char.encode("utf-8", "surrogatepass"), b" ")
    return encoded.translate(_ASCII_TO_SPACE).decode("utf-8").split()


#: ``word_items``: each ASCII whitespace byte to a space, every other byte to "x" (the
#: ASCII bytes that are no word character are deleted first, and beyond ASCII only the
#: bytes of letters and digits are left by then).
_ITEM_SHAPE = bytes.maketrans(bytes(range(256)), bytes(0x20 if c < 128 and chr(c).isspace() else 0x78 for c in range(256)))
#: The ASCII bytes that are neither whitespace nor a word character (``\\w``: letters, digits, "_").
_ITEM_PUNCTUATION = bytes(c for c in _ASCII if not (chr(c).isspace() or chr(c).isalnum() or chr(c) == "_"))


def word_items(text: str, form: Utf8 | None = None) -> int:
    """How many whitespace-separated items of ``text`` (as ``str.split`` cuts them) hold a
    word character (``\\w``), counted on the UTF-8 bytes without making the items: the
    characters beyond ASCII that are whitespace become a space, the others that are no
    word character are deleted (one replacement for each distinct one), the ASCII ones
    in one translation; what remains of an item is a run of "x" after a space, or nothing.
    ``form``: ``utf8(text)``, if made already."""
    encoded, beyond_ascii = form or utf8(text)
    for char in beyond_ascii:
        if char.isspace():
            encoded = encoded.replace(char.encode("utf-8", "surrogatepass"), b" ")
        elif not char.isalnum():
            encoded = encoded.replace(char.encode("utf-8", "surrogatepass"), b"")
    return (b" " + encoded.translate(_ITEM_SHAPE, _ITEM_PUNCTUATION)).count(b" x")


def lower_utf8(text: str, errors: str = "replace", form: Utf8 | None = None) -> bytes:
    """``text.lower().encode("utf-8", errors)``, made cheaper: ``str.lower`` looks each
    character of a text beyond ASCII up in the Unicode tables (several times what the
    encoding costs), where ``bytes.lower`` lowers ASCII in one C loop. The few distinct
    characters beyond ASCII that have a lower case of their own ("Ä", "Ö", "Ü") are then
    replaced in the UTF-8 bytes one by one (a whole character's bytes never occur across
    other characters). A capital sigma, whose lower case depends on its neighbours, or a
    lower case that would change again, takes ``str.lower``. ``form``: ``utf8(text)``, if
    made already (the bytes ``errors="surrogatepass"`` gives)."""
    if form is not None and errors == "surrogatepass":
        encoded, beyond_ascii = form
    else:
        encoded, beyond_ascii = text.encode("utf-8", errors), None
    lowered = encoded.lower()
    if encoded.isascii():
        return lowered
    if beyond_ascii is None:
        beyond_ascii = set(encoded.translate(None, _ASCII).decode("utf-8", errors))
    for char in beyond_ascii:
        low = char.lower()
        if low != char:
            if char == "\u03a3" or low.lower() != low:
                return text.lower().encode("utf-8", errors)
            lowered = lowered.replace(char.encode("utf-8", errors), low.encode("utf-8", errors))
    return lowered


def hyphenated(lines: str) -> list[str]:
    """The words of ``lines`` (one a line, as ``analysis.word_lines``) that hold a hyphen,
    in order: found from the hyphens, a loop over the few hyphenated words instead of a
    test of every word."""
    found = []
    at = lines.find("-")
    while at != -1:
        end = lines.find("\n", at)
        end = len(lines) if end == -1 else end
        found.append(lines[lines.rfind("\n", 0, at) + 1 : end])
        at = lines.find("-", end)
    return found


def longest_first(term: str) -> tuple[int, str]:
    """A sort key for the alternatives of a pattern: longer terms first (the regex
    engine takes the first alternative that matches), then alphabetically, so that
    the pattern's text is the same in every process (a set's order depends on the
    hash seed, and a pattern of another text is compiled and cached anew)."""
    return -len(term), term


def count_words(prose: str, form: Utf8 | None = None) -> Counter:
    """How often each word (``WORDISH``) occurs in ``prose``, in order of first occurrence
    (``form``: ``utf8(prose)``, if made already)."""
    return Counter(wordish(prose, form))


def capitalised(words) -> list[str]:
    """The words (none empty) that start with an upper-case letter, in their given order;
    ``words`` any iterable of them, a word count's keys too (no list made first). A
    comprehension: ``compress`` over ``map(str.isupper, map(itemgetter(0), words))`` costs
    a fifth more instructions (two calls through ``map`` per word)."""
    return [w for w in words if w[0].isupper()]
