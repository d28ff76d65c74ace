"""NIP (Nomor Induk Pegawai) of a PNS: parse and check. Django-free.

An NIP has 18 digits (Peraturan Kepala BKN 43/2007):

    19850312 201001 1 003
    |        |      | `- sequence number, 001-999
    |        |      `--- sex: 1 = male, 2 = female
    |        `---------- first appointment as CPNS (TMT CPNS), YYYYMM
    `------------------- birth date, YYYYMMDD

Errors are :class:`InvalidNip` with a message in Bahasa Indonesia that names the wrong part, and a
``part`` attribute for code ("length", "digits", "birth_date", "appointment", "sex", "sequence").

Limitation: the Nomor Induk of a PPPK also has 18 digits but, by BKN's description, positions 13-14
hold the number of work agreements rather than a month. This module checks PNS NIPs; a caller that
accepts PPPK numbers can catch ``InvalidNip`` with ``part == "appointment"``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

NIP_LENGTH = 18
# The youngest plausible age at first appointment. CPNS must be 18; one year of slack for data entry.
MIN_AGE_AT_APPOINTMENT = 17
MALE, FEMALE = "male", "female"
SEX_CODES = {"1": MALE, "2": FEMALE}
SEX_LABELS_ID = {MALE: "laki-laki", FEMALE: "perempuan"}
SEPARATORS = " \t"


class InvalidNip(ValueError):
    def __init__(self, part: str, message: str):
        super().__init__(message)
        self.part = part
        self.message = message


@dataclass(frozen=True, slots=True)
class NipInfo:
    nip: str
    birth_date: dt.date
    appointment_year: int
    appointment_month: int
    sex: str
    sequence: int

    @property
    def appointment(self) -> dt.date:
        """TMT CPNS: always the first day of the month."""
        return dt.date(self.appointment_year, self.appointment_month, 1)

    @property
    def sex_label(self) -> str:
        return SEX_LABELS_ID[self.sex]

    @property
    def formatted(self) -> str:
        """The usual written form, "19850312 201001 1 003"."""
        n = self.nip
        return f"{n[:8]} {n[8:14]} {n[14]} {n[15:]}"


def normalize_nip(text: str) -> str:
    """``text`` without spaces and tabs; raises InvalidNip unless 18 digits remain."""
    compact = "".join(ch for ch in (text or "") if ch not in SEPARATORS)
    if not compact.isascii() or not compact.isdigit():
        raise InvalidNip("digits", f"NIP hanya boleh berisi angka: {text!r}")
    if len(compact) != NIP_LENGTH:
        raise InvalidNip("length", f"NIP harus {NIP_LENGTH} digit, bukan {len(compact)} digit")
    return compact


def parse_nip(text: str, today: dt.date | None = None) -> NipInfo:
    nip = normalize_nip(text)
    today = today or dt.date.today()
    birth_date = _birth_date(nip[:8], today)
    year, month = _appointment(nip[8:14], birth_date, today)
    return NipInfo(nip, birth_date, year, month, _sex(nip[14]), _sequence(nip[15:]))


def is_valid_nip(text: str, today: dt.date | None = None) -> bool:
    try:
        parse_nip(text, today)
    except InvalidNip:
        return False
    return True


def _birth_date(digits: str, today: dt.date) -> dt.date:
    try:
        birth = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise InvalidNip(
            "birth_date", f"Tanggal lahir pada NIP tidak valid: {digits} bukan tanggal yang ada"
        ) from None
    if birth > today:
        raise InvalidNip("birth_date", f"Tanggal lahir pada NIP ({birth.isoformat()}) berada di masa depan")
    return birth


def _appointment(digits: str, birth: dt.date, today: dt.date) -> tuple[int, int]:
    year, month = int(digits[:4]), int(digits[4:])
    if not 1 <= month <= 12:
        raise InvalidNip(
            "appointment", f"Bulan TMT CPNS pada NIP tidak valid: {digits} (bulan harus 01-12)"
        )
    label = f"{year:04d}-{month:02d}"
    if (year, month) > (today.year, today.month):
        raise InvalidNip("appointment", f"TMT CPNS pada NIP ({label}) berada di masa depan")
    if (year, month) < (birth.year, birth.month):
        raise InvalidNip("appointment", f"TMT CPNS pada NIP ({label}) lebih awal dari tanggal lahir")
    # TMT carries no day, so age is counted in whole months: born in March 1985, 17 from March 2002.
    age_in_months = (year * 12 + month) - (birth.year * 12 + birth.month)
    age = age_in_months // 12
    if age < MIN_AGE_AT_APPOINTMENT:
        raise InvalidNip(
            "appointment",
            f"TMT CPNS pada NIP ({label}) tidak mungkin: pemilik NIP baru berusia {age} tahun "
            f"(minimal {MIN_AGE_AT_APPOINTMENT} tahun)",
        )
    return year, month


def _sex(digit: str) -> str:
    if digit not in SEX_CODES:
        raise InvalidNip("sex", f"Jenis kelamin pada NIP harus 1 atau 2, bukan {digit}")
    return SEX_CODES[digit]


def _sequence(digits: str) -> int:
    if digits == "000":
        raise InvalidNip("sequence", "Nomor urut pada NIP harus 001-999, bukan 000")
    return int(digits)
