"""The rule catalogue, found automatically.

Every module in this package named ``lgNNN_<slug>.py`` holds one rule class
(a subclass of :class:`guard.rules.base.Rule`). Adding a rule means adding
that module and its test module ``tests/rules/test_lgNNN_<slug>.py``; nothing
else is edited (the catalogue meta-test checks both exist).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache

from guard.rules.base import Rule

_MODULE_NAME = re.compile(r"^lg\d{3}_[a-z0-9_]+$")


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, ordered by id."""
    found: list[type[Rule]] = []
    for info in pkgutil.iter_modules(__path__):
        if not _MODULE_NAME.match(info.name):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        classes = [
            obj
            for obj in vars(module).values()
            if isinstance(obj, type)
            and issubclass(obj, Rule)
            and obj is not Rule
            and obj.__module__ == module.__name__
        ]
        if len(classes) != 1:
            raise RuntimeError(f"{module.__name__} must define exactly one rule, found {len(classes)}")
        found.append(classes[0])
    return tuple(sorted(found, key=lambda r: r.id))


def rule_ids() -> frozenset[str]:
    return frozenset(r.id for r in all_rules())


def rule_by_id(rule_id: str) -> type[Rule]:
    for rule in all_rules():
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)
