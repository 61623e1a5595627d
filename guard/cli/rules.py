"""``linkedin-guard rules``: the catalogue, generated from the rules' docstrings."""

from __future__ import annotations

import json

from guard.rules.base import DOC_HEADINGS


def register(sub) -> None:
    p = sub.add_parser("rules", help="list the rule catalogue")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="machine-readable catalogue")
    fmt.add_argument("--markdown", action="store_true", help="full documentation as Markdown")
    p.set_defaults(func=run)


def catalogue() -> list[dict]:
    from guard.rules import all_rules

    return [rule.describe() for rule in all_rules()]


def as_markdown(entries: list[dict]) -> str:
    out = ["# LinkedIn Guard rule catalogue", ""]
    for e in entries:
        out += [f"## {e['id']} {e['slug']}", "", f"*{e['title']['en']}* / *{e['title']['nl']}*", "",
                f"Default: severity `{e['severity']}`, mode `{e['mode']}`; looks at: "
                + ", ".join(f"`{k}`" for k in e["kinds"]), ""]
        if e["doc"].get("Summary"):
            out += [e["doc"]["Summary"], ""]
        for heading in DOC_HEADINGS:
            out += [f"### {heading}", "", e["doc"].get(heading, ""), ""]
        out += ["Sources:", ""] + [f"- {lb['source']} art. {lb['article']}: <{lb['url']}>" for lb in e["legal_basis"]] + [""]
    return "\n".join(out)


def run(args) -> int:
    entries = catalogue()
    if args.json:
        print(json.dumps(entries, indent=2, ensure_ascii=False))
    elif args.markdown:
        print(as_markdown(entries))
    else:
        for e in entries:
            print(f"{e['id']}  {e['slug']:<36} {e['severity']:<8} {e['mode']:<8} {e['title']['en']}")
    return 0
