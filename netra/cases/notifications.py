"""Deadline reminders: which open cases are overdue or nearly due, who handles them, one digest per person.

A case is at risk when its next deadline (``Case.next_due_on``, refreshed by every transition) is past
or at most ``days`` away. Its recipients are the users holding a handling role (the roles of
``transitions.HANDLER_ROLES``, as in ``services.can_handle``) whose scope covers the case's region:
national roles cover everything. Each recipient gets one plain-text e-mail in Indonesian listing
their cases, most urgent first, at most :data:`DIGEST_MAX_CASES` of them (the rest are counted and
linked), and a ``DeadlineNotice`` per case so that the same case is not mailed twice on one day.
"""

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

from netra.accounts.models import Membership, ScopeKind
from netra.cases import services
from netra.cases.models import Case, DeadlineNotice
from netra.cases.rules.deadlines import UNIT_LABELS_ID, Clock, format_date_id
from netra.cases.transitions import HANDLER_ROLES, OPEN_STATUSES
from netra.regions.models import Region

DIGEST_MAX_CASES = 50
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class AtRisk:
    """An open case whose next deadline is past or near, with the clock that sets it."""

    case: Case
    clock: Clock | None
    today: dt.date

    @property
    def due(self) -> dt.date:
        return self.case.next_due_on

    @property
    def overdue(self) -> bool:
        return self.due < self.today

    @property
    def days_left(self) -> int:
        return self.clock.days_left if self.clock else (self.due - self.today).days

    @property
    def label(self) -> str:
        return self.clock.label if self.clock else "Batas waktu terdekat"

    def due_phrase(self) -> str:
        """'Batas waktu tindak lanjut laporan: 7 Oktober 2024, lewat 3 hari'."""
        unit = UNIT_LABELS_ID[self.clock.unit] if self.clock else "hari"
        if self.days_left < 0:
            left = f"lewat {-self.days_left} {unit}"
        elif self.days_left == 0:
            left = "jatuh tempo hari ini"
        else:
            left = f"sisa {self.days_left} {unit}"
        return f"{self.label}: {format_date_id(self.due)}, {left}"


def _deciding_clock(case: Case, today: dt.date) -> Clock | None:
    open_clocks = [clock for clock in services.clocks_of(case, today).clocks if clock.closed_on is None]
    return next((clock for clock in open_clocks if clock.due == case.next_due_on), None)


def cases_at_risk(today: dt.date, days: int, overdue_only: bool = False, cases=None) -> list[AtRisk]:
    """Open cases overdue or due within ``days`` of ``today``, most urgent first."""
    cases = (cases if cases is not None else Case.objects.all()).filter(
        status__in=OPEN_STATUSES, next_due_on__isnull=False)
    cases = cases.overdue(today) if overdue_only else cases.filter(next_due_on__lte=today + dt.timedelta(days=days))
    cases = cases.select_related("election", "region").order_by("next_due_on", "tracking_code")
    return [AtRisk(case, _deciding_clock(case, today), today) for case in cases]


# --- recipients -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Handlers:
    national: frozenset[int]
    by_region: dict[str, frozenset[int]]

    def of(self, case: Case) -> set[int]:
        parts = case.region_id.split(".")
        found = set(self.national)
        for depth in range(1, len(parts) + 1):
            found |= self.by_region.get(".".join(parts[:depth]), frozenset())
        return found


def handlers() -> Handlers:
    """Active users with an e-mail address and a handling role, indexed by the region they cover."""
    memberships = (Membership.objects.filter(role__code__in=HANDLER_ROLES, user__is_active=True)
                   .exclude(user__email="").values_list("user_id", "role__scope_kind", "region_id"))
    national, by_region = set(), defaultdict(set)
    for user_id, kind, region_id in memberships:
        if kind == ScopeKind.NATIONAL:
            national.add(user_id)
        elif region_id:
            by_region[region_id].add(user_id)
    return Handlers(frozenset(national), {code: frozenset(ids) for code, ids in by_region.items()})


def digests(at_risk: Iterable[AtRisk], handlers: Handlers) -> dict[int, list[AtRisk]]:
    per_user: dict[int, list[AtRisk]] = defaultdict(list)
    for item in at_risk:
        for user_id in handlers.of(item.case):
            per_user[user_id].append(item)
    return per_user


# --- the e-mail -----------------------------------------------------------------------------------

def case_url(case: Case) -> str:
    return f"{settings.SITE_URL.rstrip('/')}/kasus/{case.tracking_code}/"


def _region_names(items: list[AtRisk]) -> dict[str, str]:
    codes = {item.case.region_id for item in items}
    return {region.code: region.display_name for region in Region.objects.filter(code__in=codes)}


def digest_message(user, items: list[AtRisk], today: dt.date) -> tuple[str, str]:
    """Subject and plain-text body of one user's digest."""
    listed, rest = items[:DIGEST_MAX_CASES], items[DIGEST_MAX_CASES:]
    overdue = sum(1 for item in items if item.overdue)
    subject = (f"[Netra] {len(items)} kasus mendekati atau melewati batas waktu "
               f"({overdue} terlambat) – {format_date_id(today)}")
    names = _region_names(listed)
    lines = [
        f"Yth. {user.get_full_name() or user.get_username()},", "",
        f"Per {format_date_id(today)}, kasus berikut dalam cakupan Anda sudah melewati atau mendekati "
        "batas waktu penanganannya:",
    ]
    for heading, group in (("TERLAMBAT", [i for i in listed if i.overdue]),
                           ("SEGERA JATUH TEMPO", [i for i in listed if not i.overdue])):
        if group:
            lines += ["", heading]
        for item in group:
            lines += [
                f"- {item.case.tracking_code} – {item.case.summary} ({names.get(item.case.region_id, '')})",
                f"  {item.due_phrase()}",
                f"  {item.clock.legal_basis}" if item.clock else None,
                f"  {case_url(item.case)}",
            ]
    if rest:
        lines += ["", f"Dan {len(rest)} kasus lain; daftar lengkap: {settings.SITE_URL.rstrip('/')}/kasus/"]
    lines += ["", "Pesan ini dikirim otomatis oleh Netra, paling banyak sekali sehari untuk setiap kasus."]
    return subject, "\n".join(line for line in lines if line is not None)


# --- sending --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SweepReport:
    cases: int
    emails: int
    notices: int
    failed: int = 0

    def as_dict(self) -> dict:
        return {"cases": self.cases, "emails": self.emails, "notices": self.notices, "failed": self.failed}


def send_deadline_notices(today: dt.date | None = None, days: int | None = None,
                          overdue_only: bool = False) -> SweepReport:
    """E-mail every handler the at-risk cases they have not been told about today."""
    today = today or services.today()
    days = settings.DEADLINE_NOTICE_DAYS if days is None else days
    at_risk = cases_at_risk(today, days, overdue_only)
    per_user = digests(at_risk, handlers())
    told = set(DeadlineNotice.objects.filter(sent_on=today).values_list("case_id", "user_id", "due_on"))
    users = get_user_model().objects.in_bulk(list(per_user))
    emails = notices = failed = 0
    with get_connection() as connection:
        for user_id, items in sorted(per_user.items()):
            fresh = [item for item in items if (item.case.pk, user_id, item.due) not in told]
            if not fresh:
                continue
            try:
                _send_digest(users[user_id], fresh, today, connection)
            except Exception:  # one bad address or a mail server hiccup must not stop the others
                logger.exception("Deadline digest to user %s failed; it will be retried next sweep", user_id)
                failed += 1
                continue
            emails, notices = emails + 1, notices + len(fresh)
    return SweepReport(len(at_risk), emails, notices, failed)


def _send_digest(user, items: list[AtRisk], today: dt.date, connection) -> None:
    """Record the notices and send the mail together: a failed send records nothing."""
    subject, body = digest_message(user, items, today)
    with transaction.atomic():
        DeadlineNotice.objects.bulk_create(
            [DeadlineNotice(case=item.case, user=user, due_on=item.due, sent_on=today) for item in items])
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], connection=connection).send()
