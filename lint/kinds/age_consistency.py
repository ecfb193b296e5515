"""``age-consistency``: a person's age that changes within the article.

"Der 54-Jährige" refers back to a person introduced before. When the article
introduced exactly one person by age alone ("ein 54-jähriger Lehrer", "eine
23-Jährige"; of the same grammatical gender where the article tells it), gave
no other age, and the later age differs, one of the two is wrong ("ein
54-jähriger Lehrer … der 45-Jährige"). A person introduced by name ("Der
Trainer Hans Berg … der 40-Jährige") is not compared: the age may be given
for the first time. A name given twice with different ages
("Berg (54)" … "Berg, 45,") is reported too, unless the words before the
name tell two bearers apart ("Manchester City (64)" … "Leicester City (76)"). An adjective with its noun ("der
45-jährige Fahrer") introduces a person, it does not refer back.

Message fields: ``{match}`` (the later age), ``{other}`` (the age given before).
"""

from __future__ import annotations

from typing import Any, ClassVar

from lint.kinds.base import Kind
from lint.language.quantities import Age, ages
from lint.plugins.hookspecs import hookimpl


class AgeConsistency(Kind):
    name = "age-consistency"
    defaults: ClassVar[dict[str, Any]] = {}

    def check(self, doc):
        prose = doc.prose
        before = []
        named: dict[str, Age] = {}
        for age in ages(prose):
            text = prose[age.start : age.end]
            if age.name:
                given = named.get(age.name)
                if given is not None and given.age != age.age and _same_name(given, age):
                    yield self.report(doc, age.start, age.end, other=str(given.age))
                named.setdefault(age.name, age)
            elif age.definite and before:
                given = {a.age for a in before}
                intros = {a.age for a in before if a.indefinite and not (age.gender and a.gender and a.gender != age.gender)}
                if len(given) == 1 and intros == given and age.age not in given:
                    yield self.report(doc, age.start, age.end, match=text, other=str(next(iter(given))))
            before.append(age)


def _same_name(one: Age, other: Age) -> bool:
    """Two mentions of one name: the words before it agree where both have one
    ("Anna Berg (54)" … "Berg, 45,"; not "Manchester City (64)" … "Leicester City (76)")."""
    return not (one.first and other.first) or one.first == other.first


@hookimpl
def register_kinds():
    return [AgeConsistency]
