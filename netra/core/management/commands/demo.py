from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from netra.core.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = (
        "Create demo data for trying Netra: a demo administrator, one demo user per role and demo agencies. "
        "Everything it creates is marked as demo. Idempotent. Needs the region table (netra regions load)."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                users = load_demo()
        except LookupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.WARNING("DATA DEMO — jangan dipakai untuk kasus nyata."))
        self.stdout.write("Kewajiban verifikasi dua langkah dimatikan di basis data demo (Admin → Peran).")
        self.stdout.write(f"Semua akun demo memakai kata sandi: {DEMO_PASSWORD}")
        for username, description in users:
            self.stdout.write(f"  {username:<22} {description}")
