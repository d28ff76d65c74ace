from datetime import date

import pytest
import time_machine

from netra.registry.nip import FEMALE, MALE, InvalidNip, is_valid_nip, parse_nip

TODAY = date(2025, 6, 1)


def test_it_parses_a_nip_written_with_spaces():
    info = parse_nip("19850312 201001 1 003", today=TODAY)
    assert info.nip == "198503122010011003"
    assert info.birth_date == date(1985, 3, 12)
    assert (info.appointment_year, info.appointment_month) == (2010, 1)
    assert info.appointment == date(2010, 1, 1)
    assert info.sex == MALE
    assert info.sequence == 3
    assert info.formatted == "19850312 201001 1 003"


def test_it_parses_a_compact_nip_of_a_woman():
    info = parse_nip("199601182020122001", today=TODAY)
    assert info.sex == FEMALE
    assert info.sex_label == "perempuan"
    assert (info.appointment_year, info.appointment_month, info.sequence) == (2020, 12, 1)


@pytest.mark.parametrize(
    ("text", "part", "message"),
    [
        ("19851332 201001 1 003", "birth_date",
         "Tanggal lahir pada NIP tidak valid: 19851332 bukan tanggal yang ada"),
        ("19850229 201001 1 003", "birth_date", "19850229 bukan tanggal yang ada"),
        ("19850312 201013 1 003", "appointment", "Bulan TMT CPNS pada NIP tidak valid: 201013"),
        ("19850312 198401 1 003", "appointment", "lebih awal dari tanggal lahir"),
        ("19850312 200001 1 003", "appointment", "baru berusia 14 tahun (minimal 17 tahun)"),
        ("19850312 201001 3 003", "sex", "Jenis kelamin pada NIP harus 1 atau 2, bukan 3"),
        ("19850312 201001 1 000", "sequence", "Nomor urut pada NIP harus 001-999, bukan 000"),
        ("19850312 201001 1 03", "length", "NIP harus 18 digit, bukan 17 digit"),
        ("19850312-201001-1-003", "digits", "NIP hanya boleh berisi angka"),
        ("", "digits", "NIP hanya boleh berisi angka"),
    ],
)
def test_it_names_the_wrong_part(text, part, message):
    with pytest.raises(InvalidNip) as error:
        parse_nip(text, today=TODAY)
    assert error.value.part == part
    assert message in str(error.value)


def test_it_rejects_an_appointment_in_the_future():
    with pytest.raises(InvalidNip, match=r"TMT CPNS pada NIP \(2025-07\) berada di masa depan"):
        parse_nip("19970101 202507 2 001", today=TODAY)
    assert parse_nip("19970101 202506 2 001", today=TODAY).appointment_month == 6


def test_it_uses_the_real_date_when_no_today_is_given():
    with time_machine.travel(date(2025, 6, 30), tick=False):
        assert is_valid_nip("19970101 202506 2 001")
        assert not is_valid_nip("19970101 202507 2 001")


def test_it_rejects_a_birth_date_in_the_future():
    with pytest.raises(InvalidNip) as error:
        parse_nip("20300101 201001 1 001", today=TODAY)
    assert error.value.part == "birth_date"


def test_it_accepts_an_appointment_at_seventeen():
    assert is_valid_nip("19850312 200203 1 001", today=TODAY)
    assert not is_valid_nip("19850312 200202 1 001", today=TODAY)


def test_it_says_whether_a_nip_is_valid():
    assert is_valid_nip("19850312 201001 1 003", today=TODAY)
    assert not is_valid_nip("19850312 201001 1 000", today=TODAY)
    assert not is_valid_nip("123", today=TODAY)
