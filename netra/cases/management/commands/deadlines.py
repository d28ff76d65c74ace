from collections import defaultdict

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from netra.cases import notifications, services
from netra.cases.rules.deadlines import format_date_id
from netra.regions.models import Region


class Command(BaseCommand):
    help = (
        "List the open cases whose next legal deadline has passed or falls within --days days, grouped "
        "by province, with the clock and its due date. --notify e-mails each handler a digest of their "
        "cases now; --schedule queues the repeating sweep that does it every NETRA_DEADLINE_SWEEP_MINUTES "
        "(run by `netra db_worker`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.DEADLINE_NOTICE_DAYS, metavar="N",
                            help="Include cases due within N days (default: %(default)s, NETRA_DEADLINE_NOTICE_DAYS).")
        parser.add_argument("--overdue-only", action="store_true", help="Only cases already past their deadline.")
        parser.add_argument("--notify", action="store_true",
                            help="E-mail the handlers now (one digest each; a case at most once a day per person).")
        parser.add_argument("--schedule", action="store_true",
                            help="Queue the repeating deadline sweep for `netra db_worker` (once is enough).")

    def handle(self, *args, days, overdue_only, notify, schedule, **options):
        if days < 0:
            raise CommandError("--days tidak boleh negatif.")
        today = services.today()
        at_risk = notifications.cases_at_risk(today, days, overdue_only)
        self.print_cases(at_risk, today, days, overdue_only)
        if notify:
            report = notifications.send_deadline_notices(today, days, overdue_only)
            self.stdout.write(f"Pengingat terkirim: {report.emails} e-mail, {report.notices} kasus.")
            if report.failed:
                self.stdout.write(self.style.ERROR(f"{report.failed} e-mail gagal dikirim; lihat log."))
        if schedule:
            self.schedule()

    def print_cases(self, at_risk, today, days, overdue_only):
        what = "melewati batas waktu" if overdue_only else f"melewati batas waktu atau jatuh tempo dalam {days} hari"
        if not at_risk:
            self.stdout.write(f"Tidak ada kasus terbuka yang {what} (per {format_date_id(today)}).")
            return
        self.stdout.write(f"{len(at_risk)} kasus terbuka {what} (per {format_date_id(today)}):")
        by_province = defaultdict(list)
        for item in at_risk:
            by_province[item.case.province_code].append(item)
        names = {r.code: r.display_name for r in Region.objects.filter(code__in=list(by_province))}
        for code in sorted(by_province, key=lambda c: names.get(c, c)):
            items = by_province[code]
            self.stdout.write("")
            self.stdout.write(self.style.MIGRATE_HEADING(f"{names.get(code, code)} ({code}): {len(items)} kasus"))
            for item in items:
                style = self.style.ERROR if item.overdue else self.style.WARNING
                self.stdout.write(f"  {item.case.tracking_code}  {item.case.region.display_name}  {item.case.summary}")
                self.stdout.write("      " + style(item.due_phrase()))

    def schedule(self):
        from netra.cases.tasks import schedule_sweep, send_deadline_notices

        if not send_deadline_notices.get_backend().supports_defer:
            raise CommandError("Backend TASKS tidak dapat menunda tugas; gunakan django_tasks_db.DatabaseBackend.")
        if schedule_sweep():
            self.stdout.write(self.style.SUCCESS(
                f"Penyisiran batas waktu dijadwalkan; berulang setiap {settings.DEADLINE_SWEEP_MINUTES} menit "
                "selama `netra db_worker` berjalan."))
        else:
            self.stdout.write("Penyisiran batas waktu sudah terjadwal; tidak ada yang ditambahkan.")
