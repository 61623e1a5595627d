"""The evaluation engine: context in, localized findings out.

One ``Engine`` lives as long as its caller (the host process, one
``evaluate --jsonl`` run) because some rules remember (LG601 counts profile
visits in a window). It never writes the log: recording is the host's job.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from guard.models import Context, Finding, Settings
from guard.rules import all_rules
from guard.rules.base import Hit, Rule, Text

if TYPE_CHECKING:
    from guard.consent import ConsentRegister

# Kinds on which a "confirm" makes sense: the person is about to send, post or
# save something. A profile page has no Send button to hold.
SUBMITTABLE_KINDS = frozenset({"message", "post", "open_to_work_form", "position_form"})

#: What the consent register exempts: a person who asked for the offer did
#: not receive it unsolicited. LG202 (the opt-out notice) still applies.
CONSENT_EXEMPT_RULES = frozenset({"LG201"})
#: Rules whose warnings are about a message's recipient ("They asked for this" names them).
RECIPIENT_RULES = frozenset({"LG201", "LG202"})
#: Warning ids remembered with their recipient, for a later "They asked for this".
RECIPIENTS_KEPT = 512
#: Findings remembered per hit a rule returns again (``Engine._finding``).
FINDINGS_KEPT = 256


def pick_language(settings: Settings, ctx: Context | None) -> str:
    """``settings.language``; ``auto`` follows LinkedIn's UI language, else English."""
    if settings.language != "auto":
        return settings.language
    ui = (getattr(ctx, "ui_language", None) or "").lower()
    return "nl" if ui.startswith("nl") else "en"


@lru_cache(maxsize=1024)
def finding_id(rule_id: str, subject: str, page_session: str | None) -> str:
    """Stable for the same rule and subject within a page session."""
    raw = f"{rule_id}\x1f{subject}\x1f{page_session or ''}".encode()
    return "w-" + hashlib.blake2b(raw, digest_size=8).hexdigest()


class Engine:
    def __init__(self, settings: Settings | None = None, rules: Iterable[type[Rule]] | None = None,
                 consent: "ConsentRegister | None" = None):
        self.settings = settings or Settings()
        self.consent = consent
        # warning id -> (recipient name, profile URL) of recent message warnings
        self._recipients: OrderedDict[str, tuple[str, str | None]] = OrderedDict()
        # (rule id, hit, kind, page session, language, mode) -> (hit, the finding's fields): see ``_finding``
        self._findings: dict[tuple, tuple[Hit, dict]] = {}
        self.rules: list[Rule] = [cls() for cls in (rules if rules is not None else all_rules())]
        self._by_kind: dict[str, list[Rule]] = defaultdict(list)
        for rule in self.rules:
            for kind in rule.kinds:
                self._by_kind[kind].append(rule)

    def evaluate(self, ctx: Context) -> list[Finding]:
        settings = self.settings
        lang = pick_language(settings, ctx)
        findings: list[Finding] = []
        for rule in self._by_kind.get(ctx.kind, ()):
            rule_setting = settings.rules.get(rule.id)
            if rule_setting is not None and not rule_setting.enabled:
                continue
            for hit in rule.check(ctx, settings):
                findings.append(self._finding(rule, hit, ctx, lang))
        if findings and ctx.kind == "message":
            findings = self._about_recipient(findings, ctx)
        return findings

    def _about_recipient(self, findings: list[Finding], ctx: Context) -> list[Finding]:
        """Drop LG201 for a recipient in the consent register; remember who each warning is about.

        A filter after the rules (detectors propose, filters veto), so LG201
        itself stays a judgement about the text.
        """
        recipient = ctx.recipient  # type: ignore[union-attr]
        if self.consent is not None and any(f.rule in CONSENT_EXEMPT_RULES for f in findings):
            try:
                exempt = self.consent.exempts(recipient.name, recipient.profile_url)
            except Exception:  # an unreadable register exempts nobody: the warning stays
                exempt = False
            if exempt:
                findings = [f for f in findings if f.rule not in CONSENT_EXEMPT_RULES]
        for f in findings:
            if f.rule in RECIPIENT_RULES:
                self._recipients[f.id] = (recipient.name, recipient.profile_url)
                self._recipients.move_to_end(f.id)
        while len(self._recipients) > RECIPIENTS_KEPT:
            self._recipients.popitem(last=False)
        return findings

    def recipient_of(self, warning_id: str) -> tuple[str, str | None] | None:
        """The recipient (name, profile URL) of a recent LG201/LG202 warning, or None."""
        return self._recipients.get(warning_id)

    def _finding(self, rule: Rule, hit: Hit, ctx: Context, lang: str) -> Finding:
        mode = hit.mode or rule.default_mode
        override = self.settings.rules.get(rule.id)
        if override is not None and override.mode is not None:
            mode = override.mode
        if ctx.kind not in SUBMITTABLE_KINDS:
            mode = "inform"
        # A rule that returns the very same hit again (typing: LG201/LG202,
        # ``remembered_hit``) gets the finding built from it before; the
        # finding is new, its lists are copies. The hit is kept with it, so its
        # id cannot be another object's.
        key = (rule.id, id(hit), ctx.kind, ctx.page_session, lang, mode)
        got = self._findings.get(key)
        if got is not None and got[0] is hit:
            fields = got[1].copy()
            fields["legal_basis"] = list(fields["legal_basis"])
            fields["evidence"] = list(fields["evidence"])
            return _trusted_finding(fields)
        finding = self._new_finding(rule, hit, ctx, lang, mode)
        if rule.id not in RECIPIENT_RULES:  # the rules that give the same hit again
            return finding
        if len(self._findings) >= FINDINGS_KEPT:
            self._findings.clear()
        finding.__dict__["evidence"] = list(hit.evidence)  # the hit is used again: its list stays its own
        fields = finding.__dict__.copy()
        fields["legal_basis"] = list(fields["legal_basis"])
        fields["evidence"] = list(fields["evidence"])
        self._findings[key] = (hit, fields)
        return finding

    def _new_finding(self, rule: Rule, hit: Hit, ctx: Context, lang: str, mode: str) -> Finding:
        params = tuple(hit.params.items())
        try:
            title, message, suggestion = _wording_texts(rule, hit.wording, lang, params)
        except TypeError:  # a parameter that cannot be a cache key
            title, message, suggestion = _wording_texts.__wrapped__(rule, hit.wording, lang, params)
        return _trusted_finding({
            "id": finding_id(rule.id, hit.subject, ctx.page_session),
            "rule": rule.id,
            "slug": rule.slug,
            "severity": hit.severity or rule.default_severity,
            "mode": mode,
            "title": title,
            "message": message,
            "legal_basis": list(rule.legal_basis),
            "suggestion": suggestion,
            "fix": hit.fix,
            "evidence": hit.evidence,
            "subject": hit.subject,
            "language": lang,
            "about": (hit.about.get(lang) if isinstance(hit.about, Text) else hit.about) or "",
        })


_FINDING_FIELDS = tuple(Finding.model_fields)
_ALL_SET = set(_FINDING_FIELDS)
# The setters of a pydantic model's own slots, looked up once (``object.__setattr__`` finds them on every call).
_SET_DICT, _SET_FIELDS_SET, _SET_EXTRA, _SET_PRIVATE = (
    next(vars(k)[name] for k in Finding.__mro__ if name in vars(k)).__set__
    for name in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"))


def _trusted_finding(fields: dict) -> Finding:
    """A ``Finding`` from our own values, without validating them again.

    Every value is already of its field's type: texts from the rules'
    wordings, modes from validated settings, ``Evidence``/``Fix``/``LegalBasis``
    instances (which validation would pass through unchanged). Skipping
    validation halves the cost of a warning, paid on every keystroke. The
    dict is in field order, as validation would store it;
    ``tests/test_engine.py`` checks the result equals a validated one.
    """
    finding = object.__new__(Finding)
    _SET_DICT(finding, fields)
    _SET_FIELDS_SET(finding, _ALL_SET.copy())
    _SET_EXTRA(finding, None)
    _SET_PRIVATE(finding, None)
    return finding


@lru_cache(maxsize=1024)
def _wording_texts(rule: Rule, wording_key: str, lang: str,
                   params: tuple[tuple[str, str | Text], ...]) -> tuple[str, str, str | None]:
    """Title, message and suggestion in ``lang`` with the hit's parameters filled in.

    Typing repeats the same finding on every keystroke, so the filled-in
    texts are remembered (rules' wordings never change).
    """
    wording = rule.wordings[wording_key]
    values = {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in params}
    return (wording.title.get(lang).format_map(values),
            wording.message.get(lang).format_map(values),
            wording.suggestion.get(lang).format_map(values) if wording.suggestion else None)
