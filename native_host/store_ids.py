"""The extension IDs the browser stores assign: the ONE place they are listed.

An unpacked extension gets its ID from the public ``key`` in
``extension/manifest.json`` (the development ID). Store packages
(``linkedin-guard package``) leave the key out, so each store assigns its own
ID; the host manifest written by ``install`` allows the development ID, every
ID listed here, and any added with ``install --extension-id ID`` (kept in the
install record, so a later plain ``install`` keeps it).

Edge reads the first host manifest it finds, which may be Chrome's, so every
Chromium-family store ID goes into every Chromium-family manifest
(managed-policy.md §3.2). Firefox add-ons keep the ID set in
``browser_specific_settings.gecko.id``; list another here only if AMO ever
assigns one.

Add an ID when a store listing is published, in the same change as the
version that ships it.
"""

from __future__ import annotations

import re

#: Chrome Web Store and Edge Add-ons IDs (32 letters a-p). None published yet.
CHROMIUM_STORE_IDS: tuple[str, ...] = ()

#: Firefox add-on IDs beyond the manifest's own gecko.id. None.
FIREFOX_STORE_IDS: tuple[str, ...] = ()

CHROMIUM_ID = re.compile(r"^[a-p]{32}$")
# addons.mozilla.org accepts an email-like ID or a GUID in braces.
FIREFOX_ID = re.compile(r"^(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}"
                        r"|[A-Za-z0-9._+\-]{1,80}@[A-Za-z0-9.\-]{1,80})$")


def kind_of(extension_id: str) -> str | None:
    """``"chromium"``, ``"firefox"`` or None (not an extension ID)."""
    if CHROMIUM_ID.match(extension_id):
        return "chromium"
    if FIREFOX_ID.match(extension_id):
        return "firefox"
    return None
