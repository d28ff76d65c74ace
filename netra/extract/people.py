"""Named persons with their positions, from title + name structures.

No NER model: positions come from a gazetteer of heads ("Ketua", "Pj Bupati",
"Camat"), position words, institutions and region names (``data/people.toml``,
``data/organizations.toml``, the region gazetteer). Recognised structures:

- "Ketua Bawaslu Bantul, Didik Joko Nugroho," / "Pj Bupati Mempawah Ismail menghadiri"
- "Komandan Kodim 1204/Sanggau yang diwakili oleh Bapak Mayor Arm Dulloh" -> "mewakili ..."
- "ungkap Gandi Indah Jaya, Ketua Bawaslu Seluma"
- "Jadio Pugantara selaku tim pemenangan ..."
- "Dua oknum guru TK ..., yakni Hj Silviyah dan Ulfi" (the role from the sentence)
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from netra.extract.cleaning import ends_with_abbreviation, split_sentences
from netra.extract.organizations import BY_ALIAS
from netra.extract.patterns import literal_alternation, lowercase_pattern
from netra.extract.places import district_keys, region_keys
from netra.extract.record import Document, Person

DATA = tomllib.loads((Path(__file__).parent / "data" / "people.toml").read_text(encoding="utf-8"))
HEADS = sorted(DATA["heads"], key=len, reverse=True)
# Lower-case heads ("kata anggota Bawaslu X, Nama") count only when an institution follows at once.
LOWER_HEADS = sorted(DATA["lower_heads"], key=len, reverse=True)
HEAD_SET = frozenset(HEADS)
HEAD_WORDS = frozenset(w for head in HEADS for w in head.split())
POSITION_WORDS = frozenset(DATA["position_words"]) | HEAD_WORDS | frozenset(
    w for alias in BY_ALIAS for w in alias.split() if w[0].isupper())
POSITION_LOWER = frozenset(DATA["position_lower_words"]) | frozenset(w for h in LOWER_HEADS for w in h.split())
POSITION_TOKENS = POSITION_WORDS | POSITION_LOWER
TAKES_NEXT_NAME = frozenset(DATA["takes_next_name"])
TAKES_DISTRICT = frozenset(DATA["takes_district"])
TAKES_VILLAGE = frozenset(DATA["takes_village"])
TAKES_MORE = TAKES_NEXT_NAME | TAKES_DISTRICT | TAKES_VILLAGE
PLACE_SUFFIXES = frozenset(DATA["place_suffix_words"])
HONORIFICS = frozenset(DATA["honorifics"]) | frozenset(DATA["ranks"])
DEGREES = frozenset(DATA["degrees"])
NOT_NAME = frozenset(DATA["not_name_words"])
ENDS_NAME = NOT_NAME | HEAD_WORDS
PRIVATE_ROLES = frozenset(DATA["private_roles"])
EXCLUDED_POSITIONS = frozenset(DATA["excluded_positions"])
BARE_HEADS_NEEDING_MORE = frozenset({"Tim", "Pengawas", "Guru", "Analis", "Anggota", "Pj", "Pjs", "Plt", "Plh",
                                     "Plh.", "Pj.", "Penjabat", "Pelaksana Harian", "Pelaksana Tugas",
                                     "Presiden", "Bendahara", "Kepala", "Ketua", "Wakil Ketua",
                                     "Koordinator", "Sekretaris", "Asisten", "Direktur", "Menteri"})
# Tokens that position_length always counts as one position word (no full stop to strip, no honorific that
# opens a name, nothing more to take): read_position takes them without asking it.
SINGLE_POSITION_TOKENS = frozenset(
    word for word in POSITION_TOKENS if word and not word.endswith(".") and word not in TAKES_MORE
    and not (word in HONORIFICS and word not in POSITION_WORDS))
GENERIC_POSITIONS = frozenset(DATA["generic_positions"])
NAME_OPENERS = frozenset(DATA["name_openers"])
NAME_PARTICLES = frozenset(DATA["name_particles"])
HEAD_WINDOW = 260  # characters read after a head: the longest positions, a name and a short list of names
INITIAL = re.compile(r"[A-Z]\.")
REGIONAL_OFFICE_WORDS = frozenset(DATA["regional_office_words"])
_CANDIDATE_WORD = r"\b(?:{})".format(literal_alternation(sorted(DATA["candidate_words"], key=len, reverse=True)))
# A candidate word right before a head, with nothing but spaces between (no line break, no full stop).
CANDIDATE_BEFORE_HEAD = re.compile(_CANDIDATE_WORD + r"[ \u00a0]+$", re.IGNORECASE)
# Introducers that name the noun just before them (see names_a_candidate).
NAMING_THE_NOUN_BEFORE = ("atas nama", "bernama")
# A candidate word a few words before the end of a clause ("salah satu Bacakada di Kabupaten Pulau Morotai").
CANDIDATE_ENDING_CLAUSE = re.compile(_CANDIDATE_WORD + r"\b(?:[ \u00a0]+[^\s,.;:]+){0,5}[ \u00a0]*$", re.IGNORECASE)
CANDIDATE_WORDS = frozenset({"Paslon", "Pasangan", "Calon", "Cabup", "Cagub", "Cawalkot", "Capres"})
NAME_ABBREVIATIONS = frozenset({"Muh.", "Moh.", "Mohd.", "Moch.", "Mochd.", "Mhd.", "Muhd.", "Abd.", "Ach.", "Ahm.",
                                "Md.", "Nyi.", "Sy.", "St."})

# Heads are capitalised and lower-case heads are not, so no word of one list starts where a word of the other
# can: one trie over both finds what "(?:trie of HEADS|trie of LOWER_HEADS)" finds, without a jump into each.
HEAD_WORD = rf"{literal_alternation(HEADS + LOWER_HEADS)}(?![\w-])"
HEAD = re.compile(rf"(?<![\w-]){HEAD_WORD}")
HEAD_FIRST_LETTERS = "".join(sorted({head[0] for head in HEADS + LOWER_HEADS}))
# HEAD found faster: the character before a head is consumed, not looked behind at, so the pattern opens with a
# character class and the engine skips straight to candidates. A head at the text's very start is matched apart.
# That class is ASCII-only, a table lookup: it stops at every space and mark, and at non-ASCII letters, which the
# lookbehind then turns away (the two together take exactly the characters of [^\w-]). The lookahead rules out at
# once the many breaks that no head's first letter follows, before the trie is tried.
HEAD_AFTER_BREAK = re.compile(rf"[^A-Za-z0-9_-](?=[{HEAD_FIRST_LETTERS}])(?<![\w-]){HEAD_WORD}")
SPACES_IN_LINE = re.compile(r"(?:[^\S\n]|_)*")
# Where a parenthesised position can start: "(" and a head ("Nama (Koordinator Divisi ...)").
HEAD_IN_PARENTHESES = re.compile(rf"\(\s*{HEAD_WORD}")
# Tokens: a word ("S.Pd.", "Rahman-Gustianto"), a parenthesised aside, a number ("1204/Sanggau"), a mark.
# Quantifiers are possessive: giving characters back never makes a match (what follows each run either may be
# empty or cannot be one of its characters), so the engine need not keep them. The alternatives start with
# different characters, except that "(" opens an aside before it is taken as a mark.
TOKEN = re.compile(r"[^\W\d_][\w'’-]*+(?:\.[^\W\d_]++)*+\.?|\([^()\n]{0,70}+\)|\d[\w/.-]*+|[^\s\w]")
ROMAN = re.compile(r"^[IVX]+[AB]?$")
REPRESENTED = re.compile(r"\s*,?\s*(?:yang\s+)?(?:diwakili|diwakilkan)\s+(?:oleh|kepada)\s+")
SPEECH_BEFORE = re.compile(
    r"(?:\n|[.!?\"“”]\s*|\b(?:kata|ujar|ungkap|jelas|tegas|terang|ucap|tutur|papar|sebut|imbuh|tambah|"
    r"lanjut|menurut|oleh|beber|pungkas|katanya)\s+)"
    r"(?P<name>[A-Z][a-z'’]+(?:\s+(?:[A-Z][a-z'’]+|[A-Z]\.?))*)\s*,\s*$"
)
UPPER, LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ'’"
NAME = rf"[{UPPER}][{LOWER}]+(?:\s+(?:[{UPPER}][{LOWER}]+|[{UPPER}]\.(?=\s)|[{UPPER}](?=\s)))*"
NAME_THEN_POSITION = re.compile(
    rf"(?P<name>{NAME})(?:,?\s+[A-Z][A-Za-z]{{0,3}}\.(?:[A-Za-z]{{1,4}}\.?)*)*\s*\((?P<position>[^()\n]{{3,90}})\)"
)
# Parentheses that can close a NAME_THEN_POSITION match, and the last break before them that no match of it or
# of SELAKU runs across: a character in no name, degree, space or comma, or a space followed by neither a
# capital, a space, "(" nor a comma (nor, at the end of the stretch searched, anything).
PARENTHESES = re.compile(r"\([^()\n]{3,90}\)")
LAST_BREAK = re.compile(r"(?s:.*)(?:[^A-Za-zÀ-ÖØ-öø-ÿ'’\s.,]|\s(?=[^\sA-ZÀ-ÖØ-Þ(,]))")
BREAK_REACH = 120  # characters searched back for a break before parentheses or "selaku"
SELAKU = re.compile(rf"(?P<name>{NAME})\s*,?\s+selaku\s+(?P<position>[^,.;:\n\"“”]{{3,90}})")
SPACES = re.compile(r"\s*")
# "Ipung Wahyudi diperiksa sebagai Kades Ledokombo", "Kamiluddin dalam kapasitasnya sebagai Kepala Desa ...": a name,
# a verb of being examined or serving (or "in the capacity of"), then "sebagai" right before a position's head.
SERVING_AS_BEFORE = re.compile(
    rf"(?P<name>{NAME})\s+(?:(?:(?:di|ter)periksa|dipanggil|diklarifikasi|hadir|bertindak|menjabat|bertugas)\s+"
    r"(?:dalam\s+kapasitas(?:nya)?\s+)?|dalam\s+kapasitas(?:nya)?\s+)sebagai\s+$"
)
STOP_IN_SELAKU = re.compile(
    r"\s+(?:mengatakan|menyampaikan|mengaku|menjelaskan|menuturkan|menegaskan|yang|saat|ketika|kalau|"
    r"bahwa|dalam|pada|di|ke|untuk|telah|sudah|akan)\b.*$"
)
NAME_INTRODUCERS = ("yakni", "yaitu", "adalah", "bernama", "berinisial", "inisial", "atas nama")
# What a line holding an introducer holds: "inisial" stands for "berinisial" too.
SHORTEST_INTRODUCERS = tuple(word for word in NAME_INTRODUCERS if not any(
    other != word and other in word for other in NAME_INTRODUCERS))
NAMED_AS = re.compile(
    rf"\b(?:{'|'.join(NAME_INTRODUCERS)})\s+"
    rf"(?P<names>(?:{NAME}|[A-Z]{{1,4}}\b)(?:\s*(?:,|dan)\s*(?:{NAME}|[A-Z]{{1,4}}\b))*)"
)
ROLE = re.compile(r"\b(?:{})\b".format("|".join(DATA["role_patterns"])), re.IGNORECASE)
# ROLE over lower-cased text, case-sensitive: about twice as fast. It finds the same matches unless lowering
# changes the text's length or the text holds "ı" or "ſ" (which IGNORECASE takes for "i" and "s").
ROLE_LOWERED = re.compile(lowercase_pattern(ROLE.pattern))
ROLE_FORMS = {"aparatur sipil negara": "ASN"}
NAME_SEPARATOR = re.compile(r"\s*(?:,|\bdan\b)\s*")
INITIALS = re.compile(r"[A-Z]{1,4}")
PARENTHESISED_ABBREVIATION = re.compile(r"\(([A-Za-z][A-Za-z. ]{0,28})\)")
NOT_LOWER_LETTER = re.compile(r"[^a-z]")


def tokenize(text: str) -> list[str]:
    """The tokens of ``text``: words, numbers, parenthesised asides and punctuation marks (TOKEN.findall).

    Only an aside holds a space, so up to the space before the first "(" the text is tokenized piece by
    space-separated piece. The pattern runs only on unusual pieces: letters are one word, letters and a
    full stop one word ("Kab."), letters and a comma a word and a mark.
    """
    paren = text.find("(")
    plain_end = len(text) if paren < 0 else text.rfind(" ", 0, paren) + 1
    tokens: list[str] = []
    for piece in text[:plain_end].split():
        if piece.isalpha() or (piece[-1] == "." and piece[:-1].isalpha()):
            tokens.append(piece)
        elif piece[-1] == "," and piece[:-1].isalpha():
            tokens += (piece[:-1], ",")
        else:
            tokens += TOKEN.findall(piece)
    if plain_end < len(text):
        tokens += TOKEN.findall(text, plain_end)
    return tokens


@dataclass(slots=True)
class HeadWindow:
    """The text read after a head (to the line end, at most HEAD_WINDOW characters) and its tokens.

    Tokens are plain strings; where one ends in the document is found on demand (few are ever asked for).
    """

    text: str
    start: int
    tokens: list[str]

    @classmethod
    def at(cls, document: str, start: int) -> HeadWindow:
        line_end = document.find("\n", start)
        line_end = len(document) if line_end < 0 else line_end
        text = document[start: min(line_end, start + HEAD_WINDOW)]
        return cls(text, start, tokenize(text))

    def end_of(self, k: int) -> int:
        """Document offset where token ``k`` ends.

        Between tokens come only spaces and "_", which start no token: each token is found where it starts.
        """
        end = 0
        for token in self.tokens[: k + 1]:
            end = self.text.find(token, end) + len(token)
        return self.start + end


def is_title_word(text: str) -> bool:
    """Capitalised with some lower case ("Bantul", "McDonald"); the second letter settles most words."""
    return text[0].isupper() and text[0].isalpha() and (text[1:2].islower() or any(c.islower() for c in text))


@lru_cache(maxsize=4096)
def _region_key(words: tuple[str, ...]) -> bool:
    key = "".join(words).lower().replace("-", "").replace("'", "").replace(".", "")
    return key in region_keys()


@lru_cache(maxsize=1)
def region_key_beginnings() -> frozenset[str]:
    """Every beginning of a region name key (built once from the gazetteer)."""
    return frozenset(key[:end] for key in region_keys() for end in range(1, len(key) + 1))


def may_begin_region(token: str) -> bool:
    """False when no run of tokens from ``token`` can be a region: its key begins no region key.

    Only ASCII tokens are ruled out, as only their lower case is the same alone as in a run.
    """
    if not token.isascii():
        return True
    return token.lower().replace("-", "").replace("'", "").replace(".", "") in region_key_beginnings()


def region_run(tokens: list[str], i: int) -> int:
    """How many tokens at ``i`` form a region name (0 if none)."""
    if not tokens[i][0].isupper() or not may_begin_region(tokens[i]):
        return 0  # the run below is of capitalised tokens: none starts at a lower-case word or a mark
    capitalised = 0
    while capitalised < 3 and i + capitalised < len(tokens) and tokens[i + capitalised][0].isupper():
        capitalised += 1
    for n in range(capitalised, 0, -1):  # the longest name first
        if _region_key(tuple(tokens[i:i + n])):
            return n
    return 0


def district_run(tokens: list[str], i: int) -> int:
    """How many tokens at ``i`` form a district (kecamatan) name (0 if none)."""
    keys = district_keys()
    title_words = 0
    while title_words < 3 and i + title_words < len(tokens) and is_title_word(tokens[i + title_words]):
        title_words += 1
    for n in range(title_words, 0, -1):  # the longest name first
        key = "".join(tokens[i:i + n]).lower().replace("-", "").replace("'", "").rstrip(".")
        if key in keys:
            return n
    return 0


def position_length(tokens: list[str], i: int) -> int:
    """Tokens at ``i`` that belong to a position (0 when token ``i`` does not)."""
    text = tokens[i].rstrip(".") or tokens[i]
    if tokens[i] in HONORIFICS and text not in POSITION_WORDS:
        return 0  # "Kapolres Garut AKBP Rendra" - a rank opens the name
    if text in POSITION_TOKENS or text.startswith("(") or (text[0] in "IVX" and ROMAN.match(text)):
        if text not in TAKES_MORE:
            return 1  # most position words
        if text in TAKES_DISTRICT and (district := district_run(tokens, i + 1)):
            return 1 + district
        if text in TAKES_VILLAGE and i + 2 < len(tokens) and is_title_word(tokens[i + 1]) \
                and is_title_word(tokens[i + 2]) and tokens[i + 1] not in NOT_NAME:
            # "Lurah Margorejo Tempel": the village, then its district, is all position
            return 2 + (district_run(tokens, i + 2) or place_suffix(tokens, i + 2))
        if text in TAKES_NEXT_NAME:
            j = i + 2 if i + 1 < len(tokens) and tokens[i + 1].startswith("(") else i + 1
            used = place_name_length(tokens, j)
            return (j - i) + used + (place_suffix(tokens, j + 1) if used == 1 else 0)
        return 1
    if text[0].isdigit() or (text.isupper() and len(text) <= 6 and text.isalpha()):
        return 1
    if i > 0 and (before := BY_ALIAS.get(tokens[i - 1])) is not None and before.kind == "national" \
            and not any(t in REGIONAL_OFFICE_WORDS for t in tokens[max(0, i - 4): i]):
        return 0  # a national body has no region: "Kepala BKN Bima Haria Wibisana" names Bima Haria
    return region_run(tokens, i)


def place_suffix(tokens: list[str], i: int) -> int:
    """1 when token ``i`` ends a place name ("Kades Tambun Selatan Suryadi"): a compass word is never a name."""
    return int(i < len(tokens) and tokens[i] in PLACE_SUFFIXES)


def place_name_length(tokens: list[str], i: int) -> int:
    """After "Kecamatan"/"Paslon": all capitalised words up to a comma, else one word."""
    run = 0
    while i + run < len(tokens) and tokens[i + run][0].isupper() and run < 4:
        run += 1
    if run and i + run < len(tokens) and tokens[i + run] == ",":
        return run
    return min(run, 1)


def segment_is_position(tokens: list[str], i: int) -> bool:
    """Whether the comma-separated segment starting at ``i`` continues a position."""
    j = i
    if j < len(tokens) and HEAD.fullmatch(tokens[j]):
        return False  # a new person's position: "Ketua KPU X, Ketua Bawaslu X"
    while j < len(tokens) and tokens[j] != ",":
        if tokens[j] in ("dan", "serta") and j == i:
            return True
        used = position_length(tokens, j)
        if not used:
            # "..., Kementerian Dalam Negeri (Kemendagri) Togap Simangunsong di": the institution, then the name;
            # "Koordinator Divisi Pencegahan, Partisipasi Masyarakat dan Humas Loly Suhenti": position words, then it
            unit = any(t in BY_ALIAS or t.startswith("(") for t in tokens[i:j]) \
                or (j - i >= 2 and all(t in POSITION_TOKENS for t in tokens[i:j]))
            return j > i and unit and read_name(tokens, j)[0] is not None
        j += used
    return j > i and j < len(tokens) and tokens[j] == ","


def read_position(tokens: list[str]) -> int:
    """Number of tokens (from 0) that make the position."""
    i = 0
    while i < len(tokens):
        if tokens[i] in SINGLE_POSITION_TOKENS:
            i += 1  # most position words
            continue
        if tokens[i] == "," and segment_is_position(tokens, i + 1):
            i += 1
            continue
        used = position_length(tokens, i)
        if not used:
            break
        i += used
    while i > 0 and tokens[i - 1] in (",", "dan", "serta", "&"):
        i -= 1
    return i


def position_up_to_comma(tokens: list[str], i: int) -> int | None:
    """Index of the comma ending a run of at most six capitalised words from ``i``, else None."""
    j = i
    while j < len(tokens) and j - i <= 6:
        text = tokens[j]
        if text == ",":
            return j if j > i else None
        if not (text[0].isupper() or text in ("dan", "&") or text.startswith("(")):
            return None
        j += 1
    return None


def read_name(tokens: list[str], i: int) -> tuple[str | None, int]:
    """A person's name at ``i`` (honorifics and ranks skipped, degrees dropped)."""
    if i < len(tokens) and tokens[i] == ",":
        i += 1
    while i < len(tokens) and tokens[i] in HONORIFICS:
        i += 1
    words: list[str] = []
    if i + 1 < len(tokens) and (tokens[i] in NAME_OPENERS or is_initial(tokens[i])) \
            and is_title_word(tokens[i + 1]) and tokens[i + 1].rstrip(".") not in NOT_NAME:
        words.append(tokens[i])  # "I Nyoman Celos", "A. Murtala"
        i += 1
    while i < len(tokens):
        text = tokens[i]
        bare = text.rstrip(".")
        if bare in ENDS_NAME or words and normalised_degree(text) in DEGREES:
            break
        if is_title_word(text):
            words.append(text)
            i += 1
            if text.endswith(".") and text not in NAME_ABBREVIATIONS:
                break  # "Juliadi." ends a sentence
            continue
        if words and 2 <= len(text) <= 4 and text.isalpha() and text.isupper() and text not in NOT_NAME \
                and normalised_degree(text) not in DEGREES and text not in BY_ALIAS and not _region_key((text,)) \
                and (i + 1 >= len(tokens) or not is_title_word(tokens[i + 1])):
            words.append(text)  # "Swastari HAZ" - an all-caps part of a name
            i += 1
            break
        if len(text.rstrip(".")) == 1 and text[0].isupper() and words:
            words.append(text)  # an initial: "Katma F. Dirun", "Maria Magdalena S Seriang"
            i += 1
            continue
        if words and text in NAME_PARTICLES and i + 1 < len(tokens) and is_title_word(tokens[i + 1]):
            words.append(text)  # "Nonato da Purificacao Sarmento", "Ahmad bin Yusuf"
            i += 1
            continue
        break
    while words and (len(words[-1].rstrip(".")) == 1 or normalised_degree(words[-1]) in DEGREES):
        words.pop()
    if not words or len(words) > 5 or max(map(len, words)) < 3:  # no word of three letters or more
        return None, i
    if may_begin_region(words[0]) and _region_key(tuple(words)):
        return None, i  # "Sekdakab Pesawaran." - the place closes the position
    words[-1] = words[-1].rstrip(".") if len(words[-1]) > 2 else words[-1]
    return " ".join(words), i


def is_initial(token: str) -> bool:
    """A capital A-Z and a full stop ("A."): what INITIAL matches in full."""
    return len(token) == 2 and token[1] == "." and "A" <= token[0] <= "Z"


def normalised_degree(text: str) -> str:
    return text.replace(".", "").replace(",", "").lower()


def abbreviate(position: str) -> str:
    """"Penjabat (Pj) Bupati Mempawah" -> "Pj Bupati Mempawah"; "Komisi Pemilihan Umum (KPU)" -> "KPU"."""
    if "(" not in position:
        return position  # most positions
    while match := PARENTHESISED_ABBREVIATION.search(position):
        before = position[: match.start()].rstrip()
        words = before.split()
        cut = abbreviated_words(words, match[1])
        kept = words[: len(words) - cut] if cut else words
        replacement = match[1] if cut else ""
        position = " ".join([*kept, replacement]) + position[match.end():]
        position = " ".join(position.split())
    return position


def abbreviated_words(words: list[str], abbreviation: str) -> int:
    """How many words before "(ABBR)" the abbreviation stands for (0 if none)."""
    letters = NOT_LOWER_LETTER.sub("", abbreviation.lower())
    lowered = [word.lower() for word in words]
    for n in range(1, min(len(words), 9) + 1):
        suffix = " ".join(words[-n:])
        if suffix in BY_ALIAS and BY_ALIAS[suffix].name.lower() == letters:
            return n
        first = lowered[-n]
        if first not in ("dan", "&") and not letters.startswith(first[0]):
            continue  # what generates() rules out first: the first word does not give the first letter
        if generates(letters, tuple(lowered[-n:])):
            return n
    return 0


@lru_cache(maxsize=2048)
def generates(letters: str, words: tuple[str, ...]) -> bool:
    """Each word gives a non-empty subsequence starting with its first letter ("dan" may give none)."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word in ("dan", "&") and generates(letters, rest):
        return True
    if not letters or word[0] != letters[0]:
        return False
    # The word gives letters[:k] for each k whose letters[1:k] is a subsequence of word[1:]: exactly the k up to
    # 1 + the longest such run, which one greedy pass finds (no subsequence test for each k).
    return any(generates(letters[k:], rest) for k in range(1, subsequence_run(letters, 1, word[1:]) + 2))


def subsequence_run(letters: str, start: int, word: str) -> int:
    """How many letters from ``start`` on are, in order, a subsequence of ``word`` (the longest such run)."""
    matched = 0
    for char in word:
        if start + matched < len(letters) and char == letters[start + matched]:
            matched += 1
    return matched


def clean_position(text: str) -> str:
    text = abbreviate(" ".join(text.split()).strip(" ,"))  # str.split() splits where \s matches
    return text.replace(" ,", ",")  # the only space left is a single " "


def people_at_heads(text: str) -> list[Person]:
    """People named next to a position that opens with a head ("Ketua Bawaslu Bantul, Didik ...")."""
    found: list[Person] = []
    consumed = -1
    for start, head_text in heads_in(text):
        if start < consumed:
            continue
        lower_words = len(head_text.split()) if head_text[0].islower() else 0  # the words of a lower-case head
        if lower_words and not capital_follows(text, start, head_text):
            continue
        window = HeadWindow.at(text, start)
        tokens = window.tokens
        used = read_position(tokens)
        if used <= lower_words:
            continue  # no position; a lower-case head alone ("anggota Persatuan ...") is none either
        consumed = window.end_of(used - 1)
        if follows_a_candidate_word(text, start):
            continue  # the whole position is the candidacy's ("calon Gubernur dan Wakil Gubernur X")
        position = clean_position(text[start: consumed])
        if head_text in EXCLUDED_POSITIONS or position in BARE_HEADS_NEEDING_MORE:
            continue
        if ends_sentence(position):  # "dipimpin Pj Bupati Garut. Turut hadir ...": no name after it
            position = position.rstrip(".")
            person, name_end = name_before(text, start, position) or name_serving_as(text, start, position), used
        else:
            name, name_end = read_name(tokens, used)
            person = name_after(text, window, used, consumed, position, name, name_end) \
                or name_before(text, start, position) or name_serving_as(text, start, position)
        if person is not None and not names_the_district(person):
            found.append(person)
            if not position.startswith("mewakili"):
                found.extend(Person(listed, position) for listed in listed_names(tokens, name_end))
    return found


def follows_a_candidate_word(text: str, start: int) -> bool:
    """ "calon Bupati Garut, Budi Santoso": the head at ``start`` names a candidacy, not an office."""
    return CANDIDATE_BEFORE_HEAD.search(text, max(0, start - 14), start) is not None


def ends_sentence(position: str) -> bool:
    """A position read up to a full stop that is not an abbreviation's ("Bupati Garut." but not "Kab.")."""
    return position.endswith(".") and not ends_with_abbreviation(position)


def names_the_district(person: Person) -> bool:
    """ "Kepala Desa Karangsono, Sukorejo": after a village's post, one word naming a district is where the village
    lies, not its head's name."""
    words = (person.position or "").split()
    return bool(words) and " " not in person.name and any(w in TAKES_VILLAGE or w == "Desa" for w in words) \
        and person.name.lower().replace("-", "") in district_keys()


def capital_follows(text: str, start: int, head_text: str) -> bool:
    """Whether, in the head's window, the token after a lower-case head starts with a capital letter.

    Unless a quote or full stop carries its last word on, the head's words are its first tokens and the
    next token starts at the first character that is not a space or "_" (which tokens skip); a line break
    there, which ends the window, is no capital.
    """
    end = start + len(head_text)
    if text[end: end + 1] in ("'", "’", "."):
        tokens = HeadWindow.at(text, start).tokens
        words = len(head_text.split())
        return len(tokens) > words and tokens[words][0].isupper()
    following = SPACES_IN_LINE.match(text, end).end()
    return following < min(len(text), start + HEAD_WINDOW) and text[following].isupper()


def heads_in(text: str) -> Iterator[tuple[int, str]]:
    """Where each head starts, and its text: the matches of HEAD.finditer(text).

    After a match, the next can start no sooner than one character on (a head ends before a character
    that is neither a word character nor a hyphen, and starts with a letter), which HEAD_AFTER_BREAK consumes.
    """
    first = HEAD.match(text)
    if first is not None:
        yield 0, first.group()
    for match in HEAD_AFTER_BREAK.finditer(text, first.end() if first is not None else 0):
        yield match.start() + 1, match.group()[1:]  # the break is one character


def name_after(text: str, window: HeadWindow, used: int, position_end: int, position: str,
               name: str | None, end: int) -> Person | None:
    """The person named after a position of ``used`` tokens ending at ``position_end`` in the text.

    ``name`` and ``end`` are what read_name reads at token ``used``.
    """
    tokens = window.tokens
    if represented := REPRESENTED.match(text, position_end):
        rest = tokenize(text[represented.end(): represented.end() + 120])
        deputy, _ = read_name(rest, 0)
        return Person(deputy, f"mewakili {position}") if deputy else None
    if name and "-" in name and CANDIDATE_WORDS & set(position.split()):
        return None  # "tim pemenangan Paslon Teddy Rahman-Gustianto": a candidate pair, not a person
    comma = position_up_to_comma(tokens, used)
    if comma is not None and (name is None or (end == comma and len(name.split()) == 1)
                              or names_an_institution(name)):
        # "Penewu Sewon, Hartini,", "Deputi Bidang ... Pengendalian BKN, Sutrisno Hadi", "Kasi Kum Polres,
        # AKP Hasanuddin": unknown words before a comma still belong to the position when a name follows it
        second, second_end = read_name(tokens, comma + 1)
        closes = second_end >= len(tokens) or tokens[second_end] in ",." \
            or tokens[second_end][0].islower()
        if second and closes:
            return Person(second, clean_position(text[window.start: window.end_of(comma - 1)]))
    if position in GENERIC_POSITIONS and (used >= len(tokens) or tokens[used] != ","):
        return None  # "Kepala Daerah Menjaga ..." is no person
    return Person(name, position) if name else None


def names_an_institution(words: str) -> bool:
    """ "Kum Polres": a word of it is an institution's name, so it is the rest of a position, not a person."""
    return any(word in BY_ALIAS for word in words.split())


def listed_names(tokens: list[str], end: int) -> list[str]:
    """ "..., Tamri, Gistiawan, dan Ahmad Qohar,": further names sharing one position (a closed list only)."""
    names: list[str] = []
    i = end
    while i + 1 < len(tokens) and tokens[i] == ",":
        j = i + 1
        closing = tokens[j] in ("dan", "serta")
        j += closing
        name, after = read_name(tokens, j)
        if name is None or (after < len(tokens) and tokens[after] not in (",", ".")):
            return []
        names.append(name)
        i = after
        if closing:
            return names
    return []


def name_before(text: str, head_start: int, position: str) -> Person | None:
    """"ungkap Gandi Indah Jaya, Ketua Bawaslu Seluma"."""
    window = text[max(0, head_start - 80): head_start]
    if not window.rstrip().endswith(","):
        return None  # most heads: SPEECH_BEFORE wants a comma between the name and the head
    if head_start <= 80:
        window = "\n" + window  # the text's start counts as a sentence start
    elif "\n" not in window:
        window = window[window.find(" ") + 1:]  # never start inside a word
    match = SPEECH_BEFORE.search(window)
    if match is None:
        return None
    tokens = tokenize(match["name"])
    name, used = read_name(tokens, 0)
    return Person(name, position) if name and used == len(tokens) else None


def name_serving_as(text: str, head_start: int, position: str) -> Person | None:
    """ "Sementara Ipung Wahyudi diperiksa sebagai Kades Ledokombo": the person the position is held by."""
    if not text.endswith("sebagai ", max(0, head_start - 9), head_start):  # most heads: no "sebagai" before them
        return None
    match = SERVING_AS_BEFORE.search(text, max(0, head_start - 120), head_start)
    if match is None:
        return None
    name, to_the_end = name_ending(match["name"])
    return Person(name, position) if name and to_the_end else None


def name_ending(words: str) -> tuple[str | None, bool]:
    """The name read after the last word of ``words`` that is no name's (a non-name word or a head word), and
    whether it runs to their end: "Sementara Ipung Wahyudi" -> ("Ipung Wahyudi", True)."""
    tokens = tokenize(words)
    start = max((k + 1 for k, t in enumerate(tokens) if t in NOT_NAME or t in HEAD_WORDS), default=0)
    name, used = read_name(tokens, start)
    return name, used == len(tokens)


def people_with_selaku(text: str) -> list[Person]:
    found = []
    for match in selaku_matches(text):
        name, _ = name_ending(match["name"])
        position = STOP_IN_SELAKU.sub("", match["position"]).strip()
        if name and position:
            found.append(Person(name, position))
    return found


def selaku_matches(text: str) -> Iterator[re.Match]:
    """The matches of SELAKU.finditer(text), each sought only around the word "selaku" it holds.

    That word has spaces on both sides, and it is the first such "selaku" after the match's start: a space in
    a name comes before a capital. The match runs across no break (LAST_BREAK), so it starts after the last
    break before the word; when no break is found within BREAK_REACH characters, the search starts where the
    previous match ended. It ends at most 90 characters past the spaces after the word; a match found there
    that starts after the word holds a later one and is left to it.
    """
    searched = 0  # where the previous match ended
    word = text.find("selaku", 1)
    while word >= 0:
        spaces_end = SPACES.match(text, word + len("selaku")).end()
        if word > searched and text[word - 1].isspace() and spaces_end > word + len("selaku"):
            last_break = LAST_BREAK.match(text, max(searched, word - BREAK_REACH), word)
            begin = last_break.end() if last_break is not None else searched
            match = SELAKU.search(text, begin, spaces_end + 90)
            if match is not None and match.start() < word:
                yield match
                searched = match.end()
        word = text.find("selaku", word + 1)


def people_with_parenthesised_position(text: str) -> list[Person]:
    """ "ungkap M Rani Patty, S.Pd. (Koordinator Divisi ...) Panwaslu Kecamatan X": the post in parentheses."""
    found = []
    for match in names_then_head_positions(text):
        position = match["position"].strip()
        if not HEAD.match(position) or position in BARE_HEADS_NEEDING_MORE or len(position.split()) < 2:
            continue
        name, _ = name_ending(match["name"])
        if name and not all(word in POSITION_WORDS for word in name.split()):  # "..., Data, dan Informasi (Kordiv"
            found.append(Person(name, clean_position(position)))
    return found


def names_then_head_positions(text: str) -> Iterator[re.Match]:
    """The matches of NAME_THEN_POSITION.finditer(text) whose parentheses open with a head (HEAD_IN_PARENTHESES),
    each sought only before the parentheses it ends with; the other parentheses are not looked at.

    A match holds no "(" or ")" but those of the parentheses it ends with, so matches ending at different
    parentheses never overlap: each parentheses ends the leftmost match that starts after the last "(" or ")"
    before it, whatever other matches there are. A match also runs across no break (LAST_BREAK), so the search
    starts after the last break within BREAK_REACH characters, if there is one.
    """
    for opening in HEAD_IN_PARENTHESES.finditer(text):
        parentheses = PARENTHESES.match(text, opening.start())
        if parentheses is None:
            continue
        begin = max(text.rfind("(", 0, opening.start()), text.rfind(")", 0, opening.start())) + 1
        last_break = LAST_BREAK.match(text, max(begin, opening.start() - BREAK_REACH), opening.start())
        match = NAME_THEN_POSITION.search(text, last_break.end() if last_break else begin, parentheses.end())
        if match is not None:
            yield match


def people_named_as(text: str) -> list[Person]:
    """"Dua oknum guru TK ..., yakni Hj Silviyah dan Ulfi" - the role comes from the sentence."""
    found: list[Person] = []
    for line_start, line in lines_holding(text, SHORTEST_INTRODUCERS):
        # Sentences never cross lines (split_sentences works paragraph by paragraph), and a match inside a
        # sentence is one in its line too (a sentence is followed by a space, a quote or the line's end):
        # one scan of a line rules it out before its sentences are split.
        if NAMED_AS.search(line) is None:
            continue
        sentences = split_sentences(line)
        for k, sentence in enumerate(sentences):
            for match in NAMED_AS.finditer(sentence):
                if names_a_candidate(sentence[: match.start()], match.group()):
                    continue
                role = first_role(sentence[: match.start()]) or role_before(sentences, k, text[:line_start])
                if role is None or role.lower() in PRIVATE_ROLES:
                    continue
                found.extend(Person(name, role) for name in introduced_names(match))
    return found


def names_a_candidate(before: str, introducer: str) -> bool:
    """Whether the name an ``introducer`` gives after ``before`` is a candidate's ("... salah satu Bacakada di Morotai
    atas nama X"). Only "atas nama" and "bernama" name the noun just before them; after "yakni" or "adalah" the
    name may be the sentence's subject's ("Kades yang mendukung calon itu adalah Budi")."""
    if not introducer.lower().startswith(NAMING_THE_NOUN_BEFORE):
        return False
    return CANDIDATE_ENDING_CLAUSE.search(before, max(0, len(before) - 80)) is not None


def lines_holding(text: str, words: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` holding one of ``words`` (none holds a line break), with where it starts."""
    upcoming = [text.find(word) for word in words]  # each word's next occurrence (-1: none left)
    while hits := [hit for hit in upcoming if hit >= 0]:
        hit = min(hits)
        start = text.rfind("\n", 0, hit) + 1
        end = text.find("\n", hit)
        end = len(text) if end < 0 else end
        yield start, text[start:end]
        upcoming = [text.find(word, end + 1) if 0 <= hit <= end else hit
                    for word, hit in zip(words, upcoming, strict=True)]


def role_before(sentences: list[str], k: int, earlier_text: str) -> str | None:
    """The role named in the sentence before ``sentences[k]`` of a line (the last one of an earlier line)."""
    if k:
        return first_role(sentences[k - 1])
    for line in reversed(earlier_text.split("\n")):
        if earlier := split_sentences(line):
            return first_role(earlier[-1])
    return None


def introduced_names(match: re.Match) -> list[str]:
    """The names listed after "yakni"/"bernama"/... (initials too after "inisial")."""
    names = []
    for raw in NAME_SEPARATOR.split(match["names"]):
        tokens = tokenize(raw)
        name, used = read_name(tokens, 0)
        if name is None and INITIALS.fullmatch(raw) and "inisial" in match.group():
            name, used = raw, len(tokens)
        if name and used == len(tokens) and not _region_key(tuple(name.split())):
            names.append(name)
    return names


def first_role(text: str) -> str | None:
    """The role named last before the names (nearest to them)."""
    matches = list(role_matches(text))
    if not matches:
        return None
    role = text[matches[-1].start(): matches[-1].end()]  # the matched text may be lowered: the role as written
    return ROLE_FORMS.get(role.lower(), role)


def role_matches(text: str) -> Iterator[re.Match]:
    """ROLE.finditer(text), on lower-cased text where that finds the same matches (offsets into ``text``)."""
    lowered = text.lower()
    if len(lowered) == len(text) and "ı" not in lowered and "ſ" not in lowered:
        return ROLE_LOWERED.finditer(lowered)
    return ROLE.finditer(text)


def merge_people(people: list[Person]) -> list[Person]:
    """One entry per person: "Boedyo" joins "Boedyo Dharmawan"; the most complete position wins."""
    merged: list[Person] = []
    for person in people:
        words = person.name.lower().split()
        for existing in merged:
            other = existing.name.lower().split()
            if set(words) <= set(other) or set(other) <= set(words):
                if len(words) > len(other):
                    existing.name = person.name
                if len(person.position or "") > len(existing.position or ""):
                    existing.position = person.position
                break
        else:
            merged.append(Person(person.name, person.position))
    return merged


def is_headline(line: str) -> bool:
    """A repeated headline ("Camat X Dilaporkan ke Panwascam"): mostly capitalised, no full stop."""
    if ". " in line or line.rstrip().endswith((".", '"', "”", ")")):
        return False  # sentences: most lines end here, before being split into words
    words = line.split()
    if not words or len(words) > 25:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.7


def find_people(doc: Document) -> list[Person]:
    for cached in (_region_key, generates):  # per-document caches: no hits carried over from earlier documents
        cached.cache_clear()
    text = "\n".join(line for line in doc.text.split("\n") if not is_headline(line))
    found = people_at_heads(text) + people_with_selaku(text) + people_named_as(text) \
        + people_with_parenthesised_position(text)
    return merge_people(found)


def add_people(doc: Document) -> Document:
    doc.people = find_people(doc)
    return doc
