"""textstat's German readability values of a document, as a reference.

textstat is the reference many dashboards use; newslint's fast path keeps its
own counts (``lint.language.readability``). ``newslint stats --reference``
shows both. textstat (which loads pyphen's hyphenation dictionaries) is
imported here, on first use only.

textstat gets the same body text newslint measures (headings and captions left
out), one sentence a line, so the two differ only in how they count:
textstat splits sentences itself (it breaks at "27." in "am 27. Januar" and at
abbreviations such as "z. B." and "Dr."), counts syllables with pyphen (which
never splits off a single letter: "aber", "Ofen" one syllable short) and
counts words differently ("5,6" and hyphenated compounds). The README gives the
measured difference on the corpus.
"""

from __future__ import annotations


def textstat_metrics(a) -> dict[str, float]:
    """``textstat_flesch_amstad`` and ``textstat_wstf1`` of the analysed body text ``a``."""
    import textstat

    textstat.set_lang("de")
    text = "\n".join(s.text.replace("\n", " ") for s in a.sentences)
    if not text.strip():
        return {"textstat_flesch_amstad": 0.0, "textstat_wstf1": 0.0}
    return {
        "textstat_flesch_amstad": round(float(textstat.flesch_reading_ease(text)), 2),
        "textstat_wstf1": round(float(textstat.wiener_sachtextformel(text, 1)), 2),
    }
