"""Which languages a message is written in: a small everyday-word model shipped with the package.

Every pattern file lists its language's *common words* — articles,
pronouns, prepositions, greetings, the words nearly every sentence has
("de het een jij niet", "the and you with", "der und nicht Sie",
"le et vous avec", "el y usted con"). A message is scored per language by
how many of its distinct words are on that list; no download, no model
file, and a few set intersections per message (microseconds).

* The best-scoring language is the *primary* one (a tie goes to the
  language LinkedIn's UI shows, then to the order nl, en, de, fr, es).
* Every language scoring at least two words and at least a third of the
  best is *used*: a Dutch message with English sales phrases is read with
  both pattern files. For this a further language counts only the words
  the lists of the languages already taken lack: French and Spanish share "de la que
  un se si", Dutch and German "die hier was", and a Spanish message full
  of them is no French one (read with French phrases too, it would match
  them by chance).
* No common word at all — or just one in a message of more than eight
  words, which is chance ("una" in Italian) — the language is unknown. The message is then
  judged with the shared cues only (prices, links, calendar links) and the
  warning says the guard is less sure.

Confidence is ``high`` when the primary language has three or more common
words and leads clearly, ``low`` when unknown, else ``medium``.
"""

from __future__ import annotations

from typing import Iterable, Mapping, NamedTuple


class Languages(NamedTuple):
    primary: str | None  # None: unknown
    used: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]
    confidence: str  # "high" | "medium" | "low"


def identify(words: frozenset[str], common: Mapping[str, frozenset[str]], order: Iterable[str],
             prefer: str | None = None, n_words: int | None = None) -> Languages:
    """``n_words``: how many distinct words the message has, when ``words`` holds only its common words."""
    counts = tuple([(lang, len(words & common[lang])) for lang in order])
    best = max([n for _, n in counts], default=0)
    if best == 0 or (best == 1 and (len(words) if n_words is None else n_words) > 8):
        return Languages(None, (), counts, "low")
    tied = [lang for lang, n in counts if n == best]
    primary = prefer if prefer in tied else tied[0]
    floor = max(2, best / 3)
    # A further language shows only in words the languages already taken do not explain;
    # they are taken in order of their counts.
    explained = common[primary]
    used = [primary]
    second = 0
    for lang, n in sorted(counts, key=lambda c: -c[1]):
        if lang == primary or not n:
            continue
        own = len(words & common[lang] - explained)
        second = max(second, own)
        # A tie with the primary language (in shared words only: "de", "a", "te") cannot be told apart: read both.
        if own >= floor or (n == best and n >= 2):
            used.append(lang)
            explained = explained | common[lang]
    used = tuple(used)
    confidence = "high" if best >= 3 and best >= second + 2 else "medium"
    return Languages(primary, used, counts, confidence)
