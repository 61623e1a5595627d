"""The install record: what ``install`` wrote, next to the launcher (``install.json``).

Small on purpose: the host reads it at startup (to log an unexpected caller),
so it must not pull in the installer's imports.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from native_host import HOST_NAME

RECORD_NAME = "install.json"


def read_record(ldir: Path) -> dict[str, Any]:
    try:
        data = json.loads((Path(ldir) / RECORD_NAME).read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("manifests"), list):
            return data
    except (OSError, ValueError):
        pass
    return {"host_name": HOST_NAME, "manifests": []}


def expected_callers(firefox_manifest: str | None = None) -> dict[str, list[str]]:
    """For the host: the origins and add-on IDs install registered (empty when unknown).

    The launcher exports ``LINKEDIN_GUARD_INSTALL_RECORD``; Firefox passes the
    manifest path, whose ``allowed_extensions`` name the add-on it allows.
    """
    origins: list[str] = []
    addons: list[str] = []
    record_path = os.environ.get("LINKEDIN_GUARD_INSTALL_RECORD")
    if record_path:
        record = read_record(Path(record_path).parent)
        if record.get("extension_id"):
            origins.append(f"chrome-extension://{record['extension_id']}/")
        if record.get("gecko_id"):
            addons.append(record["gecko_id"])
        if origins or addons:  # store-assigned IDs and --extension-id ones are expected too
            from native_host import store_ids

            extra = [*store_ids.CHROMIUM_STORE_IDS, *store_ids.FIREFOX_STORE_IDS,
                     *(e for e in record.get("extra_extension_ids", []) if isinstance(e, str))]
            origins += [f"chrome-extension://{e}/" for e in extra if store_ids.kind_of(e) == "chromium"]
            addons += [e for e in extra if store_ids.kind_of(e) == "firefox"]
    if firefox_manifest:
        try:
            data = json.loads(Path(firefox_manifest).read_text(encoding="utf-8"))
            addons = [a for a in data.get("allowed_extensions", []) if isinstance(a, str)] or addons
        except (OSError, ValueError, AttributeError):
            pass
    return {"origins": origins, "addons": addons}
