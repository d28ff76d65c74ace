"""Exports of the (filtered) inbox as CSV (streamed) and XLSX (xlsxwriter, constant memory).

The rows never carry the reporter's or witnesses' identity. At most ``MAX_ROWS`` rows are written; a
longer selection ends with a note that says so and how to narrow it.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

import xlsxwriter
from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse

from netra.cases.choices import Decision, Forwarding, Origin, Status
from netra.cases.models import Case, ReportedPerson
from netra.cases.services import JAKARTA, today
from netra.regions.gazetteer import Place, display_name

MAX_ROWS = 100_000
CHUNK = 2000
BOM = "\ufeff"


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    is_date: bool = False


COLUMNS = (
    Column("Kode pelacakan", 16), Column("Asal", 9), Column("Pemilihan", 22), Column("Status", 18),
    Column("Putusan", 30), Column("Diteruskan ke", 22), Column("Nomor register", 20),
    Column("Kode wilayah", 12), Column("Wilayah", 28), Column("Ringkasan", 50), Column("Tempat kejadian", 30),
    Column("Tanggal kejadian", 14, True), Column("Tanggal diketahui", 14, True),
    Column("Tanggal diterima", 14, True), Column("Tanggal register", 14, True), Column("Tanggal putusan", 14, True),
    Column("Batas waktu terdekat", 14, True), Column("Terlambat dilaporkan", 10), Column("Kode pelanggaran", 20),
    Column("Terlapor", 40),
)
LABELS = {
    "origin": dict(Origin.choices), "status": dict(Status.choices), "decision": dict(Decision.choices),
    "forwarded_to": dict(Forwarding.choices),
}


FIELDS = (
    "pk", "tracking_code", "origin", "election__name", "status", "decision", "forwarded_to", "register_number",
    "region_id", "region__name", "region__level", "region__parent_id", "summary", "place", "occurred_on", "known_on",
    "received_at", "registered_on", "decided_on", "next_due_on", "late_filing",
)


def _labels() -> dict[str, dict[str, str]]:
    """The choice labels in the active language, translated once per export instead of once per cell."""
    return {kind: {key: str(label) for key, label in choices.items()} for kind, choices in LABELS.items()}


def _codes_by_case(ids: list[int]) -> dict[int, list[str]]:
    through = Case.violation_codes.through
    codes: dict[int, list[str]] = defaultdict(list)
    for case_id, code in through.objects.filter(case_id__in=ids).order_by("case_id", "violationcode_id").values_list(
            "case_id", "violationcode_id"):
        codes[case_id].append(code)
    return codes


def _persons_by_case(ids: list[int]) -> dict[int, list[str]]:
    persons: dict[int, list[str]] = defaultdict(list)
    for case_id, *parts in ReportedPerson.objects.filter(case_id__in=ids).order_by("pk").values_list(
            "case_id", "name", "position", "agency_name"):
        persons[case_id].append(", ".join(part for part in parts if part))
    return persons


def _row(values: tuple, codes: list[str], persons: list[str], labels: dict[str, dict[str, str]]) -> list[Any]:
    (_, code, origin, election, status, decision, forwarded_to, register_number, region_id, region_name,
     region_level, region_parent, summary, place, occurred_on, known_on, received_at, registered_on, decided_on,
     next_due_on, late_filing) = values
    region = display_name(Place(region_id, region_name, region_level, region_parent))
    return [
        code, labels["origin"].get(origin, origin), election, labels["status"].get(status, status),
        labels["decision"].get(decision, decision), labels["forwarded_to"].get(forwarded_to, forwarded_to),
        register_number, region_id, region, summary, place, occurred_on,
        known_on, received_at.astimezone(JAKARTA).date(), registered_on, decided_on, next_due_on,
        "Ya" if late_filing else "Tidak", ", ".join(codes), "; ".join(persons),
    ]


def _chunks(values: Iterator[tuple]) -> Iterator[list[tuple]]:
    while chunk := list(islice(values, CHUNK)):
        yield chunk


def rows(cases: QuerySet) -> Iterator[list[Any]]:
    """Export rows of ``cases`` (at most MAX_ROWS, then one note row): plain tuples, codes and reported
    persons read per chunk of CHUNK cases (model instances cost ~10x more on 100,000 rows)."""
    values = cases[:MAX_ROWS + 1].values_list(*FIELDS).iterator(chunk_size=CHUNK)
    written, labels = 0, _labels()
    for chunk in _chunks(values):
        ids = [row[0] for row in chunk]
        codes, persons = _codes_by_case(ids), _persons_by_case(ids)
        for row in chunk:
            if written == MAX_ROWS:
                yield [f"Ekspor dibatasi {MAX_ROWS:,} baris".replace(",", ".")
                       + "; persempit penyaringan untuk mengunduh sisanya."]
                return
            written += 1
            yield _row(row, codes[row[0]], persons[row[0]], labels)


class _Echo:
    def write(self, value: str) -> str:
        return value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    """Dates as ISO; text that a spreadsheet would run as a formula (a public report's summary may
    start with "=") is prefixed with an apostrophe."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def _csv_lines(cases: QuerySet) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow([column.header for column in COLUMNS])
    for row in rows(cases):
        yield writer.writerow([_csv_cell(value) for value in row])


def _filename(extension: str) -> str:
    return f"kasus-{today():%Y%m%d}.{extension}"


def csv_response(cases: QuerySet) -> StreamingHttpResponse:
    response = StreamingHttpResponse(_csv_lines(cases), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def write_xlsx(cases: QuerySet, target) -> None:
    """Write the workbook to ``target`` (a path or a binary file) in constant-memory mode."""
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True, "remove_timezone": True})
    sheet = workbook.add_worksheet("Kasus")
    bold = workbook.add_format({"bold": True})
    date = workbook.add_format({"num_format": "d mmmm yyyy"})
    for col, column in enumerate(COLUMNS):
        sheet.set_column(col, col, column.width, date if column.is_date else None)
        sheet.write_string(0, col, column.header, bold)
    sheet.freeze_panes(1, 0)
    for number, row in enumerate(rows(cases), start=1):
        for col, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(number, col, dt.datetime.combine(value, dt.time()), date)
            elif value is not None:
                sheet.write_string(number, col, str(value))
    workbook.close()


def xlsx_response(cases: QuerySet) -> FileResponse:
    target = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    write_xlsx(cases, target)
    target.seek(0)
    return FileResponse(target, as_attachment=True, filename=_filename("xlsx"),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
