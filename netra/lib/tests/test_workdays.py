from datetime import date, datetime

import pytest

from netra.lib import workdays
from netra.lib.workdays import (
    CUTI_BERSAMA,
    LIBUR_NASIONAL,
    CalendarNotCovered,
    add_working_days,
    holidays_in,
    is_working_day,
    load_calendar,
    working_days_between,
)


def test_it_skips_weekends():
    assert is_working_day(date(2024, 3, 1))  # Friday
    assert not is_working_day(date(2024, 3, 2))
    assert not is_working_day(date(2024, 3, 3))
    assert add_working_days(date(2024, 3, 1), 1) == date(2024, 3, 4)


def test_it_treats_libur_nasional_and_cuti_bersama_as_days_off():
    assert not is_working_day(date(2024, 4, 10))  # Idulfitri, libur nasional
    assert not is_working_day(date(2024, 4, 8))  # cuti bersama
    assert is_working_day(date(2024, 4, 16))


def test_it_counts_the_day_after_start_as_day_one():
    monday = date(2024, 3, 18)
    assert add_working_days(monday, 0) == monday
    assert add_working_days(monday, 1) == date(2024, 3, 19)
    assert add_working_days(monday, 5) == date(2024, 3, 25)


def test_it_counts_across_the_2024_idul_fitri_break():
    # 4, 5 April, then 8-15 April off (cuti bersama + Idulfitri), then 16-19 and 22 April.
    assert add_working_days(date(2024, 4, 3), 7) == date(2024, 4, 22)


def test_it_counts_backwards_for_negative_n():
    assert add_working_days(date(2024, 4, 22), -7) == date(2024, 4, 3)


def test_it_counts_working_days_between_excluding_the_first_date():
    assert working_days_between(date(2024, 4, 3), date(2024, 4, 22)) == 7
    assert working_days_between(date(2024, 4, 22), date(2024, 4, 3)) == -7
    assert working_days_between(date(2024, 4, 5), date(2024, 4, 15)) == 0
    assert working_days_between(date(2024, 4, 3), date(2024, 4, 3)) == 0


def test_it_knows_the_voting_days_declared_holidays_by_keppres():
    assert not is_working_day(date(2024, 2, 14))  # Pemilu, Keppres 10/2024
    assert not is_working_day(date(2024, 11, 27))  # Pilkada, Keppres 33/2024


def test_it_applies_later_amendments_of_the_decrees():
    assert not is_working_day(date(2023, 4, 19))  # moved earlier by SKB 327/2023
    assert is_working_day(date(2023, 4, 26))  # dropped by the same amendment
    assert not is_working_day(date(2023, 6, 30))  # added by SKB 624/2023
    assert not is_working_day(date(2025, 8, 18))  # added by SKB 933/2025


@pytest.mark.parametrize(
    ("year", "libur_nasional", "cuti_bersama"),
    [(2023, 16, 11), (2024, 19, 10), (2025, 17, 11)],
)
def test_it_lists_every_holiday_of_a_year_in_date_order(year, libur_nasional, cuti_bersama):
    holidays = holidays_in(year)
    assert [h.date for h in holidays] == sorted(h.date for h in holidays)
    assert sum(h.type == LIBUR_NASIONAL for h in holidays) == libur_nasional
    assert sum(h.type == CUTI_BERSAMA for h in holidays) == cuti_bersama
    assert all(h.name for h in holidays)


def test_it_records_the_decrees_and_sources_of_each_year():
    calendar = load_calendar()
    for year in calendar.covered_years():
        data = calendar.holiday_year(year)
        assert data.decree and data.source.startswith("http")
    assert [d.decree[:28] for d in calendar.holiday_year(2025).later_decrees] == [
        "Keputusan Bersama Nomor 933 "
    ]


def test_it_merges_the_years_shipped_by_lokal_id():
    assert {2023, 2024, 2025, 2026, 2027} <= set(workdays.covered_years())
    assert not is_working_day(date(2026, 3, 20))  # cuti bersama Idulfitri 1447 H, from lokal-id
    # 25 Dec libur, 26 Dec cuti bersama, 29-31 Dec, 1 Jan 2026 libur, 2 Jan.
    assert add_working_days(date(2025, 12, 24), 4) == date(2026, 1, 2)


def test_it_raises_for_a_year_it_does_not_cover_instead_of_assuming_a_working_day():
    with pytest.raises(CalendarNotCovered) as error:
        is_working_day(date(2022, 3, 1))
    assert error.value.year == 2022
    assert "2022" in str(error.value)
    assert "Kalender hari libur tahun 2022 belum tersedia" in error.value.message_id


def test_it_raises_even_for_weekends_of_an_uncovered_year():
    with pytest.raises(CalendarNotCovered):
        is_working_day(date(2040, 1, 7))  # a Saturday


def test_it_raises_when_counting_runs_into_an_uncovered_year():
    last = max(workdays.covered_years())
    with pytest.raises(CalendarNotCovered):
        add_working_days(date(last, 12, 20), 15)


def test_it_accepts_datetimes_as_their_calendar_date():
    assert not is_working_day(datetime(2024, 4, 10, 9, 30))


def test_it_takes_a_new_year_from_the_data_file_alone(tmp_path):
    data = tmp_path / "holidays.toml"
    data.write_text(
        '[[year]]\nyear = 2031\ndecree = "SKB 2030"\nsource = "https://example.org"\n'
        '[[year.day]]\ndate = 2031-01-01\nname = "Tahun Baru 2031 Masehi"\ntype = "libur_nasional"\n'
    )
    calendar = load_calendar(data)
    assert 2031 in calendar.covered_years()
    assert not calendar.is_working_day(date(2031, 1, 1))
    assert calendar.add_working_days(date(2031, 1, 1), 1) == date(2031, 1, 2)


def test_it_rejects_a_day_filed_under_the_wrong_year(tmp_path):
    data = tmp_path / "holidays.toml"
    data.write_text(
        '[[year]]\nyear = 2031\ndecree = "SKB"\nsource = "https://example.org"\n'
        '[[year.day]]\ndate = 2032-01-01\nname = "Tahun Baru"\ntype = "libur_nasional"\n'
    )
    with pytest.raises(ValueError, match="listed under 2031"):
        load_calendar(data)


def test_it_rejects_an_unknown_holiday_type(tmp_path):
    data = tmp_path / "holidays.toml"
    data.write_text(
        '[[year]]\nyear = 2031\ndecree = "SKB"\nsource = "https://example.org"\n'
        '[[year.day]]\ndate = 2031-01-01\nname = "Tahun Baru"\ntype = "libur_daerah"\n'
    )
    with pytest.raises(ValueError, match="unknown type"):
        load_calendar(data)
