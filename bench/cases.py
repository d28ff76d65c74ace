"""Benchmark: 100,000 cases with their hash-chained history, then the staff pages and the API under load.

Not a test. It builds its own database (a fresh SQLite file under /tmp by default, or the PostgreSQL
database named by --database-url, created when missing), fills it with bulk_create, checks the event
chain the way `netra audit verify` does, and times each page with Django's test Client, logged in as a
province officer and as a national administrator:

    .venv/bin/python bench/cases.py
    .venv/bin/python bench/cases.py --database-url postgres://postgres@127.0.0.1:5432/netra_bench

Results go to docs/benchmarks.md by hand (the table printed at the end is in that format).
"""

import argparse
import datetime as dt
import logging
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

JAKARTA = dt.timezone(dt.timedelta(hours=7))
STATUS_WEIGHTS = {  # roughly Bawaslu's published mix for a busy election
    "received": 18, "checked": 8, "registered": 12, "clarification": 10,
    "not_registered": 17, "decided": 30, "stopped": 4, "merged": 1,
}
PATHS = {  # the transitions that lead to each status, after "created"
    "received": [], "checked": ["check"], "registered": ["check", "register"],
    "clarification": ["check", "register", "clarify"], "not_registered": ["check", "not_register"],
    "decided": ["check", "register", "clarify", "decide"], "stopped": ["stop"], "merged": ["merge"],
}
AFTER = {"check": ("received", "checked"), "register": ("checked", "registered"),
         "clarify": ("registered", "clarification"), "not_register": ("checked", "not_registered"),
         "decide": ("clarification", "decided"), "stop": ("received", "stopped"), "merge": ("received", "merged")}
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
BATCH = 2000


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="", help="Default: a fresh SQLite file under /tmp.")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="Timed requests per page and user.")
    parser.add_argument("--province", default="35", help="The province officer's province (default Jawa Timur).")
    parser.add_argument("--keep", action="store_true", help="Reuse the database if it already holds the cases.")
    parser.add_argument("--seed", type=int, default=20241127)
    return parser.parse_args(argv)


def configure(args) -> str:
    """Point Django at the benchmark database before it starts; returns the URL used."""
    url = args.database_url or f"sqlite:///{tempfile.gettempdir()}/netra-bench-{os.getpid()}.sqlite3"
    var = Path(tempfile.gettempdir()) / "netra-bench-var"
    var.mkdir(exist_ok=True)
    os.environ.update({
        "DATABASE_URL": url, "NETRA_VAR_DIR": str(var), "NETRA_ALLOWED_HOSTS": "testserver",
        "NETRA_API_USER_RATE": "1000000/m", "NETRA_API_ANON_RATE": "1000000/m", "NETRA_DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "netra.settings",
    })
    if url.startswith("postgres"):
        create_postgres_database(url)
    return url


def create_postgres_database(url: str) -> None:
    import dj_database_url
    import psycopg

    params = dj_database_url.parse(url)
    admin = psycopg.connect(host=params["HOST"], port=params["PORT"] or 5432, user=params["USER"],
                            password=params["PASSWORD"] or None, dbname="postgres", autocommit=True)
    with admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [params["NAME"]]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{params["NAME"]}"')


# --- data ---------------------------------------------------------------------------------------

def tracking_code(rng, origin, seen):
    while True:
        body = "".join(rng.choice(ALPHABET) for _ in range(8))
        code = f"{'LP' if origin == 'laporan' else 'TM'}-{body[:4]}-{body[4:]}"
        if code not in seen:
            seen.add(code)
            return code


def build_cases(args, rng):
    """Unsaved Case rows plus, for each, the list of (kind, from, to, payload, at) events."""
    from netra.cases.models import Case, Election
    from netra.cases.rules import deadlines
    from netra.regions.models import Region

    elections = {e.code: e for e in Election.objects.all()}
    regencies = list(Region.objects.filter(level__in=["regency", "city"]).values_list("code", flat=True))
    statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    seen, rows = set(), []
    for n in range(args.cases):
        election = elections["pilkada-2024" if n % 3 else "pemilu-2024"]
        start = dt.date(2024, 9, 25) if election.kind == "pilkada" else dt.date(2023, 11, 28)
        occurred = start + dt.timedelta(days=rng.randrange(60))
        known = occurred + dt.timedelta(days=rng.randrange(3))
        received = dt.datetime.combine(known + dt.timedelta(days=rng.randrange(5)), dt.time(9), JAKARTA)
        received += dt.timedelta(minutes=rng.randrange(600))
        origin = "laporan" if rng.random() < 0.7 else "temuan"
        status = rng.choices(statuses, weights)[0]
        region = rng.choice(regencies)
        case = Case(
            tracking_code=tracking_code(rng, origin, seen), origin=origin, election=election, status=status,
            region_id=region, province_code=region[:2], regency_code=region[:5],
            summary=f"ASN diduga tidak netral: kasus uji {n}", what_happened="Kasus uji untuk benchmark. " * 5,
            place="Kantor kecamatan", occurred_on=occurred, known_on=known, received_at=received,
        )
        events = lifecycle(case, rng)
        if status in ("received", "checked", "registered", "clarification"):
            clocks = deadlines.clocks_for(election.kind, case.clock_events(), dt.date(2024, 12, 1))
            dues = [clock.due for clock in clocks if clock.closed_on is None]
            case.next_due_on = min(dues) if dues else None
        rows.append((case, events))
    return rows


def lifecycle(case, rng):
    at = case.received_at
    events = [("created", "", "received", {"origin": case.origin, "late_filing": False}, at)]
    for name in PATHS[case.status]:
        at += dt.timedelta(hours=rng.randrange(4, 60))
        day = at.astimezone(JAKARTA).date()
        payload = {"transition": name, "on": day.isoformat()}
        if name == "check":
            case.formal_requirements_met = case.material_requirements_met = case.status != "not_registered"
        elif name == "register":
            case.register_number, case.registered_on = f"{case.tracking_code}/Reg", day
            payload["register_number"] = case.register_number
        elif name == "decide":
            case.decision, case.forwarded_to, case.decided_on = "other_laws", "bkn", day
            payload.update(decision="other_laws", reason="Terbukti.")
        elif name in ("not_register", "stop", "merge"):
            case.status_reason = payload["reason"] = "Alasan uji."
        before, after = AFTER[name]
        events.append(("transition", before, after, payload, at))
    return events


def load(args):
    from django.db import transaction

    from netra.accounts.models import Role
    from netra.cases.audit import GENESIS_HASH, event_hash
    from netra.cases.models import Case, CaseEvent, ChainHead, ReportedPerson, Reporter
    from netra.cases.services import vault

    rng = random.Random(args.seed)
    Role.objects.update(requires_two_factor=False)
    started = time.perf_counter()
    rows = build_cases(args, rng)
    print(f"  built {len(rows):,} cases in memory ({time.perf_counter() - started:.1f} s)")
    ciphertext = vault().encrypt_json({"name": "Pelapor Uji", "address": "Jl. Uji 1"})
    through = Case.violation_codes.through
    seq, prev = 0, GENESIS_HASH
    for first in range(0, len(rows), BATCH):
        chunk = rows[first:first + BATCH]
        with transaction.atomic():
            cases = Case.objects.bulk_create([case for case, _ in chunk])
            events = []
            for case, (_, history) in zip(cases, chunk, strict=True):
                for kind, before, after, payload, at in history:
                    seq += 1
                    digest = event_hash(seq, case.pk, kind, before, after, None, at, payload, prev)
                    events.append(CaseEvent(seq=seq, case_id=case.pk, kind=kind, from_status=before, to_status=after,
                                            at=at, payload=payload, prev_hash=prev, hash=digest))
                    prev = digest
            CaseEvent.objects.bulk_create(events)
            ReportedPerson.objects.bulk_create([
                ReportedPerson(case=case, name=f"Terlapor {case.pk}", subject_type="pns", position="Kepala Dinas",
                               agency_name="Pemerintah Daerah") for case in cases])
            Reporter.objects.bulk_create([
                Reporter(case=case, identity_mode="confidential", identity_ciphertext=ciphertext)
                for case in cases if case.origin == "laporan"])
            through.objects.bulk_create([through(case_id=case.pk, violationcode_id=rng.choice(("DIS-4", "ETIK-1")))
                                         for case in cases])
            ChainHead.objects.update_or_create(pk=1, defaults={"seq": seq, "hash": prev})
    print(f"  stored {len(rows):,} cases and {seq:,} events ({time.perf_counter() - started:.1f} s)")


# --- measuring ----------------------------------------------------------------------------------

def users(province):
    from django.contrib.auth import get_user_model

    from netra.accounts.models import Membership, Role

    def make(username, role, region=None):
        user, created = get_user_model().objects.get_or_create(username=username)
        if created:
            Membership.objects.create(user=user, role=Role.objects.get(code=role), region_id=region)
        return user

    return {f"provinsi {province}": make(f"bench.provinsi.{province}", "bawaslu_provinsi", province),
            "nasional": make("bench.nasional", "admin")}


class PageFailed(Exception):
    pass


def timed(client, urls, expect=200):
    samples = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != expect:
            raise PageFailed(f"{url} answered {response.status_code}")
    return samples


def timed_calls(call, n):
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def stats(samples):
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return statistics.median(samples), cuts[18]


def staff_pages_exist() -> bool:
    from django.urls import Resolver404, resolve

    try:
        resolve("/kasus/")
        return True
    except Resolver404:
        return False


def measure(args, rng):
    from django.test import Client

    from netra.cases.services import visible_cases

    results = []
    for label, user in users(args.province).items():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        codes = list(visible_cases(user).values_list("tracking_code", flat=True)[:20000])
        sample = [rng.choice(codes) for _ in range(args.requests)]
        pages = len(codes) // 50
        checks = {
            "ORM: visible_cases first page + count": lambda user=user: (
                list(visible_cases(user).select_related("election", "region")[:50]), visible_cases(user).count()),
        }
        for name, call in checks.items():
            timed_calls(call, 5)
            results.append((label, name, *stats(timed_calls(call, args.requests))))
        lists = {
            "API list `/api/v1/cases`": ["/api/v1/cases"] * args.requests,
            "API list, page 1–20 at random": [f"/api/v1/cases?page={rng.randint(1, min(pages, 20))}"
                                              for _ in range(args.requests)],
            "API list `?status=registered&overdue=true`": ["/api/v1/cases?status=registered&overdue=true"]
            * args.requests,
            "API detail `/api/v1/cases/{code}`": [f"/api/v1/cases/{code}" for code in sample],
        }
        if staff_pages_exist():
            lists["inbox `/kasus/`"] = ["/kasus/"] * args.requests
            lists["case page `/kasus/{code}/`"] = [f"/kasus/{code}/" for code in sample]
        for name, urls in lists.items():
            try:
                timed(client, urls[:5])
                results.append((label, name, *stats(timed(client, urls))))
            except PageFailed as failure:
                print(f"  {label}: {failure}")
                results.append((label, f"{name} – failed: {failure}", float("nan"), float("nan")))
    return results


def main(argv=None):
    args = parse_args(argv)
    url = configure(args)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from netra.cases.audit import verify_chain
    from netra.cases.models import Case
    from netra.regions.gazetteer import lokal_places
    from netra.regions.services import load_regions

    logging.getLogger("django.request").setLevel(logging.CRITICAL)  # failures are reported in the table
    print(f"Database: {url} ({connection.vendor})")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
    call_command("migrate", verbosity=0)
    existing = Case.objects.count()
    if existing and not args.keep:
        raise SystemExit(f"{url} already holds {existing:,} cases; use a fresh database or --keep.")
    if not existing:
        started = time.perf_counter()
        load_regions(lokal_places(max_depth=2))
        print(f"  regions loaded ({time.perf_counter() - started:.1f} s)")
        load(args)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    started = time.perf_counter()
    problems = verify_chain()
    print(f"  audit verify: {len(problems)} problems ({time.perf_counter() - started:.1f} s)")
    if problems:
        raise SystemExit("the event chain does not verify")
    results = measure(args, random.Random(args.seed))
    print(f"\n{dt.date.today()} · {platform.node()} · {os.cpu_count()} cores · {connection.vendor} · "
          f"{Case.objects.count():,} cases · {args.requests} requests each\n")
    print("| user | what | p50 ms | p95 ms |")
    print("|---|---|---:|---:|")
    for label, name, p50, p95 in results:
        print(f"| {label} | {name} | {p50:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
