"""extension/managed_schema.json: a schema Chrome loads, that accepts every valid managed value.

Chrome refuses to load an extension whose ``storage.managed_schema`` breaks
its rules, and silently drops a whole policy object when one value does not
fit. So: (1) the schema keeps to the subset Chrome supports; (2) every value
the host accepts (generated from the Settings models, with hypothesis) also
passes the schema, checked by a small validator for that subset; (3) the
schema is the one generated from the models, so a new setting cannot be
forgotten in it.
"""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st
from pydantic import BaseModel

from guard import managed
from guard.models import Settings

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "extension" / "managed_schema.json").read_text(encoding="utf-8"))

# Chromium's policy schema (components/policy/core/common/schema.cc) knows these keywords.
KEYWORDS = {"type", "properties", "patternProperties", "additionalProperties", "items", "enum", "minimum", "maximum",
            "pattern", "$ref", "id", "required", "title", "description", "sensitiveValue"}
TYPES = {"array", "boolean", "integer", "null", "number", "object", "string"}


def chrome_schema_problems(schema: Any, where: str = "(root)", top: bool = True) -> list[str]:
    """What makes Chrome refuse this schema (and so refuse to load the extension)."""
    problems = []
    if not isinstance(schema, dict):
        return [f"{where}: a schema must be an object"]
    if top and (schema.get("type") != "object" or "additionalProperties" in schema):
        problems.append(f"{where}: the top level must be type object without additionalProperties")
    unknown = set(schema) - KEYWORDS
    if unknown:
        problems.append(f"{where}: keywords Chrome does not know: {sorted(unknown)}")
    if ("$ref" in schema) == ("type" in schema) or not isinstance(schema.get("type", "object"), str) \
            or schema.get("type", "object") not in TYPES:
        problems.append(f"{where}: needs exactly one type (a single string) or a $ref")
    for name, sub in (schema.get("properties") or {}).items():
        problems += chrome_schema_problems(sub, f"{where}.{name}", top=False)
    if "items" in schema:
        problems += chrome_schema_problems(schema["items"], f"{where}[]", top=False)
    return problems


def fits(value: Any, schema: dict[str, Any], where: str = "") -> list[str]:
    """Where ``value`` does not fit ``schema`` (the subset above; unknown properties count as misfits)."""
    kind = schema["type"]
    ok = {"object": isinstance(value, dict), "array": isinstance(value, list), "string": isinstance(value, str),
          "boolean": isinstance(value, bool), "null": value is None,
          "integer": isinstance(value, int) and not isinstance(value, bool),
          "number": isinstance(value, (int, float)) and not isinstance(value, bool)}[kind]
    if not ok:
        return [f"{where or '(root)'}: expected {kind}, got {value!r}"]
    out = []
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: {value!r} not in enum")
    if "minimum" in schema and value < schema["minimum"] or "maximum" in schema and value > schema["maximum"]:
        out.append(f"{where}: {value!r} out of range")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        out.append(f"{where}: does not match pattern")
    if kind == "object":
        for key, sub in value.items():
            if key not in schema.get("properties", {}):
                out.append(f"{where}.{key}: unknown property")
            else:
                out += fits(sub, schema["properties"][key], f"{where}.{key}")
    if kind == "array":
        for i, item in enumerate(value):
            out += fits(item, schema["items"], f"{where}[{i}]")
    return out


def test_the_schema_is_one_chrome_loads():
    assert chrome_schema_problems(SCHEMA) == []


def test_the_schema_is_generated_from_the_models():
    assert SCHEMA == managed.chrome_schema(), "regenerate: python -c 'from guard import managed; ...' (see docs/admin.md)"


def test_the_manifest_declares_it():
    manifest = json.loads((ROOT / "extension" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["storage"]["managed_schema"] == "managed_schema.json"


def test_the_checker_catches_misfits():
    assert fits({"defaults": {"log": {"retention_days": 0}}}, SCHEMA)
    assert fits({"locked": {"rules": {"LG201": {"mode": "block"}}}}, SCHEMA)
    assert fits({"defaults": {"employer": {"name": None}}}, SCHEMA)
    assert fits({"defaults": {"language": "auto"}}, SCHEMA) == []


# ---------------------------------------------------------------- valid values, generated


def _strategy(annotation: Any, metadata: list[Any] = ()) -> st.SearchStrategy:  # type: ignore[assignment]
    base, more = managed._strip_annotated(annotation)
    metadata = [*metadata, *more]
    args = [a for a in typing.get_args(base) if a is not type(None)]
    if typing.get_origin(base) in (typing.Union, __import__("types").UnionType):
        return st.one_of(st.none(), _strategy(args[0], metadata))
    bounds = {type(m).__name__: m for m in metadata}
    if typing.get_origin(base) is typing.Literal:
        return st.sampled_from(typing.get_args(base))
    if base is bool:
        return st.booleans()
    if base is int:
        lo = getattr(bounds.get("Ge"), "ge", -(2**31))
        hi = getattr(bounds.get("Le"), "le", 2**31)
        return st.integers(lo, hi)
    if base is str:
        return st.text(min_size=getattr(bounds.get("MinLen"), "min_length", 0), max_size=12)
    if typing.get_origin(base) is list:
        return st.lists(_strategy(typing.get_args(base)[0]), max_size=3)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return _model(base)
    raise TypeError(base)


def _model(model: type[BaseModel]) -> st.SearchStrategy:
    fields = {}
    for name, info in model.model_fields.items():
        if model is Settings and name == "version":
            continue
        entries = managed._dict_of_model(info.annotation)
        if entries is not None:
            from guard.rules import rule_ids

            fields[name] = st.dictionaries(st.sampled_from(sorted(rule_ids())), _model(entries), max_size=4)
        else:
            fields[name] = _strategy(info.annotation, list(info.metadata))
    required = [n for n, i in model.model_fields.items() if i.is_required()]
    return st.fixed_dictionaries({n: s for n, s in fields.items() if n in required},
                                 optional={n: s for n, s in fields.items() if n not in required})


def without_nulls(value: Any) -> Any:
    """A policy cannot carry null (no 'string or null' in Chrome's schema): left out instead."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_model(Settings), _model(Settings))
def test_every_valid_settings_value_fits_the_schema_as_defaults_and_as_locked(defaults, locked):
    # Each is a valid Settings document (the generator follows the models' rules)...
    for doc in (defaults, locked):
        Settings.model_validate(doc)
    policy = {"defaults": without_nulls(defaults), "locked": without_nulls(locked)}
    # ...and as a policy it fits the schema, so Chrome delivers it, and the host takes it.
    assert fits(policy, SCHEMA) == []
    managed.parse(policy)


@pytest.mark.parametrize("name", ["employer", "log", "rules", "clients", "former_employers", "bulk", "fail_mode", "language"])
def test_every_top_level_setting_can_be_set_by_policy(name):
    assert name in SCHEMA["properties"]["defaults"]["properties"]
    assert name in SCHEMA["properties"]["locked"]["properties"]
