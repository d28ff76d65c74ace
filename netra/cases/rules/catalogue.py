"""The violation catalogue and the sanctions it points to. Django-free.

Data: ``data/catalogue.toml`` (the acts: ethics, discipline, village, criminal) and
``data/sanctions.toml`` (sanction levels and their concrete forms). Both are checked against each other
on load, so a typo in a form code fails loudly instead of reaching a case file.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE_FILE = DATA_DIR / "catalogue.toml"
SANCTIONS_FILE = DATA_DIR / "sanctions.toml"
ELECTION_KINDS = ("pemilu", "pilkada")


@dataclass(frozen=True, slots=True)
class SanctionLevel:
    code: str
    track: str
    label: str
    legal_basis: str
    step: int


@dataclass(frozen=True, slots=True)
class SanctionForm:
    code: str
    level: str
    label: str
    months: int


@dataclass(frozen=True, slots=True)
class Sanctions:
    levels: tuple[SanctionLevel, ...]
    forms: tuple[SanctionForm, ...]

    def level(self, code: str) -> SanctionLevel:
        return _by_code(self.levels, code, "sanction level")

    def form(self, code: str) -> SanctionForm:
        return _by_code(self.forms, code, "sanction form")

    def forms_of(self, level: str) -> tuple[SanctionForm, ...]:
        return tuple(form for form in self.forms if form.level == level)

    def ladder(self, track: str) -> tuple[SanctionLevel, ...]:
        """The levels of a track, lightest first (the village ladder is applied in this order)."""
        return tuple(sorted((lv for lv in self.levels if lv.track == track), key=lambda lv: lv.step))


@dataclass(frozen=True, slots=True)
class DefaultSanction:
    level: str
    forms: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    code: str
    track: str
    title: str
    legal_basis: str
    sanction: DefaultSanction
    applies_to: tuple[str, ...]
    elections: tuple[str, ...]
    imposed_by: str


def _by_code(items: tuple[Any, ...], code: str, what: str) -> Any:
    for item in items:
        if item.code == code:
            return item
    raise KeyError(f"Unknown {what}: {code}")


# --- sanctions -----------------------------------------------------------------------------------


def load_sanctions(path: Path = SANCTIONS_FILE) -> Sanctions:
    data = _read_toml(path)
    levels = tuple(SanctionLevel(**table) for table in data.get("level", []))
    forms = tuple(SanctionForm(**table) for table in data.get("form", []))
    _check_unique([lv.code for lv in levels], "sanction level")
    _check_unique([form.code for form in forms], "sanction form")
    known_levels = {lv.code for lv in levels}
    for form in forms:
        if form.level not in known_levels:
            raise ValueError(f"{path.name}: form {form.code} names unknown level {form.level!r}")
    return Sanctions(levels, forms)


@lru_cache(maxsize=1)
def default_sanctions() -> Sanctions:
    return load_sanctions()


# --- catalogue -----------------------------------------------------------------------------------


def load_catalogue(path: Path = CATALOGUE_FILE, sanctions: Sanctions | None = None) -> list[CatalogueEntry]:
    data = _read_toml(path)
    entries = [_entry_from_toml(table) for table in data.get("entry", [])]
    _check_unique([entry.code for entry in entries], "catalogue code")
    checker = _EntryChecker(
        tracks=frozenset(data["tracks"]),
        subject_types=frozenset(data["subject_types"]),
        sanctions=sanctions or default_sanctions(),
    )
    for entry in entries:
        checker.check(entry)
    return entries


@lru_cache(maxsize=1)
def _default_catalogue() -> tuple[CatalogueEntry, ...]:
    return tuple(load_catalogue())


def catalogue() -> tuple[CatalogueEntry, ...]:
    """The project's catalogue, loaded once."""
    return _default_catalogue()


def get(code: str) -> CatalogueEntry:
    return _by_code(catalogue(), code, "catalogue code")


def entries_for(track: str) -> tuple[CatalogueEntry, ...]:
    return tuple(entry for entry in catalogue() if entry.track == track)


def _entry_from_toml(table: Mapping[str, Any]) -> CatalogueEntry:
    sanction = table["sanction"]
    return CatalogueEntry(
        code=table["code"],
        track=table["track"],
        title=table["title"],
        legal_basis=table["legal_basis"],
        sanction=DefaultSanction(sanction["level"], tuple(sanction["forms"]), sanction.get("note", "")),
        applies_to=tuple(table["applies_to"]),
        elections=tuple(table["elections"]),
        imposed_by=table["imposed_by"],
    )


@dataclass(frozen=True, slots=True)
class _EntryChecker:
    tracks: frozenset[str]
    subject_types: frozenset[str]
    sanctions: Sanctions

    def check(self, entry: CatalogueEntry) -> None:
        problems = self._problems(entry)
        if problems:
            raise ValueError(f"catalogue.toml: {entry.code}: " + "; ".join(problems))

    def _problems(self, entry: CatalogueEntry) -> list[str]:
        problems = []
        if entry.track not in self.tracks:
            problems.append(f"unknown track {entry.track!r}")
        if not entry.legal_basis.strip() or not entry.title.strip():
            problems.append("missing title or legal basis")
        if not entry.applies_to or not set(entry.applies_to) <= self.subject_types:
            problems.append(f"bad applies_to {entry.applies_to}")
        if not entry.elections or not set(entry.elections) <= set(ELECTION_KINDS):
            problems.append(f"bad elections {entry.elections}")
        return problems + self._sanction_problems(entry)

    def _sanction_problems(self, entry: CatalogueEntry) -> list[str]:
        try:
            level = self.sanctions.level(entry.sanction.level)
        except KeyError:
            return [f"unknown sanction level {entry.sanction.level!r}"]
        allowed = {form.code for form in self.sanctions.forms_of(level.code)}
        problems = []
        if level.track != entry.track:
            problems.append(f"sanction level {level.code} belongs to track {level.track}")
        if not entry.sanction.forms or not set(entry.sanction.forms) <= allowed:
            problems.append(f"sanction forms {entry.sanction.forms} are not forms of {level.code}")
        return problems


def _check_unique(codes: list[str], what: str) -> None:
    duplicates = [code for code, count in Counter(codes).items() if count > 1]
    if duplicates:
        raise ValueError(f"Duplicate {what}: {', '.join(sorted(duplicates))}")


def _read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)
