"""Specific suspected neutrality violations: who, what, and how far the case went.

1. Find *mentions* of possible offenders in sentences that speak of a suspected violation, and in
   sentences that list the accused ("Adapun keenam ASN itu, diantaranya ...", "Kemudian ..."):
   holders of an offender's post found by the people stage ("Kades Kasumeeto Muh Taris"), a post
   followed by a name ("Kepala Dinas Pendidikan, Farzian"), names introduced as the accused
   ("atas nama ...", "yakni ...", "melaporkan IGLM"), or an unnamed post made specific by a
   quantifier ("seorang oknum perangkat desa", "dua ASN"), a place or unit ("camat Hamparan
   Rawang"), a demonstrative ("lurah ini") or a handling verb ("merekomendasikan Kepala Dinas").
   Speakers, attendees, tallies and the officials of the overseeing bodies are left out.
2. Group mentions into entries: one per name; unnamed mentions of the same post join
   unless they carry a different act or place. Named actors make the story's unnamed group
   mentions redundant, unless the text sets a group apart ("serta empat ASN lainnya"); a
   generic "ASN" group folds into the one specific post of the story.
3. Read each entry's act category, handling stage and sanction from its sentences (the
   mention sentences, the one after each, and the sentence that opened a list naming it), or
   from the whole story when it has one case.

All cue words and patterns live in ``data/violations.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from netra.extract.cleaning import split_sentences
from netra.extract.patterns import Caseless, WordScan, grouped
from netra.extract.patterns import lowercase_pattern as _lowercase_pattern
from netra.extract.people import HONORIFICS, NOT_NAME, names_a_candidate
from netra.extract.places import district_keys, region_at, region_keys
from netra.extract.record import Document, Violation
from netra.extract.statistics import counts_in_sentence, parse_number

_RULES = tomllib.loads((Path(__file__).parent / "data" / "violations.toml").read_text(encoding="utf-8"))


def _compile(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern:
    return re.compile(pattern, flags)


def _lowered_and_grouped(pattern: str) -> re.Pattern:
    """The pattern for lowercased text (about twice as fast as IGNORECASE), its alternatives grouped by first
    character (see patterns.grouped)."""
    return re.compile(grouped(_lowercase_pattern(pattern)))


class _Cue(Caseless):
    """A case-insensitive cue (see patterns.Caseless) whose lowered form has its alternatives grouped, found
    faster in ASCII text when it begins at a word (see WordScan)."""

    __slots__ = ("words",)

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.lowered = _lowered_and_grouped(pattern)
        self.words = WordScan(self.lowered.pattern)

    def found(self, text: str) -> bool:
        if text.isascii():  # lowering keeps the length: the lowered pattern, scanned as a WordScan does
            return self.words.found(text.lower())
        return super().found(text)


def _word_scan(pattern: str, with_places: bool = False) -> WordScan:
    """A case-insensitive pattern as a WordScan of lowered text, its alternatives grouped."""
    return WordScan(_lowered_and_grouped(pattern).pattern, with_places)


_CASE_SENSITIVE_CUES = {"place", "post_qualifier"}
_CUES = {key: _compile(value, 0) for key, value in _RULES["cues"].items() if key in _CASE_SENSITIVE_CUES}
# The other cues are case-insensitive: test them with .found(text).
_CUE = {key: _Cue(value) for key, value in _RULES["cues"].items() if key not in _CASE_SENSITIVE_CUES}

# Cues tested on every sentence run on the lowercased text.
_SUSPECT_LOWER = _word_scan(_RULES["cues"]["suspect"])
_NORMATIVE_LOWER = _word_scan(_RULES["cues"]["normative"])
# The role rules in one pattern, each a named group: fullmatch() tries them in order, as a loop over the rules
# would, and the group that matched tells the rule (its own group 1 follows its name's group).
_ROLE_RULES = _compile("|".join(f"(?P<rule{i}>{rule['pattern']})" for i, rule in enumerate(_RULES["roles"])))
_ROLE_OF_RULE = {f"rule{i}": rule["role"] for i, rule in enumerate(_RULES["roles"])}
# "\b(?:A|B)" is "\b(?:A)|\b(?:B)" with the word-boundary test made once per position (same matches, faster).
_ANY_ROLE_PATTERN = r"\b(?:{})".format("|".join(f"(?:{rule['pattern']})" for rule in _RULES["roles"]))
_ANY_ROLE = _compile(_ANY_ROLE_PATTERN)
_ANY_ROLE_LOWER = _word_scan(_ANY_ROLE_PATTERN)
_GENERIC_ROLES = set(_RULES["roles_meta"]["generic"])
_CATEGORIES = [(rule["name"], _compile(rule["pattern"])) for rule in _RULES["categories"]]
_CATEGORY_ORDER = [name for name, _ in _CATEGORIES]
_CATEGORY = {name: _Cue(pattern.pattern) for name, pattern in _CATEGORIES}
# One pass over a lowercased sentence finds every category cue, as the categories' patterns tried in
# order at each place would: each match belongs to the first category whose pattern matches there.
_ANY_CATEGORY = _word_scan("|".join(rule["pattern"] for rule in _RULES["categories"]))
_STAGES = [(rule["name"], _compile(rule["pattern"])) for rule in _RULES["stages"]]
# The same patterns for lowered sentences (case-sensitive scans are about twice as fast as IGNORECASE).
_STAGES_LOWER = [(name, _lowered_and_grouped(rule["pattern"])) for (name, _), rule
                 in zip(_STAGES, _RULES["stages"], strict=True)]
# For each stage but the last, the stages ranked above it: their .places are where they can match. Most
# sentences have none; in the others only the stages that would raise an entry's latest stage are tried, and
# only at these places, not each over the whole sentence.
_STAGES_ABOVE = [
    _word_scan("|".join(rule["pattern"] for rule in rules), with_places=True)
    for rules in (_RULES["stages"][above:] for above in range(1, len(_STAGES)))
]
_STAGE_RANK = {name: rank for rank, (name, _) in enumerate(_STAGES)}
_SANCTION = _Cue(_RULES["sanctions"]["pattern"])
_WINDOWS = _RULES["windows"]
_ORG_PREFIX = _RULES["org_prefix"]
# Names are cleaned with the people stage's word lists (one list of honorifics for the whole engine).
_HONORIFICS = {word.rstrip(".") for word in HONORIFICS}
_NOT_NAME = NOT_NAME | set(_RULES["names"]["not_name"])

_NAME = re.compile(
    r"(?:(?:H|Hj|Drs|Dra|Dr|Ir|Prof)\.?\s+)?[A-Z][a-z'’]+\.?(?:\s+(?:[A-Z][a-z'’]+\.?|[A-Z]\.?(?=\s+[A-Z])))*"
)
_INITIALS = re.compile(r"[A-Z]{2,4}\b(?![.-])")
_CLAUSE_START = re.compile(r".*[,;:]", re.S)
_ONLY_A_PLACE = re.compile(r"\s*(?:(?:di|dari|pada)\s+[^,;:]*)?", re.I)
_NAME_LIST_SEPARATOR = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*(?:,\s*(?:dan|serta)?|dan|serta|&)\s*")
_ORG_THEN_NAME = re.compile(r"(?P<org>(?:\s+(?:[A-Z][\w.&/-]*|dan|&))*?)\s*,\s*")
_NAME_END = re.compile(r"\s*(?:[,.;:)]|$|serta\b|dan\b|(?=\s[a-z(]))")
_PLACE = re.compile(
    r"\b[Dd]i\s+(?:Kabupaten\s+|Kota\s+|Kecamatan\s+|Provinsi\s+)?(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})"
)
_ORG_AFTER_ROLE = re.compile(
    r"\s+(?P<org>(?:Dinas|Badan|Pemerintah|Pemkab|Pemkot|Pemprov|Satpol|Distrik|Puskesmas|Sekolah|SD|SMP|SMA|SMK)"
    r"(?:\s+(?:[A-Z][\w.&/-]*|dan))*)"
)
_WORD = re.compile(r"\w+")
# The unit after a post is one of the overseeing bodies ("Kabag Hukum Bawaslu Provinsi Maluku Utara").
_OVERSEER_UNIT_AFTER = re.compile(
    r"(?:\s+[A-Z][\w.&/-]*){0,4}?\s+(?:Bawaslu|Panwaslu|Panwascam|Panwaslih|Panwas|KPU|Gakkumdu|DKPP|KASN|BKN)\b"
)
# A count right after a post: "perangkat desa 21 orang, ketua BPD 10 orang" tallies posts, it names no case.
_TALLY_AFTER = re.compile(r"\s+\d[\d.]*\s+orang\b")
# End-anchored cues ("... seorang oknum$") are searched in this many characters before a mention.
_TAIL = 80
_FURNITURE = re.compile(r"^\s*(?:baca\s+(?:juga|berita)|berita\s+(?:terkait|lainnya)|lihat\s+juga)\b", re.I)


@dataclass(slots=True)
class _Mention:
    sentence: int
    role: str
    name: str | None = None
    org: str | None = None
    place: str | None = None
    category: str | None = None
    start: int = 0  # where the mention begins in its sentence: orders the named mentions of a sentence
    other_group: bool = False  # "serta empat ASN lainnya": a group besides the named actors


@dataclass(slots=True)
class _Entry:
    role: str
    name: str | None
    org: str | None
    place: str | None
    sentences: list[int] = field(default_factory=list)
    categories: set[str] = field(default_factory=set)
    other_group: bool = False
    context: list[int] = field(default_factory=list)  # sentences that opened a list naming the entry


def find_violations(doc: Document) -> list[Violation]:
    """One entry per specific suspected violation reported in the document."""
    _clear_sentence_caches()  # per-document caches: no hits carried over from earlier documents
    sentences = _sentences(doc)
    suspect = _suspect_flags(sentences)
    listing = _listing_flags(sentences, suspect)
    mentions = find_mentions(sentences, suspect, doc.people, listing)
    mentions = _name_from_people(_upgrade_generic_roles(mentions, sentences, suspect), sentences, doc.people)
    entries = _reconcile_names(_group(mentions), sentences, doc.people)
    entries = _fold_generic_groups(_drop_unnamed_beside_named(entries))
    for entry in entries:  # a list of the accused reads its acts from the sentence that opened it
        entry.context = sorted({i - 1 for i in entry.sentences if listing[i] and i > 0} - set(entry.sentences))
    single_story = len(entries) == 1 or all(entry.name for entry in entries)
    violations = []
    for entry in entries:
        window = _story_window(sentences) if single_story else _entry_window(entry, entries, len(sentences))
        violations.append(_as_violation(entry, sentences, window))
    return violations


# -- mentions ---------------------------------------------------------------------------


def find_mentions(sentences: list[str], suspect: list[bool] | None = None, people: list = (),
                  listing: list[bool] | None = None) -> list[_Mention]:
    """Mentions of possible offenders, in reading order (``suspect``: the sentences' _is_suspect flags;
    ``people``: the people stage's named holders of posts, whose names it has already delimited;
    ``listing``: the sentences' _listing_flags)."""
    mentions: list[_Mention] = []
    suspect = suspect if suspect is not None else _suspect_flags(sentences)
    listing = listing if listing is not None else _listing_flags(sentences, suspect)
    for index, sentence in enumerate(sentences):
        suspect_here = suspect[index]
        suspect_next = index + 1 < len(sentences) and suspect[index + 1]
        named = []
        if suspect_here or suspect_next or listing[index]:
            by_people = _named_by_people(sentence, index, people, listing[index])
            named = _prefer_people(_named_by_post(sentence, index), by_people)
        if suspect_here:
            named += _named_by_introduction(sentence, index, mentions)
            named.sort(key=lambda mention: mention.start)
        if suspect_here and not named:
            unnamed = _unnamed_in_sentence(sentence, index)
        elif (suspect_here or listing[index]) and "lain" in sentence:  # "lainnya", "selain": a group set apart
            unnamed = [mention for mention in _unnamed_in_sentence(sentence, index) if mention.other_group]
        else:
            unnamed = []
        # An act cued only in a rule ("larangan kepala desa terlibat dalam kampanye") is not this mention's act.
        category = _category_of(sentence) if (named or unnamed) and not _is_normative(sentence) else None
        for mention in named + unnamed:
            mention.category = category
        mentions.extend(named + unnamed)
    return mentions


def _listing_flags(sentences: list[str], suspect: list[bool]) -> list[bool]:
    """Sentences that list the accused: a list opened ('meliputi', 'diantaranya' ...) in or just after a
    suspect sentence ('Adapun keenam ASN itu, diantaranya ...'), and the sentences that go on with it,
    opening with 'Kemudian', 'Selain itu' ... or with a post, within two sentences of the list so far."""
    flags = []
    last_of_list = None
    for index, sentence in enumerate(sentences):
        near_list = last_of_list is not None and index - last_of_list <= 2
        goes_on = near_list and (_CUE["list_continuation"].found(sentence[:40]) or _opens_with_post(sentence))
        opens = (suspect[index] or (index > 0 and suspect[index - 1])) and _CUE["list_intro"].found(sentence)
        flags.append(goes_on or opens)
        if goes_on or opens:
            last_of_list = index
    return flags


def _opens_with_post(sentence: str) -> bool:
    posts = _roles_in(sentence)
    return bool(posts) and posts[0].start() == 0


def _suspect_flags(sentences: list[str]) -> list[bool]:
    """_is_suspect for the sentences where it matters: those naming a post or introducing names, and the
    sentence before each (a post may be named just before the sentence about the case)."""
    needed = [bool(_roles_in(s)) or _introduces_names(s) for s in sentences]
    return [(needed[i] or (i > 0 and needed[i - 1])) and _is_suspect(s) for i, s in enumerate(sentences)]


def _introduces_names(sentence: str) -> bool:
    """The sentence has a name_intro cue ('yakni', 'berinisial', ...)."""
    return _CUE["name_intro"].found(sentence)


def _is_suspect(sentence: str) -> bool:
    """The sentence speaks of a suspected violation or describes a forbidden act."""
    if _has_suspect_cue(sentence):
        return True
    return _has_category_cue(sentence) and not _is_normative(sentence)  # most sentences cue no act: one scan


def _named_by_post(sentence: str, index: int) -> list[_Mention]:
    """'Kepala Dinas Pendidikan dan Kebudayaan, Farzian' -> a named mention."""
    found = []
    for match in _roles_in(sentence):
        role = _role_of(match.group())
        if role in _GENERIC_ROLES or _is_conditional(sentence[: match.start()]):
            continue
        org_then_name = _ORG_THEN_NAME.match(sentence, match.end())
        if not org_then_name:
            continue
        name_match = _NAME.match(sentence, org_then_name.end())
        if not name_match or not _NAME_END.match(sentence, name_match.end()):
            continue
        name = clean_name(name_match.group())
        if name and _is_region_name(name):
            continue  # "Kapolsek se-Kabupaten, Garut": a place, not the holder
        if _CUE["overseer"].found(sentence[match.start() : org_then_name.end()]):
            continue  # "Kepala Bagian ... KASN, Muhaziron": the overseer's official handles the case
        if name and not _CUE["speaker_after"].found(sentence[name_match.end() : name_match.end() + 60]):
            org = _org_from_post(match.group(), org_then_name.group("org"))
            found.append(_Mention(index, role, name=name, org=org, start=match.start()))
    return found


def _named_by_people(sentence: str, index: int, people: list, listing: bool = False) -> list[_Mention]:
    """Holders of an offender's post that the people stage found in the sentence, unless they speak or are
    listed among those attending. In a sentence listing the accused (``listing``), everyone named is one of
    them, whatever post the people stage kept ('Kepala Bidang SMP ... yang juga Sekretaris PGRI ... Andi'),
    but for officials of the election bodies.

    "antara lain Kades Kasumeeto Muh Taris, Kades Makkuaseng Herman": the people stage has read where
    each post ends and each name begins, which a post followed directly by a name leaves open here.
    """
    found = []
    for person in people:
        if not person.name or person.name not in sentence or person.name in _HONORIFICS:  # cheap tests first
            continue
        if _CUE["overseer"].found(person.position or ""):
            continue  # officials of Bawaslu, KPU, KASN, BKN ... handle cases
        role = _offender_role(person.position or "")
        if role is None and listing and not _CUE["election_body"].found(person.position or ""):
            role = _LISTED_ROLE
        start = _word_at(sentence, person.name) if role else -1
        if start < 0:
            continue
        if role is _LISTED_ROLE:
            role = _role_near(sentence, start, [])
        if _speaks(sentence, start, start + len(person.name)) or _CUE["attendee_before"].found(sentence[:start]):
            continue
        found.append(_Mention(index, role, name=person.name, start=start))
    return found


def _speaks(sentence: str, start: int, end: int) -> bool:
    """The name at start:end is a speaker: 'Budi mengatakan', 'ujar Kepala Dinas Sosial Budi'."""
    if _CUE["speaker_after"].found(sentence[end : end + 60]):
        return True
    before = sentence[max(0, start - _TAIL) : start]
    posts = _roles_in(before)
    return _CUE["speaker_before"].found(before[: posts[-1].start()] if posts else before)


_LISTED_ROLE = "listed"  # a placeholder: the post is read from the sentence before the name


def _word_at(sentence: str, words: str) -> int:
    """Where ``words`` occur in the sentence as whole words (not inside a pair name like "Rio-Ulfi"), else -1."""
    match = re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", sentence)
    return match.start() if match else -1


def _offender_role(position: str) -> str | None:
    """The specific offender's post a position names last ('Kades Kasumeeto' -> 'kepala desa'), if any."""
    roles = [_role_of(match.group()) for match in _roles_in(position)]
    specific = [role for role in roles if role not in _GENERIC_ROLES]
    return specific[-1] if specific else None


def _prefer_people(by_post: list[_Mention], by_people: list[_Mention]) -> list[_Mention]:
    """The people stage's names replace post readings that share a word with them ('Makkuaseng Herman Kades'
    read after 'Kades' is 'Herman'); a post reading of the same name is kept (it carries the org), and so
    are post readings of names the people stage missed."""
    post_names = {mention.name for mention in by_post}
    preferred = [m for m in by_post if m.name in {p.name for p in by_people}]  # same reading, with its org
    preferred += [m for m in by_people if m.name not in post_names]
    people_words = [set(mention.name.split()) for mention in by_people]
    kept = [m for m in by_post if m not in preferred and not any(set(m.name.split()) & w for w in people_words)]
    return preferred + kept


def _named_by_introduction(sentence: str, index: int, earlier: list[_Mention]) -> list[_Mention]:
    """'... yakni Hj Silviyah dan Ulfi' -> named mentions with the post given nearby."""
    found = []
    for intro_start, intro_end in _ascii_caseless_spans(_CUE["name_intro"], sentence):
        after_post = _CUE["name_after_post"].ignorecase.match(sentence, intro_start, intro_end)
        if after_post and not _clause_names_a_post(sentence[:intro_start]):
            continue
        if names_a_candidate(sentence[:intro_start], sentence[intro_start:intro_end]):
            continue  # "mengkampanyekan salah satu Bacakada ... atas nama X": X is the candidate, not the accused
        for name in _name_list(sentence, intro_end):
            role = _role_near(sentence, intro_start, earlier)
            found.append(_Mention(index, role, name=name, start=sentence.find(name, intro_end)))
    return found


def _ascii_caseless_spans(cue: _Cue, text: str) -> list[tuple[int, int]]:
    """The spans of the IGNORECASE matches of ``cue``, found in the lowered text when that is exactly the
    same: in ASCII text (IGNORECASE also equates a few non-ASCII letters with ASCII ones)."""
    if text.isascii():
        return cue.words.spans(text.lower())
    return [match.span() for match in cue.ignorecase.finditer(text)]


def _name_list(sentence: str, start: int) -> list[str]:
    """'AS (Setda), NH (Dispertan) dan DW' -> ['AS', 'NH', 'DW']."""
    names = []
    position = start
    while True:
        match = _NAME.match(sentence, position) or _INITIALS.match(sentence, position)
        if not match:
            break
        name = clean_name(match.group())
        if not name or name in _NOT_NAME or _is_region_name(name) or _is_post_and_place(name):
            break  # "... paling besar adalah Banten 20 laporan": a province, not the accused
        names.append(name)
        separator = _NAME_LIST_SEPARATOR.match(sentence, match.end())
        if not separator:
            break
        position = separator.end()
    return names


def _is_post_and_place(name: str) -> bool:
    """ "Kades Bangunrejo Ketapang", "Kades Srikaton Tanjung Bintang": a post, a village and its district
    (the district ends it), not a person's name."""
    words = name.split()
    if len(words) < 2 or not _ANY_ROLE.fullmatch(words[0]):
        return False
    rest = words[1:]
    return any("".join(rest[-n:]).lower() in district_keys() for n in (1, 2) if len(rest) >= n)


def _is_region_name(name: str) -> bool:
    """A province, regency or city name ("Banten", "Sulawesi Tenggara")."""
    return "".join(name.split()).lower().replace("-", "").replace("'", "") in region_keys()


def _clause_names_a_post(before: str) -> bool:
    """'oknum guru berinisial AB' names the accused; 'mahasiswa bernama X' does not. Clauses that
    only place the person ('guru P3K, di salah satu SD, berinisial AK') are read through."""
    clause = before[_clause_start(before) :]
    while _ONLY_A_PLACE.fullmatch(clause) and len(clause) < len(before):
        before = before[: len(before) - len(clause) - 1]
        clause = before[_clause_start(before) :] + clause
    return bool(_ANY_ROLE.search(clause) or _CUE["person_word"].found(clause))


def _clause_start(text: str) -> int:
    match = _CLAUSE_START.match(text)
    return match.end() if match else 0


def _role_near(sentence: str, position: int, earlier: list[_Mention]) -> str:
    roles = [_role_of(m.group()) for m in _posts_in(sentence[:position])]
    if roles:  # 'guru berstatus Pegawai Pemerintah dengan Perjanjian Kerja (P3K)' is a guru PPPK
        return next((r for r in reversed(roles) if r.endswith(" " + roles[-1])), roles[-1])
    return earlier[-1].role if earlier else "ASN"


def _unnamed_in_sentence(sentence: str, index: int) -> list[_Mention]:
    """Identified-but-unnamed posts in a suspect sentence; a generic 'ASN' only if nothing more specific,
    or if it is a group set apart ('serta empat ASN lainnya')."""
    candidates = []
    for match in _roles_in(sentence):
        before = sentence[: match.start()]
        role = _role_of(match.group())
        if _is_conditional(before) or (_CUE["generic_before"].found(before[-_TAIL:])
                                       and not _points_at_the_story_actor(sentence, match, role)):
            continue  # "netralitas lurah" is general, "netralitas lurah ini" is about the story's lurah
        if _CUE["attendee_before"].found(before) or _TALLY_AFTER.match(sentence, match.end()):
            continue  # listed among those attending; "perangkat desa 21 orang": a line of a tally
        if _OVERSEER_UNIT_AFTER.match(sentence, match.end()):
            continue  # "Kabag Hukum Bawaslu Provinsi ...": an overseer's own official
        if not _is_identified(sentence, before, match, role) or _is_aggregate(sentence, before):
            continue
        org = _org_after(sentence, match.end())
        # "di Buru, ada juga dugaan pelanggaran ASN": the sentence's place is the case's place.
        reach = len(sentence) if _CUE["alleged_before"].found(before[-_TAIL:]) else 50
        other_group = _CUE["other_group_after"].found(sentence[match.end() : match.end() + 20]) or _CUE[
            "other_group_before"].found(before)
        candidates.append(_Mention(index, role, org=org, place=_place_near(sentence, match.start(), reach),
                                   other_group=other_group))
    chosen = _distinct([m for m in candidates if m.role not in _GENERIC_ROLES]) or candidates[:1]
    return chosen + _distinct([m for m in candidates if m.other_group and m not in chosen])


def _distinct(mentions: list[_Mention]) -> list[_Mention]:
    """One mention per post and place ('di Purworejo ada 14 kades dan di Kudus ada 1 camat')."""
    kept: list[_Mention] = []
    for mention in mentions:
        if not any(k.role == mention.role and k.place == mention.place for k in kept):
            kept.append(mention)
    return kept


def _is_identified(sentence: str, before: str, match: re.Match, role: str) -> bool:
    if _CUE["speaker_before"].found(before[-_TAIL:]):
        return False  # "ujar Kepala Dinas ... Budi": the post holder speaks
    last_words = " ".join(_WORD.findall(before[-_TAIL:])[-_WINDOWS["quantifier_words"] :])
    if _CUE["quantifier"].found(last_words) or _CUE["handled_object"].found(before[-_TAIL:]):
        return True
    if _CUE["alleged_before"].found(before[-_TAIL:]) and _CUES["place"].search(sentence):
        return True
    after = sentence[match.end() :]
    if _points_at_the_story_actor(sentence, match, role):
        return True
    if role in _GENERIC_ROLES or _is_title_case(sentence) or not _CUES["post_qualifier"].match(after):
        return False
    return not _CUE["speaker_after_post"].found(after[: _WINDOWS["speaker_after_post_chars"]])


def _points_at_the_story_actor(sentence: str, match, role: str) -> bool:
    """'lurah ini', 'oknum kades tersebut': a specific post with a demonstrative is the story's actor ('netralitas
    ASN ini' is the case, not a person: generic posts do not count)."""
    return role not in _GENERIC_ROLES and _CUE["demonstrative_after"].found(sentence[match.end() : match.end() + 12])


def _is_title_case(sentence: str) -> bool:
    """Headlines in Title Case make every word look like a place or a name."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _is_aggregate(sentence: str, before: str) -> bool:
    """'sebanyak 19 ASN ... dijatuhi hukuman' is a statistic, not one case."""
    number = _last_word(before[-_TAIL:])
    if not number:
        return False
    quantity = parse_number(number)
    if quantity is None:
        return False
    if quantity >= _WINDOWS["largest_group"]:
        return True
    return any(c.quantity == quantity for c in counts_in_sentence(sentence))


def _last_word(text: str) -> str | None:
    r"""The word before the trailing space, or before a last 'orang' ('19 orang ' -> '19'); None if
    ``text`` does not end in space. (As re.search(r"(\S+)\s+(?:orang\s+)?$", text).group(1), faster.)"""
    words = text.split() if text[-1:].isspace() else []
    if len(words) > 1 and words[-1] == "orang":
        return words[-2]
    return words[-1] if words else None


def _is_conditional(before: str) -> bool:
    return bool(_CUE["conditional"].found(before))


# -- grouping ---------------------------------------------------------------------------


def _name_from_people(mentions: list[_Mention], sentences: list[str], people: list) -> list[_Mention]:
    """'Kades Sukamaju Ahmad Yani dilaporkan ...': the people stage knows the holder of the post."""
    for mention in mentions:
        if mention.name or mention.role in _GENERIC_ROLES:
            continue
        sentence = sentences[mention.sentence]
        for person in people:
            position = getattr(person, "position", None) or ""
            start = sentence.find(person.name) if person.name else -1
            if start < 0 or not any(_role_of(m.group()) == mention.role for m in _posts_in(position)):
                continue
            if _CUE["overseer"].found(position):
                continue  # "Kabag Hukum Bawaslu Provinsi ...": an overseer's official, not the accused
            if not _CUE["speaker_after"].found(sentence[start + len(person.name) : start + len(person.name) + 60]):
                mention.name = person.name
                break
    return mentions


def _upgrade_generic_roles(mentions: list[_Mention], sentences: list[str], suspect: list[bool]) -> list[_Mention]:
    """When the story says the accused ASN are teachers, every unnamed ASN is a 'guru ASN'."""
    teacher_roles = {
        role
        for sentence, is_suspect in zip(sentences, suspect, strict=True)
        if is_suspect and _has_suspect_cue(sentence)
        for role in map(_role_of, (m.group() for m in _roles_in(sentence)))
        if role in ("guru ASN", "guru PPPK")
    }
    if len(teacher_roles) == 1:
        teacher = teacher_roles.pop()
        base = teacher.split()[-1]
        for mention in mentions:
            if mention.role == base and mention.name is None:
                mention.role = teacher
    return mentions


def _group(mentions: list[_Mention]) -> list[_Entry]:
    entries: list[_Entry] = []
    for mention in mentions:
        entry = _matching_entry(mention, entries)
        if entry is None:
            entry = _Entry(mention.role, mention.name, mention.org, mention.place)
            entries.append(entry)
        entry.other_group = entry.other_group or mention.other_group
        if mention.sentence not in entry.sentences:
            entry.sentences.append(mention.sentence)
        if mention.category:
            entry.categories.add(mention.category)
        entry.org = entry.org or mention.org
        entry.place = entry.place or mention.place
    return entries


def _matching_entry(mention: _Mention, entries: list[_Entry]) -> _Entry | None:
    if mention.name:
        key = mention.name.lower()
        return next((e for e in entries if e.name and e.name.lower() == key), None)
    for entry in entries:
        if entry.name or entry.role != mention.role:
            continue
        if mention.place and entry.place and not _same_place(mention.place, entry.place):
            continue
        if mention.category and entry.categories and mention.category not in entry.categories:
            continue
        return entry
    return None


def _reconcile_names(entries: list[_Entry], sentences: list[str], people: list = ()) -> list[_Entry]:
    """'Kades Sukamaju Budi' and 'Sukamaju Budi' (a post or village before the name) read 'Budi';
    a short 'Budi' beside 'Budi Santoso' with the same post is the same person."""
    text = "\n".join(sentences)
    for entry in entries:
        if entry.name:
            entry.name = _plain_name(entry.name, text, people)
    kept: list[_Entry] = []
    for entry in sorted(entries, key=lambda e: -len((e.name or "").split())):
        longer = entry.name and next((k for k in kept if k.name and k.role == entry.role
                                      and k.name.split()[: len(entry.name.split())] == entry.name.split()), None)
        if longer:
            longer.sentences = sorted(set(longer.sentences) | set(entry.sentences))
            longer.categories |= entry.categories
            longer.org = longer.org or entry.org
        else:
            kept.append(entry)
    return sorted(kept, key=lambda e: min(e.sentences, default=0))


def _plain_name(name: str, text: str, people: list = ()) -> str:
    """Drop a post or a village written before the name: known from the words before it, or because the
    people stage found the name without them and they end its post ('Sekdes Dahu Zaenal Apipin')."""
    for person in people:
        if person.name and _post_then_name(name, person):
            return person.name
    words = name.split()
    while len(words) > 1 and (
        _ANY_ROLE.fullmatch(words[0])
        or re.search(rf"\b(?:Desa|Kelurahan|Kalurahan|Dusun|Nagari|Gampong|Pekon)\s+{re.escape(words[0])}\b", text)
    ):
        words.pop(0)
    return " ".join(words)


def _post_then_name(name: str, person) -> bool:
    """``name`` is the end of the person's post, then (the start of) the person's name: 'Dahu Zaenal Apipin'
    for Zaenal Apipin, Sekdes Dahu; 'Cipicung Nana Supriadi' for Nana Supriadi Hidayat, Sekdes Cipicung."""
    words, own = name.split(), person.name.split()
    position = (person.position or "").split()
    for split in range(1, len(words)):
        post_end, rest = words[:split], words[split:]
        if position[-split:] == post_end and own[: len(rest)] == rest:
            return True
    return False


def _same_place(one: str, other: str) -> bool:
    """'Makassar' and 'Makassar Diperiksa Bawaslu' (a title-case headline) are one place; so are 'Kukar Diduga
    Melanggar' and 'Kutai Kartanegara' (two names of one region)."""
    lowered, other_lowered = one.lower(), other.lower()
    if lowered.startswith(other_lowered) or other_lowered.startswith(lowered):
        return True
    code = _region_code(one)
    return code is not None and code == _region_code(other)


@lru_cache(maxsize=256)
def _region_code(place: str) -> str | None:
    """The code of the region written at the start of a place ('Kukar Diduga Melanggar': Kutai Kartanegara)."""
    region, _ = region_at(place, 0)
    return region.code if region else None


def _drop_unnamed_beside_named(entries: list[_Entry]) -> list[_Entry]:
    """Named actors are the story; its unnamed group mentions ('dua ASN') are the same people, unless
    the text sets the group apart ('serta empat ASN lainnya', 'selain para kepala desa, beberapa ASN')."""
    if any(entry.name for entry in entries):
        return [entry for entry in entries if entry.name or entry.other_group]
    return entries


def _fold_generic_groups(entries: list[_Entry]) -> list[_Entry]:
    """'dua ASN' and 'Kepala Dinas di dua instansi' in one story are one entry."""
    specific = [e for e in entries if not e.name and e.role not in _GENERIC_ROLES]
    if len(specific) != 1:
        return entries
    target = specific[0]
    kept = []
    for entry in entries:
        if not entry.name and entry.role in _GENERIC_ROLES and not entry.place:
            target.sentences = sorted(set(target.sentences) | set(entry.sentences))
            target.categories |= entry.categories
            target.org = target.org or entry.org
        else:
            kept.append(entry)
    return kept


# -- reading an entry -------------------------------------------------------------------


def _entry_window(entry: _Entry, entries: list[_Entry], count: int) -> list[int]:
    """The entry's sentences, the sentence after each unless it is another entry's, and the sentences that
    opened a list naming the entry."""
    others = {i for e in entries if e is not entry for i in e.sentences}
    window = set(entry.sentences) | set(entry.context)
    for index in entry.sentences:
        if index + 1 < count and index + 1 not in others:
            window.add(index + 1)
    return sorted(window)


def _story_window(sentences: list[str]) -> list[int]:
    return list(range(len(sentences)))


def _as_violation(entry: _Entry, sentences: list[str], window: list[int]) -> Violation:
    texts = [sentences[i] for i in window]
    category, act = _category_and_act(entry, sentences, texts)
    status = _latest_stage(texts)
    sanction = _sanction(texts) if status in ("sanctioned", "recommended_sanction") else None
    return Violation(
        actor_name=entry.name,
        actor_role=entry.role,
        actor_org=entry.org,
        act=act,
        act_category=category,
        status=status,
        sanction=sanction,
    )


def _category_and_act(entry: _Entry, sentences: list[str], texts: list[str]) -> tuple[str, str]:
    """The most telling act near the mentions, else anywhere in the entry's story."""
    following = [sentences[i + 1] for i in entry.sentences if i + 1 < len(sentences)]
    near = [sentences[i] for i in entry.sentences] + [t for t in following if not _is_normative(t)]
    near += [sentences[i] for i in entry.context if not _is_normative(sentences[i])]
    found = _most_telling_act(near) or _most_telling_act([t for t in texts if not _is_normative(t)])
    return found or ("other", "tidak dirinci")


def _most_telling_act(texts: list[str]) -> tuple[str, str] | None:
    """The category first in precedence among those the texts cue, and the act from where it is cued."""
    found = [(_CATEGORY_ORDER.index(name), name, text) for text in texts for name in _categories_in(text)]
    if not found:
        return None
    _, name, text = min(found, key=lambda item: item[0])
    return name, _clause_from(text, _ascii_caseless_spans(_CATEGORY[name], text)[0][0])


@lru_cache(maxsize=4096)
def _categories_in(sentence: str) -> tuple[str, ...]:
    """Act categories cued in a sentence, most telling first."""
    lowered = sentence.lower()
    names = {_category_at(lowered, start) for start in _ANY_CATEGORY.starts(lowered)}
    return tuple(name for name in _CATEGORY_ORDER if name in names)


def _category_at(lowered: str, position: int) -> str:
    """The first category whose pattern matches at ``position`` (where _ANY_CATEGORY found one)."""
    return next(name for name, cue in _CATEGORY.items() if cue.lowered.match(lowered, position))


@lru_cache(maxsize=4096)
def _has_suspect_cue(sentence: str) -> bool:
    return _SUSPECT_LOWER.found(sentence.lower())


def _has_category_cue(sentence: str) -> bool:
    """_categories_in(sentence) is not empty (the first cue is enough to tell)."""
    return _ANY_CATEGORY.found(sentence.lower())


@lru_cache(maxsize=4096)
def _is_normative(sentence: str) -> bool:
    return _NORMATIVE_LOWER.found(sentence.lower())


def _category_of(sentence: str) -> str | None:
    found = _categories_in(sentence)
    return found[0] if found else None


def _clause_from(text: str, start: int, max_words: int = 14) -> str:
    clause = re.split(r"[,.;:\"”]", text[start:], maxsplit=1)[0]
    return " ".join(clause.split()[:max_words])


def _latest_stage(texts: list[str]) -> str:
    """The furthest handling stage the texts report as taken, else 'reported'."""
    rank, last = _STAGE_RANK["reported"], len(_STAGES) - 1
    for text in texts:
        if rank == last:
            break
        rank = _furthest_stage_above(text, rank)
    return _STAGES[rank][0]


@lru_cache(maxsize=4096)
def _furthest_stage_above(sentence: str, floor: int) -> int:
    """The rank of the furthest handling stage ranked above ``floor`` that a sentence reports as taken (not
    planned, denied or hypothetical), else ``floor``."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        def starts(rank: int) -> Iterator[int]:
            return (match.start() for match in _STAGES[rank][1].finditer(sentence))
    else:
        if not _STAGES_ABOVE[floor].found(lowered):
            return floor  # most sentences: one search, not a look at every place
        places = _STAGES_ABOVE[floor].places(lowered)

        def starts(rank: int) -> Iterator[int]:
            return _match_starts(_STAGES_LOWER[rank][1], lowered, places)
    return next(
        (rank for rank in range(len(_STAGES) - 1, floor, -1)
         if any(not _is_hypothetical(sentence[:start]) for start in starts(rank))),
        floor,
    )


def _match_starts(pattern: re.Pattern, text: str, places: list[int]) -> Iterator[int]:
    """Where ``pattern.finditer(text)`` finds its matches, given all the places it can match (in order):
    the first place, then the first one after the end of that match, and so on."""
    end = 0
    for place in places:
        if place >= end and (match := pattern.match(text, place)):
            yield place
            end = match.end()


def _is_hypothetical(before: str) -> bool:
    last_words = " ".join(_WORD.findall(before[-120:])[-_WINDOWS["hypothetical_words"] :])
    return bool(_CUE["hypothetical"].found(last_words))


def _sanction(texts: list[str]) -> str | None:
    for text in texts:
        match = _SANCTION.search(text)
        if match:
            return text[match.start(): match.end()]  # as written
    return None


# -- names, roles, places ---------------------------------------------------------------


def clean_name(raw: str) -> str | None:
    """Drop honorifics ('H.', 'Tb.', also after a post or village: 'Sekdes Cening Tb. Heryana') and stop at
    words that cannot be part of a name."""
    words = [word for word in raw.split() if word.rstrip(".") not in _HONORIFICS]
    kept = []
    for word in words:
        if word.rstrip(".") in _NOT_NAME:
            break
        kept.append(word)
    name = " ".join(kept[:4])
    if len(name) > 2 and name.endswith("."):
        name = name[:-1]
    return name or None


def _clear_sentence_caches() -> None:
    for cached in (_roles_in, _categories_in, _furthest_stage_above, _role_of, _has_suspect_cue, _is_normative,
                   _region_code):
        cached.cache_clear()


class _RoleMatch(tuple):
    """A post mention found in the lowered sentence: (start, end, the surface text as written), read like a
    re.Match. (A tuple: made without a call to Python code, about three times as fast as a dataclass.)"""

    __slots__ = ()

    def start(self) -> int:
        return self[0]

    def end(self) -> int:
        return self[1]

    def group(self) -> str:
        return self[2]


@lru_cache(maxsize=1024)
def _roles_in(sentence: str) -> tuple[_RoleMatch, ...]:
    """Post mentions in a sentence (several steps read them; the search runs once per sentence)."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        return tuple(_RoleMatch((m.start(), m.end(), m.group())) for m in _ANY_ROLE.finditer(sentence))
    return tuple(_RoleMatch((start, end, sentence[start:end])) for start, end in _ANY_ROLE_LOWER.spans(lowered))


def _posts_in(text: str) -> Iterable[_RoleMatch | re.Match]:
    """The post mentions ``_ANY_ROLE.finditer(text)`` finds: in ASCII text, those of _roles_in (the same, and
    cached); other text is scanned with IGNORECASE, which also equates a few non-ASCII letters with ASCII ones."""
    return _roles_in(text) if text.isascii() else _ANY_ROLE.finditer(text)


@lru_cache(maxsize=1024)
def _role_of(surface: str) -> str:
    """The role of the first rule whose pattern matches the whole post, else 'ASN'."""
    match = _ROLE_RULES.fullmatch(surface.strip())
    if not match:
        return "ASN"
    rule = match.lastgroup  # the rule's group closes after any group inside it
    role = _ROLE_OF_RULE[rule]
    return role.replace("{1}", match.group(_ROLE_RULES.groupindex[rule] + 1) or "") if "{1}" in role else role


def _org_from_post(post: str, org_words: str) -> str | None:
    """'Kepala Dinas' + 'Pendidikan dan Kebudayaan' -> 'Dinas Pendidikan dan Kebudayaan'."""
    words = org_words.strip()
    if not words:
        return None
    prefix = _ORG_PREFIX.get(_role_of(post))
    if prefix and not words.lower().startswith(prefix.lower()):
        return f"{prefix} {words}"
    return words


def _org_after(sentence: str, position: int) -> str | None:
    match = _ORG_AFTER_ROLE.match(sentence, position)
    return match.group("org").strip() if match else None


def _place_near(sentence: str, position: int, reach: int = 50) -> str | None:
    """The "di <Place>" just before a mention, else just after it, within a few words."""
    places = [
        m for m in _PLACE.finditer(sentence)
        if abs(m.start() - position) <= reach and m.group("place").split()[0] not in _NOT_NAME
    ]
    before = [m for m in places if m.start() < position]
    chosen = before[-1] if before else (places[0] if places else None)
    return chosen.group("place") if chosen else None


def _sentences(doc: Document) -> list[str]:
    body = doc.sentences or split_sentences(doc.text)
    return [s for s in ([doc.title] if doc.title else []) + body if not _FURNITURE.match(s)]
