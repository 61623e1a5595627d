"""Settings: every field as a form, errors next to the field, import and export as JSON.

Form field names *are* the settings paths that validation reports
(``log.retention_days``, ``clients[2].company``, ``rules.LG201.mode``), so
each error from :func:`guard.models.validation_details` lands next to its
field without a mapping table. On the Dutch page the message is said in
Dutch from pydantic's error type and parameters
(:func:`guard.dashboard.i18n.validation_message`); the JSON API keeps
the English details the host reports. Saving goes through ``settings_store``
exactly as the host's ``set_settings`` does: validate everything, write
atomically, or change nothing.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

from aiohttp import web
from pydantic import ValidationError

from guard import safe_json, settings_store
from guard.dashboard import keys
from guard.dashboard.i18n import Translator, validation_message
from guard.dashboard.layout import flash, mode_label, page, rule_ids, rule_title, tr
from guard.dashboard.markup import Markup, attrs, html, join, option, tag, void
from guard.models import Settings, validation_errors

MAX_IMPORT_BYTES = 5 * 1024 * 1024
_ROW_FIELD = re.compile(r"^(former_employers|clients)\[(\d{1,5})\]\.([a-z_]+)$")


# --------------------------------------------------------------------------
# Validation, shared with the JSON API
# --------------------------------------------------------------------------


def check(data: Any) -> tuple[Settings | None, list[dict[str, str]]]:
    """``(settings, [])`` or ``(None, details)`` — the same checks as ``set_settings``."""
    settings, errors = check_errors(data)
    return settings, _details(errors)


def check_text(raw: bytes) -> tuple[Settings | None, list[dict[str, str]]]:
    settings, errors = check_text_errors(raw)
    return settings, _details(errors)


def check_errors(data: Any) -> tuple[Settings | None, list[dict[str, Any]]]:
    """Like :func:`check`, each error also with its ``type`` and ``ctx`` (for the Dutch page)."""
    try:
        return settings_store.validate(data), []
    except settings_store.SettingsError as err:
        cause = err.__cause__
        if isinstance(cause, ValidationError):
            return None, validation_errors(cause)
        message = str(err).removeprefix("invalid settings: ").removeprefix("(root): ")
        kind = "settings_not_object" if not isinstance(data, dict) else "settings_error"
        return None, [{"path": "(root)", "message": message, "type": kind, "ctx": {}}]


def check_text_errors(raw: bytes) -> tuple[Settings | None, list[dict[str, Any]]]:
    # Deep nesting and lone surrogates are the client's error (400/422), never a 500 (audit C10c).
    try:
        data = safe_json.loads(raw)
    except safe_json.JSONRejected as err:
        return None, [{"path": "(root)", "message": str(err), "type": "json_invalid", "ctx": {"error": err.detail}}]
    return check_errors(data)


def _details(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    # The API's (and the host's) shape: path and message, nothing else.
    return [{"path": e["path"], "message": e["message"]} for e in errors]


def localized(t: Translator, errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Errors as the page shows them: the message in the page's language."""
    return [{"path": e["path"], "message": _with_suggestion(t.lang, e)} for e in errors]


def _with_suggestion(lang: str, error: dict[str, Any]) -> str:
    message = validation_message(lang, error)
    suggestion = (error.get("ctx") or {}).get("suggestion")
    if suggestion and lang == "nl":  # the English message already carries it
        message += f" (bedoelde u {suggestion!r}?)"
    return message


# --------------------------------------------------------------------------
# Form <-> settings dict
# --------------------------------------------------------------------------


def _text(form, name: str) -> str:
    return str(form.get(name, "")).strip()


def _opt(form, name: str) -> str | None:
    return _text(form, name) or None


def _lines(form, name: str) -> list[str]:
    return [line.strip() for line in str(form.get(name, "")).splitlines() if line.strip()]


def _checked(form, name: str) -> bool:
    return form.get(name) in ("on", "1", "true")


def form_to_data(form, base: Settings) -> dict[str, Any]:
    """The posted form as a settings dict (validated afterwards, never trusted)."""
    data: dict[str, Any] = {"version": base.version}
    data["language"] = _text(form, "language")
    data["fail_mode"] = _text(form, "fail_mode")

    employer = {
        "name": _text(form, "employer.name"),
        "official_title": _opt(form, "employer.official_title"),
        "title_aliases": _lines(form, "employer.title_aliases"),
        "social_media_policy": _checked(form, "employer.social_media_policy"),
    }
    blank = not employer["name"] and not employer["official_title"] and not employer["title_aliases"]
    data["employer"] = None if blank and not employer["social_media_policy"] else employer

    rows: dict[str, dict[int, dict[str, str]]] = {"former_employers": {}, "clients": {}}
    for name in form.keys():
        m = _ROW_FIELD.match(name)
        if m:
            rows[m.group(1)].setdefault(int(m.group(2)), {})[m.group(3)] = str(form.get(name, ""))
    former = []
    for _, row in sorted(rows["former_employers"].items()):
        item = {
            "name": row.get("name", "").strip(),
            "cleanup_clause": row.get("cleanup_clause") in ("on", "1", "true"),
            "clients": [c.strip() for c in row.get("clients", "").splitlines() if c.strip()],
        }
        if item["name"] or item["clients"] or item["cleanup_clause"]:
            former.append(item)
    data["former_employers"] = former
    clients = []
    for _, row in sorted(rows["clients"].items()):
        item = {
            "name": row.get("name", "").strip(),
            "company": row.get("company", "").strip() or None,
            "profile_url": row.get("profile_url", "").strip() or None,
        }
        if item["name"] or item["company"] or item["profile_url"]:
            clients.append(item)
    data["clients"] = clients

    rules: dict[str, Any] = {}
    for rid in rule_ids():
        if f"rules.{rid}.present" not in form:
            if rid in base.rules:  # a rule the form did not show keeps its setting
                rules[rid] = base.rules[rid].model_dump()
            continue
        enabled = _checked(form, f"rules.{rid}.enabled")
        mode = _text(form, f"rules.{rid}.mode") or None
        if not enabled or mode is not None:
            rules[rid] = {"enabled": enabled, "mode": mode}
    data["rules"] = rules

    data["log"] = {
        "retention_days": _text(form, "log.retention_days"),
        "store_excerpts": _checked(form, "log.store_excerpts"),
    }
    data["bulk"] = {"profiles": _text(form, "bulk.profiles"), "minutes": _text(form, "bulk.minutes")}
    return data


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------


class Errors:
    """Validation details by path; fields take theirs, the rest is listed at the top."""

    def __init__(self, details: Iterable[dict[str, str]]):
        self._details = list(details)
        self._taken: set[int] = set()

    def take(self, name: str, exact: bool = False) -> list[str]:
        """Messages for ``name`` and, unless ``exact``, for what lies below it (``name[2]``, ``name.x``)."""
        out = []
        for i, d in enumerate(self._details):
            path = d["path"]
            below = not exact and (path.startswith(name + "[") or path.startswith(name + "."))
            if i not in self._taken and (path == name or below):
                self._taken.add(i)
                out.append(d["message"])
        return out

    def rest(self) -> list[dict[str, str]]:
        return [d for i, d in enumerate(self._details) if i not in self._taken]

    def __bool__(self) -> bool:
        return bool(self._details)


def field_id(name: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")


class Form:
    """Renders fields from a (possibly invalid) settings dict, with their errors."""

    def __init__(self, t: Translator, data: dict[str, Any], errors: Errors):
        self.t = t
        self.data = data
        self.errors = errors

    def _error_html(self, name: str, exact: bool = False) -> tuple[Markup, str | None]:
        messages = self.errors.take(name, exact)
        if not messages:
            return Markup(""), None
        err_id = field_id(name) + "-error"
        return tag("span", "; ".join(messages), class_="field-error", id=err_id), err_id

    def input(self, name: str, label: str, value: Any, *, type_: str = "text", help_: str | None = None, **extra: Any) -> Markup:
        err, err_id = self._error_html(name)
        fid = field_id(name)
        return html(
            '<div class="field{cls}"><label for="{id}">{label}</label>{input}{help}{err}</div>',
            cls=" has-error" if err_id else "",
            id=fid,
            label=label,
            input=void(
                "input",
                type=type_,
                name=name,
                id=fid,
                value="" if value is None else value,
                aria_invalid="true" if err_id else None,
                aria_describedby=err_id,
                **extra,
            ),
            help=tag("span", help_, class_="help") if help_ else Markup(""),
            err=err,
        )

    def textarea(self, name: str, label: str, lines: list[str] | None, rows: int = 3) -> Markup:
        err, err_id = self._error_html(name)
        fid = field_id(name)
        return html(
            '<div class="field{cls}"><label for="{id}">{label}</label>{ta}{err}</div>',
            cls=" has-error" if err_id else "",
            id=fid,
            label=label,
            ta=tag(
                "textarea",
                "\n".join(str(x) for x in (lines or [])),
                name=name,
                id=fid,
                rows=str(rows),
                aria_invalid="true" if err_id else None,
                aria_describedby=err_id,
            ),
            err=err,
        )

    def checkbox(self, name: str, label: str, checked: bool) -> Markup:
        err, err_id = self._error_html(name)
        fid = field_id(name)
        return html(
            '<div class="field field-check{cls}">{box}<label for="{id}">{label}</label>{err}</div>',
            cls=" has-error" if err_id else "",
            id=fid,
            box=void("input", type="checkbox", name=name, id=fid, checked=bool(checked), aria_describedby=err_id),
            label=label,
            err=err,
        )

    def select(self, name: str, label: str, options: list[tuple[str, str]], current: Any) -> Markup:
        err, err_id = self._error_html(name)
        fid = field_id(name)
        return html(
            '<div class="field{cls}"><label for="{id}">{label}</label><select name="{name}" id="{id}"{inv}>{opts}</select>{err}</div>',
            cls=" has-error" if err_id else "",
            id=fid,
            name=name,
            label=label,
            inv=attrs(aria_invalid="true" if err_id else None, aria_describedby=err_id),
            opts=join(option(v, text, str(current or "") == v) for v, text in options),
            err=err,
        )

    def group_errors(self, name: str) -> Markup:
        """Errors about a whole object or list (``employer``, ``clients[2]``), not its fields."""
        err, _ = self._error_html(name, exact=True)
        return err


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def render_form(t: Translator, data: dict[str, Any], errors: Errors) -> Markup:
    f = Form(t, data, errors)
    employer = _dict(data.get("employer"))
    log = _dict(data.get("log"))
    bulk = _dict(data.get("bulk"))
    rules = _dict(data.get("rules"))

    general = html(
        '<fieldset class="card"><legend>{legend}</legend><div class="grid-2">{lang}{fail}</div></fieldset>',
        legend=t("settings.general"),
        lang=f.select(
            "language",
            t("settings.language"),
            [("auto", t("settings.language.auto")), ("en", t("settings.language.en")), ("nl", t("settings.language.nl"))],
            data.get("language"),
        ),
        fail=f.select(
            "fail_mode",
            t("settings.fail_mode"),
            [("open", t("settings.fail_mode.open")), ("closed", t("settings.fail_mode.closed"))],
            data.get("fail_mode"),
        ),
    )

    employer_html = html(
        """<fieldset class="card"><legend>{legend}</legend>{group}<p class="help">{help}</p>
<div class="grid-2">{name}{title}</div>{aliases}{policy}</fieldset>""",
        legend=t("settings.employer"),
        group=f.group_errors("employer"),
        help=t("settings.employer.help"),
        name=f.input("employer.name", t("settings.employer.name"), employer.get("name"), autocomplete="organization"),
        title=f.input("employer.official_title", t("settings.employer.official_title"), employer.get("official_title")),
        aliases=f.textarea("employer.title_aliases", t("settings.employer.title_aliases"), _list(employer.get("title_aliases"))),
        policy=f.checkbox(
            "employer.social_media_policy",
            t("settings.employer.social_media_policy"),
            bool(employer.get("social_media_policy")),
        ),
    )

    def former_row(i: Any, item: dict[str, Any]) -> Markup:
        p = f"former_employers[{i}]"
        return html(
            '<div class="row-item" data-row>{group}<div class="grid-2">{name}{clause}</div>{clients}'
            '<button type="button" class="btn btn-quiet btn-small" data-remove-row>{remove}</button></div>',
            group=f.group_errors(p) if isinstance(i, int) else Markup(""),
            name=f.input(f"{p}.name", t("settings.former.name"), item.get("name")),
            clause=f.checkbox(f"{p}.cleanup_clause", t("settings.former.cleanup_clause"), bool(item.get("cleanup_clause"))),
            clients=f.textarea(f"{p}.clients", t("settings.former.clients"), _list(item.get("clients")), rows=3),
            remove=t("settings.remove"),
        )

    def client_row(i: Any, item: dict[str, Any]) -> Markup:
        p = f"clients[{i}]"
        return html(
            '<div class="row-item row-inline" data-row>{group}<div class="grid-3">{name}{company}{url}</div>'
            '<button type="button" class="btn btn-quiet btn-small" data-remove-row>{remove}</button></div>',
            group=f.group_errors(p) if isinstance(i, int) else Markup(""),
            name=f.input(f"{p}.name", t("settings.client.name"), item.get("name")),
            company=f.input(f"{p}.company", t("settings.client.company"), item.get("company")),
            url=f.input(f"{p}.profile_url", t("settings.client.profile_url"), item.get("profile_url"), type_="url"),
            remove=t("settings.remove"),
        )

    def list_section(key: str, legend: str, items: list[Any], render_row) -> Markup:
        # Existing rows, then one blank row (works without JavaScript), and a
        # <template> the script clones for "Add" (index placeholder __i__).
        rows = [render_row(i, _dict(item)) for i, item in enumerate(items)]
        rows.append(render_row(len(items), {}))
        return html(
            """<fieldset class="card" data-list="{key}" data-next-index="{next}"><legend>{legend}</legend>{group}
<div class="rows">{rows}</div>
<template>{template}</template>
<button type="button" class="btn btn-small" data-add-row>{add}</button></fieldset>""",
            key=key,
            next=str(len(items) + 1),
            legend=legend,
            group=f.group_errors(key),
            rows=join(rows),
            template=render_row("__i__", {}),
            add=t("settings.add"),
        )

    former_html = list_section("former_employers", t("settings.former_employers"), _list(data.get("former_employers")), former_row)
    clients_html = list_section("clients", t("settings.clients"), _list(data.get("clients")), client_row)

    rule_rows = []
    for rid in rule_ids():
        from guard.rules import rule_by_id

        cls = rule_by_id(rid)
        setting = _dict(rules.get(rid))
        enabled = setting.get("enabled", True) is not False
        mode = setting.get("mode")
        modes = [("", t("settings.rules.mode.default", mode=mode_label(t, cls.default_mode)))] + [
            (m, mode_label(t, m)) for m in ("inform", "confirm")
        ]
        err_enabled, _ = f._error_html(f"rules.{rid}.enabled")
        err_mode, err_id = f._error_html(f"rules.{rid}.mode")
        rest = f.group_errors(f"rules.{rid}")
        rule_rows.append(
            html(
                """<tr>
<td><input type="hidden" name="rules.{rid}.present" value="1">{box}</td>
<td><label for="{box_id}"><span class="rule-id">{rid}</span> {title}</label>{err_enabled}{rest}</td>
<td><select name="rules.{rid}.mode" id="{mode_id}" aria-label="{mode_label} {rid}"{inv}>{opts}</select>{err_mode}</td>
</tr>""",
                rid=rid,
                box=void("input", type="checkbox", name=f"rules.{rid}.enabled", id=field_id(f"rules.{rid}.enabled"), checked=enabled),
                box_id=field_id(f"rules.{rid}.enabled"),
                title=rule_title(rid, t.lang),
                err_enabled=err_enabled,
                rest=rest,
                mode_id=field_id(f"rules.{rid}.mode"),
                mode_label=t("settings.rules.mode"),
                inv=attrs(aria_invalid="true" if err_id else None, aria_describedby=err_id),
                opts=join(option(v, text, (mode or "") == v) for v, text in modes),
                err_mode=err_mode,
            )
        )
    rules_html = html(
        """<fieldset class="card"><legend>{legend}</legend>{group}
<table class="rules-table"><thead><tr><th>{on}</th><th>{rule}</th><th>{mode}</th></tr></thead><tbody>{rows}</tbody></table></fieldset>""",
        legend=t("settings.rules"),
        group=f.group_errors("rules"),
        on=t("settings.rules.enabled"),
        rule=t("log.col.rule"),
        mode=t("settings.rules.mode"),
        rows=join(rule_rows),
    )

    log_html = html(
        '<fieldset class="card"><legend>{legend}</legend>{group}<div class="grid-2">{days}</div>{excerpts}</fieldset>',
        legend=t("settings.log"),
        group=f.group_errors("log"),
        days=f.input(
            "log.retention_days", t("settings.log.retention_days"), log.get("retention_days"), type_="number", min="1", max="3650"
        ),
        excerpts=f.checkbox("log.store_excerpts", t("settings.log.store_excerpts"), log.get("store_excerpts", True) is not False),
    )
    bulk_html = html(
        '<fieldset class="card"><legend>{legend}</legend>{group}<div class="grid-2">{profiles}{minutes}</div></fieldset>',
        legend=t("settings.bulk"),
        group=f.group_errors("bulk"),
        profiles=f.input("bulk.profiles", t("settings.bulk.profiles"), bulk.get("profiles"), type_="number", min="2", max="10000"),
        minutes=f.input("bulk.minutes", t("settings.bulk.minutes"), bulk.get("minutes"), type_="number", min="1", max="1440"),
    )
    return join([general, employer_html, former_html, clients_html, rules_html, log_html, bulk_html])


def render_page(
    request: web.Request,
    data: dict[str, Any],
    details: list[dict[str, str]] | None = None,
    *,
    notice: Markup | None = None,
    import_errors: list[dict[str, str]] | None = None,
    status: int = 200,
) -> web.Response:
    t = tr(request)
    errors = Errors(details or [])
    layer = managed_layer(request)
    data = _show_locks(data, layer)
    form = render_form(t, data, errors)  # takes its errors first; leftovers go on top
    form = _disable_locked(form, layer, t)
    rest = errors.rest()
    top = [locked_notice(layer, t)] if layer.locked else []
    if notice is not None:
        top.append(notice)
    if errors:
        top.append(flash("error", t("settings.invalid")))
    if rest:
        top.append(
            html(
                '<div class="flash flash-error" role="alert"><p>{title}</p><ul>{items}</ul></div>',
                title=t("settings.form_errors"),
                items=join(html("<li><code>{p}</code>: {m}</li>", p=d["path"], m=d["message"]) for d in rest),
            )
        )
    loaded = request.app[keys.SETTINGS].load()
    if loaded.problem:
        top.append(flash("warning", t("settings.problem", problem=loaded.problem)))
    from guard import managed

    managed_problem = managed.problem(request.app[keys.SETTINGS].managed_path)
    if managed_problem:  # a layer the host refused, or an unusable managed.json (as in the popup and doctor)
        top.append(flash("warning", t("managed.problem", problem=managed_problem)))
    import_block = Markup("")
    if import_errors:
        # At the top of the page, where the person looks after submitting, not
        # beside the import form at the bottom (2,500 px down).
        top.insert(0, html(
            '<div class="flash flash-error" role="alert" id="import-errors"><p>{title}</p><ul>{items}</ul></div>',
            title=t("settings.import.failed"),
            items=join(html("<li><code>{p}</code>: {m}</li>", p=d["path"], m=d["message"]) for d in import_errors),
        ))
    body = html(
        """
<div class="page-head">
  <h1>{title}</h1>
  <p class="lead">{intro}</p>
</div>
{top}
<form method="post" action="/settings" class="settings-form" novalidate>
{form}
<div class="sticky-actions"><button type="submit" class="btn btn-primary">{save}</button></div>
</form>
<section class="card" id="import-export">
  <h2>{ie_title}</h2>
  {import_block}
  <form method="post" action="/settings/import" enctype="multipart/form-data" class="import-form">
    <label for="import-file">{import_label}</label>
    <input type="file" id="import-file" name="file" accept="application/json,.json">
    <button type="submit" class="btn">{import_button}</button>
  </form>
  <p><a class="btn btn-quiet" href="/settings/export.json" download>{export}</a></p>
</section>
""",
        title=t("settings.title"),
        intro=t("settings.intro"),
        top=join(top),
        form=form,
        save=t("settings.save"),
        ie_title=t("settings.import_export"),
        import_block=import_block,
        import_label=t("settings.import"),
        import_button=t("settings.import.button"),
        export=t("settings.export"),
    )
    return page(request, title=t("settings.title"), body=body, active="settings", status=status)


# --------------------------------------------------------------------------
# Handlers
# --------------------------------------------------------------------------


async def settings_page(request: web.Request) -> web.Response:
    t = tr(request)
    settings = request.app[keys.SETTINGS].settings
    notice = None
    if request.query.get("saved") == "1":
        notice = flash("ok", t("settings.saved"))
    elif request.query.get("imported") == "1":
        notice = flash("ok", t("settings.imported"))
    return render_page(request, settings.model_dump(mode="json"), notice=notice)


async def settings_post(request: web.Request) -> web.StreamResponse:
    store = request.app[keys.SETTINGS]
    form = await request.post()
    data = form_to_data(form, store.settings)
    data = _own_values_at_locks(data, store.settings, managed_layer(request))  # disabled fields are not posted
    settings, errors = check_errors(data)
    if settings is None:
        return render_page(request, data, localized(tr(request), errors), status=422)
    settings, refused = refuse_locked(request, settings)
    if settings is None:
        return render_page(request, data, refused, status=422)
    try:
        store.save(settings)
    except OSError as err:
        return _cannot_save(request, data, store, err)
    raise web.HTTPSeeOther("/settings?saved=1")


def _cannot_save(request: web.Request, data: dict[str, Any], store: Any, err: OSError) -> web.Response:
    """A read-only or full disk: say so at the top, keep what was typed, 503."""
    return render_page(request, data, notice=flash("error", settings_store.cannot_save_message(store.path, err)),
                       status=503)


async def settings_import(request: web.Request) -> web.StreamResponse:
    t = tr(request)
    store = request.app[keys.SETTINGS]
    raw = b""
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        async for part in reader:
            if getattr(part, "name", None) != "file":
                continue
            chunks, size = [], 0
            while chunk := await part.read_chunk():
                size += len(chunk)
                if size > MAX_IMPORT_BYTES:
                    errors = [{"path": "(root)", "message": t("settings.import.too_large", mib=MAX_IMPORT_BYTES // (1024 * 1024))}]
                    return render_page(request, store.settings.model_dump(mode="json"), import_errors=errors, status=422)
                chunks.append(chunk)
            raw = b"".join(chunks)
    if not raw:
        errors = [{"path": "(root)", "message": t("settings.import.no_file")}]
        return render_page(request, store.settings.model_dump(mode="json"), import_errors=errors, status=422)
    settings, errors = check_text_errors(raw)
    if settings is None:
        return render_page(request, store.settings.model_dump(mode="json"), import_errors=localized(t, errors), status=422)
    settings, refused = refuse_locked(request, settings)
    if settings is None:
        return render_page(request, store.settings.model_dump(mode="json"), import_errors=refused, status=422)
    try:
        store.save(settings)
    except OSError as err:
        return _cannot_save(request, store.settings.model_dump(mode="json"), store, err)
    raise web.HTTPSeeOther("/settings?imported=1")


async def settings_export(request: web.Request) -> web.Response:
    settings = request.app[keys.SETTINGS].settings
    text = json.dumps(settings.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    return web.Response(
        text=text,
        content_type="application/json",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="linkedin-guard-settings.json"'},
    )


# --------------------------------------------------------------------------
# The organisation's locks (guard.managed): shown, disabled and enforced
# --------------------------------------------------------------------------

ORGANISATION = {"en": "set by your organisation", "nl": "ingesteld door je organisatie"}


def managed_layer(request: web.Request):
    """The managed layer kept next to the settings file (no policy when there is none)."""
    from guard import managed

    layer, _problem = managed.load(managed.path_for(request.app[keys.SETTINGS].path))
    return layer


def refuse_locked(request: web.Request, settings: Settings) -> tuple[Settings | None, list[dict[str, str]]]:
    """``(settings to save, [])`` or ``(None, one detail per locked path)`` — as the host's ``set_settings``."""
    from guard import managed

    layer = managed_layer(request)
    current = request.app[keys.SETTINGS].settings
    refused = managed.locked_changes(settings, current, layer)
    if refused:
        return None, refused
    return managed.keep_own_values(settings, current, layer), []


def _show_locks(data: dict[str, Any], layer) -> dict[str, Any]:
    """The form shows the locked value, the one in force."""
    from guard import managed

    if not layer.locked:
        return data
    data = json.loads(json.dumps(data))
    for path, value in managed.flatten(layer.locked).items():
        managed._set(data, path, value)
    return data


def _own_values_at_locks(data: dict[str, Any], current: Settings, layer) -> dict[str, Any]:
    from guard import managed

    own = current.model_dump(mode="json")
    for path in managed.flatten(layer.locked):
        value = managed.value_at(own, path)
        if value is not managed._MISSING:
            managed._set(data, path, value)
    return data


def _disable_locked(form: Markup, layer, t: Translator) -> Markup:
    """Each control of a locked path disabled, with the reason as its title (the names are the paths)."""
    from guard import managed

    text = str(form)
    reason = ORGANISATION.get(t.lang, ORGANISATION["en"])
    for path in managed.flatten(layer.locked):
        name = re.escape(managed.dotted(path))
        text = re.sub(r'<(input|select|textarea)\b((?:(?!>)[^"]|"[^"]*")*?) name="' + name + r'"',
                      lambda m: f'<{m.group(1)}{m.group(2)} disabled title="{reason}" data-locked="1" name="{managed.dotted(path)}"', text)
    return Markup(text)


def locked_notice(layer, t: Translator) -> Markup:
    reason = ORGANISATION.get(t.lang, ORGANISATION["en"])
    return html('<div class="flash flash-info" role="note" data-locked-notice><p>{title}</p><ul>{items}</ul></div>',
                title=reason[:1].upper() + reason[1:] + ":",
                items=join(html("<li><code>{p}</code></li>", p=p) for p in layer.locked_paths()))
