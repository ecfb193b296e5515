"""``figures``: figures that need a source and have none in the sentences around them.

Detection (what is a figure) is ``lint.language.figure_detection``; the
source search and the tests that tell a claim from a figure on record are
``lint.language.figure_context``. This kind puts them together: a figure is
reported when no named source stands in its window of sentences (``window``
before, ``after`` after, see ``Window``), it is no question, no history, no
repetition, no conversion, no prize money and nobody's speech. A figure whose
only attribution is vague ("Experten zufolge") is left to the vague-source rule.

Message fields: ``{match}`` (the figure), ``{type}`` (its German type name with article, "Der Geldbetrag").
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar

from lint.kinds.base import Kind
from lint.language import figure_context as context
from lint.language.attribution import NAMED, NONE, VAGUE, ListOptions, extra_entries
from lint.language.figure_context import SENTENCES_AFTER, SENTENCES_BEFORE, SourceSearch, Window
from lint.language.figure_detection import TYPES, FigureDetector
from lint.language.morphology import compile_entries, entry_forms
from lint.language.wordlist import Entry
from lint.model.diagnostics import Severity
from lint.model.errors import ConfigError
from lint.plugins.hookspecs import hookimpl


class Figures(ListOptions, Kind):
    name = "figures"
    defaults: ClassVar[dict[str, Any]] = {
        "types": list(TYPES),
        "window": SENTENCES_BEFORE,
        "window_with_number": -1,
        "after": SENTENCES_AFTER,
        "headings": False,
        "min_count": 100000,
        "min_money": 1000000,
        "min_magnitude": 10000,
        "history": 5,
        "words": [],
        "cues": ["data/cues.txt", "data/konjunktiv.txt"],
        "vague": ["data/vague-sources.txt"],
        "opinion_verbs": ["data/opinion-verbs.txt"],
        "determiners": ["data/name-determiners.txt"],
        "source_before": ["data/source-before.txt"],
        "domains": ["data/vague-domains.txt"],
        "currencies": ["data/currencies.txt"],
        "scales": ["data/scales.txt"],
        "number_words": ["data/number-words.txt"],
        "count_nouns": ["data/count-nouns.txt"],
        "units": ["data/units.txt"],
        "not_counted": ["data/not-counted.txt"],
        "people": ["data/people-nouns.txt"],
        "person_suffixes": ["data/person-suffixes.txt"],
        "harm": ["data/harm-words.txt"],
        "min_people": 1000,
        "sourcing_practice": 0.0,
        "practice_named": 0,
        "opening_source": False,
        "story": False,
        "observable": [],
        "observable_fields": [],
        "records": ["data/records.txt"],
        "rankings": ["data/rankings.txt"],
        "charts": ["data/charts.txt"],
        "qualifiers": ["data/figure-qualifiers.txt"],
        "small_numbers": ["data/figure-numbers.txt"],
        "articles": ["data/figure-articles.txt"],
        "starters": ["data/figure-starters.txt"],
        "year_words": ["data/year-words.txt"],
        "interviewer_labels": ["../_shared/data/interviewer-labels.txt"],
        "on_record": [],
        "reference": [],
        "exchange_words": [],
    }
    list_options = (
        "cues", "vague", "opinion_verbs", "determiners", "source_before", "domains", "currencies", "scales",
        "number_words", "count_nouns", "units", "not_counted", "people", "person_suffixes", "harm", "records",
        "rankings", "charts", "qualifiers", "small_numbers", "articles", "starters", "year_words",
        "interviewer_labels", "on_record", "exchange_words", "reference",
    )

    @cached_property
    def reference_nouns(self) -> frozenset[str]:
        """Nouns whose counts are reference facts (population, seats): a hint at most."""
        forms: set[str] = set()
        for entry in self._entries("reference"):
            forms |= entry_forms(entry)
        return frozenset(forms)

    @cached_property
    def types(self) -> frozenset[str]:
        types = frozenset(self.options["types"])
        unknown = types - set(TYPES)
        if unknown:
            raise ConfigError(f"{self.rule.file}: unknown figure type(s) {', '.join(sorted(unknown))}; allowed: {', '.join(TYPES)}")
        return types

    def extra_cues(self) -> list[Entry]:
        return extra_entries(self.options["words"], self.rule.file)

    @cached_property
    def detector(self) -> FigureDetector:
        detector = FigureDetector(self._entries, self.options, self.types)
        try:
            detector.triggers, detector.pattern  # noqa: B018 - built here, so that a bad list is this rule's error
        except ValueError as exc:
            raise self._config_error(exc) from None
        return detector

    def _matcher(self, option: str):
        """The entries of the word lists of ``option`` as one matcher, or ``None``."""
        entries = self._entries(option)
        if not entries:
            return None
        try:
            return compile_entries(entries)
        except ValueError as exc:
            raise self._config_error(exc) from None

    @cached_property
    def on_record(self):
        """Words that put a sentence's figures on record (results, rules), or ``None``."""
        return self._matcher("on_record")

    @cached_property
    def exchange_words(self):
        """Words of prices on an exchange (``exchange_words``: shares, the exchange,
        share indices), or ``None``."""
        return self._matcher("exchange_words")

    def _exchange_data(self, prose: str, sentence, words) -> bool:
        """Whether ``sentence`` is about prices on an exchange ("Der Dax verlor 1,4
        Prozent", "Die Aktie brach um zehn Prozent ein"): its percentages are
        published by the exchange, not claimed. ``words``: the document's (``doc.analysis``):
        the matcher's gate then answers once per document, as in ``_recorded``."""
        matcher = self.exchange_words
        return matcher is not None and any(matcher.finditer(prose, sentence.start, sentence.end, words))

    def _recorded(self, prose: str, sentence, previous, words) -> bool:
        """Whether the sentence, or the one before it, states a published result or a rule.
        ``words``: the document's (``doc.analysis``): the matcher's document gate then
        tells once which compound heads stand in the document's words, so that the two
        sentences are not searched for every head."""
        matcher = self.on_record
        if matcher is None:
            return False
        lo = previous.start if previous is not None and previous.block == sentence.block else sentence.start
        # A noun keeps its capital: "Stimmen" (votes) is not "stimmen" (to vote).
        found = matcher.finditer(prose, lo, sentence.end, words)
        return any(not (entry.term[:1].isupper() and prose[s].islower()) for s, _e, entry in found)

    def windows(self) -> tuple[Window, Window]:
        """The window of a figure, and of a record claim that restates a number."""
        window = Window(max(0, int(self.options["window"])), max(0, int(self.options["after"])))
        with_number = int(self.options["window_with_number"])
        return window, (window if with_number < 0 else Window(with_number, window.after))

    def check(self, doc):
        detector = self.detector
        prose = doc.prose
        figures = detector.figures(prose, doc.analysis)
        if not figures:
            return  # no figure, nothing to source: no sentence is looked at
        analysis = doc.analysis
        headings = bool(self.options["headings"])
        history = max(0, int(self.options["history"]))
        practice_share = float(self.options["sourcing_practice"])
        practice_named = max(0, int(self.options["practice_named"]))
        practice = None
        opening = None
        off_story = _off_story if self.options["story"] else _never_off_story
        window, window_with_number = self.windows()
        search = SourceSearch(doc, self.attribution)
        latest: list[int] = []

        def latest_year() -> int:
            """The text's latest year: searched once, when first asked for (a closure costs
            less to make per document than a ``functools.cache`` wrapper)."""
            if not latest:
                latest.append(context.latest_year(prose))
            return latest[0]

        teasers: dict[int, int] = {}
        speakers: dict[int, str] = {}  # per sentence: "question", "speaker" or ""
        interview = None
        agency = None
        recorded: dict[int, bool] = {}  # per sentence: states a published result or a rule
        markets: dict[int, bool] = {}  # per sentence: about prices on an exchange
        said: set[tuple[str, str]] = set()  # figures reported or sourced already: circled once
        verdicts: dict[tuple, str] = {}  # per sentence, window and kind of claim
        for figure in figures:
            start, end, kind = figure.start, figure.end, figure.type
            sentence = analysis.sentence_at(start)
            if sentence is None:
                continue
            block = doc.blocks[sentence.block]
            if not headings and block.kind == "heading":
                continue
            anchor = figure.match.groupdict().get("anchor") if kind == "record" else None
            if anchor is not None and detector.superlative_span(prose, sentence.start, start) is None:
                continue  # "der sechste Spieler in der Geschichte": no superlative, no claim
            scope = window
            if kind == "record" and any(c.isdigit() for c in prose[sentence.start : sentence.end]):
                scope = window_with_number  # "hat mit 3.850 Rekordniveau erreicht": the record restates a figure
            if not headings:
                if sentence.block not in teasers:
                    teasers[sentence.block] = context.teaser_end(doc, sentence.block)
                if start < teasers[sentence.block]:
                    continue
            speech = speakers.get(sentence.index)
            if speech is None:
                if interview is None:
                    interview = context.is_interview(prose, detector.askers)
                speech = speakers[sentence.index] = self._not_a_claim(analysis, prose, block.start, sentence, interview)
            if speech == "question":
                continue  # a question claims nothing: "Kann man das zu 100 Prozent verhindern?"
            if speech == "speaker":
                search.sourced.add(sentence.index)
                continue  # "Müller: Wir haben 5,2 Millionen Stimmen erhalten.": the speaker is named
            if kind in ("percent", "count"):
                on_record = recorded.get(sentence.index)
                if on_record is None:
                    previous = analysis.sentences[sentence.index - 1] if sentence.index else None
                    on_record = recorded[sentence.index] = self._recorded(prose, sentence, previous, analysis)
                if on_record:
                    continue  # "Die SPÖ kommt auf 39,6 Prozent (44 Mandate)", "die Vier-Prozent-Hürde": on record
            if kind == "percent":
                exchange = markets.get(sentence.index)
                if exchange is None:
                    exchange = markets[sentence.index] = self._exchange_data(prose, sentence, analysis)
                if exchange and not off_story(search, sentence.index):
                    continue  # "Der Dax verlor 1,4 Prozent": published by the exchange, in a story about it
            if history and context.is_history(prose, sentence, start, latest_year, history):
                continue
            if context.repeated(prose, max(block.start, start - context.REPEAT_REACH), start, end) or (kind, figure.text) in said:
                continue  # "… mehr als 165.000. Mehr als 165.000 Antworten …": said before, circled once
            if kind != "record":
                start = context.qualified_start(detector.qualifiers_before, prose, start)
            if context.converted(prose, start) or context.reference_level(prose, start):
                continue
            if kind == "money" and context.prize_money(prose, end):
                continue
            # The source search after the cheap tests, once per sentence and scope; a
            # record claim needs its source in its own sentence: no topic chain for it.
            key = (sentence.index, scope, kind == "record")
            verdict = verdicts.get(key)
            if verdict is None:
                verdict = verdicts[key] = search.verdict(sentence, start, end, scope, chained=kind != "record")
            if verdict == NAMED:
                search.sourced.add(sentence.index)
                said.add((kind, figure.text))
                continue
            if verdict == VAGUE:
                continue  # the vague-source rule reports it
            # Last, being the dearest test: speech whose speaker is named ("…, sagte sie").
            if context.speaker_named(search, start, end):
                search.sourced.add(sentence.index)
                continue
            if anchor is not None:
                start = detector.superlative_span(prose, sentence.start, start)
            # Severity is confidence: a warning only where no source is anywhere on the
            # figure's topic and the figure is a new claim; a source named later on the
            # topic, or a figure the text refers back to ("die 140 Teilnehmer"), is a hint.
            sure = verdict == NONE and not context.refers_back(prose, start) and not context.felt(prose, start)
            if sure and kind == "count" and figure.text.rsplit(None, 1)[-1] in self.reference_nouns:
                sure = False  # "ein Land mit knapp 60 Millionen Einwohnern": looked up, not claimed
            if sure:
                if agency is None:
                    agency = context.agency_copy(prose)
                sure = not agency  # agency copy: the agency stands for the whole text
            if sure and self.options["opening_source"]:
                if opening is None:
                    opening = search.opening_source()
                # the lead names the story's source: it covers the figures of the story after it
                sure = not opening or off_story(search, sentence.index)
            if sure and (practice_share or practice_named) and (
                # a record stated with the shares or amounts it rests on ("Der Rückgang von 3,8 Prozent
                # ist die schwerste Krise seit 2009"), not with a year alone ("seit 1990")
                kind != "record" or detector.share_or_amount.search(prose, sentence.start, sentence.end)
            ):
                # An article that names its sources throughout has a sourcing practice: a
                # figure the rule cannot tie to one of them is a hint there, not a warning;
                # so is a record stated with the shares or amounts it rests on, as they are.
                if practice is None:
                    practice = search.sourcing_practice(practice_share, practice_named)
                sure = not practice or off_story(search, sentence.index)
            if sure and kind == "record" and self._observable(doc, start, end):
                # "Die Aktie schloss auf einem Rekordhoch": exchange data anyone can look up, in a
                # story about that market (a share no other sentence speaks of is no such story)
                sure = off_story(search, sentence.index)
            said.add((kind, figure.text))
            yield self.report(doc, start, end, severity=None if sure else Severity.INFO, type=TYPES[kind])

    @cached_property
    def _observable_words(self) -> tuple[str, ...]:
        return tuple(w.lower() for w in self.options["observable"] if w.strip())

    def _observable(self, doc, start: int, end: int) -> bool:
        """A price level of a traded asset ("Rekordhoch", "Allzeittief", "der niedrigste
        Stand seit 2009") in a sentence about markets: published by the exchange."""
        words, fields = self._observable_words, self.options["observable_fields"]
        if not words or not fields:
            return False
        claim = doc.prose[start:end].lower()
        return any(w in claim for w in words) and bool(doc.analysis.fields_near(start, end, 0, only=fields))

    def _not_a_claim(self, analysis, prose: str, block_start: int, sentence, interview: bool) -> str:
        """"question" for a question (or an interviewer's turn), "speaker" for a sentence
        in the first person or an interview answer (somebody's speech), else ""."""
        if context.is_question(prose, sentence) or analysis.zone_at(sentence.start) == "interview-question":
            return "question"
        if context.first_person(prose, sentence) or (interview and context.in_interview_answer(prose, block_start, sentence.start, self.detector.askers)):
            return "speaker"
        return ""


def _off_story(search: SourceSearch, index: int) -> bool:
    """Whether sentence ``index`` is about something its text says nothing else about
    (``SourceSearch.on_story``): the text's sourcing practice, its opening's source and the
    exchange do not cover its figure."""
    return not search.on_story(index)


def _never_off_story(search: SourceSearch, index: int) -> bool:
    """``_off_story`` with the option ``story`` off: every sentence belongs to the story."""
    return False


@hookimpl
def register_kinds():
    return [Figures]
