"""Reading an uploaded CSV or XLSX file into a header and rows of text. Django-free.

Every problem with the file as a whole (too big, empty, binary, a corrupt workbook) is an
:class:`ImportFileError` whose message, in Bahasa Indonesia, can be shown to the user as is.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
# An XLSX is a zip: refuse one that would unpack to more than this (a "zip bomb").
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
SNIFF_CHARS = 8192
MAX_BLANK_STREAK = 1000
DELIMITERS = (";", ",", "\t")
BLANK_LINES = re.compile(r"\n{3,}")
# Doubles hold integers exactly only up to 2**53; a longer number typed into Excel (an NIP) lost digits.
EXACT_FLOAT_LIMIT = 2**53
BINARY_MESSAGE = (
    "Berkas ini bukan berkas teks CSV maupun XLSX (isinya biner). Simpan ulang dari Excel atau LibreOffice "
    "sebagai CSV (UTF-8) atau XLSX."
)


class ImportFileError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ImpreciseNumber(str):
    """A cell Excel stored as a number too long to be exact; its text may differ from what was typed."""


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as a spreadsheet shows it, cells)


def read_table(filename: str, data: bytes, *, keep_line_breaks: bool = False) -> Table:
    """The header and non-blank rows of a CSV or XLSX file; raises ImportFileError.

    Cells have their runs of blanks collapsed; ``keep_line_breaks`` keeps the line breaks inside a
    cell (one blank line at most between paragraphs), for long text such as a finding's description.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(f"Berkas terlalu besar: maksimal {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    if not data.strip():
        raise ImportFileError("Berkas kosong.")
    name = (filename or "").lower()
    if data.startswith(ZIP_MAGIC):
        return _table(_xlsx_rows(data, keep_line_breaks))
    if name.endswith((".xlsx", ".xlsm")):
        raise ImportFileError(_corrupt_xlsx_message())
    if name.endswith(".xls") or data.startswith(OLE_MAGIC):
        raise ImportFileError("Format Excel lama (.xls) tidak didukung. Simpan sebagai .xlsx atau .csv.")
    return _table(_csv_rows(_decode(data), keep_line_breaks))


def _table(rows: Iterable[list[str]]) -> Table:
    header: list[str] | None = None
    body: list[tuple[int, list[str]]] = []
    for number, cells in enumerate(rows, start=1):
        if not any(cells):
            continue
        if header is None:
            header = cells
        elif len(body) >= MAX_ROWS:
            raise ImportFileError(too_many_rows_message())
        else:
            body.append((number, cells))
    if header is None:
        raise ImportFileError("Berkas kosong.")
    if not body:
        raise ImportFileError("Berkas hanya berisi judul kolom; tidak ada baris data.")
    return Table(header, body)


def _decode(data: bytes) -> str:
    if b"\x00" in data[:SNIFF_CHARS]:
        raise ImportFileError(BINARY_MESSAGE)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text[:SNIFF_CHARS]):
            break
        return text
    raise ImportFileError(BINARY_MESSAGE)


def _looks_binary(text: str) -> bool:
    return any(ord(ch) < 32 and ch not in "\t\r\n\f" for ch in text)


def sniff_delimiter(text: str) -> str:
    """The delimiter used most in the first line: ";" (Excel in Indonesian), "," or a tab."""
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(text: str, keep_line_breaks: bool = False) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text))
    try:
        for cells in reader:
            yield [clean_text(cell, keep_line_breaks) for cell in cells]
    except csv.Error as error:
        raise ImportFileError(f"Berkas CSV tidak dapat dibaca di baris {reader.line_num}: {error}.") from None


def clean_text(value: str, keep_line_breaks: bool = False) -> str:
    """A cell's text with runs of whitespace collapsed to one space (or, keeping line breaks, each line's)."""
    value = value.replace("\ufeff", "")
    if not keep_line_breaks:
        return " ".join(value.split())
    lines = [" ".join(line.split()) for line in value.splitlines()]
    return BLANK_LINES.sub("\n\n", "\n".join(lines).strip("\n"))


def _corrupt_xlsx_message() -> str:
    return "Berkas XLSX rusak atau bukan berkas Excel yang sah. Buka dan simpan ulang di Excel, atau kirim sebagai CSV."


def _xlsx_rows(data: bytes, keep_line_breaks: bool = False) -> list[list[str]]:
    import openpyxl

    _check_unpacked_size(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a damaged zip or XML raises any of a dozen types; all mean the same to the user
        raise ImportFileError(_corrupt_xlsx_message()) from None
    try:
        return _sheet_rows(workbook.worksheets[0], keep_line_breaks) if workbook.worksheets else []
    except ImportFileError:
        raise
    except Exception:
        raise ImportFileError(_corrupt_xlsx_message()) from None
    finally:
        workbook.close()


def _check_unpacked_size(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFileError(_corrupt_xlsx_message()) from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ImportFileError("Isi berkas XLSX terlalu besar setelah dibuka. Bagi menjadi beberapa berkas.")


def _sheet_rows(sheet, keep_line_breaks: bool = False) -> list[list[str]]:
    rows: list[list[str]] = []
    filled = blank_streak = 0
    for values in sheet.iter_rows(values_only=True):
        cells = [cell_text(value, keep_line_breaks) for value in values]
        rows.append(cells)
        filled, blank_streak = (filled + 1, 0) if any(cells) else (filled, blank_streak + 1)
        if filled > MAX_ROWS + 1:
            raise ImportFileError(too_many_rows_message())
        if blank_streak > MAX_BLANK_STREAK:  # formatting that runs to the sheet's last row
            break
    return rows


def too_many_rows_message() -> str:
    limit = f"{MAX_ROWS:,}".replace(",", ".")
    return f"Berkas berisi lebih dari {limit} baris data. Bagi menjadi beberapa berkas."


def cell_text(value, keep_line_breaks: bool = False) -> str:
    """The text of a spreadsheet cell as a person would read it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
        return ImpreciseNumber(text) if abs(value) >= EXACT_FLOAT_LIMIT else text
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean_text(str(value), keep_line_breaks)
