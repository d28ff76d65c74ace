"""Institutions named in a document, in a normalised short official form.

The institutions and their spellings are data (``data/organizations.toml``);
this module finds their mentions, reads the region written after each one and
applies the level rules described in that file.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from netra.extract.patterns import literal_alternation
from netra.extract.places import bare_region_name, place_of, region_at, region_display
from netra.extract.record import Document
from netra.regions.gazetteer import CITY, PROVINCE, REGENCY, Place

DATA = tomllib.loads((Path(__file__).parent / "data" / "organizations.toml").read_text(encoding="utf-8"))
RULES = DATA["rules"]


def legal_trigger_pattern(word: str) -> str:
    """A legal trigger word as a pattern. A whole word begins after no word character - tested right after its
    first letter, the same as a "\\b" before it, so that a scan can skip ahead to first letters - and, if it
    ends with a letter, ends before none."""
    if word not in RULES["legal_whole_words"]:
        return re.escape(word)
    if not word[0].isalpha():
        raise ValueError(f"a whole legal trigger word begins with a letter: {word!r}")
    return re.escape(word[0]) + r"(?<!\w.)" + re.escape(word[1:]) + (r"\b" if word[-1].isalnum() else "")


LEGAL_TRIGGER = re.compile("(?P<long>{})|{}".format(
    "|".join(map(legal_trigger_pattern, RULES["legal_triggers_long"])),
    "|".join(map(legal_trigger_pattern, RULES["legal_triggers"]))))
# The trigger words as plain text: wherever LEGAL_TRIGGER matches, one of them is written. Only where some word
# begins matters (not which), so they are one trie (see patterns.py), tried letter by letter.
LEGAL_TRIGGER_WORD = re.compile(literal_alternation(RULES["legal_triggers_long"] + RULES["legal_triggers"]))
CLAUSE_END = re.compile(r"[.;:\n]")
BARE_LEVEL = re.compile(r"\s+(Kota|Kabupaten|Provinsi)\b(?!\s*\.?\s*[A-Z(])")
LEVEL_OF = {"kota": CITY, "kabupaten": REGENCY, "provinsi": PROVINCE}
LIST_GAP = re.compile(RULES["list_gap"])


def government_context_pattern(word: str) -> re.Pattern:
    """A government context word, beginning a word, and what follows it. The word comes first in the pattern
    (its look-behind after it), so that a scan looks for the whole word at once."""
    return re.compile(re.escape(word) + r"(?<!\w" + "." * len(word) + ")" + RULES["government_context_after"])


GOVERNMENT_CONTEXTS = [government_context_pattern(word) for word in RULES["government_context_words"]]
NATIONAL_SUFFIX = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:RI\b|Republik Indonesia\b|Pusat\b)")
ABBREVIATION = re.compile(r" *\([A-Za-z][\w .-]{0,30}\)")
SETEMPAT = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?setempat\b")
STOP_OFFICE_WORDS = frozenset(RULES["office_stop_words"])
PLACE_STOP_WORDS = frozenset(RULES["place_stop_words"])
OFFICE_WORD = re.compile(r"\s+(?:dan\s+|&\s+)?([A-Z][a-z]+)")


@dataclass(frozen=True, slots=True)
class Institution:
    name: str
    kind: str
    aliases: tuple[str, ...]
    national: str | None = None
    levels: dict = field(default_factory=dict)
    expansions: dict = field(default_factory=dict)
    pattern: re.Pattern | None = None
    format: str | None = None
    region_style: str = "display"
    not_after: frozenset = frozenset()
    not_after_pattern: re.Pattern | None = None


@dataclass(slots=True)
class OrgMention:
    institution: Institution
    start: int
    end: int
    alias: str
    name: str | None = None  # the normalised name, once known
    place: Place | None = None
    qualifier: str | None = None  # "national", "region", "setempat", "named"
    level_hint: str | None = None


INSTITUTIONS = [
    Institution(
        name=item["name"], kind=item["kind"], aliases=tuple(item["aliases"]), national=item.get("national"),
        levels=item.get("levels", {}), expansions=item.get("expansions", {}),
        pattern=re.compile(item["pattern"]) if "pattern" in item else None, format=item.get("format"),
        region_style=item.get("region_style", "display"), not_after=frozenset(item.get("not_after", ())),
        not_after_pattern=re.compile(item["not_after_pattern"], re.IGNORECASE) if "not_after_pattern" in item else None,
    )
    for item in DATA["institution"]
]
BY_ALIAS = {alias: inst for inst in INSTITUTIONS for alias in inst.aliases}
ALIAS_PATTERN = re.compile(rf"(?:{literal_alternation(sorted(BY_ALIAS, key=len, reverse=True))})(?![\w-])")
# An alias right after one of these is part of a longer word or name.
WORD_BEFORE = re.compile(r"[\w/.-]")


def alias_matches(text: str) -> Iterator[re.Match]:
    """The aliases written in ``text``, left to right, each not right after a word character, "/", "." or "-".

    That test is made on each match: a pattern beginning with a look-behind would be tried at every position.
    A match that fails it is dropped and the scan goes on from its next character, as a scan with the
    look-behind in the pattern would.
    """
    match = ALIAS_PATTERN.search(text)
    while match:
        start = match.start()
        if start and WORD_BEFORE.match(text, start - 1):
            match = ALIAS_PATTERN.search(text, start + 1)
        else:
            yield match
            match = ALIAS_PATTERN.search(text, match.end())


def find_mentions(text: str, preferred: frozenset[str]) -> list[OrgMention]:
    mentions: list[OrgMention] = []
    matches = list(alias_matches(text))
    if not matches:
        return mentions
    # Triggers matter only in the windows before the aliases (see in_legal_citation): read from the first
    # window to the last alias, not the whole text.
    trigger_starts = legal_trigger_starts(text, legal_window_start(matches[0].start()), matches[-1].start())
    for match in matches:
        start, alias = match.start(), match.group()
        if mentions and start < mentions[-1].end:
            continue  # "(BKD)" after "Badan Kepegawaian Daerah" is the same mention
        if in_legal_citation(text, start, trigger_starts):
            continue
        institution = BY_ALIAS[alias]
        if institution.not_after and _previous_word(text, start) in institution.not_after:
            continue
        if institution.not_after_pattern and institution.not_after_pattern.search(text, max(0, start - 40), start):
            continue
        mention = OrgMention(institution, start, match.end(), alias)
        mention.level_hint = institution.levels.get(alias)
        if read_qualifier(text, mention, preferred):
            mentions.append(mention)
    return mentions


def legal_trigger_starts(text: str, pos: int = 0, endpos: int | None = None) -> list[int]:
    """Every position where a legal trigger word is written (overlapping ones too) in ``text[pos:endpos]``, in
    order."""
    endpos = len(text) if endpos is None else endpos
    starts = []
    match = LEGAL_TRIGGER_WORD.search(text, pos, endpos)
    while match:
        starts.append(match.start())
        match = LEGAL_TRIGGER_WORD.search(text, match.start() + 1, endpos)
    return starts


def legal_window_start(start: int) -> int:
    """Where the text that may hold a legal citation of a mention at ``start`` begins."""
    return max(0, start - RULES["legal_reach_long"] - 40)


def in_legal_citation(text: str, start: int, trigger_starts: list[int]) -> bool:
    """A mention inside "Peraturan ... Nomor ..." or a joint decree's list of signatories.

    ``trigger_starts`` (from ``legal_trigger_starts``) tells at once whether any trigger begins near enough. It
    need not hold triggers before this window or from ``start`` on: every LEGAL_TRIGGER match below lies inside
    the window, so a trigger word found in the window begins where it does.
    """
    window_start = legal_window_start(start)
    nearest = bisect_left(trigger_starts, window_start)
    if nearest == len(trigger_starts) or trigger_starts[nearest] >= start:
        return False
    for trigger in LEGAL_TRIGGER.finditer(text, window_start, start):
        reach = RULES["legal_reach_long"] if trigger["long"] else RULES["legal_reach"]
        if start - trigger.end() <= reach and not CLAUSE_END.search(text, trigger.end(), start):
            return True
    return False


def _previous_word(text: str, start: int) -> str:
    words = text[max(0, start - 30): start].split()
    return words[-1] if words else ""


def read_qualifier(text: str, mention: OrgMention, preferred: frozenset[str]) -> bool:
    """Fill the mention's region or place from the words after it; False to drop the mention."""
    inst = mention.institution
    if inst.kind != "named" and (paren := ABBREVIATION.match(text, mention.end)):
        mention.end = paren.end()  # "Badan Kepegawaian Negara (BKN)": one mention
    end = mention.end
    if inst.kind == "national":
        mention.name, mention.qualifier = inst.name, "national"
        return True
    if inst.kind == "named":
        return read_named(text, mention)
    if inst.name == "Dinas":
        end = read_office_words(text, mention)
        if mention.qualifier == "none":
            return False
    if inst.national and (suffix := NATIONAL_SUFFIX.match(text, end)):
        mention.name, mention.qualifier, mention.end = inst.national, "national", suffix.end()
        return True
    if suffix := SETEMPAT.match(text, end):
        mention.qualifier, mention.end = "setempat", suffix.end()
        return True
    if inst.kind == "election" and (bare := BARE_LEVEL.match(text, end)):
        mention.qualifier, mention.end = "level", bare.end()  # "Bawaslu Kota" with no name after it
        mention.level_hint = LEVEL_OF[bare[1].lower()]
        return True
    place, region_end = region_at(text, end, mention.level_hint, preferred)
    if place is not None and (mention.level_hint is None or place.level == mention.level_hint
                              or mention.level_hint == CITY and place.level == REGENCY):
        mention.place, mention.qualifier, mention.end = place, "region", region_end
    return True


def read_named(text: str, mention: OrgMention) -> bool:
    inst = mention.institution
    match = inst.pattern.match(text, mention.end) if inst.pattern else None
    if match is None:
        return False
    parts = match.groupdict()
    words = parts["place"].split()
    if words[0] in PLACE_STOP_WORDS:
        return False
    stop = next((k for k, word in enumerate(words) if word in PLACE_STOP_WORDS), len(words))
    words = words[:stop]  # "Panwascam Takokak Gelar Press Release": the place ends at the verb
    place = " ".join(words)
    if inst.region_style == "bare":
        found, _ = region_at(text, match.start("place"))
        place = bare_region_name(found) if found else place
    cls = f"Kelas {parts['cls']} " if parts.get("cls") else ""
    written = {key: value or "" for key, value in parts.items()}  # other parts of the name, as written
    mention.name = inst.format.format_map({**written, "place": place, "cls": cls})
    mention.qualifier, mention.end = "named", match.end()
    return True


def read_office_words(text: str, mention: OrgMention) -> int:
    """"Dinas Pendidikan dan Kebudayaan" - the office's own words, up to a region name."""
    words = [mention.institution.expansions.get(mention.alias, mention.alias)]
    end = mention.end
    while match := OFFICE_WORD.match(text, end):
        if match[1] in STOP_OFFICE_WORDS:
            break
        place, _ = region_at(text, match.start(1))
        if place is not None:
            break
        words.append(text[end:match.end()].strip())
        end = match.end()
    mention.alias = " ".join(words)
    if len(words) == 1:
        mention.qualifier = "none"  # "Dinas" alone names no office
    return end


def primary_place(doc: Document, level: str | None) -> Place | None:
    """The document's own region for "Pemkab setempat", "pemerintah daerah", an unqualified Dinas."""
    places = [p for r in doc.regions if (p := place_of(r)) is not None]
    if level is not None:
        places = [p for p in places if p.level == level or level == CITY and p.level == REGENCY]
    else:
        places = [p for p in places if p.level in (REGENCY, CITY)] or places
    return places[0] if places else None


def inherit_from_lists(text: str, mentions: list[OrgMention]) -> None:
    """"Ketua Bawaslu, dan Ketua KPU Kota Pagar Alam": the region is shared along the list."""
    for current, following in reversed(list(zip(mentions, mentions[1:], strict=False))):
        if current.qualifier is None and following.place is not None \
                and LIST_GAP.match(text[current.end:following.start]):
            current.place, current.qualifier = following.place, "list"


def resolve_unqualified(doc: Document, mentions: list[OrgMention]) -> None:
    election_places = [m.place for m in mentions if m.institution.kind == "election" and m.place is not None
                       and m.place.level in (REGENCY, CITY)]
    qualified = {m.institution.name for m in mentions if m.qualifier is not None}
    national_story = any(m.qualifier == "national" and m.institution.kind == "election" for m in mentions)
    regional_election = any(m.place is not None or m.qualifier in ("setempat", "level")
                            for m in mentions if m.institution.kind == "election")
    for mention in mentions:
        kind = mention.institution.kind
        if mention.qualifier == "setempat" or (mention.qualifier is None and kind in ("local", "government")):
            if kind == "government" and mention.qualifier is None and not mention.alias.islower() \
                    and mention.level_hint is None and mention.alias != "Pemda":
                continue  # "Pemerintah" alone names no government
            mention.place = primary_place(doc, mention.level_hint)
        elif mention.qualifier is None and kind == "election" \
                and mention.institution.name not in qualified and election_places:
            mention.place = election_places[0]
        elif mention.qualifier is None and kind == "election" and national_story and not regional_election:
            mention.name, mention.qualifier = mention.institution.national, "national"  # "jajaran KPU dan DKPP"
        elif mention.qualifier == "level" and kind == "election":
            mention.place = primary_place(doc, mention.level_hint)  # "Komisioner Bawaslu Kota" in a city's story


def display(mention: OrgMention) -> str | None:
    inst = mention.institution
    if mention.qualifier == "none":
        return None
    if mention.name:
        return mention.name
    if mention.place is not None:
        region = bare_region_name(mention.place) if inst.region_style == "bare" else region_display(mention.place)
        base = mention.alias if inst.name == "Dinas" else inst.name
        return f"{base} {region}"
    if inst.kind == "agency" or (inst.kind == "local" and inst.name != "Forkopimda"):
        return mention.alias if inst.name == "Dinas" else inst.name
    return None


def government_mentions(text: str, preferred: frozenset[str]) -> list[OrgMention]:
    """"ASN Kota Bandarlampung" names the employing government."""
    government = BY_ALIAS["Pemkab"]
    found = []
    for match in government_contexts(text):
        place, end = region_at(text, match.end(), None, preferred)
        if place is not None:
            found.append(OrgMention(government, match.end(), end, "Pemerintah", place=place, qualifier="region"))
    return found


def government_contexts(text: str) -> list[re.Match]:
    """The matches of all GOVERNMENT_CONTEXTS in ``text``, in order. Two never overlap (a match holds no other
    context word), so these are the matches of one pattern with the words as alternatives."""
    return sorted((match for pattern in GOVERNMENT_CONTEXTS for match in pattern.finditer(text)), key=re.Match.start)


def unique_names(mentions: list[OrgMention]) -> list[str]:
    """Names in order of first mention; a name contained in a longer one of the same body is dropped."""
    words_of: dict[str, list[str]] = {}  # each name (in order) and its words, split once for all comparisons
    for mention in sorted(mentions, key=lambda m: m.start):
        name = display(mention)
        if name and name not in words_of:
            words_of[name] = name.split()
    return [name for name, words in words_of.items()
            if not any(_same_body(words, other) for other in words_of.values())]


def _same_body(short_words: list[str], long_words: list[str]) -> bool:
    """"Rutan Sanggau" within "Rutan Kelas IIB Sanggau"; "Dinas Pendidikan X" within "Dinas Pendidikan dan ... X".

    A name is never within itself (it has as many words), so each name can be compared with all of them."""
    if len(short_words) >= len(long_words) or short_words[0] != long_words[0]:
        return False
    if long_words[: len(short_words)] == short_words:
        return True
    it = iter(long_words)
    return all(word in it for word in short_words) and short_words[-1] == long_words[-1]


def find_organizations(doc: Document) -> list[str]:
    text = f"{doc.title}\n{doc.text}"
    preferred = frozenset(r.code for r in doc.regions)
    mentions = find_mentions(text, preferred)
    inherit_from_lists(text, mentions)
    resolve_unqualified(doc, mentions)
    return unique_names(mentions + government_mentions(text, preferred))


def add_organizations(doc: Document) -> Document:
    doc.organizations = find_organizations(doc)
    return doc
