"""Indonesian working days: weekends, libur nasional and cuti bersama. Django-free.

Government offices (Bawaslu included) close on cuti bersama, so both kinds of holiday count as days off.
The calendar merges the project's ``netra/lib/data/holidays.toml`` (2023-2025, with the later decrees
that amended each year) with the years shipped by the ``lokal-id`` package (2026 onward). A year in the
project file wins over lokal-id.

A date in a year the calendar does not cover raises :class:`CalendarNotCovered` rather than being
quietly treated as a working day: a deadline counted over a missing holiday list would be wrong.

Counting convention: the day after ``start`` is day 1, so ``add_working_days(friday, 1)`` is the next
working Monday, and ``working_days_between(a, b)`` counts working days in ``(a, b]``.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import lokal

HOLIDAYS_FILE = Path(__file__).resolve().parent / "data" / "holidays.toml"

LIBUR_NASIONAL = "libur_nasional"
CUTI_BERSAMA = "cuti_bersama"
HOLIDAY_TYPES = (LIBUR_NASIONAL, CUTI_BERSAMA)
SATURDAY, SUNDAY = 5, 6


@dataclass(frozen=True, slots=True)
class Holiday:
    date: dt.date
    name: str
    type: str
    # The later decree (SKB amendment, Keppres) the day comes from, when not the year's original SKB.
    basis: str = ""


@dataclass(frozen=True, slots=True)
class LaterDecree:
    decree: str
    source: str
    summary: str = ""


@dataclass(frozen=True, slots=True)
class HolidayYear:
    year: int
    decree: str
    source: str
    holidays: tuple[Holiday, ...]
    later_decrees: tuple[LaterDecree, ...] = ()


class CalendarNotCovered(LookupError):
    """A date falls in a year without a holiday list, so working days cannot be counted."""

    def __init__(self, year: int, covered: Iterable[int]):
        self.year = year
        self.covered_years = tuple(sorted(covered))
        available = ", ".join(str(y) for y in self.covered_years) or "-"
        super().__init__(
            f"No holiday calendar for {year}: working days cannot be counted "
            f"(covered years: {available}). Add a [[year]] table to {HOLIDAYS_FILE.name}."
        )
        self.message_id = (
            f"Kalender hari libur tahun {year} belum tersedia, sehingga hari kerja tidak dapat dihitung. "
            f"Tahun yang tersedia: {available}."
        )


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Holiday years by year number. Build one with :func:`load_calendar` or from your own years."""

    years: Mapping[int, HolidayYear]
    _off_days: Mapping[int, frozenset[dt.date]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        off = {year: frozenset(h.date for h in data.holidays) for year, data in self.years.items()}
        object.__setattr__(self, "_off_days", off)

    def covered_years(self) -> tuple[int, ...]:
        return tuple(sorted(self.years))

    def holiday_year(self, year: int) -> HolidayYear:
        try:
            return self.years[year]
        except KeyError:
            raise CalendarNotCovered(year, self.years) from None

    def holidays_in(self, year: int) -> tuple[Holiday, ...]:
        return self.holiday_year(year).holidays

    def holidays_on(self, day: dt.date) -> tuple[Holiday, ...]:
        day = _as_date(day)
        return tuple(h for h in self.holidays_in(day.year) if h.date == day)

    def is_working_day(self, day: dt.date) -> bool:
        day = _as_date(day)
        if day.year not in self._off_days:
            raise CalendarNotCovered(day.year, self.years)
        return day.weekday() not in (SATURDAY, SUNDAY) and day not in self._off_days[day.year]

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``start`` (before it, for negative ``n``); ``n=0`` is ``start``."""
        day = _as_date(start)
        step = dt.timedelta(days=1 if n >= 0 else -1)
        left = abs(n)
        while left:
            day += step
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in ``(a, b]``; negative (working days in ``(b, a]``) when ``b`` is before ``a``."""
        a, b = _as_date(a), _as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        return sum(1 for day in _days_after(a, b) if self.is_working_day(day))


def _days_after(a: dt.date, b: dt.date) -> Iterable[dt.date]:
    for offset in range(1, (b - a).days + 1):
        yield a + dt.timedelta(days=offset)


def _as_date(value: dt.date) -> dt.date:
    # A datetime counts as the calendar date it shows.
    return value.date() if isinstance(value, dt.datetime) else value


# --- loading -------------------------------------------------------------------------------------


def read_holiday_file(path: Path = HOLIDAYS_FILE) -> dict[int, HolidayYear]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    years = [_year_from_toml(table) for table in data.get("year", [])]
    by_year = {y.year: y for y in years}
    if len(by_year) != len(years):
        raise ValueError(f"{path.name}: a year is listed twice")
    return by_year


def _year_from_toml(table: Mapping[str, Any]) -> HolidayYear:
    year = int(table["year"])
    holidays = tuple(sorted((_holiday_from_toml(day) for day in table.get("day", [])), key=_holiday_key))
    for holiday in holidays:
        if holiday.date.year != year:
            raise ValueError(f"holidays.toml: {holiday.date} is listed under {year}")
    later = tuple(
        LaterDecree(t["decree"], t["source"], t.get("summary", "")) for t in table.get("later_decree", [])
    )
    return HolidayYear(year, table["decree"], table["source"], holidays, later)


def _holiday_from_toml(day: Mapping[str, Any]) -> Holiday:
    if not isinstance(day["date"], dt.date) or isinstance(day["date"], dt.datetime):
        raise ValueError(f"holidays.toml: date must be a TOML date (YYYY-MM-DD): {day['date']!r}")
    if day["type"] not in HOLIDAY_TYPES:
        raise ValueError(f"holidays.toml: unknown type {day['type']!r} on {day['date']}")
    return Holiday(day["date"], day["name"], day["type"], day.get("basis", ""))


def _holiday_key(holiday: Holiday) -> tuple[dt.date, str]:
    return (holiday.date, holiday.type)


def lokal_years() -> dict[int, HolidayYear]:
    return {year: _year_from_lokal(lokal.get_holidays(year)) for year in lokal.HOLIDAY_YEARS}


def _year_from_lokal(year_data: Any) -> HolidayYear:
    holidays = tuple(
        Holiday(dt.date.fromisoformat(h.date), h.name, h.type) for h in year_data.holidays
    )
    return HolidayYear(year_data.year, year_data.decree, year_data.source, holidays)


def load_calendar(path: Path = HOLIDAYS_FILE) -> WorkCalendar:
    """lokal-id's years, overlaid with the project's file (which wins for any year in both)."""
    return WorkCalendar({**lokal_years(), **read_holiday_file(path)})


@lru_cache(maxsize=1)
def default_calendar() -> WorkCalendar:
    return load_calendar()


# --- module-level API over the default calendar --------------------------------------------------


def is_working_day(day: dt.date) -> bool:
    return default_calendar().is_working_day(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    return default_calendar().add_working_days(start, n)


def working_days_between(a: dt.date, b: dt.date) -> int:
    return default_calendar().working_days_between(a, b)


def holidays_in(year: int) -> tuple[Holiday, ...]:
    return default_calendar().holidays_in(year)


def holidays_on(day: dt.date) -> tuple[Holiday, ...]:
    return default_calendar().holidays_on(day)


def covered_years() -> tuple[int, ...]:
    return default_calendar().covered_years()
