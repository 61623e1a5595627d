"""The organisation's layer: managed defaults and locks, merged with the person's own settings.

An organisation sets, through the browsers' enterprise policy (managed
storage, ``extension/managed_schema.json``), one object::

    {"defaults": {...partial Settings...}, "locked": {...partial Settings...}}

*Partial* means every field is optional, nested too (``{"rules": {"LG201":
{"mode": "confirm"}}}`` sets one value); each value is checked by exactly the
field rules of :class:`guard.models.Settings`. Lists (clients, former
employers, title aliases) are one value each: they are set or locked whole.

Effective settings are merged deep, by path: built-in defaults, then the
organisation's ``defaults``, then the person's own settings, then ``locked``
on top. The person's settings file stays theirs: a locked value is never
written into it, so when the policy goes the person's own values rule again.

What counts as "set by the person": a value in their settings file that
differs from the built-in default (the file always holds every field). So a
person cannot pick the built-in value *back* where the organisation's default
differs; they can pick anything else.

A change to a locked value (``set_settings``, ``settings import``, the
dashboard) is refused with the paths it touches (:func:`locked_changes`);
nothing is applied. Saving a document that still holds the person's own old
value at a locked path is not a change and passes.

The extension relays the layer to the host (``set_managed``); the host
re-validates it (:func:`parse`) and keeps it as ``managed.json`` next to the
settings file (0600, atomic), so the CLI and the dashboard see it too.
"""

from __future__ import annotations

import json
import logging
import os
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Annotated

from pydantic import BaseModel, TypeAdapter, ValidationError

from guard.files import atomic_write
from guard.models import RuleSetting, Settings, validation_details

log = logging.getLogger(__name__)

MANAGED_FILE = "managed.json"
# The last layer the host refused (set_managed -> invalid_managed), so the CLI,
# doctor and the extension's pages can say why the organisation's settings do
# not apply; removed when a valid layer (or none) arrives.
REFUSED_FILE = "managed-problem.json"
LAYERS = ("defaults", "locked")
SOURCES = ("default", "user", "managed-default", "managed-locked")

Path_ = tuple[str, ...]
_MISSING = object()


class ManagedError(ValueError):
    """A managed layer that cannot be applied; ``details`` names each bad path."""

    def __init__(self, message: str, details: list[dict[str, str]]):
        super().__init__(message)
        self.details = details


@dataclass(frozen=True)
class Managed:
    """A validated managed layer; ``defaults`` and ``locked`` are plain JSON dicts."""

    defaults: dict[str, Any] = field(default_factory=dict)
    locked: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.defaults and not self.locked

    def as_json(self) -> dict[str, Any]:
        return {"defaults": self.defaults, "locked": self.locked}

    def locked_paths(self) -> list[str]:
        return sorted(dotted(p) for p in flatten(self.locked))


NO_POLICY = Managed()


def dotted(path: Path_) -> str:
    return ".".join(path)


# --------------------------------------------------------------------------
# The shape of Settings, walked by path
# --------------------------------------------------------------------------


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``Employer | None`` (or the model itself); not inside a dict or list."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (dict, list):
        return None
    for arg in typing.get_args(annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _dict_of_model(annotation: Any) -> type[BaseModel] | None:
    """``RuleSetting`` for ``dict[str, RuleSetting]``."""
    if typing.get_origin(annotation) is dict:
        args = typing.get_args(annotation)
        if len(args) == 2 and isinstance(args[1], type) and issubclass(args[1], BaseModel):
            return args[1]
    return None


_ADAPTERS: dict[tuple[type, str], TypeAdapter] = {}


def _leaf_adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    key = (model, name)
    if key not in _ADAPTERS:
        info = model.model_fields[name]
        annotation = info.annotation
        if info.metadata:
            annotation = Annotated[(annotation, *info.metadata)]  # type: ignore[misc]
        _ADAPTERS[key] = TypeAdapter(annotation)
    return _ADAPTERS[key]


def _check_rule_ids(ids: list[str], prefix: Path_, problems: list[dict[str, str]]) -> list[str]:
    from guard.rules import rule_ids

    known = rule_ids()
    bad = [i for i in ids if i not in known]
    for rule in bad:
        problems.append({"path": dotted(prefix + (rule,)), "message": f"unknown rule id (known: {', '.join(sorted(known))})"})
    return bad


def _walk(model: type[BaseModel], data: Any, prefix: Path_, problems: list[dict[str, str]]) -> dict[str, Any]:
    """A partial document of ``model`` checked field by field; bad fields go to ``problems``."""
    if not isinstance(data, dict):
        problems.append({"path": dotted(prefix) or "(root)", "message": "expected an object"})
        return {}
    out: dict[str, Any] = {}
    for key, value in data.items():
        path = prefix + (str(key),)
        info = model.model_fields.get(key) if isinstance(key, str) else None
        if info is None:
            problems.append({"path": dotted(path), "message": "unknown field"})
            continue
        nested = _model_in(info.annotation)
        entries = _dict_of_model(info.annotation)
        if nested is not None and isinstance(value, dict):
            out[key] = _walk(nested, value, path, problems)
        elif entries is not None and isinstance(value, dict):
            bad = _check_rule_ids(list(value), path, problems) if key == "rules" else []
            out[key] = {k: _walk(entries, v, path + (k,), problems) for k, v in value.items() if k not in bad}
        else:
            try:
                checked = _leaf_adapter(model, key).validate_python(value)
            except ValidationError as err:
                for d in validation_details(err):
                    sub = "" if d["path"] == "(root)" else d["path"]
                    joined = dotted(path) + ("" if not sub else (sub if sub.startswith("[") else "." + sub))
                    problems.append({"path": joined, "message": d["message"]})
                continue
            out[key] = _leaf_adapter(model, key).dump_python(checked, mode="json")
    return out


def flatten(doc: dict[str, Any], model: type[BaseModel] = Settings, prefix: Path_ = ()) -> dict[Path_, Any]:
    """Every leaf value of a (partial) settings dict by its path; lists and null are leaves."""
    out: dict[Path_, Any] = {}
    for key, value in doc.items():
        info = model.model_fields.get(key)
        if info is None or (model is Settings and key == "version"):
            continue
        path = prefix + (key,)
        nested = _model_in(info.annotation)
        entries = _dict_of_model(info.annotation)
        if nested is not None and isinstance(value, dict):
            out.update(flatten(value, nested, path))
        elif entries is not None and isinstance(value, dict):
            for k, v in value.items():
                if isinstance(v, dict):
                    out.update(flatten(v, entries, path + (k,)))
        else:
            out[path] = value
    return out


def _set(doc: dict[str, Any], path: Path_, value: Any) -> None:
    node = doc
    for part in path[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[path[-1]] = value


def value_at(doc: dict[str, Any], path: Path_) -> Any:
    """The value at ``path`` in a full settings dict; a rule without an entry has RuleSetting's defaults."""
    node: Any = doc
    for i, part in enumerate(path):
        if not isinstance(node, dict):
            return _MISSING
        if part not in node:
            if i == 1 and path[0] == "rules" and len(path) == 3:
                return RuleSetting.model_fields[path[2]].default
            return _MISSING
        node = node[part]
    return node


# --------------------------------------------------------------------------
# Validating and storing the layer
# --------------------------------------------------------------------------


def parse(data: Any) -> Managed:
    """Validate a relayed/managed document (``None`` or ``{}``: no policy). Raise :class:`ManagedError`."""
    if data is None:
        return NO_POLICY
    if not isinstance(data, dict):
        raise ManagedError("invalid managed settings: (root): expected an object",
                           [{"path": "(root)", "message": "expected an object"}])
    problems: list[dict[str, str]] = []
    layers: dict[str, dict[str, Any]] = {}
    for key in data:
        if key not in LAYERS:
            problems.append({"path": str(key), "message": "unknown field (expected defaults and/or locked)"})
    for name in LAYERS:
        if name in data and data[name] is not None:
            layers[name] = _walk(Settings, data[name], (name,), problems)
    managed = Managed(layers.get("defaults", {}), layers.get("locked", {}))
    if not problems:
        # Together the layers must make a valid document: an employer needs
        # a name, whichever layer gives it.
        try:
            Settings.model_validate(_merge(None, managed))
        except ValidationError as err:
            problems = [{"path": "(merged) " + d["path"], "message": d["message"]} for d in validation_details(err)]
    if problems:
        text = "; ".join(f"{p['path']}: {p['message']}" for p in problems[:20])
        raise ManagedError(f"invalid managed settings: {text}", problems)
    return managed


def path_for(settings_path: Path) -> Path:
    """``managed.json`` lives next to the settings file (the guard home)."""
    return Path(settings_path).with_name(MANAGED_FILE)


def load(path: Path) -> tuple[Managed, str | None]:
    """The stored layer, or no policy and a problem when the file is unreadable or invalid."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return NO_POLICY, None
    except OSError as err:
        return NO_POLICY, f"cannot read {path}: {err.strerror}"
    try:
        return parse(json.loads(raw)), None
    except (ValueError, UnicodeDecodeError) as err:
        problem = f"{path} is not valid; the organisation's settings are not applied ({str(err)[:300]})"
        log.warning(problem)
        return NO_POLICY, problem


def refusal_path(managed_path: Path) -> Path:
    return Path(managed_path).with_name(REFUSED_FILE)


def record_refusal(err: ManagedError, managed_path: Path) -> None:
    """Keep why the browser's layer was refused (0600, atomic); the previous layer stays in force."""
    text = json.dumps({"problem": str(err)[:2000], "details": err.details[:50]}, indent=2, ensure_ascii=False) + "\n"
    atomic_write(refusal_path(managed_path), text.encode("utf-8"), mode=0o600)


def clear_refusal(managed_path: Path) -> None:
    try:
        os.unlink(refusal_path(managed_path))
    except FileNotFoundError:
        pass


def problem(managed_path: Path) -> str | None:
    """Why the organisation's settings are not (all) applied: a refused layer, or an unusable managed.json."""
    return refusal(managed_path) or load(managed_path)[1]


def refusal(managed_path: Path) -> str | None:
    """The last refusal the host recorded (:func:`record_refusal`), if any."""
    try:
        data = json.loads(refusal_path(managed_path).read_bytes())
        if isinstance(data, dict) and isinstance(data.get("problem"), str):
            return data["problem"]
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        return f"{refusal_path(managed_path)} cannot be read"
    return None


def store(managed: Managed, path: Path) -> None:
    """Write the layer atomically (0600); no policy removes the file."""
    if managed.empty:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        return
    text = json.dumps(managed.as_json(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    atomic_write(path, text.encode("utf-8"), mode=0o600)


# --------------------------------------------------------------------------
# Merging
# --------------------------------------------------------------------------

_BUILTIN: dict[Path_, Any] | None = None


def _builtin_flat() -> dict[Path_, Any]:
    global _BUILTIN
    if _BUILTIN is None:
        _BUILTIN = flatten(Settings().model_dump(mode="json"))
    return _BUILTIN


def user_leaves(user: Settings) -> dict[Path_, Any]:
    """The person's own values: those that differ from the built-in default."""
    builtin = _builtin_flat()
    out = {}
    for path, value in flatten(user.model_dump(mode="json")).items():
        if path[0] == "rules" and len(path) == 3:
            default = RuleSetting.model_fields[path[2]].default
        else:
            default = builtin.get(path, _MISSING)
        if value != default:
            out[path] = value
    return out


def _layers(user_settings: Settings | None, managed: Managed) -> list[tuple[str, dict[Path_, Any]]]:
    layers = [("managed-default", flatten(managed.defaults))]
    if user_settings is not None:
        layers.append(("user", user_leaves(user_settings)))
    layers.append(("managed-locked", flatten(managed.locked)))
    return layers


def _apply(layers: list[tuple[str, dict[Path_, Any]]]) -> dict[str, Any]:
    doc = Settings().model_dump(mode="json")
    for _name, leaves in layers:
        for path, value in sorted(leaves.items(), key=lambda item: len(item[0])):
            _set(doc, path, value)
    return doc


def _merge(user_settings: Settings | None, managed: Managed) -> dict[str, Any]:
    return _apply(_layers(user_settings, managed))


@dataclass
class Effective:
    settings: Settings
    sources: dict[str, str]
    problem: str | None = None


def effective(user_settings: Settings, managed: Managed) -> Effective:
    """defaults < user < locked, with the source of every value."""
    if managed.empty:
        return Effective(user_settings, _sources(user_settings, [("user", user_leaves(user_settings))]))
    layers = _layers(user_settings, managed)
    problem = None
    try:
        merged = Settings.model_validate(_apply(layers))
    except ValidationError as err:
        # E.g. the person's employer without a name under a locked title:
        # the organisation's values still hold, the person's are set aside.
        problem = "your settings do not combine with your organisation's; only the organisation's apply (" + \
            "; ".join(f"{d['path']}: {d['message']}" for d in validation_details(err)) + ")"
        layers = _layers(None, managed)
        merged = Settings.model_validate(_apply(layers))
    return Effective(merged, _sources(merged, layers), problem)


def _sources(merged: Settings, layers: list[tuple[str, dict[Path_, Any]]]) -> dict[str, str]:
    """Each leaf's source: the last layer that set it or one of its parents."""
    out: dict[str, str] = {}
    for path in flatten(merged.model_dump(mode="json")):
        source = "default"
        for name, leaves in layers:
            if any(path[:n] in leaves for n in range(1, len(path) + 1)):
                source = name
        out[dotted(path)] = source
    return out


# --------------------------------------------------------------------------
# Locks
# --------------------------------------------------------------------------


def locked_changes(new: Settings, old: Settings, managed: Managed) -> list[dict[str, str]]:
    """One detail per locked path that ``new`` would change: away from the lock and from the old value."""
    if not managed.locked:
        return []
    new_doc, old_doc = new.model_dump(mode="json"), old.model_dump(mode="json")
    details = []
    for path, locked_value in sorted(flatten(managed.locked).items()):
        value = value_at(new_doc, path)
        if value == locked_value or value == value_at(old_doc, path):
            continue
        details.append({"path": dotted(path), "message": f"set by your organisation (locked to {json.dumps(locked_value, ensure_ascii=False)[:200]})"})
    return details


def keep_own_values(new: Settings, old: Settings, managed: Managed) -> Settings:
    """``new`` with the person's old values back at locked paths: a lock is never written into their file."""
    if not managed.locked:
        return new
    doc, old_doc = new.model_dump(mode="json"), old.model_dump(mode="json")
    for path in flatten(managed.locked):
        previous = value_at(old_doc, path)
        if previous is not _MISSING and value_at(doc, path) is not _MISSING:
            _set(doc, path, previous)
    try:
        return Settings.model_validate(doc)
    except ValidationError:
        return new


def refusal_message(details: list[dict[str, str]]) -> str:
    return "locked by your organisation: " + ", ".join(d["path"] for d in details)


# --------------------------------------------------------------------------
# The extension's storage.managed_schema, generated from the models
# --------------------------------------------------------------------------
#
# Chrome reads extension/managed_schema.json (JSON Schema draft-03, its own
# subset: exactly one "type" per schema, no top-level additionalProperties;
# an invalid schema stops the extension from loading) and silently drops a
# policy object when one value does not fit. So the schema only ever says
# less than the models (no string lengths, no required fields): the host
# re-validates everything anyway. Chrome's schema has no "either a string or
# null", so a policy cannot set a value to null: leave it out instead.

SCHEMA_FILE = "managed_schema.json"


def _strip_annotated(annotation: Any) -> tuple[Any, list[Any]]:
    metadata: list[Any] = []
    while typing.get_origin(annotation) is Annotated:
        args = typing.get_args(annotation)
        annotation = args[0]
        for extra in args[1:]:
            metadata.extend(getattr(extra, "metadata", None) or [extra])
    return annotation, metadata


def _non_null(annotation: Any) -> Any:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, getattr(__import__("types"), "UnionType", None)) and len(args) == 1:
        return args[0]
    return annotation


def _value_schema(annotation: Any, metadata: list[Any] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    annotation, more = _strip_annotated(_non_null(annotation))
    metadata = [*metadata, *more]
    annotation = _non_null(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return {"type": "string", "enum": list(typing.get_args(annotation))}
    if annotation is bool:
        return {"type": "boolean"}
    if annotation is int:
        out: dict[str, Any] = {"type": "integer"}
        for m in metadata:
            if getattr(m, "ge", None) is not None:
                out["minimum"] = m.ge
            if getattr(m, "le", None) is not None:
                out["maximum"] = m.le
        return out
    if annotation is str:
        return {"type": "string"}
    if origin is list:
        return {"type": "array", "items": _value_schema(typing.get_args(annotation)[0])}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _object_schema(annotation)
    raise TypeError(f"no managed_schema for {annotation!r}")


def _object_schema(model: type[BaseModel]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if model is Settings and name == "version":
            continue
        entries = _dict_of_model(info.annotation)
        if entries is not None:
            from guard.rules import rule_ids

            properties[name] = {"type": "object",
                                "properties": {rid: _object_schema(entries) for rid in sorted(rule_ids())}}
        else:
            properties[name] = _value_schema(info.annotation, list(info.metadata))
    return {"type": "object", "properties": properties}


def chrome_schema() -> dict[str, Any]:
    """The ``storage.managed_schema`` document (``linkedin-guard`` keeps extension/managed_schema.json equal to it)."""
    layer = _object_schema(Settings)
    return {
        "type": "object",
        "properties": {
            "defaults": {**layer, "title": "Defaults",
                         "description": "Settings the organisation proposes; the person may change them. "
                                        "A partial LinkedIn Guard settings document (see docs/admin.md)."},
            "locked": {**layer, "title": "Locked",
                       "description": "Settings the person cannot change, applied over their own. "
                                      "A partial LinkedIn Guard settings document (see docs/admin.md)."},
        },
    }
