"""The named signals LG201 and LG202 weigh, and how one message is turned into them.

Like SpamAssassin's tests, every signal is small, named and documented, and
fires or not; its weight is fitted on the labelled corpus
(``scripts/fit_weights.py``) and lives in ``weights.json``, not here.

Signals come from four places: the message text (the pattern files
``patterns/*.md``, one per language, plus ``shared.md`` for prices and
links), the recipient's last message (``asked``, ``refused``), the thread
(how many messages each side wrote) and the channel; two *wording* signals
say how much the words read like the corpus's pitches (``wording.py``, a
token classifier learned from the labels). A few *derived*
signals combine them where a plain sum cannot say it (a permission
question counts only when it carries no hard sell). ``FEATURES`` below is
the catalogue; ``linkedin-guard evaluate --explain`` prints the signals
that fired and their weights.
"""

from __future__ import annotations

from typing import NamedTuple

from guard.signals import lexicon, wording
from guard.signals.language import Languages, identify
from guard.signals.text import clean, fold

# name -> (where it comes from, what it means). Order: the order --explain prints.
FEATURES: dict[str, tuple[str, str]] = {
    "offer": ("text", "something is offered: a product, a service, a package, a free trial, "
                      "\"we help companies like yours\""),
    "discount": ("text", "a discount, a promo code, an early-bird or limited-time price"),
    "claim": ("text", "a sales claim: more leads, double your revenue, save costs, \"clients include\""),
    "cta": ("text", "a call to action: book a demo, schedule a call, sign up, \"interested?\""),
    "benefit": ("text", "asks for something that benefits the sender: buy, invest, partner, resell, "
                        "refer clients, pay to appear"),
    "donation": ("text", "asks for a donation or sponsorship for a charity or cause"),
    "cause": ("text", "asks to sign, vote, join or support a political or idealistic cause"),
    "recruitment": ("text", "a recruitment approach: a recruiter, a client looking for someone, a role offered"),
    "follow_up": ("text", "follows up an earlier pitch: \"just bumping this\", \"did you get a chance\""),
    "cold_opener": ("text", "the cold opener of a stranger: \"I came across your profile\""),
    "industry": ("text", "a trade that sells by cold outreach: SEO, staffing, insurance, crypto, leads"),
    "event_invite": ("text", "invites to a webinar, event or demo day of the sender's company"),
    "permission": ("text", "asks permission before sending an offer: \"may I send you some information?\""),
    "opt_out": ("text", "tells the recipient they can object or stop further messages"),
    "personal": ("text", "personal or social talk: congratulations, thanks, family, drinks"),
    "collegial": ("text", "work talk between people who work together: the meeting, the slides, the invoice"),
    "applicant": ("text", "the sender applies for a job or asks about one"),
    "sharing": ("text", "shares or asks for knowledge, or says it sells nothing: an article, \"as promised\", "
                        "\"any tips?\", \"no sales pitch\""),
    "referral_ask": ("text", "asks the recipient to pass something on: \"do you know anyone?\""),
    "reply": ("text", "answers a question the recipient asked: \"as you asked\", \"here is the quote\""),
    "price": ("shared", "an amount of money, a price per month, user or hour, \"our rates\""),
    "percent": ("shared", "a percentage"),
    "link": ("shared", "a link"),
    "calendar_link": ("shared", "a booking link (Calendly, cal.com, HubSpot meetings)"),
    "asked": ("reply", "the recipient's last message asked for information, an offer or a price"),
    "refused": ("reply", "the recipient's last message said no, not interested, or stop"),
    "earlier_from_me": ("thread", "this is not my first message in the thread"),
    "unanswered": ("thread", "I wrote before and the recipient never answered"),
    "two_way": ("thread", "both sides have written in this thread"),
    "they_wrote_first": ("thread", "the recipient wrote to me first and I have not written yet: I am answering"),
    "long_thread": ("thread", "a long two-way thread (5+ messages each way): a working relationship"),
    "inmail": ("channel", "sent as InMail (to someone outside my network)"),
    "invitation": ("channel", "an invitation note"),
    "permission_only": ("derived", "a permission question without a claim, discount, price or booking link, "
                                   "and without a call to action of its own besides the question (\"mind if I "
                                   "send a video? happy to jump on a call too\" pitches already); a recruiter's "
                                   "first approach is recruitment outreach all the same"),
    "asked_for_it": ("derived", "the recipient asked (and did not say no)"),
    "pitch_after_no": ("derived", "a pitch or follow-up after the recipient said no: worse"),
    "after_no": ("derived", "I wrote before and the recipient's last message said no: anything but an apology "
                            "is pushing"),
    "selling_recruitment": ("derived", "recruitment words with an offer, a claim or a discount: an agency selling "
                                       "its recruitment or secondment services to the recipient's company"),
    "bump": ("derived", "a follow-up phrase in a thread the recipient never answered: pushing an earlier message "
                        "(not a recruiter's nudge about a vacancy that sells nothing)"),
    "friendly_pivot": ("derived", "personal or friendly talk that turns to an offer, a claim or a discount "
                                  "(the coffee-chat pivot)"),
    "cold_pitch": ("derived", "cold opener + call to action + a cold-outreach trade: the cold-call shape"),
    "unknown_language": ("derived", "no known language: judged on shared cues only, less sure"),
    "offer_with_cta": ("derived", "something offered or priced (offer, discount, price) together with a call to "
                                  "action: the shape of a pitch, whatever the words"),
    "thread_upsell": ("derived", "an offer with a call to action inside a two-way thread the recipient did not "
                                 "ask it in: an upsell or pivot, which a long friendly thread does not excuse"),
    "pitch_words": ("wording", "the message's words read like the corpus's solicitations (-1 .. +1; a token "
                               "classifier learned from LG201's labels, see guard/signals/wording.py)"),
    "marketing_words": ("wording", "the message's words read like the corpus's direct marketing and recruitment "
                                   "outreach (-1 .. +1; learned from LG202's labels)"),
}
# Which way a signal may push, per rule, as SpamAssassin keeps a "nice" test's
# score negative when it rescores: the fit may only choose how much. A
# signal not listed may go either way.
_NICE = ("personal", "collegial", "applicant", "sharing", "referral_ask", "reply", "asked", "asked_for_it",
         "long_thread", "two_way", "permission_only", "they_wrote_first")
_SPAMMY = ("offer", "discount", "claim", "cta", "benefit", "donation", "cause", "follow_up", "cold_opener",
           "industry", "event_invite", "price", "calendar_link", "pitch_after_no", "cold_pitch", "after_no",
           "friendly_pivot", "bump", "selling_recruitment", "offer_with_cta", "thread_upsell", "pitch_words",
           "marketing_words")
SIGNS: dict[str, dict[str, int]] = {
    "LG201": {**dict.fromkeys(_NICE, -1), **dict.fromkeys(_SPAMMY, 1), "recruitment": -1, "unanswered": 1},
    "LG202": {**dict.fromkeys(_NICE, -1), **dict.fromkeys(_SPAMMY, 1), "recruitment": 1},
}
# Signals a rule does not weigh at all. pitch_words learned LG201's labels, where a recruiter's approach
# is by law no solicitation: for LG202, which covers recruitment outreach, it would read every recruiter
# as ordinary talk. LG202 has marketing_words, learned from its own labels (and LG201 pitch_words).
UNUSED: dict[str, frozenset[str]] = {"LG201": frozenset({"marketing_words"}), "LG202": frozenset({"pitch_words"})}
TEXT_FEATURES = frozenset(n for n, (src, _) in FEATURES.items() if src in ("text", "shared"))
REPLY_FEATURES = frozenset({"asked", "refused"})
# What LG201 reads as selling; used by the derived signals.
_SELLING = ("offer", "discount", "claim", "cta", "benefit", "price", "calendar_link", "follow_up",
            "event_invite")
_HARD_SELL = ("claim", "discount", "price", "calendar_link")
_OFFERED = ("offer", "discount", "price")
_SELLING_ONLY = ("offer", "discount", "claim", "price", "benefit", "calendar_link")
# The word before a call-to-action phrase that turns it round: "geen interesse", "not interested".
_NEGATIONS = frozenset({"geen", "niet", "not", "no", "don't", "dont"})

MAX_SPANS = 2  # a third phrase for the same signal changes little and costs a search
_STRENGTH = (0.0, 1.0, 1.5)

# The pattern bank is loaded on first use, not at import: the native host
# answers ``hello`` before it ever judges a message.
_STATE: tuple[lexicon.Loaded, lexicon.Bank, dict[str, frozenset[str]], frozenset[str]] | None = None
# The wording tables (wording.json), loaded with the bank; ``use_wording`` swaps them (the fit does).
_WORDING: wording.Tables | None = None


def wording_tables() -> wording.Tables:
    global _WORDING
    if _WORDING is None:
        _WORDING = wording.load_tables()
    return _WORDING


def use_wording(tables: dict[str, dict[str, float]] | None) -> None:
    """Read messages with these wording tables (signal -> token -> log-odds) from now on (None: the shipped ones)."""
    global _WORDING
    _WORDING = None if tables is None else wording.compile_tables(tables)


def _state() -> tuple[lexicon.Loaded, lexicon.Bank, dict[str, frozenset[str]], frozenset[str]]:
    global _STATE
    if _STATE is None:
        loaded = lexicon.load_all()
        for f in loaded.files.values():
            for name in f.features:
                if name not in FEATURES:
                    raise lexicon.PatternError(f"{f.lang}.md: unknown signal ## {name} (known: {', '.join(FEATURES)})")
        common = {lang: loaded.files[lang].common_words for lang in lexicon.LANGUAGES}
        # Every language's common words together: a message's words are cut to
        # these once, and the languages count among a handful.
        _STATE = (loaded, loaded.bank, common, frozenset().union(*common.values()))
    return _STATE


def __getattr__(name: str):
    # ``BANK``, ``COMMON`` and ``_LOADED`` as module attributes, loaded when first asked for.
    if name == "BANK":
        return _state()[1]
    if name == "COMMON":
        return _state()[2]
    if name == "_LOADED":
        return _state()[0]
    raise AttributeError(name)
_FORMAL_NL = frozenset({"u", "uw", "uzelf"})


class Extraction(NamedTuple):
    text: str  # the cleaned text evidence is quoted from
    languages: Languages
    formal: bool
    values: dict[str, float]
    spans: dict[str, list[tuple[int, int]]]  # text features -> where in ``text``


def _match(low: str, words: frozenset[str], groups: tuple[str, ...], wanted: frozenset[str]
           ) -> dict[str, list[tuple[int, int]]]:
    bank = _STATE[1] if _STATE is not None else _state()[1]
    return match_spans(bank, low, words, groups, wanted)


def match_spans(bank: lexicon.Bank, low: str, words: frozenset[str], groups: tuple[str, ...],
                wanted: frozenset[str]) -> dict[str, list[tuple[int, int]]]:
    """Per signal, where its phrases match in the folded text ``low`` (see ``Bank.spans``)."""
    return bank.spans(low, words, groups, wanted, MAX_SPANS)


_LANGUAGES_MEMO: dict[tuple[frozenset[str], str | None, bool], Languages] = {}


def _languages(common_words: frozenset[str], common: dict[str, frozenset[str]], prefer: str | None,
               many_words: bool) -> Languages:
    """``identify`` for a message with these common words (remembered: typing keeps them for many keystrokes)."""
    key = (common_words, prefer, many_words)
    got = _LANGUAGES_MEMO.get(key)
    if got is None:
        if len(_LANGUAGES_MEMO) > 4096:
            _LANGUAGES_MEMO.clear()
        got = _LANGUAGES_MEMO[key] = identify(common_words, common, lexicon.LANGUAGES, prefer, 9 if many_words else 0)
    return got


# Dutch LinkedIn talk borrows English sales phrases ("early access", "free trial", "book a demo")
# without enough English everyday words to count as English: a Dutch message is read with the
# English patterns too. (The message's languages stay what they are; only the patterns read grow.)
_BORROWS = {"nl": ("en",)}


def _read_with(used: tuple[str, ...]) -> tuple[str, ...]:
    """The pattern files a message in these languages is read with."""
    if not any(lang in _BORROWS for lang in used):
        return used
    return tuple(dict.fromkeys((*used, *(b for lang in used for b in _BORROWS.get(lang, ())))))


def _cta_besides_permission(text: str, spans: dict[str, list[tuple[int, int]]]) -> bool:
    """A call to action outside the permission question ("... mind if I send it? Happy to jump on a call").

    Asking leaves the choice to the recipient; a second, unconditional push
    does not: the message pitches already. A negated phrase ("geen interesse",
    "not interested") is an opt-out, not a push.
    """
    asks = spans.get("permission", ())
    for start, end in spans.get("cta", ()):
        if any(start < a_end and a_start < end for a_start, a_end in asks):
            continue
        before = text[max(0, start - 12):start].split()
        if before and fold(before[-1]) in _NEGATIONS:
            continue
        return True
    return False


def wording_of(tables: wording.Tables, low: str, values: dict[str, float], common: frozenset[str] = frozenset()
               ) -> tuple[dict[str, float], dict[str, list[tuple[int, int]]]]:
    """The wording signals of a message whose other signals are ``values``, and their quoted spans.

    A bump's own words do not say it is ordinary talk: "Ich schiebe das
    nochmal nach oben 😊" pushes the pitch it follows up, and its few words,
    which ordinary talk uses too, would otherwise pull it below the
    threshold. So a bump keeps only a positive wording value.
    """
    worded, spans = wording.read(tables, low, common)
    if worded and values.get("bump"):
        worded = {name: v for name, v in worded.items() if v > 0}
    return worded, spans


def words_of(low: str) -> frozenset[str]:
    return frozenset(low.split())


def extract(text: str, *, me: int = 0, them: int = 0, last_from_recipient: str | None = None,
            channel: str = "message", prefer_language: str | None = None) -> Extraction:
    src = clean(text)
    low = fold(src)
    words = words_of(low)
    state = _STATE if _STATE is not None else _state()
    common, all_common = state[2], state[3]
    langs = _languages(words & all_common, common, prefer_language, len(words) > 8)
    spans = _match(low, words, (*_read_with(langs.used), lexicon.SHARED, lexicon.ANY), TEXT_FEATURES)
    # A signal counts more when two different phrases say it (1.5 times).
    values = {name: _STRENGTH[min(len(found), 2)] for name, found in spans.items()}
    if last_from_recipient:
        rlow = fold(clean(last_from_recipient))
        rwords = words_of(rlow)
        rlangs = identify(rwords & all_common, common, lexicon.LANGUAGES, langs.primary or prefer_language,
                          len(rwords))
        reply_groups = tuple(dict.fromkeys((*rlangs.used, *langs.used, lexicon.SHARED)))
        for name in _match(rlow, rwords, reply_groups, REPLY_FEATURES):
            values[name] = 1.0
    if me > 0:
        values["earlier_from_me"] = 1.0
        if them == 0:
            values["unanswered"] = 1.0
    if me == 0 and them > 0:
        values["they_wrote_first"] = 1.0
    if me > 0 and them > 0:
        values["two_way"] = 1.0
        if me >= 5 and them >= 5:
            values["long_thread"] = 1.0
    if channel in ("inmail", "invitation"):
        values[channel] = 1.0
    get = values.get
    if (get("permission") and not get("recruitment") and not any(get(n) for n in _HARD_SELL)
            and not _cta_besides_permission(src, spans)):
        values["permission_only"] = 1.0
    if get("asked") and not get("refused"):
        values["asked_for_it"] = 1.0
    if get("refused") and any(get(n) for n in _SELLING):
        values["pitch_after_no"] = 1.0
    if get("recruitment") and (get("offer") or get("claim") or get("discount")):
        values["selling_recruitment"] = 1.0
    # A recruiter's nudge pushes a vacancy, not a sale (LG202's matter, and LG202 asks only of first messages).
    if get("follow_up") and get("unanswered") and not (get("recruitment") and not any(get(n) for n in _SELLING_ONLY)):
        values["bump"] = 1.0
    if get("personal") and (get("offer") or get("claim") or get("discount") or get("benefit")):
        values["friendly_pivot"] = 1.0
    if get("refused") and me > 0:
        values["after_no"] = 1.0
    if get("cold_opener") and get("cta") and get("industry"):
        values["cold_pitch"] = 1.0
    if get("cta") and any(get(n) for n in _OFFERED):
        values["offer_with_cta"] = 1.0
    # (Not an offer with a discount alone: colleagues and partners discuss exactly that in long threads.)
    if get("two_way") and not get("asked") and get("offer_with_cta"):
        values["thread_upsell"] = 1.0
    if langs.primary is None:
        values["unknown_language"] = 1.0
    worded, worded_spans = wording_of(_WORDING if _WORDING is not None else wording_tables(), low, values, all_common)
    if worded:
        values.update(worded)
        if worded_spans:
            spans = {**spans, **worded_spans}  # a new dict: the matcher's own may be remembered
    formal = langs.primary == "nl" and not words.isdisjoint(_FORMAL_NL)
    return Extraction(src, langs, formal, values, spans)
