from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from netra.cases import importing, services


class Command(BaseCommand):
    help = (
        "Import findings (temuan) from a CSV or XLSX file, one finding per row, as USERNAME. All or nothing: when any "
        "row has a problem, nothing is recorded and every problem is listed (row, column, message). Columns: "
        + ", ".join(importing.COLUMNS) + "."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path,
                            help="CSV (UTF-8 or Windows-1252; ',', ';' or tab separated) or XLSX (first sheet).")
        parser.add_argument("--user", required=True, metavar="USERNAME",
                            help="The supervisor recording the findings; their role scope must cover every row.")

    def handle(self, *args, file, user, **options):
        account = get_user_model().objects.filter(username=user, is_active=True).first()
        if account is None:
            raise CommandError(f"Pengguna {user!r} tidak ditemukan atau tidak aktif.")
        if not services.may_record_findings(account):
            raise CommandError(f"Pengguna {user!r} tidak berwenang mencatat temuan.")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Berkas {file} tidak dapat dibaca: {error.strerror}.") from None
        result = importing.import_findings(data, account, file.name)
        if not result.ok:
            for problem in result.errors:
                self.stderr.write(str(problem))
            raise CommandError(f"Tidak ada temuan yang diimpor: {len(result.errors)} masalah.")
        for case in result.cases:
            self.stdout.write(f"{case.tracking_code}  {case.summary}")
        self.stdout.write(self.style.SUCCESS(f"{len(result.cases)} temuan diimpor."))
