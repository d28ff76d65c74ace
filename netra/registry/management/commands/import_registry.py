from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from netra.registry.imports import AGENCIES, KINDS, ImportReport, import_file
from netra.registry.tables import MAX_FILE_BYTES


class Command(BaseCommand):
    help = (
        "Import agencies or persons from a CSV (comma or semicolon) or XLSX file. Every row is checked first; "
        "if any row has an error nothing is stored, each error is printed as 'Baris N, kolom X: ...' and the "
        "command exits with status 1. Importing the same file again updates rather than duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS, help="What the file holds: agencies (instansi) or persons (pegawai)")
        parser.add_argument("file", type=Path, help="The CSV or XLSX file; the first row holds the column names.")
        parser.add_argument("--dry-run", action="store_true", help="Check every row but store nothing.")

    def handle(self, *args, kind, file, dry_run, **options):
        report = import_file(kind, file.name, _read(file), dry_run=dry_run)
        for problem in report.problems():
            self.stdout.write(self.style.ERROR(problem))
        if not report.ok:
            raise CommandError(_failure(report))
        self.stdout.write(self.style.SUCCESS(_summary(report)))


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)  # one byte more than allowed tells "too big" apart
    except OSError as error:
        raise CommandError(f"Berkas tidak dapat dibuka: {path} ({error.strerror}).") from None


def _noun(report: ImportReport) -> str:
    return "instansi" if report.kind == AGENCIES else "pegawai"


def _failure(report: ImportReport) -> str:
    if report.file_error:
        return "Tidak ada yang diimpor."
    return (f"Tidak ada yang diimpor: {len(report.errors)} kesalahan pada "
            f"{report.rows_read - report.rows_ok} dari {report.rows_read} baris.")


def _summary(report: ImportReport) -> str:
    counts = f"{report.created} baru, {report.updated} diperbarui, {report.unchanged} tidak berubah"
    if report.dry_run:
        return f"Pemeriksaan selesai: {report.rows_ok} baris {_noun(report)} valid ({counts}). Tidak ada yang disimpan."
    return f"Impor {_noun(report)} selesai: {report.rows_read} baris; {counts}."
