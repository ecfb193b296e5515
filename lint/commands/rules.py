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

        print(json.dumps([{
            "code": r.code, "name": r.name, "pack": r.pack, "category": r.category, "severity": str(r.severity),
            "kind": r.kind, "enabled": r.enabled, "summary": r.summary} for r in rules], ensure_ascii=False, indent=2))
        return 0
    for r in rules:
        flag = "" if r.enabled else " (opt-in)"
        print(f"{r.code}  {r.name:<28} {r.pack:<12} {r.category:<12} {str(r.severity):<8} {r.summary}{flag}")
    return 0
