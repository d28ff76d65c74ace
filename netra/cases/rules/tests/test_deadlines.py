from datetime import date, datetime

import pytest
import time_machine

from netra.cases.rules.deadlines import (
    DUE_SOON,
    MET,
    OVERDUE,
    RUNNING,
    clocks_for,
    get_rule,
    late_filing,
    load_rules,
)
from netra.lib.workdays import CalendarNotCovered


def clocks_on(day, election_kind, **events):
    """The clocks of a case with ``events``, with the system clock frozen on ``day``."""
    with time_machine.travel(day, tick=False):
        return {clock.rule_id: clock for clock in clocks_for(election_kind, events, date.today())}


# --- Pemilu: working days ------------------------------------------------------------------------


def test_it_counts_the_pemilu_report_window_in_working_days_across_idul_fitri():
    clock = clocks_on(date(2024, 4, 16), "pemilu", learned=date(2024, 4, 3))["pemilu.report"]
    # 4, 5 April; 8-15 April are cuti bersama and Idulfitri; 16, 17, 18, 19, 22 April.
    assert clock.due == date(2024, 4, 22)
    assert clock.unit == "working"
    assert clock.days_left == 4
    assert clock.status == RUNNING
    assert clock.label == "Batas waktu penyampaian laporan"
    assert "UU 7/2017 Pasal 454" in clock.legal_basis


def test_it_skips_the_pemilu_voting_day_holiday():
    clock = clocks_on(date(2024, 2, 13), "pemilu", learned=date(2024, 2, 12))["pemilu.report"]
    assert clock.due == date(2024, 2, 22)  # 14 February is a national holiday (Keppres 10/2024)


def test_it_marks_a_pemilu_clock_due_soon_in_its_last_working_days():
    assert clocks_on(date(2024, 4, 19), "pemilu", learned=date(2024, 4, 3))["pemilu.report"].status == DUE_SOON
    last_day = clocks_on(date(2024, 4, 22), "pemilu", learned=date(2024, 4, 3))["pemilu.report"]
    assert (last_day.status, last_day.days_left) == (DUE_SOON, 0)


def test_it_marks_a_pemilu_clock_overdue_the_day_after_the_due_day():
    clock = clocks_on(date(2024, 4, 23), "pemilu", learned=date(2024, 4, 3))["pemilu.report"]
    assert (clock.status, clock.days_left) == (OVERDUE, -1)


def test_it_keeps_days_left_negative_when_overdue_only_by_holidays():
    # Registered Monday 13 May 2024; due Wednesday 22 May; 23 May libur, 24 May cuti bersama.
    clock = clocks_on(date(2024, 5, 24), "pemilu", registered=date(2024, 5, 13))["pemilu.decision"]
    assert clock.due == date(2024, 5, 22)
    assert (clock.status, clock.days_left) == (OVERDUE, -1)


def test_it_extends_the_pemilu_follow_up_to_fourteen_working_days_from_registration():
    clocks = clocks_on(
        date(2024, 5, 27), "pemilu", registered=date(2024, 5, 13), info_requested=date(2024, 5, 20)
    )
    clock = clocks["pemilu.decision"]
    assert clock.due == date(2024, 6, 4)
    assert clock.extended_by == "pemilu.decision_extension"
    assert clock.status == RUNNING
    assert "pemilu.decision_extension" not in clocks  # an extension is not a clock of its own


def test_it_times_the_recording_of_a_pemilu_finding():
    clocks = clocks_on(date(2024, 4, 5), "pemilu", discovered=date(2024, 4, 3), finding_recorded=date(2024, 4, 5))
    assert clocks["pemilu.finding"].status == MET
    assert clocks["pemilu.finding"].due == date(2024, 4, 22)
    assert "pemilu.report" not in clocks


def test_it_needs_the_holiday_calendar_for_pemilu_years():
    with pytest.raises(CalendarNotCovered):
        clocks_on(date(2041, 1, 3), "pemilu", learned=date(2041, 1, 2))


# --- Pilkada: calendar days ----------------------------------------------------------------------


def test_it_counts_the_pilkada_report_window_in_calendar_days_across_a_weekend():
    clock = clocks_on(date(2024, 10, 7), "pilkada", learned=date(2024, 10, 4))["pilkada.report"]
    assert clock.due == date(2024, 10, 11)  # Friday to Friday: the weekend counts
    assert clock.unit == "calendar"
    assert (clock.days_left, clock.status) == (4, RUNNING)


def test_it_does_not_move_a_pilkada_due_day_that_falls_on_a_holiday():
    clock = clocks_on(date(2024, 11, 21), "pilkada", learned=date(2024, 11, 20))["pilkada.report"]
    assert clock.due == date(2024, 11, 27)  # voting day, a national holiday: still the due day


def test_it_meets_a_deadline_closed_on_the_due_day():
    clock = clocks_on(
        date(2024, 10, 20), "pilkada", learned=date(2024, 10, 4), filed=date(2024, 10, 11)
    )["pilkada.report"]
    assert clock.status == MET
    assert clock.closed_on == date(2024, 10, 11)
    assert clock.days_left == 0  # counted to the closing day, frozen from then on


def test_it_reports_a_deadline_closed_late_as_overdue():
    clock = clocks_on(
        date(2024, 10, 20), "pilkada", learned=date(2024, 10, 4), filed=date(2024, 10, 13)
    )["pilkada.report"]
    assert (clock.status, clock.days_left) == (OVERDUE, -2)


def test_it_gives_the_pilkada_decision_three_days_from_registration():
    registered = date(2024, 10, 11)
    assert clocks_on(date(2024, 10, 12), "pilkada", registered=registered)["pilkada.decision"].status == RUNNING
    clock = clocks_on(date(2024, 10, 13), "pilkada", registered=registered)["pilkada.decision"]
    assert clock.due == date(2024, 10, 14)
    assert (clock.days_left, clock.status) == (1, DUE_SOON)


def test_it_adds_two_days_to_the_pilkada_decision_when_information_is_requested():
    events = {"registered": date(2024, 10, 11), "info_requested": date(2024, 10, 12)}
    clock = clocks_on(date(2024, 10, 15), "pilkada", **events)["pilkada.decision"]
    assert clock.due == date(2024, 10, 16)
    assert clock.extended_by == "pilkada.decision_extension"
    assert clock.status == DUE_SOON
    decided_late = clocks_on(date(2024, 10, 18), "pilkada", decided=date(2024, 10, 17), **events)
    assert decided_late["pilkada.decision"].status == OVERDUE
    decided_in_time = clocks_on(date(2024, 10, 18), "pilkada", decided=date(2024, 10, 16), **events)
    assert decided_in_time["pilkada.decision"].status == MET


def test_it_does_not_need_the_holiday_calendar_for_calendar_day_rules():
    clock = clocks_on(date(2041, 1, 3), "pilkada", learned=date(2041, 1, 2))["pilkada.report"]
    assert clock.due == date(2041, 1, 9)


# --- both -----------------------------------------------------------------------------------------


def test_it_only_starts_clocks_whose_starting_event_happened():
    clocks = clocks_on(date(2024, 10, 7), "pilkada", learned=date(2024, 10, 4), registered=None)
    assert list(clocks) == ["pilkada.report"]


def test_it_accepts_datetimes_for_events_and_today():
    clocks = clocks_for("pilkada", {"learned": datetime(2024, 10, 4, 15, 0)}, datetime(2024, 10, 11, 23, 0))
    assert clocks[0].status == DUE_SOON


def test_it_rejects_an_unknown_election_kind():
    with pytest.raises(ValueError, match="Unknown election kind"):
        clocks_for("pilpres", {}, date(2024, 1, 1))


# --- late filing at intake -----------------------------------------------------------------------


def test_it_names_the_rule_that_makes_a_pemilu_report_late():
    late = late_filing("pemilu", learned=date(2024, 4, 3), filed=date(2024, 4, 23))
    assert late is not None
    assert late.rule_id == "pemilu.report"
    assert (late.due, late.days_late, late.unit) == (date(2024, 4, 22), 1, "working")
    assert "1 hari kerja setelah batas waktu" in late.message_id
    assert "22 April 2024" in late.message_id


def test_it_accepts_a_report_filed_on_the_last_day():
    assert late_filing("pemilu", learned=date(2024, 4, 3), filed=date(2024, 4, 22)) is None
    assert late_filing("pilkada", learned=date(2024, 10, 4), filed=date(2024, 10, 11)) is None


def test_it_names_the_rule_that_makes_a_pilkada_report_late():
    with time_machine.travel(date(2024, 10, 14), tick=False):
        late = late_filing("pilkada", learned=date(2024, 10, 4), filed=date.today())
    assert late is not None
    assert late.rule_id == "pilkada.report"
    assert late.days_late == 3
    assert "Pasal 134 ayat (4)" in late.legal_basis
    assert "3 hari setelah batas waktu (7 hari sejak diketahui" in late.message_id


# --- rules as data -------------------------------------------------------------------------------


def test_it_reads_every_rule_with_a_label_and_legal_basis():
    rules = load_rules()
    assert {rule.election for rule in rules} == {"pilkada", "pemilu"}
    assert all(rule.label and rule.legal_basis for rule in rules)
    assert get_rule("pemilu.report").unit == "working"
    assert get_rule("pilkada.report").unit == "calendar"


def test_it_rejects_an_extension_of_an_unknown_rule(tmp_path):
    data = tmp_path / "deadlines.toml"
    data.write_text(
        '[[rule]]\nid = "x.ext"\nelection = "pilkada"\napplies_to = "extension"\nextends = "nope"\n'
        'counted_from = "base_due"\nlabel = "L"\nlegal_basis = "B"\nstarts_on = "a"\ncloses_on = "b"\n'
        'length = 2\nunit = "calendar"\n'
    )
    with pytest.raises(ValueError, match="extends unknown rule"):
        load_rules(data)
