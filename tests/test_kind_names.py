"""Kind names follow the rule-name convention: kebab-case English."""

from __future__ import annotations

import re

from lint.plugins.registry import registry


def test_every_built_in_kind_name_is_kebab_case():
    names = sorted(registry().kinds)
    assert "vague-source" in names
    bad = [n for n in names if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", n)]
    assert bad == []
