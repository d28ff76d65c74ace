"""Legal deadlines of report and finding handling, as clocks. Django-free, pure functions.

The rules live in ``data/deadlines.toml`` (see its header for the format and the legal notes). Given a
case's election kind and the dates of its events, :func:`clocks_for` returns one :class:`Clock` per rule
whose starting event has happened; :func:`late_filing` tells intake whether a report came in after the
reporting window (late reports are recorded and flagged, not rejected).

A deadline is the end of its due day. The day after the starting event is day 1. Working-day rules
use :mod:`netra.lib.workdays`, and raise its ``CalendarNotCovered`` for years without a holiday list.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from netra.lib.workdays import WorkCalendar, default_calendar

DEADLINES_FILE = Path(__file__).resolve().parent / "data" / "deadlines.toml"

PILKADA, PEMILU = "pilkada", "pemilu"
ELECTION_KINDS = (PILKADA, PEMILU)

CALENDAR, WORKING = "calendar", "working"
UNITS = (CALENDAR, WORKING)

REPORT_FILING, FINDING_RECORDING, DECISION, EXTENSION = (
    "report_filing", "finding_recording", "decision", "extension",
)
APPLIES_TO = (REPORT_FILING, FINDING_RECORDING, DECISION, EXTENSION)

BASE_DUE, BASE_START = "base_due", "base_start"

RUNNING, DUE_SOON, OVERDUE, MET = "running", "due_soon", "overdue", "met"
DEFAULT_DUE_SOON_WITHIN = 2

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
UNIT_LABELS_ID = {CALENDAR: "hari", WORKING: "hari kerja"}


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    election: str
    applies_to: str
    label: str
    legal_basis: str
    starts_on: str
    closes_on: str
    length: int
    unit: str
    due_soon_within: int = DEFAULT_DUE_SOON_WITHIN
    extends: str | None = None
    counted_from: str | None = None

    @property
    def is_extension(self) -> bool:
        return self.applies_to == EXTENSION


@dataclass(frozen=True, slots=True)
class Clock:
    rule_id: str
    label: str
    legal_basis: str
    unit: str
    start: dt.date
    due: dt.date
    # In the rule's unit, counted to the closing event when there is one, else to today.
    days_left: int
    status: str
    closed_on: dt.date | None = None
    extended_by: str | None = None


@dataclass(frozen=True, slots=True)
class LateFiling:
    rule_id: str
    label: str
    legal_basis: str
    learned: dt.date
    filed: dt.date
    due: dt.date
    days_late: int
    unit: str
    length: int

    @property
    def message_id(self) -> str:
        unit = UNIT_LABELS_ID[self.unit]
        return (
            f"Laporan disampaikan {self.days_late} {unit} setelah batas waktu "
            f"({self.length} {unit} sejak diketahui, {self.legal_basis}); "
            f"batas akhir {format_date_id(self.due)}."
        )


def format_date_id(day: dt.date) -> str:
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


# --- loading -------------------------------------------------------------------------------------


def load_rules(path: Path = DEADLINES_FILE) -> tuple[Rule, ...]:
    with path.open("rb") as fh:
        tables = tomllib.load(fh).get("rule", [])
    rules = tuple(_rule_from_toml(table) for table in tables)
    _check_rules(rules)
    return rules


def _rule_from_toml(table: Mapping[str, Any]) -> Rule:
    rule = Rule(
        id=table["id"],
        election=table["election"],
        applies_to=table["applies_to"],
        label=table["label"],
        legal_basis=table["legal_basis"],
        starts_on=table["starts_on"],
        closes_on=table["closes_on"],
        length=table["length"],
        unit=table["unit"],
        due_soon_within=table.get("due_soon_within", DEFAULT_DUE_SOON_WITHIN),
        extends=table.get("extends"),
        counted_from=table.get("counted_from"),
    )
    _check_rule(rule)
    return rule


def _check_rule(rule: Rule) -> None:
    problems = [
        f"election {rule.election!r}" if rule.election not in ELECTION_KINDS else "",
        f"applies_to {rule.applies_to!r}" if rule.applies_to not in APPLIES_TO else "",
        f"unit {rule.unit!r}" if rule.unit not in UNITS else "",
        f"length {rule.length!r}" if not isinstance(rule.length, int) or rule.length < 1 else "",
        "extension without extends/counted_from"
        if rule.is_extension and (not rule.extends or rule.counted_from not in (BASE_DUE, BASE_START))
        else "",
        "extends on a rule that is not an extension" if not rule.is_extension and rule.extends else "",
    ]
    problems = [p for p in problems if p]
    if problems:
        raise ValueError(f"deadlines.toml: rule {rule.id!r} has a bad " + "; ".join(problems))


def _check_rules(rules: tuple[Rule, ...]) -> None:
    by_id = {rule.id: rule for rule in rules}
    if len(by_id) != len(rules):
        raise ValueError("deadlines.toml: duplicate rule id")
    for rule in rules:
        if rule.is_extension:
            _check_extension(rule, by_id.get(rule.extends or ""))
    for kind in ELECTION_KINDS:
        filing = [r for r in rules if r.election == kind and r.applies_to == REPORT_FILING]
        if len(filing) != 1:
            raise ValueError(f"deadlines.toml: {kind} needs exactly one report_filing rule")


def _check_extension(extension: Rule, base: Rule | None) -> None:
    if base is None or base.is_extension:
        raise ValueError(f"deadlines.toml: {extension.id} extends unknown rule {extension.extends!r}")
    shared = ("election", "unit", "closes_on")
    if any(getattr(base, name) != getattr(extension, name) for name in shared):
        raise ValueError(f"deadlines.toml: {extension.id} must share {', '.join(shared)} with {base.id}")


@lru_cache(maxsize=1)
def default_rules() -> tuple[Rule, ...]:
    return load_rules()


def rules_for(election_kind: str, rules: tuple[Rule, ...] | None = None) -> tuple[Rule, ...]:
    if election_kind not in ELECTION_KINDS:
        raise ValueError(f"Unknown election kind {election_kind!r}; expected one of {ELECTION_KINDS}")
    return tuple(rule for rule in (rules or default_rules()) if rule.election == election_kind)


def get_rule(rule_id: str, rules: tuple[Rule, ...] | None = None) -> Rule:
    for rule in rules or default_rules():
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)


# --- arithmetic ----------------------------------------------------------------------------------


def add_days(unit: str, start: dt.date, n: int, calendar: WorkCalendar | None = None) -> dt.date:
    if unit == CALENDAR:
        return start + dt.timedelta(days=n)
    return (calendar or default_calendar()).add_working_days(start, n)


def days_until(unit: str, as_of: dt.date, due: dt.date, calendar: WorkCalendar | None = None) -> int:
    """Days from ``as_of`` to ``due`` in ``unit``: 0 on the due day, negative once past it."""
    if unit == CALENDAR:
        return (due - as_of).days
    left = (calendar or default_calendar()).working_days_between(as_of, due)
    # Past the due day but only by a weekend or holiday: still overdue, so still negative.
    return min(left, -1) if as_of > due else left


def due_date(rule: Rule, start: dt.date, calendar: WorkCalendar | None = None) -> dt.date:
    return add_days(rule.unit, start, rule.length, calendar)


def extended_due(
    extension: Rule, start: dt.date, base_due: dt.date, calendar: WorkCalendar | None = None
) -> dt.date:
    counted_from = base_due if extension.counted_from == BASE_DUE else start
    return add_days(extension.unit, counted_from, extension.length, calendar)


def clock_status(closed_on: dt.date | None, today: dt.date, due: dt.date, days_left: int,
                 due_soon_within: int) -> str:
    if closed_on is not None:
        return MET if closed_on <= due else OVERDUE
    if today > due:
        return OVERDUE
    return DUE_SOON if days_left <= due_soon_within else RUNNING


# --- public API ----------------------------------------------------------------------------------


def clocks_for(
    election_kind: str,
    events: Mapping[str, dt.date | None],
    today: dt.date,
    *,
    rules: tuple[Rule, ...] | None = None,
    calendar: WorkCalendar | None = None,
) -> list[Clock]:
    """One clock per rule of ``election_kind`` whose starting event is in ``events`` (None = absent)."""
    applicable = rules_for(election_kind, rules)
    extensions = [rule for rule in applicable if rule.is_extension]
    return [
        _clock(rule, extensions, events, _as_date(today), calendar)
        for rule in applicable
        if not rule.is_extension and _event(events, rule.starts_on) is not None
    ]


def _clock(rule: Rule, extensions: list[Rule], events: Mapping[str, dt.date | None], today: dt.date,
           calendar: WorkCalendar | None) -> Clock:
    start = _event(events, rule.starts_on)
    assert start is not None  # clocks_for only asks for rules whose clock started
    extension = _active_extension(rule, extensions, events)
    due = _due_with_extension(rule, extension, start, calendar)
    closed_on = _event(events, rule.closes_on)
    days_left = days_until(rule.unit, closed_on or today, due, calendar)
    return Clock(
        rule_id=rule.id,
        label=rule.label,
        legal_basis=rule.legal_basis,
        unit=rule.unit,
        start=start,
        due=due,
        days_left=days_left,
        status=clock_status(closed_on, today, due, days_left, rule.due_soon_within),
        closed_on=closed_on,
        extended_by=extension.id if extension else None,
    )


def _due_with_extension(
    rule: Rule, extension: Rule | None, start: dt.date, calendar: WorkCalendar | None
) -> dt.date:
    due = due_date(rule, start, calendar)
    return due if extension is None else extended_due(extension, start, due, calendar)


def _active_extension(
    rule: Rule, extensions: list[Rule], events: Mapping[str, dt.date | None]
) -> Rule | None:
    return next(
        (ext for ext in extensions if ext.extends == rule.id and _event(events, ext.starts_on) is not None),
        None,
    )


def late_filing(
    election_kind: str,
    learned: dt.date,
    filed: dt.date,
    *,
    rules: tuple[Rule, ...] | None = None,
    calendar: WorkCalendar | None = None,
) -> LateFiling | None:
    """The reporting-window rule a report breaks when filed on ``filed``, or None when on time."""
    rule = next(r for r in rules_for(election_kind, rules) if r.applies_to == REPORT_FILING)
    learned, filed = _as_date(learned), _as_date(filed)
    due = due_date(rule, learned, calendar)
    if filed <= due:
        return None
    days_late = -days_until(rule.unit, filed, due, calendar)
    return LateFiling(rule.id, rule.label, rule.legal_basis, learned, filed, due, days_late, rule.unit,
                      rule.length)


def _event(events: Mapping[str, dt.date | None], name: str) -> dt.date | None:
    value = events.get(name)
    return None if value is None else _as_date(value)


def _as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
