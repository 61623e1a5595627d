"""Small builders so rule tables read like the situations they describe."""

from __future__ import annotations

from typing import Any

from guard.engine import Engine
from guard.models import Finding, parse_context, parse_settings
from guard.rules import rule_by_id

URL_FEED = "https://www.linkedin.com/feed/"


def evaluate(context: dict[str, Any], settings: dict[str, Any] | None = None, *, rule: str) -> list[Finding]:
    """Findings of one rule only, so a table tests that rule and nothing else."""
    engine = Engine(parse_settings(settings or {}), rules=[rule_by_id(rule)])
    return engine.evaluate(parse_context(context))


def post(text: str, *, mentions=(), media=(), **extra) -> dict[str, Any]:
    return {"kind": "post", "url": URL_FEED, "trigger": "input", "text": text,
            "mentions": list(mentions), "media": list(media), **extra}


def message(text: str, *, to: str = "Mark Visser", channel: str = "message",
            thread: dict | None = None, recipient: dict | None = None, **extra) -> dict[str, Any]:
    return {"kind": "message", "url": "https://www.linkedin.com/messaging/thread/2-abc/",
            "trigger": "input", "channel": channel,
            "recipient": recipient or {"name": to}, "text": text, "thread": thread, **extra}


def profile(*, own: bool, name: str = "Sanne de Boer", open_to_work=None, positions=(),
            **extra) -> dict[str, Any]:
    return {"kind": "profile", "url": "https://www.linkedin.com/in/sanne/", "trigger": "observe",
            "own": own, "name": name, "open_to_work": open_to_work,
            "positions": list(positions), **extra}


def connections(people, **extra) -> dict[str, Any]:
    return {"kind": "connections", "url": "https://www.linkedin.com/mynetwork/invite-connect/connections/",
            "trigger": "observe", "people": list(people), **extra}


def thread(me: int = 0, them: int = 0, last: str | None = None) -> dict[str, Any]:
    """A message thread: how many messages each side sent, and the recipient's last one."""
    return {"messages_from_me": me, "messages_from_recipient": them, "last_from_recipient": last}
