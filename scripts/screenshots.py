#!/usr/bin/env python3
"""Screenshots of the guard's page UI for docs/ (issue 10), made with the real
extension and the real host in headless Chromium on the LinkedIn-like fixture
pages (never linkedin.com).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--only NAME]

For English and Dutch, at 400 px and 1280 px wide: the chip, an open card, the
merged message card (LG201 + LG202), and the confirm dialog for each action
(send, post, save, send invitation) plus the "could not check" variant. The
fixture pages are bare HTML; a small stylesheet gives them LinkedIn's page
colours so the pictures read like the product in its place. The guard's own
UI is not touched.
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import SCENARIO_SETTINGS, Site, launch  # noqa: E402

PAGE_CSS = """
html { background: #f4f2ee; }
body { font: 14px/1.45 -apple-system, system-ui, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; color: #191919;
       margin: 0; padding: 64px 12px 24px; background: #f4f2ee; }
body::before { content: ""; position: fixed; top: 0; left: 0; right: 0; height: 52px; background: #fff;
               border-bottom: 1px solid #e8e8e8; z-index: 1; }
body::after { content: "in"; position: fixed; top: 10px; left: 16px; width: 32px; height: 32px; border-radius: 4px;
              background: #0a66c2; color: #fff; font: 700 22px/32px Arial, sans-serif; text-align: center; z-index: 2; }
main, .msg-overlay-conversation-bubble {
       max-width: 640px; margin: 0 auto 12px; background: #fff; border: 1px solid #e0dfdc; border-radius: 8px;
       padding: 16px; box-sizing: border-box; }
img { display: none; }
h1 { font-size: 22px; margin: 0 0 6px; } h2 { font-size: 18px; margin: 8px 0; } h3 { font-size: 15px; }
ul { padding-left: 0; list-style: none; } li { margin: 6px 0; }
button { font: 600 14px/1 inherit; border-radius: 16px; padding: 7px 16px; border: 1px solid #0a66c2; color: #0a66c2;
         background: #fff; cursor: pointer; }
button[data-fixture-send] { background: #0a66c2; color: #fff; }
button[disabled] { opacity: .5; }
[contenteditable="true"], textarea, input[type="text"], select { display: block; width: 100%; box-sizing: border-box;
       min-height: 44px; border: 1px solid #8c8c8c; border-radius: 8px; padding: 10px; font: inherit; background: #fff; margin: 6px 0; }
label { display: block; margin-top: 8px; font-weight: 600; }
a { color: #0a66c2; }
"""

PITCH = {
    "en": ("Hi Mark, our lead generation platform helps B2B teams book 30% more demos. "
           "Can I show you a quick 15 minute demo next week? Free trial this month."),
    "nl": ("Hoi Mark, ons platform voor leadgeneratie helpt B2B-teams 30% meer demo's te boeken. "
           "Zal ik je volgende week een korte demo van 15 minuten laten zien? Deze maand een gratis proefperiode."),
}
INMAIL = {
    "en": ("/messaging/compose/", "ember-en/inmail.html",
           "Hi Linda, we help CFOs cut cloud costs by 30%. Our offer ends Friday - can I book a demo call next week?"),
    "nl": ("/feed/", "ember-nl/overlay-bubble.html",
           "Hoi Pieter, wij bieden een nieuw schoonmaakcontract met 20% korting. Zullen we een offerte inplannen?"),
}
INVITE = {
    "en": ("/preload/custom-invite/?vanityName=linda-de-boer", "ember-en/invitation.html", "Send invitation",
           "Hi Linda, our platform cuts cloud costs by 30%. Special offer this month - shall I send a quote?"),
    "nl": ("/preload/custom-invite/?vanityName=linda-de-boer", "react-nl/invitation.html", "Verzenden",
           "Hoi Linda, ons platform verlaagt je cloudkosten met 30%. Speciale aanbieding deze maand - zal ik een offerte sturen?"),
}
THREAD = {"en": ("ember-en/messaging-thread.html", "Send"), "nl": ("react-nl/messaging-thread.html", "Verzenden")}
POST = {"en": ("ember-en/post-composer.html", "Post"), "nl": ("react-nl/post-composer.html", "Plaatsen")}
EMPLOYER_POST = "Proud of the team at Acme Data for shipping the new platform!"
FORM = {"en": ("ember-en/position-form.html", "Save"), "nl": ("react-nl/position-form.html", "Opslaan")}
PROFILE = {"en": "ember-en/profile-own.html", "nl": "react-nl/profile-own.html"}


def styled(g) -> None:
    g.page.add_style_tag(content=PAGE_CSS)


def type_in(g, selector: str, text: str) -> None:
    g.page.locator(selector).first.click()
    g.page.keyboard.insert_text(text)
    g.page.keyboard.type(" ")


def message_with_pitch(g, lang):
    fixture, _ = THREAD[lang]
    g.page.goto(g.site.add("/messaging/thread/2-abc/", fixture))
    styled(g)
    type_in(g, "[contenteditable='true']", PITCH[lang])
    g.wait_warning("LG201")


def chip(g, lang):
    message_with_pitch(g, lang)
    g.page.mouse.click(4, 790)  # focus away from the editor: the chip's resting look


def card(g, lang):
    g.page.goto(g.site.add("/in/sanne-de-vries/", PROFILE[lang]))
    styled(g)
    g.wait_warning("LG101" if lang == "en" else "LG102")
    g.open_cards()
    ui = g.ui()
    ui.click(ui.wait_for('[data-guard-action="why"]'))


def merged(g, lang):
    path, fixture, text = INMAIL[lang]
    g.page.goto(g.site.add(path, fixture))
    styled(g)
    type_in(g, ".msg-form [contenteditable='true']", text)
    g.wait_warning("LG201")
    g.wait_warning("LG202", timeout=5)
    g.open_cards()


def dialog_send(g, lang):
    message_with_pitch(g, lang)
    g.page.get_by_role("button", name=THREAD[lang][1], exact=True).click()
    g.ui().wait_for("dialog[data-guard-confirm]")


def dialog_post(g, lang):
    fixture, button = POST[lang]
    g.page.goto(g.site.add("/feed/", fixture))
    styled(g)
    if lang == "en":  # the English post names the employer (LG402, asked to confirm in these settings)
        type_in(g, "[contenteditable='true']", EMPLOYER_POST)
    g.wait_warning("LG301" if "react" in fixture else "LG402")
    g.page.get_by_role("button", name=button, exact=True).first.click()
    g.ui().wait_for("dialog[data-guard-confirm]")


def dialog_save(g, lang):
    fixture, button = FORM[lang]
    g.page.goto(g.site.add("/in/me/add-edit/POSITION/", fixture))
    styled(g)
    g.wait_warning("LG401")
    g.page.get_by_role("button", name=button, exact=True).click()
    g.ui().wait_for("dialog[data-guard-confirm]")


def dialog_invite(g, lang):
    path, fixture, button, text = INVITE[lang]
    g.page.goto(g.site.add(path, fixture))
    styled(g)
    type_in(g, "textarea", text)
    g.wait_warning("LG201")
    g.page.get_by_role("button", name=button, exact=True).click()
    g.ui().wait_for("dialog[data-guard-confirm]")


SCENES = {
    "chip": chip,
    "card": card,
    "merged-card": merged,
    "dialog-send": dialog_send,
    "dialog-post": dialog_post,
    "dialog-save": dialog_save,
    "dialog-invite": dialog_invite,
}


def offline_dialog(pw, tmp: Path, lang: str, widths: list[int], out: Path) -> None:
    """fail_mode closed and no host: the dialog says the guard could not check."""
    settings = copy.deepcopy(SCENARIO_SETTINGS)
    g = launch(pw, tmp / f"offline-{lang}", Site(), settings=settings, install=False)
    try:
        g.wait_host("not_installed")
        g.worker().evaluate("() => globalThis.linkedinGuard.setFailMode('closed')")
        fixture, button = THREAD[lang]
        for width in widths:
            g.page.set_viewport_size({"width": width, "height": 800})
            g.page.goto(g.site.add("/messaging/thread/2-abc/", fixture))
            styled(g)
            type_in(g, "[contenteditable='true']", "Hi Mark, see you on Friday!" if lang == "en" else "Hoi Mark, tot vrijdag!")
            time.sleep(0.5)
            g.page.get_by_role("button", name=button, exact=True).click()
            g.ui().wait_for("dialog[data-guard-confirm]")
            time.sleep(0.2)
            g.page.screenshot(path=str(out / f"dialog-offline-{lang}-{width}.png"))
            g.page.keyboard.press("Escape")
    finally:
        g.ctx.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--only", action="append", help="scene name (repeatable); default: all")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    widths = [400, 1280]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="guard-shots-") as tmpdir:
        tmp = Path(tmpdir)
        for lang in ("en", "nl"):
            settings = copy.deepcopy(SCENARIO_SETTINGS)
            settings["language"] = lang
            settings["rules"] = {"LG402": {"enabled": True, "mode": "confirm"}}
            g = launch(pw, tmp / lang, Site(), settings=settings)
            try:
                g.wait_host("connected")
                for name, scene in SCENES.items():
                    if args.only and name not in args.only:
                        continue
                    for width in widths:
                        g.page.set_viewport_size({"width": width, "height": 800})
                        scene(g, lang)
                        time.sleep(0.3)  # the live region and fonts settle
                        path = out / f"{name}-{lang}-{width}.png"
                        g.page.screenshot(path=str(path))
                        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
                        if g.ui().query("dialog[data-guard-confirm]") is not None:
                            g.page.keyboard.press("Escape")
            finally:
                g.ctx.close()
            if not args.only or "dialog-offline" in args.only:
                offline_dialog(pw, tmp, lang, widths, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
