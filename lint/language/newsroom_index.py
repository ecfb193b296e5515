"""A newsroom comprehensibility index 0-20, in the manner of the Hohenheim index.

The Hohenheim comprehensibility index (Universität Hohenheim and H&H
Communication Lab, used in German media research) combines readability
formulas with shares of long sentences, long words and long clauses, each
scaled to 0-20 against a reference corpus. This index does the same with
components anyone can recompute (all from ``lint.language.readability``):

==================  ==========================================  ==========
component           what                                         easier is
==================  ==========================================  ==========
flesch_amstad       Flesch reading ease after Amstad             higher
wstf1               Wiener Sachtextformel 1                      lower
lix                 LIX after Björnsson                          lower
asl                 words per sentence                           lower
long_sentences      % of sentences of more than 20 words         lower
letters_per_word    letters per word                             lower
long_word_share     % of words of more than six letters          lower
clause_length       words per clause (part between , ; : –)      lower
long_clauses        % of clauses of more than 12 words           lower
==================  ==========================================  ==========

Each component is scaled linearly to 0-20 between its 10th and 90th
percentile on the calibration corpus (the 514 professionally edited news
articles of 10kGNAD in ``../shared/corpus/gnad``, its TUNE half: 225 articles
of at least 150 words; recompute with
``python bench/calibrate_index.py``): the easy end of that range is 20, the
hard end 0, values beyond are clipped. The index is the weighted mean of the
components (``WEIGHTS``): the three formulas count twice, as they were
validated against readers' comprehension tests and the shares were not; with
equal weights the machine-translated seed 002 (short sentences, very long
words) scored above the corpus median. On the calibration corpus the median
index is ``CORPUS_MEDIAN``.
"""

from __future__ import annotations

from lint.model.record import named_tuple


# (p10, p90, higher_is_easier) of every component on the calibration corpus
# (bench/calibrate_index.py prints this table).
CALIBRATION: dict[str, tuple[float, float, bool]] = {
    "flesch_amstad": (32.1, 54.6, True),
    "wstf1": (8.4, 12.5, False),
    "lix": (45.5, 58.8, False),
    "asl": (13.6, 21.3, False),
    "long_sentences": (11.8, 50.0, False),
    "letters_per_word": (5.6, 6.6, False),
    "long_word_share": (29.9, 40.4, False),
    "clause_length": (6.4, 9.9, False),
    "long_clauses": (6.8, 28.6, False),
}
# The three formulas were validated against readers' comprehension tests (Amstad;
# Bamberger and Vanecek; Björnsson), the six shares were not: each formula counts twice.
WEIGHTS: dict[str, float] = {name: 2.0 if name in ("flesch_amstad", "wstf1", "lix") else 1.0 for name in CALIBRATION}
#: The weights' sum, the divisor of every index (summed once, in ``WEIGHTS``' order).
TOTAL_WEIGHT = sum(WEIGHTS.values())
CORPUS_MEDIAN = 9.9

LONG_SENTENCE = 20  # words
LONG_CLAUSE = 12  # words


@named_tuple
class Index:
    value: float  # 0 (hard) to 20 (easy)
    components: dict[str, float]  # the raw value of each component
    scaled: dict[str, float]  # each component on 0-20


def scale(name: str, value: float) -> float:
    """``value`` of component ``name`` on 0 (hard) to 20 (easy)."""
    low, high, higher_easier = CALIBRATION[name]
    share = (value - low) / (high - low) if high != low else 0.5
    if not higher_easier:
        share = 1 - share
    return 20 * min(1.0, max(0.0, share))


def combine(components: dict[str, float]) -> Index:
    """The index of raw component values (every name of ``CALIBRATION``)."""
    scaled = {name: scale(name, components[name]) for name in CALIBRATION}
    value = sum(WEIGHTS[name] * scaled[name] for name in CALIBRATION) / TOTAL_WEIGHT
    return Index(value, dict(components), scaled)


def lower_bound(components: dict[str, float]) -> float:
    """The least index the given components allow (every missing component at 0)."""
    return sum(WEIGHTS[name] * scale(name, value) for name, value in components.items()) / TOTAL_WEIGHT
