"""CSV or XLSX import of findings (temuan): one finding with one reported person per row, all or nothing.

Every row is checked first and every problem reported (row number, column, Indonesian message); only a
file without problems is recorded, through ``services.record_finding``, in one transaction. Used by the
import page (/kasus/temuan/impor/) and by ``netra import_findings FILE --user USERNAME``. The file is read
by ``registry.tables.read_table`` (CSV in UTF-8 or Windows-1252 with ``,``/``;``/tab, or the first sheet of
an XLSX), keeping line breaks inside cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from netra.cases import services
from netra.cases.choices import SubjectType
from netra.cases.inbox import may_handle_region
from netra.cases.models import Case, Election, ViolationCode
from netra.regions.models import Region
from netra.registry.tables import ImportFileError, read_table

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
REQUIRED = ("pemilihan", "kode_wilayah", "ringkasan", "uraian", "tempat", "tanggal_kejadian", "tanggal_diketahui",
            "nama_terlapor", "jenis_subjek")
OPTIONAL = ("jabatan_terlapor", "instansi_terlapor", "nip_terlapor", "kode_pelanggaran")
COLUMNS = REQUIRED + OPTIONAL
LIMITS = {"ringkasan": 200, "tempat": 300, "uraian": 20000, "nama_terlapor": 200, "jabatan_terlapor": 200,
          "instansi_terlapor": 200}
DMY = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$")
SUBJECT_TYPES = {**{value: value for value in SubjectType.values},
                 **{str(label).lower(): value for value, label in SubjectType.choices}}

EXAMPLE = [
    COLUMNS,
    ("pilkada-2024", "61.03", "Kepala dinas hadir dalam kampanye pasangan calon",
     "Terlapor hadir dan berorasi dalam kampanye terbuka pasangan calon nomor urut 2.",
     "Lapangan Sabang Merah, Sanggau", "01/10/2024", "2024-10-02", "Drs. Ahmad Fauzi", "pns",
     "Kepala Dinas Pendidikan", "Pemkab Sanggau", "", "DIS-4;ETIK-3"),
]


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def __str__(self) -> str:
        if not self.row:
            return f"berkas: {self.message}"
        where = f"baris {self.row}" + (f", kolom {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    cases: list[Case] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Rollback(Exception):
    pass


def example_csv() -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(EXAMPLE)
    return "\ufeff" + buffer.getvalue()


def parse_date(text: str) -> dt.date:
    text = text.strip()
    match = DMY.match(text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"Tanggal {text!r} tidak valid; tulis TTTT-BB-HH atau HH/BB/TTTT.") from None


class _Reference:
    """Elections, regions and codes named by the file, read once."""

    def __init__(self, records: list[dict[str, str]], user):
        self.user = user
        self.elections = {e.code: e for e in Election.objects.all()}
        wanted = {record.get("kode_wilayah", "").strip() for record in records}
        self.regions = set(Region.objects.filter(code__in=wanted).values_list("code", flat=True))
        self.codes = set(ViolationCode.objects.values_list("code", flat=True))
        self._may_handle: dict[str, bool] = {}

    def may_handle(self, code: str) -> bool:
        if code not in self._may_handle:
            self._may_handle[code] = may_handle_region(self.user, code)
        return self._may_handle[code]


def _read_records(filename: str, data: bytes) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """Each non-blank row as (spreadsheet row number, {column: text}), or the problems of the file."""
    try:
        table = read_table(filename, data, keep_line_breaks=True)
    except ImportFileError as error:
        return [], [RowError(0, "", error.message)]
    header = [name.strip().lower() for name in table.header]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        return [], [RowError(1, name, "Kolom wajib tidak ada.") for name in missing]
    if len(table.rows) > MAX_ROWS:
        number = table.rows[MAX_ROWS][0]
        return [], [RowError(number, "", f"Terlalu banyak baris: paling banyak {MAX_ROWS} temuan sekali impor.")]
    return [(number, _as_record(header, cells)) for number, cells in table.rows], []


def _as_record(header: list[str], cells: list[str]) -> dict:
    """{column: text}; text in cells beyond the header is kept under the key None (as csv.DictReader does)."""
    record = dict(zip(header, cells, strict=False))
    if any(cells[len(header):]):
        record[None] = cells[len(header):]
    return record


def _cell(record: dict, name: str) -> str:
    value = record.get(name)
    return value.strip() if isinstance(value, str) else ""


class _Row:
    """One CSV row read column by column; every problem is collected, none stops the others."""

    DATE_COLUMNS = {"occurred_on": "tanggal_kejadian", "known_on": "tanggal_diketahui"}

    def __init__(self, record: dict, number: int, ref: _Reference):
        self.record, self.number, self.ref = record, number, ref
        self.problems: list[RowError] = []

    def cell(self, name: str) -> str:
        return _cell(self.record, name)

    def fail(self, column: str, message: str) -> None:
        self.problems.append(RowError(self.number, column, message))

    def check_text(self) -> None:
        for name in REQUIRED:
            if not self.cell(name):
                self.fail(name, "Wajib diisi.")
        for name, limit in LIMITS.items():
            if len(self.cell(name)) > limit:
                self.fail(name, f"Terlalu panjang: paling banyak {limit} karakter.")
        if self.record.get(None):
            self.fail("", "Baris ini berisi lebih banyak kolom daripada kepala tabel.")

    def election(self):
        election = self.ref.elections.get(self.cell("pemilihan"))
        if self.cell("pemilihan") and election is None:
            self.fail("pemilihan", f"Pemilihan {self.cell('pemilihan')!r} tidak dikenal.")
        return election

    def region(self) -> str:
        region = self.cell("kode_wilayah")
        if region and region not in self.ref.regions:
            self.fail("kode_wilayah", f"Kode wilayah {region!r} tidak dikenal.")
        elif region and not self.ref.may_handle(region):
            self.fail("kode_wilayah", f"Wilayah {region} di luar cakupan Anda.")
        return region

    def dates(self, on: dt.date) -> dict[str, dt.date]:
        dates = {}
        for key, column in self.DATE_COLUMNS.items():
            if self.cell(column):
                try:
                    dates[key] = parse_date(self.cell(column))
                except ValidationError as error:
                    self.fail(column, error.messages[0])
        for key, message in services.date_problems(dates.get("occurred_on"), dates.get("known_on"), on).items():
            self.fail(self.DATE_COLUMNS[key], message)
        return dates

    def subject(self) -> str | None:
        subject = SUBJECT_TYPES.get(self.cell("jenis_subjek").lower())
        if self.cell("jenis_subjek") and subject is None:
            self.fail("jenis_subjek", "Jenis subjek tidak dikenal; pilih: " + ", ".join(SubjectType.values) + ".")
        return subject

    def nip(self) -> str:
        nip = self.cell("nip_terlapor")
        if nip and not re.fullmatch(r"\d{18}", nip):
            self.fail("nip_terlapor", "NIP terdiri atas 18 angka.")
        return nip

    def codes(self) -> list[str]:
        codes = list(dict.fromkeys(c.strip().upper() for c in self.cell("kode_pelanggaran").split(";") if c.strip()))
        unknown = [code for code in codes if code not in self.ref.codes]
        if unknown:
            self.fail("kode_pelanggaran", "Kode pelanggaran tidak dikenal: " + ", ".join(unknown) + ".")
        return codes


def _row_input(record: dict, number: int, ref: _Reference, on: dt.date, errors: list[RowError]):
    row = _Row(record, number, ref)
    row.check_text()
    election, region, dates = row.election(), row.region(), row.dates(on)
    subject, nip, codes = row.subject(), row.nip(), row.codes()
    errors.extend(row.problems)
    if row.problems:
        return None
    return services.CaseInput(
        election=election, region_code=region, summary=row.cell("ringkasan"),
        what_happened=row.cell("uraian"), place=row.cell("tempat"),
        occurred_on=dates["occurred_on"], known_on=dates["known_on"], violation_codes=codes,
        reported_persons=[services.PersonInput(
            name=row.cell("nama_terlapor"), subject_type=subject, position=row.cell("jabatan_terlapor"),
            agency_name=row.cell("instansi_terlapor"), nip=nip)],
    )


def check_rows(filename: str, data: bytes, user) -> tuple[list[tuple[int, services.CaseInput]], list[RowError]]:
    """The service inputs of every row, or every problem found; rows are numbered from the header (1)."""
    records, errors = _read_records(filename, data)
    if errors:
        return [], errors
    ref, on, inputs = _Reference([record for _, record in records], user), services.today(), []
    for number, record in records:
        row_input = _row_input(record, number, ref, on, errors)
        if row_input is not None:
            inputs.append((number, row_input))
    return inputs, errors


def import_findings(data: bytes, user, filename: str = "temuan.csv") -> ImportResult:
    """Record every finding in ``data`` (CSV or XLSX bytes), or none of them and say why."""
    if len(data) > MAX_BYTES:
        return ImportResult(errors=[RowError(0, "", f"Berkas terlalu besar: paling besar "
                                                    f"{MAX_BYTES // (1024 * 1024)} MB.")])
    inputs, errors = check_rows(filename, data, user)
    if errors:
        return ImportResult(errors=errors)
    result = ImportResult()
    try:
        with transaction.atomic():
            for number, case_input in inputs:
                _record(number, case_input, user, result)
            if result.errors:
                raise _Rollback
    except _Rollback:
        result.cases = []
    return result


def _record(number: int, case_input: services.CaseInput, user, result: ImportResult) -> None:
    try:
        with transaction.atomic():
            result.cases.append(services.record_finding(case_input, user))
    except PermissionDenied as error:
        result.errors.append(RowError(number, "kode_wilayah", str(error)))
    except ValidationError as error:
        for message in error.messages:
            result.errors.append(RowError(number, "", message))


def import_upload(upload, user) -> ImportResult:
    """An uploaded file, read up to the size cap."""
    data = upload.read(MAX_BYTES + 1)
    return import_findings(data, user, upload.name or "")
