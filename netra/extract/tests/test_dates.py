from datetime import date

import pytest

from netra.extract import dates
from netra.extract.dates import choose_event_date, find_dates, infer_year, parse_date, parse_timestamp_line


def test_it_reads_a_weekday_with_a_full_numeric_date():
    assert choose_event_date("kata dia, Rabu (20/11/2024).", None) == date(2024, 11, 20)


def test_it_reads_a_written_date_with_weekday():
    assert choose_event_date("di Pontianak, Senin 18 November 2024.", None) == date(2024, 11, 18)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Jumat (27/9)", date(2024, 9, 27)),
    ("Rabu (27/12)", date(2023, 12, 27)),
    ("Senin (1/7)", date(2024, 7, 1)),
    ("(Kamis, 24/10)", date(2024, 10, 24)),
])
def test_it_infers_the_year_from_the_weekday(phrase, expected):
    assert choose_event_date(f"Acara berlangsung {phrase} di kantor bupati.", None) == expected


def test_it_takes_the_year_of_the_publication_date_without_a_weekday():
    assert find_dates("pada (3/2) lalu", date(2024, 2, 10))[0].value == date(2024, 2, 3)


def test_a_date_later_than_the_publication_belongs_to_the_year_before():
    assert infer_year(12, 28, None, date(2024, 1, 5)) == 2023


def test_a_weekday_that_fits_no_year_of_the_cycle_gives_no_date():
    assert infer_year(3, 4, 3, None) is None  # 4 March was never a Thursday in 2022-2026
    assert choose_event_date("Kamis (4/3)", None) is None


@pytest.mark.parametrize("text", [
    "sesuai Undang-Undang Nomor 246 Tahun 2022 tentang ASN",
    "Surat Nomor 1447.1/PM.01/K.1/09/2022",
    "Surat Edaran Nomor 800/254/IV.1/BKD",
    "Perbawaslu Nomor 7 Tahun 2022 dan Perbawaslu Nomor 6 Tahun 2018",
])
def test_document_numbers_are_never_dates(text):
    assert find_dates(text) == []
    assert choose_event_date(text, None) is None


def test_a_bare_weekday_is_no_date():
    assert choose_event_date("kata Bagja, Selasa.", None) is None


def test_a_weekday_date_wins_over_an_earlier_future_date():
    text = "Pilkada pada 27 November 2024 mendatang. Deklarasi digelar Rabu (20/11/2024)."
    assert choose_event_date(text, None) == date(2024, 11, 20)


def test_a_written_date_wins_over_a_contradicting_weekday():
    assert choose_event_date("Kamis (14/2/2024)", None) == date(2024, 2, 14)


@pytest.mark.parametrize(("line", "expected"), [
    ("Sabtu, 30 Desember 2023 - 22:01 WIB", date(2023, 12, 30)),
    ("Kompas.com - 28/02/2024, 20:46 WIB", date(2024, 2, 28)),
    ("30 September 2024", date(2024, 9, 30)),
    ("Diterbitkan: 12 September 2024", date(2024, 9, 12)),
    ("16/1224", None),
    ("Ketua Bawaslu hadir pada 30 September 2024 di Palu.", None),
])
def test_it_recognises_timestamp_lines(line, expected):
    assert parse_timestamp_line(line) == expected


@pytest.mark.parametrize(("text", "days"), [
    ("pada 5 Mei 2024 dan 17 Juni 2024", [5, 17]),
    ("kode 123 Mei 2024", []),  # the day has at most two digits
    ("kode A5 Mei 2024", []),  # ... and starts a word
    ("tanggal 28/02/2024 lalu", [28]),
    ("berkas 128/02/2024", []),
    ("berkas K.1/09/2024", []),
    ("berkas 3-1/09/2024", []),
    ("di 1/09/2024", [1]),
])
def test_the_day_of_a_date_starts_a_word(text, days):
    assert [mention.value.day for mention in find_dates(text)] == days


def test_month_names_with_letters_that_only_look_ascii_still_give_a_date():
    """Case-insensitive matching accepts "junı" (dotless i) and "deſember" (long s); they must not crash."""
    found = find_dates("pada 3 junı 2024 dan 4 deſember 2023")
    assert [m.value for m in found] == [date(2024, 6, 3), date(2023, 12, 4)]
    assert parse_date("3 JUNı 2024") == date(2024, 6, 3)


@pytest.mark.parametrize(
    "text",
    ["Senin 18 November 2024, 28/02/2024 dan 5 Mei", "K.1/09/2022 800/254/IV.1 1 2/3/2024 -5/6/2024 .7/8/2024",
     "12 Mei 2024/11/2025, 5 Mei 20/11/2024, x3 Mei 2024, 3/4/20245, 12 junı 2024, 1/2/2024/"],
)
def test_one_scan_finds_the_written_and_the_bare_dates(text):
    merged = [(m.start("d"), m.end()) for m in dates._WRITTEN_OR_BARE.finditer(text)]
    apart = [(m.start("d"), m.end()) for m in [*dates.WRITTEN.finditer(text), *dates.NUMERIC_BARE.finditer(text)]]
    assert merged == sorted(apart)


def test_a_weekday_dates_a_day_without_a_year_in_a_year_the_text_writes():
    text = "Rekap Pilkada 2020: Bawaslu meneruskan 98 ASN ke KASN, Kamis 22 Oktober."
    assert [m.value for m in find_dates(text)] == [date(2020, 10, 22)]  # 22 October was a Thursday in 2020 and 2026
    assert [m.value for m in find_dates("Rapat digelar Kamis 22 Oktober.")] == [date(2026, 10, 22)]


@pytest.mark.parametrize(("line", "expected"), [
    ("Kompas.com   -   28/02/2024", date(2024, 2, 28)),
    ("Satu dua tiga empat - 28/02/2024", date(2024, 2, 28)),  # four words before the separator
    ("Satu dua tiga empat lima - 28/02/2024", None),  # five are too many
    ("Satu dua tiga empat 28/02/2024", None),  # no separator after the words
    ("Satu dua - tiga - 28/02/2024", None),  # words after the separator are no date
    ("a.b | Senin, 1 Juli 2024 10:00 WIB", date(2024, 7, 1)),
    ("   Redaksi:  Sabtu, 30 Desember 2023", date(2023, 12, 30)),
    ("Diterbitkan pada : 2024-02-28T20:46:00Z", date(2024, 2, 28)),
])
def test_the_words_before_a_timestamp_are_read_without_giving_back(line, expected):
    """TIMESTAMP_LINE reads its leading words with possessive quantifiers: same dates as before."""
    assert parse_timestamp_line(line) == expected


@pytest.mark.parametrize(("text", "years"), [
    ("Pilkada 2020 dan Pemilu 2024", {2020, 2024}),
    ("nomor 12024, 2024/11, 1/2024, K.2024, 3-2024, 20245", set()),  # a digit or separator around it
    ("x2019 dan (2019)", {2019}),  # a letter or bracket before it is no separator
    ("tahun 2013 dan 2030", set()),  # outside the election era
])
def test_written_years_are_whole_numbers_of_the_era(text, years):
    assert dates.written_years(text) == years
