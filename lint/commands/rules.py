"""``newslint rules`` lists every rule; ``newslint rule CODE|name`` shows one."""

from __future__ import annotations

import argparse

from pathlib import Path

from lint.engine.core import Selection, Workspace
from lint.model.errors import UserError


def add_parser(sub, name: str, help_text: str) -> None:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--config", type=Path, help="configuration file (default: found from the current folder upwards)")
    if name == "rule":
        parser.add_argument("rule", help="code or name, e.g. HY001 or hype-absolute")
    else:
        parser.add_argument("--format", choices=("table", "json"), default="table")


FIX_TIERS = {"safe": "sicher", "unsafe": "unsicher", "mixed": "gemischt", "": "—"}


def fix_tiers(rules) -> dict[str, str]:
    """Each rule's fix tier as its documented bad examples show it: ``safe``
    (every fix keeps the meaning and ``--fix`` applies it), ``unsafe`` (another
    wording: ``--unsafe-fixes``), ``mixed``, or ``""`` (no fix)."""
    import tempfile

    from lint.engine.core import Engine
    from lint.model.config import load_config

    seen: dict[str, set[str]] = {r.code: set() for r in rules}
    with tempfile.TemporaryDirectory() as tmp:
        for rule in rules:
            registry = None
            config_text = rule.examples.get("configuration", "")
            config_path = None
            if config_text:
                config_path = Path(tmp) / f"{rule.code}.toml"
                config_path.write_text(config_text, encoding="utf-8")
            try:
                engine = Engine(load_config(config_path, Workspace().registry.settings), Selection(select=[rule.code]), registry)
            except UserError:
                continue
            for text in rule.examples.get("bad", []):
                for d in engine.lint("example.txt", text):
                    if d.code == rule.code and d.fix is not None:
                        seen[rule.code].add(d.fix.applicability)
    return {code: "mixed" if len(a) > 1 else next(iter(a), "") for code, a in seen.items()}


def run(args: argparse.Namespace) -> int:
    if args.config is not None and not args.config.is_file():
        raise UserError(f"configuration file not found: {args.config}")
    # the configuration's extra packs (a newsroom's house style) are listed too
    rules = Workspace(args.config, Selection(select=[])).engine_for(Path.cwd() / "stdin.txt").all_rules
    if args.command == "rule":
        for rule in rules:
            if args.rule in (rule.code, rule.name):
                print(rule.docs())
                return 0
        raise UserError(f"no rule {args.rule!r}; `newslint rules` lists them all")
    if args.format == "json":
        import json

        tiers = fix_tiers(rules)
        print(json.dumps([{
            "code": r.code, "name": r.name, "pack": r.pack, "category": r.category, "severity": str(r.severity),
            "kind": r.kind, "enabled": r.enabled, "fix": tiers.get(r.code) or None, "summary": r.summary} for r in rules],
            ensure_ascii=False, indent=2))
        return 0
    tiers = fix_tiers(rules)
    print(f"{'Code':<6} {'Name':<28} {'Paket':<12} {'Kategorie':<12} {'Schwere':<8} {'Korrektur':<9} Zusammenfassung")
    for r in rules:
        flag = "" if r.enabled else " (opt-in)"
        tier = FIX_TIERS[tiers.get(r.code, "")]
        print(f"{r.code:<6} {r.name:<28} {r.pack:<12} {r.category:<12} {str(r.severity):<8} {tier:<9} {r.summary}{flag}")
    return 0
