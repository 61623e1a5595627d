"""Settings: every field on the page, errors next to the field, all-or-nothing saves like set_settings."""

from __future__ import annotations

import html
import json
import typing

import aiohttp
import pytest
from pydantic import BaseModel

from guard import paths, settings_store
from guard.models import Settings
from guard.rules import all_rules
from tests.dashboard.conftest import same_origin
from tests.dashboard.test_security import parse_tags

FULL = {
    "language": "nl",
    "employer": {"name": "Acme Data B.V.", "official_title": "Data Engineer", "title_aliases": ["Engineer", "Developer"],
                 "social_media_policy": True},
    "former_employers": [{"name": "Bakker Logistics", "cleanup_clause": True, "clients": ["Jansen BV", "De Vries NV"]}],
    "clients": [{"name": "Jan de Vries", "company": "De Vries NV", "profile_url": "https://www.linkedin.com/in/jdv/"},
                {"name": "Petra", "company": None, "profile_url": None}],
    "rules": {all_rules()[0].id: {"enabled": False, "mode": None}, all_rules()[1].id: {"enabled": True, "mode": "confirm"}},
    "log": {"retention_days": 90, "store_excerpts": False},
    "fail_mode": "closed",
    "bulk": {"profiles": 25, "minutes": 5},
}


def model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every leaf field of the settings, as the form names it (lists as [0], rules per id)."""
    out: set[str] = set()
    for name, field in model.model_fields.items():
        if name == "version":
            continue
        path = f"{prefix}{name}"
        annotation = field.annotation
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        origin = typing.get_origin(annotation)
        inner = args[0] if args else annotation
        if typing.get_origin(inner) is typing.Annotated:
            inner = typing.get_args(inner)[0]
        if origin is dict:
            value_type = typing.get_args(annotation)[1]
            for rule in all_rules():
                out |= model_paths(value_type, f"{path}.{rule.id}.")
        elif origin is list or typing.get_origin(inner) is list:
            item = typing.get_args(inner if typing.get_origin(inner) is list else annotation)[0]
            if typing.get_origin(item) is typing.Annotated:
                item = typing.get_args(item)[0]
            if isinstance(item, type) and issubclass(item, BaseModel):
                out |= model_paths(item, f"{path}[0].")
            else:
                out.add(path)  # a list of strings: one textarea
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            out |= model_paths(inner, f"{path}.")
        else:
            out.add(path)
    return out


def form_names(text: str) -> set[str]:
    return {a["name"] for t, a in parse_tags(text) if t in ("input", "select", "textarea") and a.get("name")}


async def test_every_settings_field_is_on_the_page(client):
    settings_store.save(Settings.model_validate(FULL))
    names = form_names(await (await client.get("/settings")).text())
    expected = model_paths(Settings)
    assert len(expected) > 20
    assert expected - names == set()


def form_from(data: dict) -> list[tuple[str, str]]:
    """What a browser posts for ``data`` (checked boxes only)."""
    f: list[tuple[str, str]] = [("language", data["language"]), ("fail_mode", data["fail_mode"])]
    emp = data.get("employer") or {}
    f += [("employer.name", emp.get("name") or ""), ("employer.official_title", emp.get("official_title") or ""),
          ("employer.title_aliases", "\n".join(emp.get("title_aliases", [])))]
    if emp.get("social_media_policy"):
        f.append(("employer.social_media_policy", "on"))
    for i, fe in enumerate(data.get("former_employers", [])):
        f += [(f"former_employers[{i}].name", fe["name"]), (f"former_employers[{i}].clients", "\r\n".join(fe["clients"]))]
        if fe.get("cleanup_clause"):
            f.append((f"former_employers[{i}].cleanup_clause", "on"))
    for i, c in enumerate(data.get("clients", [])):
        f += [(f"clients[{i}].name", c["name"]), (f"clients[{i}].company", c.get("company") or ""),
              (f"clients[{i}].profile_url", c.get("profile_url") or "")]
    for rule in all_rules():
        r = data.get("rules", {}).get(rule.id, {})
        f.append((f"rules.{rule.id}.present", "1"))
        if r.get("enabled", True):
            f.append((f"rules.{rule.id}.enabled", "on"))
        f.append((f"rules.{rule.id}.mode", r.get("mode") or ""))
    f += [("log.retention_days", str(data["log"]["retention_days"])), ("bulk.profiles", str(data["bulk"]["profiles"])),
          ("bulk.minutes", str(data["bulk"]["minutes"]))]
    if data["log"]["store_excerpts"]:
        f.append(("log.store_excerpts", "on"))
    return f


async def test_saving_the_form_round_trips_every_field(client):
    resp = await client.post("/settings", data=form_from(FULL), headers=same_origin(client), allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/settings?saved=1"
    saved = settings_store.load().settings
    assert saved == Settings.model_validate(FULL)
    # And the page shows it back.
    text = await (await client.get("/settings?saved=1")).text()
    assert "Instellingen opgeslagen." in text  # language nl took effect at once
    assert 'value="Acme Data B.V."' in text and "Jansen BV\nDe Vries NV" in text


async def test_blank_rows_are_dropped_and_rows_renumbered(client):
    form = form_from({**FULL, "former_employers": [], "clients": []})
    form += [("clients[0].name", ""), ("clients[0].company", ""), ("clients[0].profile_url", ""),
             ("clients[3].name", "Later"), ("clients[3].company", ""), ("clients[3].profile_url", "")]
    resp = await client.post("/settings", data=form, headers=same_origin(client), allow_redirects=False)
    assert resp.status == 303
    assert [c.name for c in settings_store.load().settings.clients] == ["Later"]


@pytest.mark.parametrize(
    "change,path,words",
    [
        ({"log.retention_days": "0"}, "log.retention_days", "greater than or equal to 1"),
        ({"log.retention_days": "lots"}, "log.retention_days", "valid integer"),
        ({"bulk.minutes": ""}, "bulk.minutes", "valid integer"),
        ({"bulk.profiles": "1"}, "bulk.profiles", "greater than or equal to 2"),
        ({"language": "fr"}, "language", "'auto', 'nl' or 'en'"),
        ({"fail_mode": "sometimes"}, "fail_mode", "'open' or 'closed'"),
        ({"employer.name": "", "employer.official_title": "Boss"}, "employer.name", "at least 1 character"),
        ({"clients[0].name": ""}, "clients[0].name", "at least 1 character"),  # a row with only a company
    ],
)
async def test_invalid_form_shows_the_error_next_to_the_field_and_saves_nothing(client, change, path, words):
    # In English: the Dutch page says these in Dutch (the test below).
    english = {**FULL, "language": "en"}
    settings_store.save(Settings.model_validate(english))
    before = paths.settings_path().read_bytes()
    form = [(k, change.get(k, v)) for k, v in form_from(english)]
    resp = await client.post("/settings", data=form, headers=same_origin(client))
    assert resp.status == 422
    text = await resp.text()
    assert paths.settings_path().read_bytes() == before
    from guard.dashboard.views.settings import field_id

    fid = field_id(path)
    error = f'id="{fid}-error"'
    assert error in text
    after_field = text[text.index(f'id="{fid}"'):]
    assert after_field.index(error) < 600  # right after the field, not somewhere else
    snippet = html.unescape(after_field[after_field.index(error):][:300])
    assert words in snippet
    tags = {a.get("id"): a for t, a in parse_tags(text)}
    assert tags[fid].get("aria-invalid") == "true"
    assert tags[fid].get("aria-describedby") == f"{fid}-error"
    # The person's input is kept, so they can correct it.
    for k, v in change.items():
        if v and k != "language" and k != "fail_mode":
            assert f'value="{v}"' in text


@pytest.mark.parametrize(
    "change,path,words",
    [
        ({"log.retention_days": "0"}, "log.retention_days", "Moet minstens 1 zijn"),
        ({"log.retention_days": "5000"}, "log.retention_days", "Mag hoogstens 3650 zijn"),
        ({"log.retention_days": "lots"}, "log.retention_days", "Vul een geheel getal in"),
        ({"bulk.profiles": "1"}, "bulk.profiles", "Moet minstens 2 zijn"),
        ({"language": "fr"}, "language", "Kies 'auto', 'nl' of 'en'"),
        ({"clients[0].name": ""}, "clients[0].name", "Mag niet leeg zijn"),
    ],
)
async def test_dutch_form_shows_dutch_validation_messages_next_to_the_field(client, change, path, words):
    settings_store.save(Settings.model_validate(FULL))  # FULL is in Dutch
    before = paths.settings_path().read_bytes()
    form = [(k, change.get(k, v)) for k, v in form_from(FULL)]
    resp = await client.post("/settings", data=form, headers=same_origin(client))
    assert resp.status == 422
    text = await resp.text()
    assert paths.settings_path().read_bytes() == before
    from guard.dashboard.views.settings import field_id

    error = f'id="{field_id(path)}-error"'
    after_field = text[text.index(f'id="{field_id(path)}"'):]
    assert after_field.index(error) < 600
    snippet = html.unescape(after_field[after_field.index(error):][:300])
    assert words in snippet
    assert "Input should" not in text and "String should" not in text
    assert "verbeter de velden" in text


async def test_dutch_import_errors_are_dutch_and_the_api_stays_english(client):
    settings_store.save(Settings.model_validate(FULL))
    bad = {"log": {"retention_day": 3, "retention_days": 0}, "rules": {"LG999": {"enabled": False}}}
    data = aiohttp.FormData()
    data.add_field("file", json.dumps(bad).encode(), filename="bad.json", content_type="application/json")
    text = html.unescape(await (await client.post("/settings/import", data=data, headers=same_origin(client))).text())
    assert "<code>log.retention_day</code>: Onbekend veld (bedoelde u 'retention_days'?)" in text
    assert "<code>log.retention_days</code>: Moet minstens 1 zijn" in text
    assert "<code>rules</code>: Onbekende regel LG999 (bekend: LG101" in text
    # The JSON API answers like the host, in English, whatever the page language.
    resp = await client.put("/api/settings", json=bad, headers=same_origin(client))
    details = (await resp.json())["error"]["details"]
    assert {"path": "log.retention_days", "message": "Input should be greater than or equal to 1"} in details
    assert {"path": "log.retention_day", "message": "unknown field (did you mean 'retention_days'?)"} in details


def test_every_dutch_validation_text_fills_from_its_context():
    from guard.dashboard.i18n import validation_message
    from guard.models import validation_errors
    from pydantic import ValidationError

    bad = {"language": "fr", "x": 1, "employer": {"name": "a" * 301, "official_title": ""},
           "former_employers": [{"name": "n"}] * 101, "clients": "x", "rules": {"LG999": {}},
           "log": {"retention_days": 1.5, "store_excerpts": "maybe"}, "bulk": {"profiles": 0, "minutes": 99999}}
    with pytest.raises(ValidationError) as info:
        Settings.model_validate(bad)
    errors = validation_errors(info.value)
    assert len(errors) >= 10
    for e in errors:
        dutch = validation_message("nl", e)
        assert dutch != e["message"] and "{" not in dutch, e
        assert validation_message("en", e) == e["message"]


async def test_import_and_export(client):
    data = aiohttp.FormData()
    data.add_field("file", json.dumps(FULL).encode(), filename="mine.json", content_type="application/json")
    resp = await client.post("/settings/import", data=data, headers=same_origin(client), allow_redirects=False)
    assert resp.status == 303
    assert settings_store.load().settings == Settings.model_validate(FULL)
    resp = await client.get("/settings/export.json")
    assert "attachment" in resp.headers["Content-Disposition"]
    assert Settings.model_validate(json.loads(await resp.read())) == Settings.model_validate(FULL)


@pytest.mark.parametrize(
    "content,path",
    [
        (b"{not json", "(root)"),
        (b"[1, 2]", "(root)"),
        (json.dumps({"log": {"retention_day": 3}}).encode(), "log.retention_day"),
        (json.dumps({"rules": {"LG999": {"enabled": False}}}).encode(), "rules"),
    ],
)
async def test_import_of_invalid_file_changes_nothing_and_names_the_field(client, content, path):
    settings_store.save(Settings.model_validate(FULL))
    before = paths.settings_path().read_bytes()
    data = aiohttp.FormData()
    data.add_field("file", content, filename="bad.json", content_type="application/json")
    resp = await client.post("/settings/import", data=data, headers=same_origin(client))
    assert resp.status == 422
    text = await resp.text()
    assert f"<code>{path}</code>" in text
    assert paths.settings_path().read_bytes() == before


async def test_import_without_a_file(client):
    resp = await client.post("/settings/import", data=aiohttp.FormData({"x": "1"}), headers=same_origin(client))
    assert resp.status == 422


# --------------------------------------------------------------------------
# JSON API: validated exactly like the host's set_settings
# --------------------------------------------------------------------------


async def test_put_settings_saves_and_get_returns_them(client):
    resp = await client.put("/api/settings", json=FULL, headers=same_origin(client))
    assert resp.status == 200
    assert Settings.model_validate((await resp.json())["settings"]) == Settings.model_validate(FULL)
    got = await (await client.get("/api/settings")).json()
    assert Settings.model_validate(got["settings"]) == Settings.model_validate(FULL)


def host_set_settings(data) -> dict:
    from native_host.dispatch import Session

    session = Session(settings_path=paths.settings_path(), log_path=paths.log_db_path())
    try:
        reply = session.handle(json.dumps({"id": "r-1", "type": "set_settings", "settings": data}).encode())[0]
    finally:
        session.close()
    return reply


INVALID = [
    {"log": {"retention_days": 0}},
    {"language": "fr", "bulk": {"profiles": 1, "minutes": 0}},
    {"clients": [{"name": ""}, {"company": "x"}]},
    {"rules": {"LG999": {"enabled": True}}},
    {"employer": {"name": "A", "extra": 1}},
    [1, 2, 3],
    "settings",
]


@pytest.mark.parametrize("bad", INVALID)
async def test_put_invalid_settings_is_422_with_the_same_details_as_set_settings(client, bad):
    settings_store.save(Settings.model_validate(FULL))
    before = paths.settings_path().read_bytes()
    resp = await client.put("/api/settings", json=bad, headers=same_origin(client))
    assert resp.status == 422
    error = (await resp.json())["error"]
    assert error["code"] == "invalid_settings"
    assert paths.settings_path().read_bytes() == before  # nothing applied
    host = host_set_settings(bad)
    assert host["ok"] is False and host["error"]["code"] == "invalid_settings"
    assert error["details"] == host["error"]["details"]
    assert all(set(d) == {"path", "message"} for d in error["details"])


async def test_put_settings_that_is_not_json(client):
    resp = await client.put("/api/settings", data=b"{nope", headers={**same_origin(client), "Content-Type": "application/json"})
    assert resp.status == 422
    assert (await resp.json())["error"]["details"][0]["path"] == "(root)"


async def test_a_running_host_follows_a_setting_saved_in_the_dashboard(client):
    """The extension asks its host; the host rereads the file when it changed."""
    from native_host.dispatch import Session

    session = Session(settings_path=paths.settings_path(), log_path=paths.log_db_path())
    try:
        first = session.handle(b'{"id": 1, "type": "get_settings"}')[0]
        assert first["result"]["settings"]["fail_mode"] == "open"
        resp = await client.put("/api/settings", json={"fail_mode": "closed"}, headers=same_origin(client))
        assert resp.status == 200
        replies = session.handle(b'{"id": 2, "type": "get_settings"}')
        assert replies[0]["result"]["settings"]["fail_mode"] == "closed"
        # and the extension is told (settings_changed push)
        assert any(m.get("event") == "settings_changed" for m in replies[1:])
    finally:
        session.close()


async def test_import_errors_are_at_the_top_of_the_page_with_a_suggestion(client):
    data = aiohttp.FormData()
    data.add_field("file", json.dumps({"fail_mod": "closed"}).encode(), filename="typo.json",
                   content_type="application/json")
    resp = await client.post("/settings/import", data=data, headers={**same_origin(client), "Accept-Language": "en"})
    text = html.unescape(await resp.text())
    assert resp.status == 422
    assert "<code>fail_mod</code>: unknown field (did you mean 'fail_mode'?)" in text
    # Above the settings form, not beside the import form at the bottom.
    assert text.index("did you mean") < text.index('<form method="post" action="/settings"')


async def test_log_filter_rule_ids_are_case_insensitive(client, seed):
    seed.add("LG402")
    resp = await client.get("/api/log?rule=lg402")
    assert resp.status == 200 and (await resp.json())["total"] == 1
    bad = await client.get("/api/log?rule=lg999")
    assert bad.status == 400 and "known: LG101" in (await bad.json())["error"]["message"]
