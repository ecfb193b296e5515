"""The summary of an audit: findings per 1,000 words by category, by section
and by month, and the worst articles. Built per partition and merged, so its
size does not grow with the archive (the worst-article list is bounded)."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

WORST = 20  # articles kept in the worst-article list
MIN_WORDS = 100  # shorter articles are not ranked: a rate over a few words means little


@dataclass
class Summary:
    articles: int = 0
    words: int = 0
    by_category: Counter = field(default_factory=Counter)
    words_by_group: Counter = field(default_factory=Counter)  # ("section" | "month", value) -> words
    by_group: Counter = field(default_factory=Counter)  # ("section" | "month", value, category) -> findings
    worst: list[tuple[float, str, int, int]] = field(default_factory=list)  # (per 1,000 words, id, findings, words)
    #: per (section, month): words, and findings by category and by severity (the HTML index's rows)
    pair_words: Counter = field(default_factory=Counter)
    pair_findings: Counter = field(default_factory=Counter)  # (section, month, "c:" + category | "s:" + severity) -> n

    def add_article(self, article_id: str, section: str, month: str, words: int, categories: list[str],
                    severities: list[str] = ()) -> None:
        self.pair_words[(section, month)] += words
        for category in categories:
            self.pair_findings[(section, month, "c:" + category)] += 1
        for severity in severities:
            self.pair_findings[(section, month, "s:" + severity)] += 1
        self.articles += 1
        self.words += words
        counts = Counter(categories)
        self.by_category.update(counts)
        for group, value in (("section", section), ("month", month)):
            if value:
                self.words_by_group[(group, value)] += words
                for category, n in counts.items():
                    self.by_group[(group, value, category)] += n
        if words >= MIN_WORDS:
            self._rank((len(categories) * 1000 / words, article_id, len(categories), words))

    def _rank(self, entry: tuple[float, str, int, int]) -> None:
        if len(self.worst) < WORST:
            heapq.heappush(self.worst, entry)
        elif entry > self.worst[0]:
            heapq.heapreplace(self.worst, entry)

    def merge(self, other: "Summary") -> None:
        self.articles += other.articles
        self.words += other.words
        self.by_category.update(other.by_category)
        self.words_by_group.update(other.words_by_group)
        self.by_group.update(other.by_group)
        self.pair_words.update(other.pair_words)
        self.pair_findings.update(other.pair_findings)
        for entry in other.worst:
            self._rank(entry)

    # ----- storing ---------------------------------------------------------
    def to_json(self) -> dict:
        return {
            "articles": self.articles,
            "words": self.words,
            "by_category": dict(self.by_category),
            "words_by_group": [[g, v, n] for (g, v), n in self.words_by_group.items()],
            "by_group": [[g, v, c, n] for (g, v, c), n in self.by_group.items()],
            "worst": [list(e) for e in self.worst],
            "pair_words": [[s, m, n] for (s, m), n in self.pair_words.items()],
            "pair_findings": [[s, m, k, n] for (s, m, k), n in self.pair_findings.items()],
        }

    @classmethod
    def from_json(cls, data: dict) -> "Summary":
        summary = cls(int(data["articles"]), int(data["words"]), Counter({str(k): int(v) for k, v in data["by_category"].items()}))
        summary.words_by_group = Counter({(str(g), str(v)): int(n) for g, v, n in data["words_by_group"]})
        summary.by_group = Counter({(str(g), str(v), str(c)): int(n) for g, v, c, n in data["by_group"]})
        summary.worst = [(float(r), str(a), int(n), int(w)) for r, a, n, w in data["worst"]]
        summary.pair_words = Counter({(str(s), str(m)): int(n) for s, m, n in data.get("pair_words", [])})
        summary.pair_findings = Counter({(str(s), str(m), str(k)): int(n) for s, m, k, n in data.get("pair_findings", [])})
        heapq.heapify(summary.worst)
        return summary

    # ----- reading ---------------------------------------------------------
    def rate(self, findings: int, words: int) -> float:
        return findings * 1000 / words if words else 0.0

    def categories(self) -> list[str]:
        return sorted(self.by_category)

    def groups(self, group: str) -> list[tuple[str, int, dict[str, float]]]:
        """``(value, words, {category: per 1,000 words})`` for each section or month."""
        out = []
        for (kind, value), words in sorted(self.words_by_group.items()):
            if kind == group:
                rates = {c: self.rate(self.by_group[(group, value, c)], words) for c in self.categories()}
                out.append((value, words, rates))
        return out

    def worst_articles(self) -> list[tuple[float, str, int, int]]:
        return sorted(self.worst, reverse=True)

    def as_text(self) -> str:
        cats = self.categories()
        lines = [f"{self.articles} Artikel, {self.words:,} Wörter".replace(",", "."), "", "Befunde je 1.000 Wörter nach Kategorie:"]
        lines += [f"  {c:<12} {self.rate(self.by_category[c], self.words):7.2f}   ({self.by_category[c]})" for c in cats]
        for group, title in (("section", "nach Ressort"), ("month", "nach Monat")):
            rows = self.groups(group)
            if rows:
                lines += ["", f"Befunde je 1.000 Wörter {title}:", "  " + " ".join([f"{'':<16}", f"{'Wörter':>9}", *(f"{c:>12}" for c in cats)])]
                lines += ["  " + " ".join([f"{value:<16}", f"{words:>9}", *(f"{rates[c]:>12.2f}" for c in cats)]) for value, words, rates in rows]
        if self.worst:
            lines += ["", f"Die {len(self.worst)} Artikel mit den meisten Befunden je 1.000 Wörter (ab {MIN_WORDS} Wörtern):"]
            lines += [f"  {rate:7.2f}  {article}  ({n} Befunde, {words} Wörter)" for rate, article, n, words in self.worst_articles()]
        return "\n".join(lines) + "\n"
