"""The contract's data, as pydantic v2 models.

Everything here mirrors ``protocol.md`` (protocol v1). Field names, kinds and
literal values are fixed by that document; new things are only ever added.

Two stances on unknown fields, on purpose:

* Page contexts and requests *tolerate* unknown fields (``extra="ignore"``):
  an older host must keep serving a newer extension and vice versa.
* Settings *refuse* unknown fields: a typo such as ``"retention_day"`` must be
  reported next to the field, not silently ignored while the person believes
  their setting took effect.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_serializer,
)

PROTOCOL_VERSION = 1

# Upper bounds keep one hostile page from making the host chew on megabytes.
# LinkedIn's own limits are far lower (messages ~8,000, posts 3,000 chars).
MAX_TEXT = 100_000
MAX_SHORT = 2_000
MAX_ITEMS = 5_000

Severity = Literal["info", "warning", "critical"]
Mode = Literal["inform", "confirm"]
Trigger = Literal["observe", "input", "submit"]
Degree = Literal["1st", "2nd", "3rd"]
Decision = Literal["dismissed", "proceeded", "cancelled", "fixed", "not_applicable"]
Lang = Literal["en", "nl"]

RULE_ID_PATTERN = re.compile(r"^LG\d{3}$")

ShortText = Annotated[str, Field(max_length=MAX_SHORT)]
LongText = Annotated[str, Field(max_length=MAX_TEXT)]


class Tolerant(BaseModel):
    """Base for wire data coming from the page: unknown fields are ignored."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)


class Strict(BaseModel):
    """Base for configuration: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------
# Page context
# --------------------------------------------------------------------------


class Person(Tolerant):
    name: ShortText
    profile_url: ShortText | None = None
    headline: ShortText | None = None
    company: ShortText | None = None
    connection_degree: Degree | None = None


class OpenToWork(Tolerant):
    audience: Literal["public", "recruiters", "unknown"]


class Position(Tolerant):
    title: ShortText
    company: ShortText
    current: bool


class Thread(Tolerant):
    messages_from_me: Annotated[int, Field(ge=0)]
    messages_from_recipient: Annotated[int, Field(ge=0)]
    last_from_recipient: LongText | None = None


class Mention(Tolerant):
    name: ShortText
    profile_url: ShortText | None = None
    entity: Literal["person", "company"]


class Media(Tolerant):
    type: Literal["image", "video", "document"]
    people_tagged: Annotated[list[Person], Field(max_length=MAX_ITEMS)] = []
    alt: ShortText | None = None


class ContextBase(Tolerant):
    url: ShortText
    page_session: ShortText | None = None
    trigger: Trigger
    observed_at: datetime | None = None
    ui_language: Annotated[str, Field(max_length=35)] | None = None

    @field_validator("observed_at")
    @classmethod
    def _assume_utc(cls, value: datetime | None) -> datetime | None:
        # A naive timestamp from a script is read as UTC, never as local
        # time: rate windows must not jump with the machine's time zone.
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value

    def seen_at(self) -> datetime:
        return self.observed_at or datetime.now(timezone.utc)


class ProfileContext(ContextBase):
    kind: Literal["profile"]
    own: bool
    name: ShortText
    headline: ShortText | None = None
    open_to_work: OpenToWork | None = None
    positions: Annotated[list[Position], Field(max_length=MAX_ITEMS)] = []
    connection_degree: Degree | None = None


class OpenToWorkFormContext(ContextBase):
    kind: Literal["open_to_work_form"]
    audience: Literal["public", "recruiters"]
    job_titles: Annotated[list[ShortText], Field(max_length=MAX_ITEMS)] = []


class PositionFormContext(ContextBase):
    kind: Literal["position_form"]
    title: ShortText
    company: ShortText
    current: bool


class MessageContext(ContextBase):
    kind: Literal["message"]
    channel: Literal["message", "inmail", "invitation"]
    recipient: Person
    text: LongText
    thread: Thread | None = None


class PostContext(ContextBase):
    kind: Literal["post"]
    text: LongText
    mentions: Annotated[list[Mention], Field(max_length=MAX_ITEMS)] = []
    media: Annotated[list[Media], Field(max_length=MAX_ITEMS)] = []
    audience: ShortText | None = None


class ConnectionsContext(ContextBase):
    kind: Literal["connections"]
    people: Annotated[list[Person], Field(max_length=MAX_ITEMS)]


Context = Annotated[
    Union[
        ProfileContext,
        OpenToWorkFormContext,
        PositionFormContext,
        MessageContext,
        PostContext,
        ConnectionsContext,
    ],
    Field(discriminator="kind"),
]

CONTEXT_KINDS: tuple[str, ...] = (
    "profile",
    "open_to_work_form",
    "position_form",
    "message",
    "post",
    "connections",
)

context_adapter: TypeAdapter[Context] = TypeAdapter(Context)


def parse_context(data: Any) -> Context:
    """Validate one context (a dict, or JSON text/bytes)."""
    if isinstance(data, (str, bytes, bytearray)):
        return context_adapter.validate_json(data)
    return context_adapter.validate_python(data)


# --------------------------------------------------------------------------
# The warning ("Finding" in Python: ``Warning`` is a built-in)
# --------------------------------------------------------------------------


class LegalBasis(Tolerant):
    source: str
    article: str
    url: str


class Evidence(Tolerant):
    field: str
    excerpt: str
    # LG201/LG202: the named signal this excerpt made fire (guard.signals.FEATURES).
    # Left out of the JSON when unset, so other rules' evidence is unchanged.
    feature: str | None = None

    @model_serializer(mode="wrap")
    def _without_unset_feature(self, handler):
        data = handler(self)
        if data.get("feature") is None:
            data.pop("feature", None)
        return data


class Fix(Tolerant):
    action: Literal["append_text"]
    text: str


class Finding(Tolerant):
    """One warning as it travels to the extension (``Warning`` on the wire)."""

    id: str
    rule: str
    slug: str
    severity: Severity
    mode: Mode
    title: str
    message: str
    legal_basis: list[LegalBasis]
    suggestion: str | None = None
    fix: Fix | None = None
    evidence: list[Evidence] = []
    # Additive to protocol v1: what the warning is about (a person's name, a
    # thread, "open-to-work"), so the log can group and the UI can say it.
    subject: str = ""
    language: Lang = "en"
    # Additive: the same for people ("Mark Visser", "#OpenToWork"). The log
    # shows and groups by it; empty means "use subject".
    about: str = ""


# --------------------------------------------------------------------------
# Settings
# --------------------------------------------------------------------------

NonEmpty = Annotated[str, Field(min_length=1, max_length=300)]


class Employer(Strict):
    name: NonEmpty
    official_title: NonEmpty | None = None
    title_aliases: Annotated[list[NonEmpty], Field(max_length=100)] = []
    social_media_policy: bool = False


class FormerEmployer(Strict):
    name: NonEmpty
    cleanup_clause: bool = False
    clients: Annotated[list[NonEmpty], Field(max_length=10_000)] = []


class Client(Strict):
    name: NonEmpty
    company: NonEmpty | None = None
    profile_url: NonEmpty | None = None


class RuleSetting(Strict):
    enabled: bool = True
    # None: the rule's own default mode.
    mode: Mode | None = None


class LogSettings(Strict):
    retention_days: Annotated[int, Field(ge=1, le=3650)] = 180
    store_excerpts: bool = True


class BulkSettings(Strict):
    profiles: Annotated[int, Field(ge=2, le=10_000)] = 40
    minutes: Annotated[int, Field(ge=1, le=1440)] = 10


SETTINGS_VERSION = 1


class UnknownRuleIds(ValueError):
    """Settings name rules that do not exist; ``ctx`` carries them for translations."""

    def __init__(self, unknown: list[str], known: list[str]):
        self._lists = (list(unknown), list(known))
        self.ctx = {"reason": "unknown_rule_id", "unknown": ", ".join(unknown), "known": ", ".join(known)}
        super().__init__(f"unknown rule id {self.ctx['unknown']} (known: {self.ctx['known']})")

    def __reduce__(self):  # picklable despite the two-argument constructor
        return (type(self), self._lists)


class Settings(Strict):
    version: Annotated[int, Field(ge=1, le=SETTINGS_VERSION)] = SETTINGS_VERSION
    language: Literal["auto", "nl", "en"] = "auto"
    employer: Employer | None = None
    former_employers: Annotated[list[FormerEmployer], Field(max_length=100)] = []
    clients: Annotated[list[Client], Field(max_length=10_000)] = []
    rules: dict[str, RuleSetting] = {}
    log: LogSettings = LogSettings()
    fail_mode: Literal["open", "closed"] = "open"
    bulk: BulkSettings = BulkSettings()

    @field_validator("rules")
    @classmethod
    def _known_rule_ids(cls, value: dict[str, RuleSetting]) -> dict[str, RuleSetting]:
        from guard.rules import rule_ids  # late: the catalogue imports models

        known = rule_ids()
        unknown = sorted(k for k in value if k not in known)
        if unknown:
            raise UnknownRuleIds(unknown, sorted(known))
        return value

    def rule_setting(self, rule_id: str) -> RuleSetting:
        return self.rules.get(rule_id) or RuleSetting()


def parse_settings(data: Any) -> Settings:
    if isinstance(data, (str, bytes, bytearray)):
        return Settings.model_validate_json(data)
    return Settings.model_validate(data)


# --------------------------------------------------------------------------
# The warning log
# --------------------------------------------------------------------------


class LogEntry(Tolerant):
    id: int
    rule: str
    slug: str
    severity: Severity
    kind: str
    url: str
    page_session: str | None
    subject: str
    created_at: str
    decision: Decision | None = None
    justification: str | None = None
    excerpt: str | None = None
    # v1.1 (additive): repeated visits folded into this entry, the last one's time;
    # why a rule did not apply (decision "not_applicable").
    count: int = 1
    last_seen: str | None = None
    reason_kind: str | None = None


# --------------------------------------------------------------------------
# Validation errors, said plainly
# --------------------------------------------------------------------------


def error_path(loc: tuple[Any, ...]) -> str:
    """``('recipient', 'name')`` -> ``recipient.name``; list items as ``[2]``.

    The discriminated union puts the kind's tag in the location
    (``('message', 'recipient', 'name')``); that tag is not a field, so it is
    left out of the path a person reads.
    """
    parts: list[str] = []
    for i, item in enumerate(loc):
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif i == 0 and item in CONTEXT_KINDS and len(loc) > 1:
            continue
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or "(root)"


def validation_errors(err: ValidationError) -> list[dict[str, Any]]:
    """Each problem as ``{"path", "message", "type", "ctx"}``.

    ``path`` and ``message`` are exactly :func:`validation_details`'; ``type``
    is pydantic's error type (``greater_than_equal``) and ``ctx`` its
    parameters (``{"ge": 1}``, ``{}`` when none), with exceptions as their
    text — what a translation needs. An exception's own ``ctx`` dict (see
    :class:`UnknownRuleIds`) is merged in.
    """
    out = []
    for e in err.errors(include_url=False):
        msg = e["msg"]
        suggestion = None
        if e["type"] == "extra_forbidden":
            msg = "unknown field"
            suggestion = field_suggestion(tuple(e["loc"])) if err.title == "Settings" else None
            if suggestion:
                msg = f"unknown field (did you mean {suggestion!r}?)"
        elif e["type"] == "union_tag_invalid":
            msg = f"unknown kind {e.get('input', {}).get('kind')!r}" if isinstance(
                e.get("input"), dict
            ) else msg
        ctx: dict[str, Any] = {}
        for key, value in (e.get("ctx") or {}).items():
            if isinstance(value, BaseException):
                ctx.update(getattr(value, "ctx", None) or {})
                value = str(value)
            ctx.setdefault(key, value)
        if suggestion:
            ctx["suggestion"] = suggestion
        out.append({"path": error_path(tuple(e["loc"])), "message": msg, "type": e["type"], "ctx": ctx})
    return out


def field_suggestion(loc: tuple[Any, ...]) -> str | None:
    """The Settings field an unknown one was probably meant to be (``fail_mod`` -> ``fail_mode``)."""
    import difflib
    from typing import get_args

    def model_in(annotation: Any) -> Any:
        stack = [annotation]
        while stack:
            item = stack.pop()
            if isinstance(item, type) and issubclass(item, BaseModel):
                return item
            stack.extend(get_args(item))
        return None

    model: Any = Settings
    for part in loc[:-1]:
        # List indexes and dict keys (rule ids) keep the element's model.
        if isinstance(part, str) and part in model.model_fields:
            model = model_in(model.model_fields[part].annotation)
            if model is None:
                return None
    if not loc or not isinstance(loc[-1], str):
        return None
    close = difflib.get_close_matches(loc[-1].lower(), list(model.model_fields), n=1, cutoff=0.6)
    return close[0] if close else None


def validation_details(err: ValidationError) -> list[dict[str, str]]:
    """Each problem as ``{"path": "log.retention_days", "message": "..."}``."""
    return [{"path": e["path"], "message": e["message"]} for e in validation_errors(err)]


def one_line(err: ValidationError, what: str) -> str:
    """A single line naming every bad field, for stderr."""
    parts = [f"{d['path']}: {d['message']}" for d in validation_details(err)]
    return f"invalid {what}: " + "; ".join(parts)
