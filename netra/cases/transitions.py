"""The case state machine: one table of transitions.

Each :class:`Transition` says from which statuses it starts, where it goes,
which roles may make it, what input it needs, what must be true before it
(guards) and what it changes (effect). ``services.transition`` is the only code
that applies them, and every application appends one event to the history.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from netra.cases.choices import VILLAGE_SUBJECTS, Decision, Forwarding, Status
from netra.cases.models import Case

HANDLER_ROLES = frozenset({"bawaslu_ri", "bawaslu_provinsi", "bawaslu_kabkota", "admin"})
OPEN_STATUSES = frozenset({Status.RECEIVED, Status.CHECKED, Status.REGISTERED, Status.CLARIFICATION})

Inputs = Mapping[str, Any]
Guard = Callable[[Case, Inputs], str | None]
Effect = Callable[[Case, Inputs], None]

RECIPIENTS_FILE = Path(__file__).resolve().parent / "data" / "recipients.toml"

# Where a decision sends the case unless the handler says otherwise ("other laws" depends on who
# the reported persons are and on the date: see default_forwarding).
DEFAULT_FORWARDING = {
    Decision.CRIMINAL: Forwarding.GAKKUMDU,
    Decision.ADMINISTRATIVE: Forwarding.KPU,
    Decision.NOT_VIOLATION: Forwarding.NONE,
}


@lru_cache(maxsize=1)
def _asn_recipients() -> tuple[tuple[str, dt.date, dt.date | None], ...]:
    with RECIPIENTS_FILE.open("rb") as handle:
        rows = tomllib.load(handle)["asn_recipient"]
    return tuple((row["forwarding"], row["starts_on"], row.get("ends_on")) for row in rows)


def asn_recipient_on(day: dt.date) -> str:
    """The body that received ASN neutrality cases on ``day`` (KASN until 23 August 2024, then BKN)."""
    for forwarding, starts_on, ends_on in _asn_recipients():
        if starts_on <= day and (ends_on is None or day <= ends_on):
            return forwarding
    raise LookupError(f"no ASN recipient configured for {day}")


def default_forwarding(case: Case, decision: str, on: dt.date) -> str:
    if decision != Decision.OTHER_LAWS:
        return DEFAULT_FORWARDING[decision]
    subjects = set(case.reported_persons.values_list("subject_type", flat=True))
    if subjects and subjects <= VILLAGE_SUBJECTS:
        return Forwarding.REGENT  # village officials: the regent or mayor (UU 6/2014)
    return asn_recipient_on(on)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[str]
    target: str | None  # None: the status stays (an action such as asking for more information)
    needs: tuple[str, ...] = ()
    guards: tuple[Guard, ...] = ()
    effect: Effect | None = None
    roles: frozenset[str] = field(default=HANDLER_ROLES)

    def starts_from(self, status: str) -> bool:
        return status in self.sources


# --- guards: return a message in Bahasa Indonesia when the transition may not happen ---------------

def requirements_met(case: Case, inputs: Inputs) -> str | None:
    if not (case.formal_requirements_met and case.material_requirements_met):
        return "Kasus hanya dapat diregister bila syarat formal dan materiel terpenuhi."
    return None


def info_not_requested_yet(case: Case, inputs: Inputs) -> str | None:
    if case.info_requested_on:
        return "Keterangan tambahan sudah pernah diminta untuk kasus ini."
    return None


def decision_is_known(case: Case, inputs: Inputs) -> str | None:
    if inputs.get("decision") not in Decision.values:
        return "Pilih salah satu jenis putusan."
    forwarding = inputs.get("forwarded_to")
    if forwarding and forwarding not in Forwarding.values:
        return "Tujuan penerusan tidak dikenal."
    return None


def merge_target_is_valid(case: Case, inputs: Inputs) -> str | None:
    target = inputs.get("target")
    if not isinstance(target, Case):
        return "Pilih kasus tujuan penggabungan."
    if target.pk == case.pk:
        return "Kasus tidak dapat digabungkan ke dirinya sendiri."
    if target.status == Status.MERGED:
        return "Kasus tujuan sudah digabungkan ke kasus lain; gabungkan ke kasus induknya."
    if target.election_id != case.election_id:
        return "Kasus hanya dapat digabungkan dengan kasus pada pemilihan yang sama."
    return None


# --- effects --------------------------------------------------------------------------------------

def record_checks(case: Case, inputs: Inputs) -> None:
    case.formal_requirements_met = bool(inputs["formal_requirements_met"])
    case.material_requirements_met = bool(inputs["material_requirements_met"])
    case.status_reason = inputs.get("reason", "")


def register(case: Case, inputs: Inputs) -> None:
    case.register_number = inputs["register_number"]
    case.registered_on = inputs["on"]


def record_reason(case: Case, inputs: Inputs) -> None:
    case.status_reason = inputs["reason"]


def request_info(case: Case, inputs: Inputs) -> None:
    case.info_requested_on = inputs["on"]


def decide(case: Case, inputs: Inputs) -> None:
    case.decision = inputs["decision"]
    case.forwarded_to = inputs.get("forwarded_to") or default_forwarding(case, case.decision, inputs["on"])
    case.status_reason = inputs["reason"]
    case.decided_on = inputs["on"]


def merge(case: Case, inputs: Inputs) -> None:
    case.merged_into = inputs["target"]
    case.status_reason = inputs.get("reason", "")


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition("check", "Simpan kajian awal", frozenset({Status.RECEIVED}), Status.CHECKED,
                   needs=("formal_requirements_met", "material_requirements_met"), effect=record_checks),
        Transition("register", "Register", frozenset({Status.CHECKED}), Status.REGISTERED,
                   needs=("register_number",), guards=(requirements_met,), effect=register),
        Transition("not_register", "Tidak diregister", frozenset({Status.CHECKED}), Status.NOT_REGISTERED,
                   needs=("reason",), effect=record_reason),
        Transition("clarify", "Mulai klarifikasi", frozenset({Status.REGISTERED}), Status.CLARIFICATION),
        Transition("request_info", "Minta keterangan tambahan",
                   frozenset({Status.REGISTERED, Status.CLARIFICATION}), None,
                   guards=(info_not_requested_yet,), effect=request_info),
        Transition("decide", "Putuskan", frozenset({Status.REGISTERED, Status.CLARIFICATION}), Status.DECIDED,
                   needs=("decision", "reason"), guards=(decision_is_known,), effect=decide),
        Transition("stop", "Hentikan penanganan", OPEN_STATUSES, Status.STOPPED,
                   needs=("reason",), effect=record_reason),
        Transition("merge", "Gabungkan sebagai duplikat", OPEN_STATUSES, Status.MERGED,
                   needs=("target",), guards=(merge_target_is_valid,), effect=merge),
    ]
}


def available_from(status: str) -> list[Transition]:
    """The transitions a case in ``status`` offers, in table order."""
    return [t for t in TRANSITIONS.values() if t.starts_from(status)]
