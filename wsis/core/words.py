"""Words of a search in six languages: case- and accent-folded forms and their stems.

A query word matches a text when one of its forms (the folded word, or a Snowball stem of it) is found
in the text's folded words or stems. Stemming takes the script of the word: Cyrillic → Russian, Arabic
script → Arabic, Latin → English, French and Spanish together (the language of a query is not known:
"políticas" in an English page is still Spanish). Chinese has no inflection and is matched as a substring.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)
# Beyond this many words a query is not a search any more; the rest are ignored.
MAX_WORDS = 8
_STEMMERS = {name: snowballstemmer.stemmer(name) for name in ("english", "french", "spanish", "russian", "arabic")}


def fold(text: str) -> str:
    """Case- and accent-folded text: 'Télécommunications' → 'telecommunications', 'Ёлка' → 'елка'.

    Combining marks are dropped after canonical decomposition (Latin accents, Arabic short vowels, the
    Cyrillic breve of 'й'); compatibility forms (full-width letters, ligatures) are unfolded too.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def script(word: str) -> str:
    for ch in word:
        name = unicodedata.name(ch, "")
        if name.startswith("CYRILLIC"):
            return "cyrillic"
        if name.startswith("ARABIC"):
            return "arabic"
        if name.startswith("LATIN"):
            return "latin"
        if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
            return "cjk"
    return "other"


def _stemmers(kind: str) -> tuple[str, ...]:
    return {"cyrillic": ("russian",), "arabic": ("arabic",), "latin": ("english", "french", "spanish")}.get(kind, ())


@lru_cache(maxsize=50_000)
def forms(word: str) -> frozenset[str]:
    """The folded word and its folded stems (only those of three characters or more, to stay selective)."""
    lowered = word.casefold()
    out = {fold(lowered)}
    for name in _stemmers(script(lowered)):
        stem = fold(_STEMMERS[name].stemWord(lowered))
        if len(stem) >= 3:
            out.add(stem)
    return frozenset(f for f in out if f)


def query_words(text: str) -> list[str]:
    """The words of a query, case-folded, in order, without repeats, at most MAX_WORDS."""
    seen: list[str] = []
    for w in WORD.findall(text.casefold()):
        if w not in seen:
            seen.append(w)
    return seen[:MAX_WORDS]


def query_forms(text: str) -> list[frozenset[str]]:
    """For each word of a query, the forms any of which may match (AND over words, OR within a word)."""
    return [forms(w) for w in query_words(text)]


def stems_line(text: str) -> str:
    """Every distinct folded form of every word of a text, space separated: what a search index stores beside
    the text itself so that a query word's stem finds the text's other word forms and unaccented spellings."""
    out: dict[str, None] = {}
    for w in WORD.findall(text.casefold()):
        for f in sorted(forms(w)):
            out.setdefault(f, None)
    return " ".join(out)


def matches(query: list[frozenset[str]], text_words: list[str], folded_text: str, folded_query: str = "") -> int:
    """How well a short text (a name, a title) matches a query: 0 = no match, higher = better.

    Each query word must match: one of its forms starts a word of the text (a stem or a word being typed),
    or, for scripts written without spaces, appears inside the text. Arabic words of the text are also tried
    without the article and the clitics written before it ("الكينية" → "كينية"). 3 = the whole text is the query,
    2 = every query word starts a word, 1 = found inside.
    """
    if not query:
        return 0
    score = 2
    for alternatives in query:
        if any(tw.startswith(a) for a in alternatives for tw in text_words):
            continue
        if any(a in folded_text for a in alternatives if script(a) in ("cjk", "other")):
            score = 1
            continue
        return 0
    if folded_query and " ".join(WORD.findall(folded_text)) == folded_query:
        return 3
    return score


def folded_query(text: str) -> str:
    """The query as `matches` compares it with a whole text: folded words joined by one space."""
    return " ".join(WORD.findall(fold(text)))


ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")


def text_words(text: str) -> tuple[list[str], str]:
    """The folded words of a short text and the folded text, for `matches`."""
    folded = fold(text)
    words = WORD.findall(folded)
    extra = []
    for w in words:
        if script(w) == "arabic":
            for p in ARABIC_PREFIXES:
                if w.startswith(p) and len(w) - len(p) >= 2:
                    extra.append(w[len(p):])
                    break
    return words + extra, folded
