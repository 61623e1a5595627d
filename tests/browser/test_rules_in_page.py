"""For every rule: a LinkedIn-like page in real Chromium and Firefox ESR, the
warning shown in the page next to what it is about, and the entry in the
warning log.

Settings for all scenarios: ``conftest.SCENARIO_SETTINGS`` (employer Acme
Data B.V. with official title "Data Engineer" and a social-media clause;
former employer Globex with a cleanup clause and client Initech; client Mark
Visser at Initech; bulk threshold 3 profiles).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import pytest

from guard.rules import all_rules

pytestmark = pytest.mark.browser


@dataclass
class Scenario:
    rule: str
    title: str
    pages: dict[str, str]
    start: str
    surface: str  # prefix of the surface key the warning sits on
    kind: str  # the log entry's kind
    act: Callable | None = None
    mode: str | None = None  # expected mode, when it matters
    lang: str = ""  # the warning's language; default: the start fixture's UI language
    extra_rules_ok: bool = True
    notes: list[str] = field(default_factory=list)


def type_into(selector: str, text: str):
    def act(g):
        box = g.page.locator(selector).first
        box.click()
        g.page.keyboard.type(text, delay=5)

    return act


def visit_profiles(paths: list[str]):
    def act(g):
        for p in paths:
            g.wait_evaluated()
            g.page.goto("https://www.linkedin.com" + p)

    return act


SCENARIOS = [
    Scenario("LG101", "own profile shows #OpenToWork to everyone while employed (Ember, en)",
             {"/in/sanne-de-vries/": "ember-en/profile-own.html"}, "/in/sanne-de-vries/", "profile", "profile"),
    Scenario("LG101", "open-to-work form set to all members (Ember, en)",
             {"/in/me/opportunities/job-opportunities/edit/": "ember-en/otw-form.html"},
             "/in/me/opportunities/job-opportunities/edit/", "otw_form", "open_to_work_form", mode="confirm"),
    Scenario("LG102", "own profile open to work for recruiters only (React, nl)",
             {"/in/sanne-de-vries/": "react-nl/profile-own.html"}, "/in/sanne-de-vries/", "profile", "profile"),
    Scenario("LG102", "open-to-work form set to recruiters only (React, nl)",
             {"/in/me/opportunities/job-opportunities/edit/": "react-nl/otw-form.html"},
             "/in/me/opportunities/job-opportunities/edit/", "otw_form", "open_to_work_form"),
    Scenario("LG401", "own profile: current title differs from the official one (React, nl)",
             {"/in/sanne-de-vries/": "react-nl/profile-own.html"}, "/in/sanne-de-vries/", "profile", "profile"),
    Scenario("LG401", "position form with another title at the employer (Ember, en)",
             {"/in/me/add-edit/POSITION/": "ember-en/position-form.html"}, "/in/me/add-edit/POSITION/",
             "position_form", "position_form", mode="confirm"),
    Scenario("LG402", "post names the employer under a social-media clause (Ember, nl)",
             {"/feed/": "ember-nl/post-composer.html"}, "/feed/", "post", "post"),
    Scenario("LG402", "typing the employer's name into a new post (Ember, en)",
             {"/feed/": "ember-en/post-composer.html"}, "/feed/", "post", "post",
             act=type_into("[contenteditable='true']", "Proud of the team at Acme Data for shipping the new platform!")),
    Scenario("LG301", "post with a photo tagging a client (React, nl)",
             {"/feed/": "react-nl/post-composer.html"}, "/feed/", "post", "post", mode="confirm"),
    Scenario("LG501", "connected to clients of a former employer with a cleanup clause (Ember, en)",
             {"/mynetwork/invite-connect/connections/": "ember-en/connections.html"},
             "/mynetwork/invite-connect/connections/", "connections", "connections"),
    Scenario("LG501", "connections list in Dutch (React, nl)",
             {"/mynetwork/invite-connect/connections/": "react-nl/connections.html"},
             "/mynetwork/invite-connect/connections/", "connections", "connections"),
    Scenario("LG601", "four different profiles within the window, threshold 3 (Ember, nl)",
             {"/in/mark-visser/": "ember-nl/profile-other.html", "/in/anna-1/": "ember-nl/profile-other.html",
              "/in/anna-2/": "ember-nl/profile-other.html", "/in/eve-bakker/": "react-en/profile-other.html"},
             "/in/mark-visser/", "profile", "profile",
             act=visit_profiles(["/in/anna-1/", "/in/anna-2/", "/in/eve-bakker/"]), lang="en"),
    Scenario("LG201", "a sales pitch to someone who never asked (Ember overlay bubble, nl)",
             {"/feed/": "ember-nl/overlay-bubble.html"}, "/feed/", "message", "message",
             act=type_into(".msg-form [contenteditable='true']",
                           "Hoi Pieter, wij bieden een nieuw schoonmaakcontract met 20% korting. Zullen we een offerte inplannen?")),
    Scenario("LG202", "a first sales InMail without an opt-out notice (Ember, en)",
             {"/messaging/compose/": "ember-en/inmail.html"}, "/messaging/compose/", "message", "message",
             act=type_into(".msg-form [contenteditable='true']",
                           "Hi Linda, we help CFOs cut cloud costs by 30%. Our offer ends Friday - can I book a demo call next week?")),
    Scenario("LG201", "a sales pitch in an invitation note (Ember, en)",
             {"/preload/custom-invite/": "ember-en/invitation.html"}, "/preload/custom-invite/?vanityName=linda-de-boer",
             "invitation", "message",
             act=type_into("textarea", "Hi Linda, our platform cuts cloud costs by 30%. Special offer this month - shall I send a quote?")),
]

CATALOGUE = {cls.id for cls in all_rules()}


def test_every_rule_in_the_catalogue_has_a_page_scenario():
    covered = {s.rule for s in SCENARIOS}
    missing = sorted(CATALOGUE - covered)
    assert not missing, f"rules without a browser scenario: {missing}"


@pytest.mark.parametrize("sc", SCENARIOS, ids=[f"{s.rule}-{i}" for i, s in enumerate(SCENARIOS)])
def test_rule_warning_in_page_and_in_log(guard, sc: Scenario):
    assert sc.rule in CATALOGUE, f"{sc.rule} has a scenario but is not in the rule catalogue"
    g = guard
    for path, fixture in sc.pages.items():
        g.site.add(path, fixture)
    g.page.goto("https://www.linkedin.com" + sc.start)
    if sc.act:
        sc.act(g)
    ui = g.ui()
    marker = g.wait_warning(sc.rule)  # visible: one marker per warning while the cards are collapsed
    warning_id = ui.attr(marker, "data-guard-warning")
    # On the expected surface (the background's record of this tab) ...
    surfaces = g.background(
        """(id) => { for (const t of globalThis.linkedinGuard.tabState.tabs.values())
               for (const [key, s] of Object.entries(t.surfaces)) if ((s || []).some((w) => w.id === id)) return key;
             return null; }""", warning_id)
    assert surfaces and surfaces.startswith(sc.surface), surfaces
    # ... and next to what it is about, in the page's content, not floating on <body>.
    parent = ui.call(marker, "function () { const h = this.getRootNode().host; return h.parentElement.tagName; }")
    assert parent not in ("BODY", "HTML"), parent
    g.open_cards()
    card = ui.wait_for(f'[data-guard-card~="{warning_id}"]', timeout=5)
    assert ui.text(ui.query(f'[data-guard-card~="{warning_id}"] .title')).strip()
    assert ui.text(ui.query(f'[data-guard-card~="{warning_id}"] .why')).strip()
    # LinkedIn's UI language picks the warning's language (settings: auto), buttons included.
    lang = sc.lang or ("nl" if "-nl/" in sc.pages.get(sc.start.split("?")[0], "") else "en")
    assert ui.attr(card, "lang") == lang
    dismiss = ui.query(f'[data-guard-card~="{warning_id}"] [data-guard-action="dismiss"]')
    deadline = time.monotonic() + 3
    while ui.text(dismiss) != ("Negeren" if lang == "nl" else "Dismiss") and time.monotonic() < deadline:
        time.sleep(0.05)
        dismiss = ui.query(f'[data-guard-card~="{warning_id}"] [data-guard-action="dismiss"]')
    assert ui.text(dismiss) == ("Negeren" if lang == "nl" else "Dismiss")
    if sc.mode:
        assert ui.attr(card, "data-guard-mode") == sc.mode
    entry = g.wait_log(sc.rule, lambda e: e["kind"] == sc.kind)
    assert entry["url"].startswith("https://www.linkedin.com/")
    assert entry["page_session"]
    assert entry["decision"] is None
