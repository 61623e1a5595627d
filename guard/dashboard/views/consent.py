"""The consent register page: who asked for your offer (issue 9, point 5).

Listed, editable (remove an entry, edit its note) and exportable (CSV,
JSON). Everything shown is escaped (names come from LinkedIn pages that
strangers wrote). The POST endpoints sit behind the dashboard's own
protections like every other form (session cookie, same-Origin check in
``guard.dashboard.security``); removing asks first, as deleting log entries does.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from aiohttp import web

from guard.consent import ConsentError, ConsentRegister
from guard.dashboard import keys
from guard.dashboard.layout import local_time, page, tr
from guard.dashboard.markup import Markup, html, join, tag, void


def register_for(log_path: Path | None) -> ConsentRegister:
    """The register next to the log the dashboard shows (the host writes it there too)."""
    return ConsentRegister(Path(log_path).with_name("consent.sqlite3") if log_path is not None else None)


def setup_routes(r: web.UrlDispatcher) -> None:
    r.add_get("/consent", consent_page)
    r.add_post("/consent/remove", remove_entry)
    r.add_post("/consent/note", save_note)
    r.add_get("/consent/export.csv", export_csv)
    r.add_get("/consent/export.json", export_json)


async def _call(request: web.Request, method: str, *args):
    # SQLite is blocking: off the event loop (the register serialises its own calls).
    return await asyncio.to_thread(getattr(request.app[keys.CONSENT], method), *args)


def _flash(request: web.Request) -> Markup:
    t = tr(request)
    q = request.query
    if q.get("removed"):
        return tag("p", t("consent.removed"), class_="flash flash-ok", role="status")
    if q.get("saved"):
        return tag("p", t("consent.saved"), class_="flash flash-ok", role="status")
    return Markup("")


def _row(request: web.Request, e: dict) -> Markup:
    t = tr(request)
    return html(
        """<tr id="consent-{id}">
  <td>{name}</td>
  <td class="mono">{profile}</td>
  <td><time datetime="{created}">{since}</time></td>
  <td><form method="post" action="/consent/note" class="inline-form">
    <input type="hidden" name="id" value="{id}">
    <input type="text" id="note-{id}" name="note" value="{note}" maxlength="2000" aria-label="{note_label}">
    <button type="submit" class="btn">{save}</button>
  </form></td>
  <td><form method="post" action="/consent/remove">
    <input type="hidden" name="id" value="{id}">
    <button type="submit" class="btn btn-danger" aria-label="{remove_label}">{remove}</button>
  </form></td>
</tr>""",
        id=e["id"],
        name=e["name"],
        profile=e["profile_key"] or "—",
        created=e["created_at"],
        since=local_time(e["created_at"]),
        note_label=t("consent.note.label", name=e["name"]),
        note=e["note"] or "",
        save=t("consent.note.save"),
        remove_label=t("consent.remove.label", name=e["name"]),
        remove=t("consent.remove"),
    )


async def consent_page(request: web.Request) -> web.Response:
    t = tr(request)
    entries = await _call(request, "entries")
    if entries:
        listing = html(
            """<div class="card"><table class="consent">
<thead><tr><th scope="col">{who}</th><th scope="col">{profile}</th><th scope="col">{since}</th>
<th scope="col">{note}</th><th scope="col">{actions}</th></tr></thead>
<tbody>{rows}</tbody></table></div>""",
            who=t("consent.col.who"),
            profile=t("consent.col.profile"),
            since=t("consent.col.since"),
            note=t("consent.col.note"),
            actions=t("consent.col.actions"),
            rows=join(_row(request, e) for e in entries),
        )
    else:
        listing = tag("p", t("consent.empty"), class_="muted empty")
    body = html(
        """<div class="page-head"><h1>{title}</h1><p class="lead">{intro}</p></div>
{flash}
<p class="actions">{export}: <a href="/consent/export.csv" download>CSV</a> · <a href="/consent/export.json" download>JSON</a></p>
{listing}""",
        title=t("consent.title"),
        intro=t("consent.intro"),
        flash=_flash(request),
        export=t("consent.export"),
        listing=listing,
    )
    return page(request, title=t("consent.title"), body=body, active="consent")


def _entry_id(form) -> int:
    try:
        return int(form.get("id", ""))
    except ValueError:
        raise web.HTTPBadRequest(text="id: expected a whole number\n") from None


async def remove_entry(request: web.Request) -> web.StreamResponse:
    t = tr(request)
    form = await request.post()
    entry_id = _entry_id(form)
    entry = await _call(request, "entry", entry_id)
    if entry is None:
        raise web.HTTPNotFound()
    if form.get("confirmed") != "1":
        body = html(
            """<div class="page-head"><h1>{title}</h1></div>
<section class="card confirm-card"><p>{text}</p>
<form method="post" action="/consent/remove" class="actions">
  {hidden}<input type="hidden" name="confirmed" value="1">
  <button type="submit" class="btn btn-danger">{yes}</button>
  <a class="btn btn-quiet" href="/consent">{cancel}</a>
</form></section>""",
            title=t("confirm.title"),
            text=t("consent.confirm.remove", name=entry["name"]),
            hidden=void("input", type="hidden", name="id", value=str(entry_id)),
            yes=t("consent.remove"),
            cancel=t("confirm.cancel"),
        )
        return page(request, title=t("confirm.title"), body=body, active="consent")
    await _call(request, "remove", entry_id)
    raise web.HTTPSeeOther("/consent?removed=1")


async def save_note(request: web.Request) -> web.StreamResponse:
    t = tr(request)
    form = await request.post()
    entry_id = _entry_id(form)
    note = form.get("note", "")
    if not isinstance(note, str):
        raise web.HTTPBadRequest(text="note: expected text\n")
    try:
        changed = await _call(request, "set_note", entry_id, note)
    except ConsentError as err:
        body = html('<div class="page-head"><h1>{title}</h1></div><p class="error" role="alert">{msg}</p>'
                    '<p><a href="/consent">{back}</a></p>',
                    title=t("consent.title"), msg=t("consent.bad_note", problem=str(err)), back=t("entry.back"))
        return page(request, title=t("consent.title"), body=body, active="consent", status=422)
    if not changed:
        raise web.HTTPNotFound()
    raise web.HTTPSeeOther(f"/consent?saved=1#consent-{entry_id}")


async def export_csv(request: web.Request) -> web.Response:
    data = await _call(request, "export_csv")
    return web.Response(body=("\ufeff" + data).encode("utf-8"), headers={
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="linkedin-guard-consent.csv"',
    })


async def export_json(request: web.Request) -> web.Response:
    data = await _call(request, "export_json")
    return web.Response(body=data.encode("utf-8"), headers={
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="linkedin-guard-consent.json"',
    })
