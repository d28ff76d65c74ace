"""Exports of the (filtered) inbox as CSV (streamed) and XLSX (xlsxwriter, constant memory).

The rows never carry the reporter's or witnesses' identity. At most ``MAX_ROWS`` rows are written; a
longer selection ends with a note that says so and how to narrow it.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import xlsxwriter
from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, StreamingHttpResponse

from netra.cases.choices import Decision, Forwarding, Origin, Status
from netra.cases.models import ReportedPerson
from netra.cases.services import JAKARTA, today

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


def _label(kind: str, value: str) -> str:
    return str(LABELS[kind].get(value, value)) if value else ""


def _row(case) -> list[Any]:
    persons = "; ".join(
        ", ".join(part for part in (p.name, p.position, p.agency_name) if part) for p in case.reported_persons.all())
    return [
        case.tracking_code, _label("origin", case.origin), case.election.name, _label("status", case.status),
        _label("decision", case.decision), _label("forwarded_to", case.forwarded_to), case.register_number,
        case.region_id, case.region.display_name, case.summary, case.place, case.occurred_on, case.known_on,
        case.received_at.astimezone(JAKARTA).date(), case.registered_on, case.decided_on, case.next_due_on,
        "Ya" if case.late_filing else "Tidak", ", ".join(c.pk for c in case.violation_codes.all()), persons,
    ]


def rows(cases: QuerySet) -> Iterator[list[Any]]:
    """Export rows of ``cases`` (at most MAX_ROWS, then one note row), fetched in chunks."""
    cases = cases.select_related("election", "region").prefetch_related(
        "violation_codes", Prefetch("reported_persons", queryset=ReportedPerson.objects.order_by("pk")))
    for written, case in enumerate(cases[:MAX_ROWS + 1].iterator(chunk_size=CHUNK)):
        if written == MAX_ROWS:
            yield [f"Ekspor dibatasi {MAX_ROWS:,} baris".replace(",", ".")
                   + "; persempit penyaringan untuk mengunduh sisanya."]
            return
        yield _row(case)


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
