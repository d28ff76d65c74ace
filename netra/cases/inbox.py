"""Queries behind the staff screens: the filtered inbox, its tallies, region choices and the case page.

Everything starts from ``services.visible_cases(user)``, so a case outside the user's scope never
shows. The inbox, the exports and the filter form share :func:`filter_cases`. Nothing here changes
data; rules stay in ``services``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet

from netra.accounts.scoping import scope_for
from netra.cases import services
from netra.cases.choices import (
    IN_PROGRESS,
    NOT_YET_REGISTERED,
    VIOLATION_DECISIONS,
    Decision,
    EventKind,
    Forwarding,
    IdentityMode,
    Status,
)
from netra.cases.models import Case, CaseEvent, Evidence, EvidenceAccess, Reporter
from netra.cases.rules.deadlines import format_date_id
from netra.cases.transitions import TRANSITIONS, available_from
from netra.regions.models import Level, Region

PAGE_SIZE = 50
DUE_SOON_DAYS = 2
TRACKING_CODE = re.compile(r"^(LP|TM)-[0-9A-Z]{4}-[0-9A-Z]{4}$")
INBOX_REGION_LEVELS = (Level.PROVINCE, Level.REGENCY, Level.CITY)
FINDING_REGION_LEVELS = (Level.REGENCY, Level.CITY)
REGION_COLUMNS = {1: "province_code", 2: "regency_code"}


# --- the inbox -------------------------------------------------------------------------------------

def filter_cases(cases: QuerySet, filters: Mapping[str, Any], today: dt.date | None = None) -> QuerySet:
    """``cases`` narrowed by the inbox filters (the cleaned data of ``InboxFilterForm``)."""
    today = today or services.today()
    if filters.get("status"):
        cases = cases.filter(status=filters["status"])
    if filters.get("election"):
        cases = cases.filter(election=filters["election"])
    if filters.get("origin"):
        cases = cases.filter(origin=filters["origin"])
    if filters.get("region"):
        cases = cases.filter(_region_q(filters["region"]))
    if filters.get("due") == "overdue":
        cases = cases.overdue(today)
    elif filters.get("due") == "soon":
        cases = cases.due_within(today, DUE_SOON_DAYS)
    if filters.get("violation"):
        cases = cases.filter(violation_codes=filters["violation"])
    if filters.get("q"):
        cases = cases.filter(_search_q(filters["q"]))
    return cases


def _region_q(code: str) -> Q:
    column = REGION_COLUMNS.get(code.count(".") + 1)
    if column:
        return Q(**{column: code})
    return Q(region_id=code) | Q(region_id__startswith=f"{code}.")


def _search_q(text: str) -> Q:
    text = text.strip()
    if TRACKING_CODE.match(text.upper()):
        return Q(tracking_code=text.upper())
    return Q(tracking_code__icontains=text) | Q(summary__icontains=text)


SORT_CHOICES = [("", "Terbaru diterima"), ("due", "Batas waktu terdekat")]
ORDERINGS = {
    "": ("-received_at", "-pk"),
    "due": (F("next_due_on").asc(nulls_last=True), "-received_at", "-pk"),
}


def inbox_cases(user, filters: Mapping[str, Any]) -> QuerySet:
    """The visible, filtered cases, newest first (or nearest deadline first), with what the list shows."""
    cases = filter_cases(services.visible_cases(user), filters)
    ordering = ORDERINGS.get(filters.get("sort") or "", ORDERINGS[""])
    return cases.select_related("election", "region").order_by(*ordering)


TALLIES = {
    "total": Q(),
    "not_yet_registered": Q(status__in=NOT_YET_REGISTERED),
    "registered": Q(registered_on__isnull=False),
    "not_registered": Q(status=Status.NOT_REGISTERED),
    "in_progress": Q(status__in=IN_PROGRESS),
    "violation": Q(status=Status.DECIDED, decision__in=VIOLATION_DECISIONS),
    "not_violation": Q(status=Status.DECIDED, decision=Decision.NOT_VIOLATION),
}
TALLY_LABELS = {
    "total": "Jumlah", "not_yet_registered": "Belum diregister", "registered": "Diregister",
    "not_registered": "Tidak diregister", "in_progress": "Dalam proses", "violation": "Pelanggaran",
    "not_violation": "Bukan pelanggaran",
}


def tallies(cases: QuerySet) -> dict[str, int]:
    """Bawaslu's published categories over ``cases``, in one aggregate query."""
    aggregates = {
        name: Count("pk", filter=condition) if condition else Count("pk") for name, condition in TALLIES.items()
    }
    return cases.order_by().aggregate(**aggregates)


@dataclasses.dataclass
class Inbox:
    page: Any
    tallies: dict[str, int]

    @property
    def tally_rows(self) -> list[tuple[str, str, int]]:
        return [(name, TALLY_LABELS[name], self.tallies[name]) for name in TALLIES]


def inbox_page(user, filters: Mapping[str, Any], page_number: str | int | None) -> Inbox:
    """One page of the inbox and the tallies of the whole filtered set (its total is the page count)."""
    cases = inbox_cases(user, filters)
    counts = tallies(cases)
    paginator = Paginator(cases, PAGE_SIZE)
    paginator.count = counts["total"]  # already counted by the aggregate; saves a second COUNT(*)
    return Inbox(paginator.get_page(page_number), counts)


def due_state(due: dt.date | None, today: dt.date) -> str:
    if due is None:
        return ""
    if due < today:
        return "overdue"
    if due <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return "due_soon"
    return "running"


# --- regions within scope --------------------------------------------------------------------------

def scoped_regions(user, levels=INBOX_REGION_LEVELS) -> QuerySet:
    """Provinces and kab/kota inside the user's scope (none for a user without a region scope)."""
    scope = scope_for(user)
    regions = Region.objects.filter(level__in=levels).order_by("code")
    if scope.national:
        return regions
    if not scope.region_codes:
        return regions.none()
    query = Q(pk__in=[])
    for code in scope.region_codes:
        query |= Q(code=code) | Q(code__startswith=f"{code}.")
    return regions.filter(query)


def region_choices(user, levels=INBOX_REGION_LEVELS) -> list[tuple[str, str]]:
    return [(r.code, f"{r.code} {r.display_name}") for r in scoped_regions(user, levels)]


def may_handle_region(user, region_code: str) -> bool:
    """Whether ``user`` may record a finding in ``region_code`` (the rule of ``services.can_handle``)."""
    return services.can_handle(user, Case(region_id=region_code))


# --- the case page ---------------------------------------------------------------------------------

def detail_queryset(user) -> QuerySet:
    cases = services.visible_cases(user).select_related("election", "region", "merged_into", "reporter")
    return cases.prefetch_related(
        "reported_persons", "violation_codes", "witnesses",
        Prefetch("events", queryset=CaseEvent.objects.select_related("actor").order_by("seq")),
        Prefetch("evidence", queryset=Evidence.objects.select_related("file", "added_by").prefetch_related(
            Prefetch("accesses", queryset=EvidenceAccess.objects.select_related("user")))),
    )


def reporter_of(case: Case) -> Reporter | None:
    try:
        return case.reporter
    except Reporter.DoesNotExist:
        return None


IDENTITY_LABELS = {
    "name": "Nama", "birth_place": "Tempat lahir", "birth_date": "Tanggal lahir", "sex": "Jenis kelamin",
    "occupation": "Pekerjaan", "nationality": "Kewarganegaraan", "address": "Alamat", "phone": "Telepon",
    "email": "E-mail", "nik": "NIK",
}


def identity_view(user, case: Case) -> dict[str, Any]:
    """What the case page shows about the reporter and witnesses for ``user``."""
    reporter = reporter_of(case)
    allowed = services.may_see_reporter(user, case)
    view = {"allowed": allowed, "mode": reporter.get_identity_mode_display() if reporter else "",
            "anonymous": bool(reporter and reporter.identity_mode == IdentityMode.ANONYMOUS),
            "reporter": None, "witnesses": []}
    if allowed:
        if reporter and not view["anonymous"]:
            identity = services.reporter_identity(reporter)
            keys = [*IDENTITY_LABELS, *(key for key in identity if key not in IDENTITY_LABELS)]
            view["reporter"] = [(IDENTITY_LABELS.get(key, key), _identity_value(key, identity[key]))
                                for key in keys if identity.get(key)]
        view["witnesses"] = [services.witness_identity(w) for w in case.witnesses.all()]
    return view


def _identity_value(key: str, value: Any) -> str:
    if key.endswith("_date") and isinstance(value, str):
        try:
            return format_date_id(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def actions_for(user, case: Case) -> list:
    """The transitions the case offers now that ``user`` may make."""
    return [t for t in available_from(case.status) if services.can_handle(user, case, t.roles)]


PAYLOAD_LABELS = {
    "transition": "Aksi", "reason": "Alasan", "register_number": "Nomor register", "decision": "Putusan",
    "forwarded_to": "Diteruskan ke", "target": "Kasus tujuan", "text": "Catatan", "on": "Tanggal",
    "formal_requirements_met": "Syarat formal terpenuhi", "material_requirements_met": "Syarat materiel terpenuhi",
    "origin": "Asal", "late_filing": "Terlambat dilaporkan", "identity_mode": "Identitas pelapor",
    "urls": "Tautan bukti", "files": "Berkas bukti", "codes": "Kode pelanggaran",
}
PAYLOAD_VALUES = {
    "transition": {name: t.label for name, t in TRANSITIONS.items()},
    "decision": dict(Decision.choices), "forwarded_to": dict(Forwarding.choices),
    "identity_mode": dict(IdentityMode.choices), "origin": {"laporan": "Laporan", "temuan": "Temuan"},
}


def _file_summary(item: dict) -> str:
    size = item.get("size")
    parts = [item.get("content_type", ""), f"{size:,} bita".replace(",", ".") if isinstance(size, int) else "",
             f"SHA-256 {str(item.get('sha256', ''))[:12]}…" if item.get("sha256") else ""]
    return " · ".join(part for part in parts if part)


def _payload_value(key: str, value: Any) -> str:
    if key == "files" and isinstance(value, list):
        return "; ".join(_file_summary(item) if isinstance(item, dict) else str(item) for item in value)
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, list):
        return ", ".join(str(_payload_value(key, item)) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if key == "on" and isinstance(value, str):
        try:
            return format_date_id(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return str(PAYLOAD_VALUES.get(key, {}).get(value, value))


def describe_event(event: CaseEvent) -> dict[str, Any]:
    """One timeline row: what happened, the status change, and the payload as labelled pairs."""
    statuses = dict(Status.choices)
    details = [(PAYLOAD_LABELS.get(key, key), _payload_value(key, value))
               for key, value in event.payload.items() if value not in (None, "", [])]
    return {
        "event": event, "kind": event.get_kind_display(),
        "from": statuses.get(event.from_status, ""), "to": statuses.get(event.to_status, ""),
        "status_changed": event.kind == EventKind.TRANSITION and event.from_status != event.to_status,
        "details": details,
    }
