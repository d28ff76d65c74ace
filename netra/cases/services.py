"""The rules of case handling: intake, transitions, clocks, who may act, identity.

Views and the API call these functions and nothing below them. Every function
that changes a case runs in one transaction and appends to the event chain, so
a failure half-way leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from netra.accounts.scoping import role_grants, scope_for
from netra.cases import audit
from netra.cases.choices import EventKind, IdentityMode, Origin, Status
from netra.cases.models import Case, Election, ReportedPerson, Reporter, ViolationCode, Witness
from netra.cases.rules import deadlines
from netra.cases.transitions import TRANSITIONS, Transition
from netra.lib.crypto import Vault, keys_from
from netra.lib.workdays import CalendarNotCovered

TRACKING_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud over the phone
TRACKING_PREFIX = {Origin.REPORT: "LP", Origin.FINDING: "TM"}
JAKARTA = dt.timezone(dt.timedelta(hours=7))


class TransitionError(ValidationError):
    """A transition that may not happen now; the message is for the user."""


# --- identity (encrypted at rest) -------------------------------------------------------------------

@lru_cache(maxsize=1)
def _vault_for(keys: tuple[str, ...]) -> Vault:
    return Vault(list(keys))


def vault() -> Vault:
    return _vault_for(tuple(keys_from(settings.ENCRYPTION_KEYS, settings.ENCRYPTION_KEY_FILE)))


def reporter_identity(reporter: Reporter) -> dict:
    """The reporter's identity in clear. Call only for users allowed to see it."""
    return vault().decrypt_json(reporter.identity_ciphertext)


def witness_identity(witness: Witness) -> dict:
    return vault().decrypt_json(witness.identity_ciphertext)


def may_see_reporter(user, case: Case) -> bool:
    """Handlers of the case see the reporter; an anonymous report has nobody to see."""
    return can_handle(user, case)


# --- who may act ------------------------------------------------------------------------------------

def can_handle(user, case: Case, roles: Iterable[str] | None = None) -> bool:
    """The user holds a handling role whose scope covers the case's region."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    wanted = set(roles or TRANSITIONS["check"].roles)
    return any(grant.role_code in wanted and grant.covers_region(case.region_id) for grant in role_grants(user))


def may_record_findings(user) -> bool:
    if user.is_superuser:
        return True
    wanted = set(TRANSITIONS["check"].roles)
    return user.is_authenticated and any(grant.role_code in wanted for grant in role_grants(user))


# --- dates and clocks -------------------------------------------------------------------------------

def today() -> dt.date:
    return timezone.localdate()


def date_problems(occurred_on: dt.date | None, known_on: dt.date | None, on: dt.date) -> dict[str, str]:
    """Messages keyed by field for impossible dates; empty when the dates make sense."""
    problems = {}
    if occurred_on and occurred_on > on:
        problems["occurred_on"] = "Tanggal kejadian tidak boleh di masa depan."
    if known_on and known_on > on:
        problems["known_on"] = "Tanggal diketahui tidak boleh di masa depan."
    if occurred_on and known_on and known_on < occurred_on:
        problems["known_on"] = "Tanggal diketahui tidak boleh sebelum tanggal kejadian."
    return problems


@dataclass(frozen=True)
class Clocks:
    clocks: list[deadlines.Clock]
    problem: str = ""

    @property
    def next_due(self) -> dt.date | None:
        open_dues = [clock.due for clock in self.clocks if clock.closed_on is None]
        return min(open_dues) if open_dues else None


def clocks_of(case: Case, on: dt.date | None = None) -> Clocks:
    try:
        return Clocks(deadlines.clocks_for(case.election.kind, case.clock_events(), on or today()))
    except CalendarNotCovered as error:
        return Clocks([], error.message_id)


def _refresh_next_due(case: Case) -> None:
    if case.status in (Status.RECEIVED, Status.CHECKED, Status.REGISTERED, Status.CLARIFICATION):
        case.next_due_on = clocks_of(case).next_due
    else:
        case.next_due_on = None


# --- intake -----------------------------------------------------------------------------------------

@dataclass
class PersonInput:
    name: str
    subject_type: str
    position: str = ""
    agency_name: str = ""
    region_code: str | None = None
    nip: str = ""
    address: str = ""


@dataclass
class CaseInput:
    election: Election
    region_code: str
    summary: str
    what_happened: str
    place: str
    occurred_on: dt.date
    known_on: dt.date
    reported_persons: list[PersonInput] = field(default_factory=list)
    witnesses: list[dict] = field(default_factory=list)
    violation_codes: list[str] = field(default_factory=list)


def new_tracking_code(origin: str) -> str:
    while True:
        body = "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(8))
        code = f"{TRACKING_PREFIX[origin]}-{body[:4]}-{body[4:]}"
        if not Case.objects.filter(tracking_code=code).exists():
            return code


def _validate_case_input(data: CaseInput, on: dt.date) -> None:
    problems = date_problems(data.occurred_on, data.known_on, on)
    if not data.reported_persons:
        problems["reported_persons"] = "Sebutkan paling sedikit satu terlapor."
    unknown = set(data.violation_codes) - set(ViolationCode.objects.values_list("code", flat=True))
    if unknown:
        problems["violation_codes"] = f"Kode pelanggaran tidak dikenal: {', '.join(sorted(unknown))}."
    if problems:
        raise ValidationError(problems)


def _create_case(data: CaseInput, origin: str, received_at: dt.datetime, user) -> Case:
    case = Case(
        tracking_code=new_tracking_code(origin), origin=origin, election=data.election,
        region_id=data.region_code, summary=data.summary.strip(), what_happened=data.what_happened.strip(),
        place=data.place.strip(), occurred_on=data.occurred_on, known_on=data.known_on,
        received_at=received_at, created_by=user if user and user.is_authenticated else None,
    )
    if case.is_report:
        _flag_late_report(case)
    _refresh_next_due(case)
    case.save()
    case.violation_codes.set(data.violation_codes)
    ReportedPerson.objects.bulk_create([
        ReportedPerson(case=case, name=p.name.strip(), subject_type=p.subject_type, position=p.position,
                       agency_name=p.agency_name, region_id=p.region_code, nip=p.nip, address=p.address)
        for p in data.reported_persons
    ])
    Witness.objects.bulk_create([
        Witness(case=case, identity_ciphertext=vault().encrypt_json(witness)) for witness in data.witnesses
    ])
    return case


def _flag_late_report(case: Case) -> None:
    try:
        late = deadlines.late_filing(case.election.kind, case.known_on, case.received_at.astimezone(JAKARTA).date())
    except CalendarNotCovered as error:
        raise ValidationError({"known_on": error.message_id}) from None
    if late:
        case.late_filing = True
        case.late_filing_note = late.message_id


@transaction.atomic
def file_report(data: CaseInput, identity: Mapping[str, Any], identity_mode: str,
                received_at: dt.datetime | None = None) -> Case:
    """A public report (laporan). Late reports are recorded and flagged, not refused."""
    received_at = received_at or timezone.now()
    _validate_case_input(data, received_at.astimezone(JAKARTA).date())
    if identity_mode not in IdentityMode.values:
        raise ValidationError({"identity_mode": "Pilih cara identitas pelapor ditampilkan."})
    case = _create_case(data, Origin.REPORT, received_at, None)
    stored_identity = {} if identity_mode == IdentityMode.ANONYMOUS else dict(identity)
    Reporter.objects.create(case=case, identity_mode=identity_mode,
                            identity_ciphertext=vault().encrypt_json(stored_identity))
    _after_intake(case, None, {"identity_mode": identity_mode})
    return case


@transaction.atomic
def record_finding(data: CaseInput, user, received_at: dt.datetime | None = None) -> Case:
    """A supervisors' finding (temuan), recorded by a handler whose scope covers the region."""
    received_at = received_at or timezone.now()
    _validate_case_input(data, received_at.astimezone(JAKARTA).date())
    case = _create_case(data, Origin.FINDING, received_at, user)
    if not can_handle(user, case):
        raise PermissionDenied("Anda tidak berwenang mencatat temuan di wilayah ini.")
    _after_intake(case, user, {})
    return case


def _after_intake(case: Case, user, payload: dict) -> None:
    payload = {**payload, "origin": case.origin, "late_filing": case.late_filing}
    audit.append_event(case, EventKind.CREATED, actor=user, to_status=case.status, payload=payload,
                       at=case.received_at)


# --- transitions ------------------------------------------------------------------------------------

def _check_inputs(transition: Transition, inputs: Mapping[str, Any]) -> None:
    missing = [name for name in transition.needs if inputs.get(name) in (None, "")]
    if missing:
        labels = {"reason": "alasan", "register_number": "nomor register", "decision": "jenis putusan",
                  "target": "kasus tujuan", "formal_requirements_met": "hasil syarat formal",
                  "material_requirements_met": "hasil syarat materiel"}
        raise TransitionError("Lengkapi: " + ", ".join(labels.get(name, name) for name in missing) + ".")


def _event_payload(inputs: Mapping[str, Any]) -> dict:
    return {key: (value.tracking_code if isinstance(value, Case) else value) for key, value in inputs.items()}


def transition(case: Case, user, name: str, **inputs) -> Case:
    """Apply transition ``name`` to ``case`` for ``user``; one event is appended.

    The caller has already loaded ``case`` through ``visible_to(user)`` (404 outside
    scope); here a role that may not act raises PermissionDenied, and a transition
    that may not happen now raises TransitionError with the reason.
    """
    spec = TRANSITIONS.get(name)
    if spec is None:
        raise TransitionError(f"Aksi {name!r} tidak dikenal.")
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("election").get(pk=case.pk)
        inputs.setdefault("on", today())
        _ensure_may_apply(spec, locked, user, inputs)
        before = locked.status
        if spec.effect:
            spec.effect(locked, inputs)
        if spec.target:
            locked.status = spec.target
        _refresh_next_due(locked)
        locked.save()
        kind = EventKind.TRANSITION if spec.target else EventKind.INFO_REQUESTED
        audit.append_event(locked, kind, actor=user, from_status=before, to_status=locked.status,
                           payload={"transition": name, **_event_payload(inputs)})
    return locked


def _ensure_may_apply(spec: Transition, case: Case, user, inputs: Mapping[str, Any]) -> None:
    """Who may act, from which status, with which input, and the transition's own guards."""
    if not can_handle(user, case, spec.roles):
        raise PermissionDenied("Peran Anda tidak berwenang melakukan aksi ini pada kasus ini.")
    if not spec.starts_from(case.status):
        raise TransitionError(
            f"Aksi \u201c{spec.label}\u201d tidak dapat dilakukan pada kasus berstatus "
            f"\u201c{case.get_status_display()}\u201d."
        )
    _check_inputs(spec, inputs)
    for guard in spec.guards:
        message = guard(case, inputs)
        if message:
            raise TransitionError(message)


def add_note(case: Case, user, text: str) -> None:
    if not can_handle(user, case):
        raise PermissionDenied("Peran Anda tidak berwenang menambah catatan pada kasus ini.")
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Catatan tidak boleh kosong."})
    with transaction.atomic():
        audit.append_event(case, EventKind.NOTE, actor=user, payload={"text": text})


# --- reference data ---------------------------------------------------------------------------------

def sync_violation_codes() -> int:
    """Copy the catalogue (rules/data/catalogue.toml) into the ViolationCode table."""
    from netra.cases.rules.catalogue import catalogue, default_sanctions

    sanctions = default_sanctions()
    for entry in catalogue():
        level = sanctions.level(entry.sanction.level).label
        ViolationCode.objects.update_or_create(code=entry.code, defaults={
            "track": entry.track, "title": entry.title, "legal_basis": entry.legal_basis,
            "default_sanction": level[:200],
        })
    return len(catalogue())


def visible_cases(user):
    """Every case the user may see; the start of every case view and API endpoint."""
    if scope_for(user).is_empty:
        return Case.objects.none()
    return Case.objects.visible_to(user)
