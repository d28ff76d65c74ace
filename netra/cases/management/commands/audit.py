from django.core.management.base import BaseCommand, CommandError

from netra.cases.audit import verify_chain
from netra.cases.models import ChainHead


class Command(BaseCommand):
    help = (
        "The case history's hash chain. 'verify' recomputes the hash of every event and names each "
        "event that was edited, deleted or reordered; it exits with status 1 when it finds any."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", metavar="{verify}", required=True)
        sub.add_parser("verify", help="Check every event of every case against the chain.")

    def handle(self, *args, **options):
        problems = verify_chain()
        head = ChainHead.objects.filter(pk=1).first()
        count = head.seq if head else 0
        if not problems:
            self.stdout.write(self.style.SUCCESS(f"Riwayat utuh: {count} peristiwa diperiksa, tidak ada perubahan."))
            return
        for problem in problems:
            self.stdout.write(self.style.ERROR(str(problem)))
        raise CommandError(f"Riwayat kasus tidak utuh: {len(problems)} masalah ditemukan.")
