"""Regions (provinces, regencies, cities) a document is about.

Mentions are found with the project gazetteer (``netra.regions``) and sorted
into three kinds, used in this order of preference:

1. *explicit*: a name with its level word ("Kabupaten Bantul", "se-Provinsi
   Sumatera Selatan") or a bare name used on its own ("di Sigi", "Hotel Aston Kupang");
2. *attached*: a bare name inside an institution or position ("Bawaslu Lampung",
   "Pj Bupati Mempawah") - used only when there is no explicit mention;
3. *dateline*: "SUNGAI PENUH (Sekatanews) -" - used only when there is nothing else.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz, process

from netra.extract.patterns import grouped
from netra.extract.record import Document, Region
from netra.regions.gazetteer import (
    CITY,
    DISTRICT,
    PREFIX_LEVELS,
    PROVINCE,
    REGENCY,
    Gazetteer,
    Place,
    display_name,
    lokal_gazetteer,
    name_key,
)

DATA = tomllib.loads((Path(__file__).parent / "data" / "regions.toml").read_text(encoding="utf-8"))
RULES = DATA["rules"]
DISPLAY_NAMES: dict[str, str] = DATA["display_names"]
DISPLAY_DROP = re.compile(r"\b(?:{})\s+".format("|".join(map(re.escape, RULES["display_drop_words"]))))
WEAK_BARE = frozenset(name_key(n) for n in RULES["weak_bare_names"])
SUB_REGION_WORDS = frozenset(RULES["sub_region_words"])
ATTACHING_WORDS = frozenset(RULES["attaching_words"])
ELECTION_BODY_WORDS = frozenset(RULES["election_body_words"])
NATIONAL_BODIES = frozenset(RULES["national_bodies"])
VENUE_WORDS = frozenset(RULES["venue_words"])
ELECTION_SCOPE_WORDS = frozenset(RULES["election_scope_words"])
REGION_LEVELS = (PROVINCE, REGENCY, CITY)
COUNT_FOLLOWS = re.compile(r"\s+(?:{})\b[,:]?\s+(?:sebanyak\s+|ada\s+|total\s+)?\d".format(
    "|".join(RULES["count_verbs"])))
LEVEL_WORDS = {w: levels[0] for w, levels in PREFIX_LEVELS.items() if levels[0] in REGION_LEVELS}
MAX_NAME_TOKENS = 4
# region_at reads at most token 6: "(BKD)", a level word, ".", then a name of MAX_NAME_TOKENS tokens;
# one more keeps every "is there a token at index k <= 6" test as with all the tokens.
REGION_AT_TOKENS = 3 + MAX_NAME_TOKENS + 1
# Capitalised words that may follow a bare region name without making it part of a longer name.
NOT_NAME_FOLLOWERS = frozenset(RULES["not_name_followers"])

# Leading spaces are part of a match (the token is group 1): the scan does not try every alternative at each
# space, and the tokens are the same.
TOKEN = re.compile(r"\s*+(\([^()\n]{0,40}\)|[A-Za-z][A-Za-z'’-]*|\d[\d./]*|[^\sA-Za-z\d])")
# The same, with a run of lower-case words as one token (they only separate names; level words such as
# "kabupaten" stay tokens of their own). About half as many tokens on a news line.
# The level words are grouped by first letter (patterns.grouped), so that most words are ruled out at their first
# letter. The word and space runs are possessive: a shorter one could not be followed by what comes next, so after
# a word "not followed by a letter, apostrophe or hyphen" is "not followed by a capital".
_LOWER_WORD = r"[a-z][a-z'’-]*+(?![A-Z])"
_LEVEL_WORD = r"{}\b".format(grouped("kabupaten|kota|provinsi|kab|prov|kecamatan|desa|kelurahan|distrik"))
TOKEN_RUNS = re.compile(
    rf"\s*+(\([^()\n]{{0,40}}\)|(?!{_LEVEL_WORD}){_LOWER_WORD}(?:\s++(?!{_LEVEL_WORD}){_LOWER_WORD})*+"
    r"|[A-Za-z][A-Za-z'’-]*|\d[\d./]*|[^\sA-Za-z\d])"
)
# "SUNGAI PENUH (Sekatanews) -", "Seluma, mediabengkulu.co –", "KORANBERNAS.ID, SLEMAN--"
# The word and separator runs are possessive: a shorter one could never be followed by what comes next,
# so this matches as with plain ones, without the backtracking.
DATELINE = re.compile(
    r"^(?P<head>[A-Z][\w.'’]*+(?:[ ,]++[\w.'’]++){0,5}?)(?:\s*+\([^)]{1,40}\))?"
    # the dash has a space on one side ("MUNA – ", "Satujuang- ") or follows a capital or ")" ("JAKARTA-Bawaslu"):
    # not the hyphen of "masing-masing"
    r"(?:\s+[-–—]{1,2}\s*|[-–—]{1,2}\s+|(?<=[A-Z)])[-–—]{1,2})(?=\S)"
)
DATELINE_DASHES = ("-", "–", "—")  # a dateline has one of them: a line without them needs no match
# Capitalised words as TOKEN_RUNS reads them (and a few more, inside longer tokens).
CAPITALISED_WORD = re.compile(r"[A-Z][A-Za-z'’-]*")
# A level word in lower case ("kota", the end of the run "di propinsi"; a few more inside longer words).
LOWER_CASE_LEVEL_WORD = re.compile(
    r"(?:{})(?![A-Za-z'’-])".format("|".join(sorted(LEVEL_WORDS, key=len, reverse=True))))
# Every level word has one of these in it: a line without them has none.
LOWER_CASE_LEVEL_WORD_PARTS = ("kota", "kab", "prov", "propinsi")
assert all(any(part in word for part in LOWER_CASE_LEVEL_WORD_PARTS) for word in LEVEL_WORDS)
# What region_at can read a region from: a bracket (a name may follow it), a capital, or a level word in
# any case ("kota"); nothing else begins a region name.
REGION_MAY_FOLLOW = re.compile(
    r"\s*(?:[A-Z(]|(?i:{})(?![A-Za-z'’-]))".format("|".join(sorted(LEVEL_WORDS, key=len, reverse=True))))
# After a word, the beginning of another name token (a letter other than a-z, after spaces).
NAME_MAY_FOLLOW = re.compile(r"\s+[^\W\da-z_]")
UPPER_WORD = re.compile(r"\b[A-Z][A-Z'’-]{2,}(?:\s+[A-Z][A-Z'’-]{2,})*\b")
ABBREVIATION_IN_BRACKETS = re.compile(r"\([A-Z]{2,6}\)")
BRACKETED_ABBREVIATION = re.compile(r"\(([A-Z]{2,6})\)")


@dataclass(slots=True)
class Mention:
    places: list[Place]
    start: int
    kind: str  # "explicit" | "attached" | "dateline"
    level_hint: str | None = None


class Token(NamedTuple):
    text: str
    start: int
    lower: str
    key: str  # lower-case, without hyphens and apostrophes
    is_name: bool  # capitalised word (or a short all-caps one)


# Token((text, start, lower, key, is_name)) without a Python call (LazyTokens makes many).
new_token = partial(tuple.__new__, Token)
NO_TOKEN = Token("", -1, "", "", False)  # before the first token of a line


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return lokal_gazetteer(2)


@lru_cache(maxsize=1)
def region_keys() -> dict[str, list[Place]]:
    """Name key -> provinces/regencies/cities (O(1) lookups)."""
    keys: dict[str, list[Place]] = {}
    for key, entries in gazetteer().by_key.items():
        places = [place for place, _ in entries if place.level in REGION_LEVELS]
        if places:
            keys[key] = places
    return keys


@lru_cache(maxsize=1)
def region_key_prefixes() -> frozenset[str]:
    """Every beginning of a region name key: a run of name tokens can be a region only if its first key is one."""
    return frozenset(key[:end] for key in region_keys() for end in range(1, len(key) + 1))


@lru_cache(maxsize=1)
def abbreviation_keys() -> frozenset[str]:
    """Keys written in capitals in the alias list ("NTB", "DKI"): the only all-caps words matched."""
    return frozenset(key for key, entries in gazetteer().by_key.items()
                     if any(matched.isupper() for _, matched in entries))


@lru_cache(maxsize=1)
def fuzzy_choices() -> tuple[list[str], frozenset[str]]:
    """Keys of multi-word region names, and the words those names are made of."""
    keys, words = [], set()
    for place in gazetteer().by_code.values():
        if place.level not in REGION_LEVELS:
            continue
        name_words = DISPLAY_DROP.sub("", place.name).split()[1:] if place.level != PROVINCE \
            else place.name.split()
        if len(name_words) >= 2:
            keys.append(name_key(place.name))
            words.update(w.lower() for w in name_words if len(w) > 4)
    return keys, frozenset(words)


@lru_cache(maxsize=1)
def district_keys() -> frozenset[str]:
    """Name keys of districts (kecamatan/distrik), for positions such as "Camat Sewon"."""
    return frozenset(key for key, entries in lokal_gazetteer(3).by_key.items()
                     if any(place.level == DISTRICT for place, _ in entries))


def region_display(place: Place) -> str:
    if place.code in DISPLAY_NAMES:
        return DISPLAY_NAMES[place.code]
    return DISPLAY_DROP.sub("", display_name(place))


def bare_region_name(place: Place) -> str:
    """ "Kabupaten Rokan Hilir" -> "Rokan Hilir" (for names like "Polres Rokan Hilir")."""
    words = region_display(place).split()
    return " ".join(words[1:]) if words and words[0].lower() in LEVEL_WORDS else " ".join(words)


def as_region(place: Place) -> Region:
    return Region(name=region_display(place), level=place.level, code=place.code)


class LazyTokens(dict):
    """Tokens read from regex matches: index -> Token, each made when first read (most never are).

    A dict, so that reading a token already made costs no Python call. ``count`` is the number of tokens.
    With ``runs`` (TOKEN_RUNS matches), a token beginning in lower case is a run of lower-case words: one
    non-name token that reads as its last word.
    """

    __slots__ = ("matches", "count", "offset", "runs")

    def __init__(self, matches: list[re.Match], offset: int, runs: bool) -> None:
        super().__init__()
        self.matches = matches
        self.count = len(matches)
        self.offset = offset
        self.runs = runs

    def __missing__(self, i: int) -> Token:
        match = self.matches[i]
        text = match[1]
        first = text[0]
        if self.runs and first.islower():
            last = text[text.rfind(" ") + 1:]
            token = new_token((text, match.start(1) + self.offset, last, last, False))
        elif first.isupper() and first.isalpha():
            lower = text.lower()
            key = lower if lower.isalnum() else lower.replace("-", "").replace("'", "").replace("’", "")
            token = new_token((text, match.start(1) + self.offset, lower, key, len(text) <= 5 or not text.isupper()))
        else:
            lower = text.lower()
            token = new_token((text, match.start(1) + self.offset, lower, lower, False))
        self[i] = token
        return token

    def containing(self, positions: list[int]) -> list[int]:
        """Indices of the tokens that contain these character positions, in order. (A match begins with the
        spaces before its token: a position in a token is still after its match's beginning and before the next.)"""
        return sorted({bisect_right(self.matches, position, key=re.Match.start) - 1 for position in positions})


def line_tokens(line: str, offset: int) -> LazyTokens:
    """The tokens of a whole line as TOKEN_RUNS reads them (``find_mentions`` reads only a few)."""
    return LazyTokens(list(TOKEN_RUNS.finditer(line)), offset, runs=True)


def tokens_from(tokens: LazyTokens, i: int, n: int) -> list[Token]:
    """The tokens ``i`` to ``i + n - 1`` (fewer at the end)."""
    return [tokens[k] for k in range(i, min(i + n, tokens.count))]


@lru_cache(maxsize=1)
def region_word_kinds() -> dict[str, str]:
    """``region_word_kind`` of the words that have one, by the word in lower case: "name", else "start", else
    "level" wins. A word in lower case that is not in it has none if it is its own key (no hyphen or
    apostrophe)."""
    kinds = dict.fromkeys(LEVEL_WORDS, "level")
    kinds.update(dict.fromkeys(fuzzy_choices()[1], "start"))
    kinds.update(dict.fromkeys(region_key_prefixes(), "start"))
    kinds.update(dict.fromkeys(region_keys(), "name"))
    for word in [word for word in kinds if not word.isalnum()]:
        kinds[word] = region_word_kind(word, kinds)  # a word that is not its own key, as "una-una" may be
    return kinds


def region_word_kind(word: str, kinds: dict[str, str]) -> str:
    """How a region name (or a misspelt one, see ``fuzzy_lookup``) can begin with this capitalised word:
    "name" if its key is a region key, "start" if it begins one or is a word of a multi-word region name
    (then it needs another name right after it), else "level" for a level word and "" for any other word.
    ``lookup`` and ``fuzzy_lookup`` find nothing at the last two (document aliases apart).

    ``kinds`` is ``region_word_kinds()``.
    """
    lower = word.lower()
    if lower.isalnum():
        return kinds.get(lower, "")
    key = lower.replace("-", "").replace("'", "").replace("’", "")
    if key in region_keys():
        return "name"
    if key in region_key_prefixes() or lower in fuzzy_choices()[1]:
        return "start"
    return "level" if lower in LEVEL_WORDS else ""


def strip_dateline(line: str) -> tuple[str, str | None]:
    """(line without its dateline, the dateline's place words or None)."""
    if len(line) < 60 or not any(map(line.__contains__, DATELINE_DASHES)):
        return line, None
    match = DATELINE.match(line)
    if match is None:
        return line, None
    head = match["head"]
    places = " ".join(UPPER_WORD.findall(head)) or head.split(",")[0]
    return " " * match.end() + line[match.end():], places


def lookup(tokens: LazyTokens, i: int, doc_aliases: dict[str, Place]) -> tuple[list[Place], int]:
    """Longest run of name tokens at ``i`` that is a region name: (places, tokens used)."""
    if i >= tokens.count:
        return [], 0
    first = tokens[i]
    key_prefixes = region_key_prefixes()
    if not first.is_name or (first.key not in key_prefixes and first.text not in doc_aliases):
        return [], 0  # most capitalised words: no region name starts with them
    keys = region_keys()
    if (longer := longest_name_run(tokens, i, first.key, keys, key_prefixes))[1]:
        return longer
    if first.text in doc_aliases:
        return [doc_aliases[first.text]], 1
    if first.text.isupper() and first.lower not in abbreviation_keys():
        return [], 0
    return (keys[first.key], 1) if first.key in keys else ([], 0)


def longest_name_run(tokens: LazyTokens, i: int, run_key: str, keys: dict[str, list[Place]],
                     key_prefixes: frozenset[str]) -> tuple[list[Place], int]:
    """The longest run of 2 to MAX_NAME_TOKENS name tokens at ``i`` whose keys together are a region key, as
    (places, tokens used); ``run_key`` is the first token's key. ([], 0) if there is none.

    A run is read only while its keys together begin a region key: no longer run could be one.
    """
    found: tuple[list[Place], int] = ([], 0)
    for n in range(2, MAX_NAME_TOKENS + 1):
        if run_key not in key_prefixes or i + n - 1 >= tokens.count or not (token := tokens[i + n - 1]).is_name:
            break
        run_key += token.key
        if run_key in keys:
            found = keys[run_key], n
    return found


def fuzzy_lookup(tokens: LazyTokens, i: int) -> tuple[list[Place], int]:
    """A region name with a typo ("Kepulauan Tanimbat"), for runs of 2-3 capitalised words."""
    choices, name_words = fuzzy_choices()
    if tokens[i].lower not in name_words:
        return [], 0
    for n in (3, 2):
        run = tokens_from(tokens, i, n)
        if len(run) < n or not all(t.is_name and t.text[0].isupper() for t in run):
            continue
        if not any(t.lower in name_words for t in run):
            continue
        query = "".join(t.lower for t in run)
        if len(query) < RULES["fuzzy_min_chars"]:
            continue
        found = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=RULES["fuzzy_min_score"])
        if found:
            return region_keys()[found[0]], n
    return [], 0


def is_attached(tokens: LazyTokens, i: int) -> tuple[bool, str | None]:
    """Whether the capitalised run before token ``i`` names an institution or position."""
    j = i - 1
    steps = 0
    while j >= 0 and steps < 8:
        token = tokens[j]
        if token.lower.strip("()") in ELECTION_SCOPE_WORDS:
            return False, None
        if token.text.startswith("("):
            j -= 1
            continue
        if not (token.text[0].isupper() or token.text[0].isdigit()):
            break
        if token.lower in ATTACHING_WORDS:
            return True, level_hint_of(token.lower)
        j -= 1
        steps += 1
    return False, None


def level_hint_of(word: str) -> str | None:
    if word in {"pemkot", "pemko", "walikota", "wali", "wawali", "sekdakot"}:
        return CITY
    if word in {"pemkab", "bupati", "wabup", "sekdakab"}:
        return REGENCY
    if word in {"pemprov", "gubernur", "wagub", "sekdaprov"}:
        return PROVINCE
    return None


def find_mentions(line: str, offset: int, doc_aliases: dict[str, Place], where: list[int]) -> list[Mention]:
    """Region mentions in ``line``, which may begin only at the character positions ``where``."""
    tokens = line_tokens(line, offset)
    mentions: list[Mention] = []
    resume = 0  # the tokens before it were read as part of a name
    for i in tokens.containing(where):
        if i < resume:
            continue
        token = tokens[i]
        level = LEVEL_WORDS.get(token.lower)
        if level is None and token.lower.startswith("se-"):  # "se-Kabupaten Ogan Komering Ilir"
            level = LEVEL_WORDS.get(token.lower[3:].lower())
        if not token.is_name and not level:
            continue
        previous = tokens[i - 1] if i > 0 else NO_TOKEN
        if level and i + 1 < tokens.count:
            # "Kabupaten. Dompu", "Kabupaten (Pemkab) Dompu": a dot or an abbreviation between level and name
            j = i + 2 if tokens[i + 1].text == "." or tokens[i + 1].text.startswith("(") else i + 1
            places, used = lookup(tokens, j, doc_aliases)
            places = [p for p in places if p.level == level] or [
                p for p in places if level == CITY and p.level == REGENCY]
            if places:
                # "Bawaslu Provinsi Bali": a province written only as an election body's seat
                seat = level == PROVINCE and previous.lower in ELECTION_BODY_WORDS
                mentions.append(Mention(places, token.start, "seat" if seat else "explicit", level))
                resume = j + used
                remember_abbreviation(tokens, resume, places[0], doc_aliases)
                continue
        if token.is_name and previous.lower.rstrip(".") not in SUB_REGION_WORDS:
            places, used = lookup(tokens, i, doc_aliases)
            if not places:
                places, used = fuzzy_lookup(tokens, i)
            if places:
                resume = i + used
                key = "".join(t.lower for t in tokens_from(tokens, i, used))
                attached, hint = is_attached(tokens, i)
                if attached and counts_follow(line, tokens[resume - 1], offset):
                    attached = False  # "Bawaslu Sulsel mencatat, sebanyak 46 ASN": the region's own count
                if previous.text in NATIONAL_BODIES:
                    continue  # "Kepala BKN Bima Haria": a national body has no region; a name follows
                # "konferensi pers di Jakarta" is a venue; "BKN di Jakarta" the seat of a body
                venue = (key in WEAK_BARE and previous.lower in VENUE_WORDS and " " in previous.text
                         and not attached)
                if (key not in WEAK_BARE or venue) and (attached or not continues_a_name(tokens, resume)):
                    mentions.append(Mention(places, token.start, "attached" if attached else "explicit", hint))
                    remember_abbreviation(tokens, resume, places[0], doc_aliases)
    return mentions


def counts_follow(line: str, last: Token, offset: int) -> bool:
    """Whether a count verb and a number follow the name ending with token ``last`` (COUNT_FOLLOWS)."""
    return COUNT_FOLLOWS.match(line, last.start - offset + len(last.text)) is not None


def continues_a_name(tokens: LazyTokens, i: int) -> bool:
    """"Bima Arya", "Buru Sergap": a capitalised word right after makes the match part of a longer name."""
    if i >= tokens.count:
        return False
    following = tokens[i]
    return following.is_name and not following.text.isupper() and following.lower not in NOT_NAME_FOLLOWERS


def remember_abbreviation(tokens: LazyTokens, i: int, place: Place, doc_aliases: dict[str, Place]) -> None:
    """"Maluku Barat Daya (MBD)": MBD names that region for the rest of the document."""
    if i < tokens.count and ABBREVIATION_IN_BRACKETS.fullmatch(tokens[i].text):
        doc_aliases[tokens[i].text[1:-1]] = place


def choose_place(mention: Mention, preferred_codes: AbstractSet[str]) -> Place:
    """One place for an ambiguous name ("Bandung"): the one the text names explicitly, else a hint."""
    places = mention.places
    if len(places) == 1:
        return places[0]
    for place in places:
        if place.code in preferred_codes:
            return place
    if mention.level_hint:
        for place in places:
            if place.level == mention.level_hint:
                return place
    return places[0]


def where_to_look(line: str, doc_aliases: dict[str, Place]) -> list[int]:
    """Where a mention may begin in ``line``: capitalised words with which a region name or a document alias
    can begin, and level words (also an abbreviation the line itself brackets: after a region's name, as
    "(MBD)", it becomes an alias). Empty when no region name can begin anywhere in the line.

    Cheap: the line is only scanned for words, before it is tokenized. A bracketed abbreviation alone is no
    reason to look: it becomes an alias only after a region found in the line, at one of the other words.
    """
    kinds = region_word_kinds()
    bracketed = BRACKETED_ABBREVIATION.findall(line) if "(" in line else ()
    no_aliases = not doc_aliases and not bracketed
    where, also = [], []
    for match in CAPITALISED_WORD.finditer(line):
        word = match[0]
        # the table, read directly, answers for all but the few words with a hyphen or apostrophe (cheaper than
        # a call per word new to the document, which a per-document cache needed)
        kind = kinds.get(word.lower())
        if kind is None:
            kind = "" if word.isalpha() else region_word_kind(word, kinds)
        if not kind and no_aliases:
            continue  # most words
        if kind == "name" or kind == "start" and NAME_MAY_FOLLOW.match(line, match.end()) or word in doc_aliases:
            where.append(match.start())
        elif kind == "level" or kind == "start" and word.lower() in LEVEL_WORDS or word in bracketed:
            also.append(match.start())
    if not where:
        return []
    if not any(map(line.__contains__, LOWER_CASE_LEVEL_WORD_PARTS)):
        return where + also
    return where + also + [match.start() for match in LOWER_CASE_LEVEL_WORD.finditer(line)]


def collect_mentions(doc: Document) -> tuple[list[Mention], list[str]]:
    mentions: list[Mention] = []
    datelines: list[str] = []
    doc_aliases: dict[str, Place] = {}
    offset = 0
    for line in [doc.title, *doc.text.split("\n")]:
        body, dateline = strip_dateline(line)
        if dateline:
            datelines.append(dateline)
        if where := where_to_look(body, doc_aliases):
            mentions.extend(find_mentions(body, offset, doc_aliases, where))
        offset += len(line) + 1
    return mentions, datelines


def select_regions(mentions: list[Mention], datelines: list[str]) -> list[Place]:
    explicit_codes = {p.code for m in mentions if m.kind == "explicit" and m.level_hint for p in m.places
                      if len(m.places) == 1 or p.level == m.level_hint}
    if any(p.level != PROVINCE for m in mentions if m.kind != "seat" for p in m.places):
        mentions = [m for m in mentions if m.kind != "seat"]  # the story's own regency or city is named
    else:
        mentions = [Mention(m.places, m.start, "explicit", m.level_hint) if m.kind == "seat" else m for m in mentions]
    for kind in ("explicit", "attached"):
        chosen = [choose_place(m, explicit_codes) for m in mentions if m.kind == kind]
        if chosen:
            return by_salience(unique(chosen), mentions, explicit_codes)
    for dateline in datelines:
        place = gazetteer().best(dateline, levels=REGION_LEVELS)
        if place is not None:
            return [place]
    return []


def by_salience(places: list[Place], mentions: list[Mention], preferred: set[str]) -> list[Place]:
    """Most-mentioned first (the document's own region leads), then in order of first mention."""
    counts: dict[str, int] = {}
    for mention in mentions:
        code = choose_place(mention, preferred).code
        counts[code] = counts.get(code, 0) + 1
    return sorted(places, key=lambda p: -counts.get(p.code, 0))


def unique(places: list[Place]) -> list[Place]:
    seen: set[str] = set()
    result = []
    for place in places:
        if place.code not in seen:
            seen.add(place.code)
            result.append(place)
    return result


def add_regions(doc: Document) -> Document:
    mentions, datelines = collect_mentions(doc)
    doc.regions = [as_region(place) for place in select_regions(mentions, datelines)]
    return doc


def region_at(text: str, pos: int, level: str | None = None,
              preferred_codes: frozenset[str] = frozenset()) -> tuple[Place | None, int]:
    """The region written at ``text[pos:]`` ("Kabupaten Kupang", "Jabar", "(BKD) Jawa Barat").

    Returns (place, end offset) or (None, pos). ``level`` prefers one level for ambiguous names.
    """
    if not REGION_MAY_FOLLOW.match(text, pos):
        return None, pos
    tokens = LazyTokens(list(islice(TOKEN.finditer(text, pos, pos + 80), REGION_AT_TOKENS)), 0, runs=False)
    i = 1 if tokens.count and tokens[0].text.startswith("(") else 0
    if i >= tokens.count:
        return None, pos
    written_level = LEVEL_WORDS.get(tokens[i].lower)
    if written_level and i + 1 < tokens.count:
        j = i + 2 if tokens[i + 1].text == "." else i + 1
        places, used = lookup(tokens, j, {})
        places = [p for p in places if p.level == written_level] or [
            p for p in places if written_level == CITY and p.level == REGENCY]
        if places:
            end = tokens[j + used - 1]
            return places[0], end.start + len(end.text)
        return None, pos
    places, used = lookup(tokens, i, {})
    if not places or "".join(t.lower for t in tokens_from(tokens, i, used)) in WEAK_BARE:
        return None, pos
    end = tokens[i + used - 1]
    return choose_place(Mention(places, pos, "attached", level), preferred_codes), end.start + len(end.text)


def place_of(region: Region) -> Place | None:
    return gazetteer().get(region.code)
