"""Error codes of protocol v1, append-only.

Every code here is documented in ``native_host/PROTOCOL.md`` (a test keeps the
two in step). Never rename or remove a code: extensions and saved logs match on
them. New codes go at the end.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: the native host answers hello without importing typing
if TYPE_CHECKING:
    from typing import Any

ERROR_CODES: dict[str, str] = {
    "invalid_json": "The frame is not valid JSON (or uses NaN/Infinity, or nests absurdly deep).",
    "invalid_utf8": "The frame is not valid UTF-8.",
    "not_an_object": "The frame is valid JSON but not an object.",
    "empty_frame": "The frame has length zero.",
    "missing_type": "The request has no `type`.",
    "unknown_type": "The request's `type` is not one this host knows; the host keeps serving.",
    "invalid_request": "A field is missing or has the wrong type or value; `details` names each by path.",
    "invalid_settings": "`set_settings` was refused; `details` names each bad field by path. Nothing was applied.",
    "too_large": "The request was above the inbound limit, or the reply would be above 1 MiB.",
    "internal_error": "The host failed while handling the request (logged in the host log); it keeps serving.",
    "unavailable": "The feature is not available here (the dashboard is not installed, the warning log cannot be opened).",
    "locked": "A change to a value locked by the organisation was refused; `details` names each locked path. Nothing was applied.",
    "invalid_managed": "`set_managed` was refused; `details` names each bad path. The previous managed layer stays.",
}


class HostError(Exception):
    """An error reply: ``{"ok": false, "error": {"code", "message", "details"?}}``."""

    def __init__(self, code: str, message: str, details: list[dict[str, Any]] | None = None):
        assert code in ERROR_CODES, code
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details

    def as_error(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details is not None:
            error["details"] = self.details
        return error


def invalid(path: str, message: str) -> HostError:
    return HostError("invalid_request", f"{path}: {message}", [{"path": path, "message": message}])
