"""The dashboard's texts in English and Dutch, and the choice between them.

``settings.language`` decides; ``auto`` follows the browser's
``Accept-Language`` (Dutch when the person prefers Dutch over English,
English otherwise). Every key has both languages — a test checks it.
"""

from __future__ import annotations

from typing import Any

LANGS = ("en", "nl")

TEXTS: dict[str, tuple[str, str]] = {
    # chrome
    "app.name": ("LinkedIn Guard", "LinkedIn Guard"),
    "nav.log": ("Warning log", "Waarschuwingen"),
    "nav.chart": ("Per week", "Per week"),
    "nav.settings": ("Settings", "Instellingen"),
    "nav.rules": ("Rules", "Regels"),
    "nav.audit": ("Audit", "Controle"),
    "nav.main": ("Main", "Hoofdmenu"),
    "live.connecting": ("connecting…", "verbinden…"),
    "live.on": ("live", "live"),
    "live.off": ("offline — retrying", "offline — opnieuw proberen"),
    "footer.disclaimer": (
        "LinkedIn Guard informs you; it is not legal advice. Everything stays on this computer.",
        "LinkedIn Guard informeert je; het is geen juridisch advies. Alles blijft op deze computer.",
    ),
    # log page
    "log.title": ("Warning log", "Waarschuwingen"),
    "log.intro": (
        "Everything the guard warned about, newest first.",
        "Alles waarvoor de guard waarschuwde, nieuwste eerst.",
    ),
    "log.filters": ("Filters", "Filters"),
    "log.filter.rule": ("Rule", "Regel"),
    "log.filter.severity": ("Severity", "Ernst"),
    "log.filter.kind": ("Where", "Waar"),
    "log.filter.decision": ("Decision", "Besluit"),
    "log.filter.since": ("From", "Van"),
    "log.filter.until": ("Until", "Tot en met"),
    "log.filter.search": ("Search in excerpts", "Zoeken in fragmenten"),
    "log.filter.search.placeholder": ("words from the message…", "woorden uit het bericht…"),
    "log.filter.any": ("All", "Alle"),
    "log.filter.apply": ("Filter", "Filteren"),
    "log.filter.reset": ("Reset", "Wissen"),
    "log.count": ("{n} warnings", "{n} waarschuwingen"),
    "log.count.one": ("1 warning", "1 waarschuwing"),
    "log.count.filtered": ("{n} of {total} warnings match", "{n} van {total} waarschuwingen passen"),
    "log.export": ("Export", "Exporteren"),
    "log.col.select": ("Select", "Selecteren"),
    "log.col.select_all": ("Select all on this page", "Alles op deze pagina selecteren"),
    "log.col.time": ("When", "Wanneer"),
    "log.col.rule": ("Rule", "Regel"),
    "log.col.severity": ("Severity", "Ernst"),
    "log.col.kind": ("Where", "Waar"),
    "log.col.subject": ("About", "Over"),
    "log.col.excerpt": ("Excerpt", "Fragment"),
    "log.col.decision": ("Decision", "Besluit"),
    "log.empty": (
        "No warnings yet. When the guard warns you on LinkedIn, the warning appears here at once.",
        "Nog geen waarschuwingen. Zodra de guard je op LinkedIn waarschuwt, verschijnt dat hier meteen.",
    ),
    "log.empty.filtered": ("No warnings match these filters.", "Geen waarschuwingen passen bij deze filters."),
    "log.page": ("Page {page} of {pages}", "Pagina {page} van {pages}"),
    "log.newer": ("← Newer", "← Nieuwer"),
    "log.older": ("Older →", "Ouder →"),
    "log.first": ("Newest", "Nieuwste"),
    "log.last": ("Oldest", "Oudste"),
    "log.delete_selected": ("Delete selected", "Selectie verwijderen"),
    "log.clear_all": ("Clear all…", "Alles wissen…"),
    "log.new_banner": ("New warnings arrived.", "Er zijn nieuwe waarschuwingen."),
    "log.new_banner.show": ("Show them", "Tonen"),
    "log.retention": (
        "Entries older than {days} days are removed automatically.",
        "Meldingen ouder dan {days} dagen worden automatisch verwijderd.",
    ),
    "managed.locked": ("set by your organisation", "ingesteld door je organisatie"),
    "managed.problem": (
        "Your organisation's guard settings could not be applied: {problem}",
        "De guard-instellingen van je organisatie konden niet worden toegepast: {problem}",
    ),
    "log.retention.apply": ("Remove old entries now", "Oude meldingen nu verwijderen"),
    "log.retention.done": ("{n} old entries removed.", "{n} oude meldingen verwijderd."),
    "log.deleted": ("{n} entries deleted.", "{n} meldingen verwijderd."),
    "log.cleared": ("The log was cleared ({n} entries).", "Het logboek is gewist ({n} meldingen)."),
    "log.undecided": ("—", "—"),
    "log.excerpts_off": (
        "Excerpts are not stored (see Settings → Log).",
        "Fragmenten worden niet bewaard (zie Instellingen → Logboek).",
    ),
    # confirmations
    "confirm.title": ("Please confirm", "Bevestig"),
    "confirm.delete": (
        "Delete {n} selected entries from the log? This cannot be undone.",
        "{n} geselecteerde meldingen uit het logboek verwijderen? Dit kan niet ongedaan worden.",
    ),
    "confirm.delete.none": ("Nothing was selected.", "Er is niets geselecteerd."),
    "confirm.clear": (
        "Clear the whole warning log ({n} entries)? This cannot be undone.",
        "Het hele logboek wissen ({n} meldingen)? Dit kan niet ongedaan worden.",
    ),
    "confirm.yes.delete": ("Delete", "Verwijderen"),
    "confirm.yes.clear": ("Clear the log", "Logboek wissen"),
    "confirm.cancel": ("Cancel", "Annuleren"),
    "confirm.js.delete": ("Delete the selected entries? This cannot be undone.", "De geselecteerde meldingen verwijderen? Dit kan niet ongedaan worden."),
    "confirm.js.clear": ("Clear the whole warning log? This cannot be undone.", "Het hele logboek wissen? Dit kan niet ongedaan worden."),
    # entry
    "entry.title": ("Warning {id}", "Waarschuwing {id}"),
    "entry.back": ("← Back to the log", "← Terug naar het logboek"),
    "entry.rule": ("Rule", "Regel"),
    "entry.severity": ("Severity", "Ernst"),
    "entry.kind": ("Where", "Waar"),
    "entry.subject": ("About", "Over"),
    "entry.when": ("When", "Wanneer"),
    "entry.url": ("Page", "Pagina"),
    "entry.session": ("Page visit", "Paginabezoek"),
    "entry.repeats": ("Seen", "Gezien"),
    "entry.repeats.value": ("{n} visits, last {last}", "{n} bezoeken, laatst {last}"),
    "log.repeats": ("×{n}", "×{n}"),
    "log.repeats.title": ("seen on {n} visits", "gezien bij {n} bezoeken"),
    "entry.decision": ("Decision", "Besluit"),
    "entry.decided_at": ("Decided", "Besloten"),
    "entry.justification": ("Justification", "Toelichting"),
    "entry.excerpt": ("Excerpt", "Fragment"),
    "entry.evidence": ("Evidence", "Aanleiding"),
    "entry.no_evidence": ("No evidence stored.", "Geen aanleiding bewaard."),
    "entry.not_found": ("There is no warning {id} (it may have been deleted).", "Er is geen waarschuwing {id} (misschien verwijderd)."),
    "entry.no_decision": ("No decision recorded.", "Geen besluit vastgelegd."),
    "entry.delete": ("Delete this entry", "Deze melding verwijderen"),
    "entry.about_rule": ("About this rule", "Over deze regel"),
    # values
    "severity.info": ("info", "info"),
    "severity.warning": ("warning", "waarschuwing"),
    "severity.critical": ("critical", "kritiek"),
    "decision.none": ("undecided", "geen besluit"),
    "decision.dismissed": ("dismissed", "weggeklikt"),
    "decision.proceeded": ("sent anyway", "toch verstuurd"),
    "decision.cancelled": ("cancelled", "geannuleerd"),
    "decision.fixed": ("fixed", "aangepast"),
    "decision.not_applicable": ("does not apply", "niet van toepassing"),
    # "proceeded" said with the action's own verb (decision_label picks by the entry's kind)
    "decision.proceeded.post": ("posted anyway", "toch geplaatst"),
    "decision.proceeded.position_form": ("saved anyway", "toch opgeslagen"),
    "decision.proceeded.open_to_work_form": ("saved anyway", "toch opgeslagen"),
    "decision.proceeded.message": ("sent anyway", "toch verstuurd"),
    "kind.profile": ("profile", "profiel"),
    "kind.open_to_work_form": ("open-to-work form", "open-to-work-formulier"),
    "kind.position_form": ("position form", "functieformulier"),
    "kind.message": ("message", "bericht"),
    "kind.post": ("post", "post"),
    "kind.connections": ("connections", "connecties"),
    "mode.inform": ("inform", "informeren"),
    "mode.confirm": ("ask before sending", "vragen voor versturen"),
    # chart
    "chart.title": ("Warnings per week", "Waarschuwingen per week"),
    "chart.intro": ("Per rule, the last {weeks} weeks.", "Per regel, de afgelopen {weeks} weken."),
    "chart.empty": ("No warnings in this period.", "Geen waarschuwingen in deze periode."),
    "chart.table": ("The numbers", "De cijfers"),
    "chart.week": ("Week", "Week"),
    "chart.total": ("Total", "Totaal"),
    "chart.svg_label": ("Bar chart of warnings per week, stacked per rule", "Staafdiagram van waarschuwingen per week, gestapeld per regel"),
    "chart.range": ("Period", "Periode"),
    "chart.weeks": ("{n} weeks", "{n} weken"),
    "health.title": ("Pages the guard could not read", "Pagina's die de guard niet kon lezen"),
    "health.intro": (
        "The last {days} days. LinkedIn changed these pages, so the guard could not check them. To report it: open the page, click the toolbar icon, then \"Save page structure\" (it holds no names or text).",
        "De afgelopen {days} dagen. LinkedIn heeft deze pagina's veranderd, dus de guard kon ze niet controleren. Melden: open de pagina, klik op het pictogram in de werkbalk en dan op \"Paginastructuur opslaan\" (zonder namen of tekst).",
    ),
    "health.none": ("None: the guard could read every page.", "Geen: de guard kon elke pagina lezen."),
    "health.surface": ("What", "Wat"),
    "health.page": ("Page", "Pagina"),
    "health.count": ("Times", "Keer"),
    "health.last": ("Last seen", "Laatst gezien"),
    # settings
    "settings.title": ("Settings", "Instellingen"),
    "settings.intro": (
        "The browser extension follows these settings within a second of saving.",
        "De browserextensie volgt deze instellingen binnen een seconde na opslaan.",
    ),
    "settings.saved": ("Settings saved.", "Instellingen opgeslagen."),
    "settings.imported": ("Settings imported.", "Instellingen geïmporteerd."),
    "settings.invalid": (
        "Nothing was saved: please correct the fields marked below.",
        "Er is niets opgeslagen: verbeter de velden die hieronder gemarkeerd zijn.",
    ),
    "settings.problem": ("The settings file had a problem: {problem}", "Het instellingenbestand had een probleem: {problem}"),
    "settings.save": ("Save settings", "Instellingen opslaan"),
    "settings.general": ("General", "Algemeen"),
    "settings.language": ("Language", "Taal"),
    "settings.language.auto": ("Automatic (LinkedIn's / the browser's language)", "Automatisch (taal van LinkedIn / de browser)"),
    "settings.language.en": ("English", "English"),
    "settings.language.nl": ("Nederlands", "Nederlands"),
    "settings.fail_mode": ("When the guard is not reachable", "Als de guard niet bereikbaar is"),
    "settings.fail_mode.open": ("Let actions through and say so (open)", "Acties doorlaten en dat melden (open)"),
    "settings.fail_mode.closed": ("Hold actions that need a confirmation (closed)", "Acties die bevestiging vragen tegenhouden (gesloten)"),
    "settings.employer": ("Current employer", "Huidige werkgever"),
    "settings.employer.help": ("Leave the name empty if you have no employer.", "Laat de naam leeg als je geen werkgever hebt."),
    "settings.employer.name": ("Employer name", "Naam werkgever"),
    "settings.employer.official_title": ("Official job title", "Officiële functietitel"),
    "settings.employer.title_aliases": ("Other accepted titles (one per line)", "Andere toegestane titels (één per regel)"),
    "settings.employer.social_media_policy": (
        "My contract restricts naming the employer on social media",
        "Mijn contract beperkt het noemen van de werkgever op sociale media",
    ),
    "settings.former_employers": ("Former employers", "Vorige werkgevers"),
    "settings.former.name": ("Name", "Naam"),
    "settings.former.cleanup_clause": ("Contract has a clean-up clause (remove client connections)", "Contract heeft een opruimbeding (klantconnecties verwijderen)"),
    "settings.former.clients": ("Their clients (one per line)", "Hun klanten (één per regel)"),
    "settings.clients": ("Clients", "Klanten"),
    "settings.client.name": ("Name", "Naam"),
    "settings.client.company": ("Company", "Bedrijf"),
    "settings.client.profile_url": ("Profile URL", "Profiel-URL"),
    "settings.add": ("Add", "Toevoegen"),
    "settings.remove": ("Remove", "Verwijderen"),
    "settings.rules": ("Rules", "Regels"),
    "settings.rules.enabled": ("On", "Aan"),
    "settings.rules.mode": ("Mode", "Werking"),
    "settings.rules.mode.default": ("Default: {mode}", "Standaard: {mode}"),
    "settings.log": ("Log", "Logboek"),
    "settings.log.retention_days": ("Keep warnings for (days)", "Waarschuwingen bewaren (dagen)"),
    "settings.log.store_excerpts": ("Store excerpts of the text that caused a warning", "Fragmenten bewaren van de tekst die een waarschuwing gaf"),
    "settings.bulk": ("Profile visits", "Profielbezoeken"),
    "settings.bulk.profiles": ("Warn after this many profiles…", "Waarschuwen na zoveel profielen…"),
    "settings.bulk.minutes": ("…within this many minutes", "…binnen zoveel minuten"),
    "settings.import_export": ("Import and export", "Importeren en exporteren"),
    "settings.import": ("Import a settings file (JSON)", "Een instellingenbestand importeren (JSON)"),
    "settings.import.button": ("Import", "Importeren"),
    "settings.import.failed": ("The file was not imported:", "Het bestand is niet geïmporteerd:"),
    "settings.import.no_file": ("Choose a file first.", "Kies eerst een bestand."),
    "settings.export": ("Download the settings (JSON)", "De instellingen downloaden (JSON)"),
    "settings.form_errors": ("Problems elsewhere in the settings:", "Problemen elders in de instellingen:"),
    "settings.empty_list": ("None yet.", "Nog geen."),
    # rules
    "rules.title": ("Rule catalogue", "Regelcatalogus"),
    "rules.intro": (
        "What the guard looks for, and why. Turn rules on or off in Settings.",
        "Waar de guard op let, en waarom. Zet regels aan of uit bij Instellingen.",
    ),
    "rules.state.on": ("on", "aan"),
    "rules.state.off": ("off", "uit"),
    "rules.default_severity": ("Severity", "Ernst"),
    "rules.mode": ("Mode", "Werking"),
    "rules.kinds": ("Looks at", "Kijkt naar"),
    "rules.sources": ("Sources", "Bronnen"),
    "rules.details": ("What it does, why, an example and what to do instead", "Wat de regel doet, waarom, een voorbeeld en wat je beter doet"),
    "rules.doc_english": ("The explanation below is in English.", "De uitleg hieronder is in het Engels."),
    # errors
    "error.401.title": ("Open the dashboard from LinkedIn Guard", "Open het dashboard via LinkedIn Guard"),
    "error.401.body": (
        "This page needs a fresh link. Use “Warning log” or “Settings” in the extension's menu, or run “linkedin-guard ui”.",
        "Deze pagina heeft een nieuwe link nodig. Kies “Waarschuwingen” of “Instellingen” in het menu van de extensie, of voer “linkedin-guard ui” uit.",
    ),
    "error.404": ("Page not found.", "Pagina niet gevonden."),
    "error.bad_filter": ("Invalid filter: {problem}", "Ongeldig filter: {problem}"),
    "settings.import.too_large": ("file larger than {mib} MiB", "bestand groter dan {mib} MiB"),
    # consent register (issue 9: "They asked for this")
    "nav.consent": ("Consent", "Toestemming"),
    "consent.title": ("Consent register", "Toestemmingsregister"),
    "consent.intro": (
        "People who asked for your offer. Messages to them get no “unsolicited commercial message” (LG201) warning; "
        "the opt-out notice (LG202) still applies. Added when you answer a warning with “They asked for this”. "
        "Kept until you remove an entry; it never leaves this computer.",
        "Mensen die om je aanbod vroegen. Berichten aan hen krijgen geen waarschuwing “ongevraagd commercieel "
        "bericht” (LG201); de afmeldmogelijkheid (LG202) blijft gelden. Toegevoegd als je bij een waarschuwing "
        "“Ze vroegen hier zelf om” kiest. Bewaard tot je een regel verwijdert; het verlaat deze computer nooit.",
    ),
    "consent.empty": ("Nobody is in the register yet.", "Er staat nog niemand in het register."),
    "consent.col.who": ("Who", "Wie"),
    "consent.col.profile": ("Profile", "Profiel"),
    "consent.col.since": ("Since", "Sinds"),
    "consent.col.note": ("Your note", "Je notitie"),
    "consent.col.actions": ("Actions", "Acties"),
    "consent.note.label": ("Note for {name}", "Notitie bij {name}"),
    "consent.note.save": ("Save note", "Notitie opslaan"),
    "consent.remove": ("Remove", "Verwijderen"),
    "consent.remove.label": ("Remove {name} from the register", "{name} uit het register verwijderen"),
    "consent.confirm.remove": (
        "Remove {name} from the consent register? Later messages to them can get the LG201 warning again.",
        "{name} uit het toestemmingsregister verwijderen? Latere berichten aan hen kunnen weer de LG201-waarschuwing krijgen.",
    ),
    "consent.removed": ("Removed from the register.", "Uit het register verwijderd."),
    "consent.saved": ("Note saved.", "Notitie opgeslagen."),
    "consent.export": ("Export", "Exporteren"),
    "consent.bad_note": ("Note not saved: {problem}", "Notitie niet opgeslagen: {problem}"),
}


# Settings validation in Dutch, by pydantic's error ``type`` with its ``ctx``
# (see guard.models.validation_errors). English keeps pydantic's own message,
# which is also what the JSON API and the host report; a type missing here
# stays English in Dutch too.
VALIDATION_NL: dict[str, str] = {
    "missing": "Dit veld is verplicht",
    "extra_forbidden": "Onbekend veld",
    "greater_than_equal": "Moet minstens {ge} zijn",
    "greater_than": "Moet meer dan {gt} zijn",
    "less_than_equal": "Mag hoogstens {le} zijn",
    "less_than": "Moet minder dan {lt} zijn",
    "int_parsing": "Vul een geheel getal in",
    "int_type": "Vul een geheel getal in",
    "int_from_float": "Vul een geheel getal in, zonder cijfers achter de komma",
    "float_parsing": "Vul een getal in",
    "float_type": "Vul een getal in",
    "string_type": "Moet tekst zijn",
    "string_too_short": "Moet minstens {min_length} tekens hebben",
    "string_too_short.1": "Mag niet leeg zijn",
    "string_too_long": "Mag hoogstens {max_length} tekens hebben",
    "too_short": "Moet minstens {min_length} items bevatten, nu {actual_length}",
    "too_long": "Mag hoogstens {max_length} items bevatten, nu {actual_length}",
    "bool_parsing": "Moet ja of nee zijn (true of false)",
    "bool_type": "Moet ja of nee zijn (true of false)",
    "literal_error": "Kies {expected}",
    "enum": "Kies {expected}",
    "dict_type": "Moet een object zijn",
    "model_type": "Moet een object zijn",
    "model_attributes_type": "Moet een object zijn",
    "list_type": "Moet een lijst zijn",
    "value_error.unknown_rule_id": "Onbekende regel {unknown} (bekend: {known})",
    "value_error": "Ongeldige waarde: {error}",
    # Not from pydantic: the dashboard's own checks before validation.
    "settings_not_object": "Verwacht een JSON-object",
    "json_invalid": "Geen geldige JSON ({error})",
}


def _or_to_of(expected: str) -> str:
    # pydantic lists choices as "'a', 'b' or 'c'"; only the last " or " joins them.
    head, sep, last = expected.rpartition(" or ")
    return f"{head} of {last}" if sep else expected


def validation_message(lang: str, error: dict[str, Any]) -> str:
    """One settings error (``path``, ``message``, ``type``, ``ctx``) in ``lang``.

    English, or an error type without a Dutch text, gives ``message`` as it is.
    """
    message = str(error.get("message", ""))
    if lang != "nl":
        return message
    kind = str(error.get("type") or "")
    ctx = dict(error.get("ctx") or {})
    key = kind
    if kind == "value_error" and ctx.get("reason"):
        key = f"value_error.{ctx['reason']}"
    elif kind == "string_too_short" and ctx.get("min_length") == 1:
        key = "string_too_short.1"
    if kind in ("literal_error", "enum") and isinstance(ctx.get("expected"), str):
        ctx["expected"] = _or_to_of(ctx["expected"])
    template = VALIDATION_NL.get(key) or VALIDATION_NL.get(kind)
    if template is None:
        return message
    try:
        return template.format(**ctx)
    except (KeyError, IndexError, ValueError):
        return message  # a ctx without the expected parameter: better English than a broken text


def t(lang: str, key: str, **params: Any) -> str:
    en, nl = TEXTS[key]
    text = nl if lang == "nl" else en
    return text.format(**params) if params else text


def from_accept_language(header: str | None) -> str:
    """``nl`` when Dutch is preferred over English in ``Accept-Language``, else ``en``."""
    best_lang, best_q = "en", -1.0
    for position, part in enumerate((header or "").split(",")[:20]):
        pieces = part.strip().split(";")
        tag_ = pieces[0].strip().lower()
        q = 1.0
        for param in pieces[1:]:
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        primary = tag_.split("-")[0]
        if primary not in LANGS or q <= 0:
            continue
        # Higher q wins; on a tie the earlier entry wins (order is the preference).
        if q > best_q:
            best_lang, best_q = primary, q
    return best_lang


def pick(settings_language: str, accept_language: str | None) -> str:
    if settings_language in LANGS:
        return settings_language
    return from_accept_language(accept_language)


class Translator:
    """``tr("key", n=3)`` for one request's language."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGS else "en"

    def __call__(self, key: str, **params: Any) -> str:
        return t(self.lang, key, **params)

    def number(self, n: int) -> str:
        # 12,345 in English; 12.345 in Dutch.
        text = f"{n:,}"
        return text.replace(",", ".") if self.lang == "nl" else text
