"""The append-only, hash-chained case history.

Every event gets the next gapless ``seq`` and the hash of the event before it,
under a lock on the single ``ChainHead`` row. ``verify_chain`` recomputes every
hash and names each event that was edited, deleted or moved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from netra.cases.models import Case, CaseEvent, ChainHead

GENESIS_HASH = "0" * 64
VERIFY_CHUNK = 5000


def _canonical_time(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def event_hash(seq: int, case_id: int, kind: str, from_status: str, to_status: str,
               actor_id: int | None, at: dt.datetime, payload: dict, prev_hash: str) -> str:
    body = {
        "seq": seq, "case": case_id, "kind": kind, "from": from_status, "to": to_status,
        "actor": actor_id, "at": _canonical_time(at), "payload": payload, "prev": prev_hash,
    }
    encoded = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


def _hash_of(event: CaseEvent) -> str:
    return event_hash(event.seq, event.case_id, event.kind, event.from_status, event.to_status,
                      event.actor_id, event.at, event.payload, event.prev_hash)


def _locked_head() -> ChainHead:
    head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1)
    return head


def append_event(case: Case, kind: str, *, actor=None, from_status: str = "", to_status: str = "",
                 payload: dict | None = None, at: dt.datetime | None = None) -> CaseEvent:
    """Add one event to the chain. Call inside the transaction that changes the case."""
    payload = json.loads(json.dumps(payload or {}, default=str))  # what the JSON column will give back
    with transaction.atomic():
        head = _locked_head()
        event = CaseEvent(
            seq=head.seq + 1, case=case, kind=kind, from_status=from_status, to_status=to_status,
            actor=actor, at=at or timezone.now(), payload=payload, prev_hash=head.hash,
        )
        event.hash = _hash_of(event)
        event.save()
        head.seq, head.hash = event.seq, event.hash
        head.save(update_fields=["seq", "hash"])
    return event


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    case_id: int | None
    message: str

    def __str__(self) -> str:
        where = f"peristiwa #{self.seq}" + (f" (kasus {self.case_id})" if self.case_id else "")
        return f"{where}: {self.message}"


def _events() -> Iterator[CaseEvent]:
    last = 0
    while True:
        chunk = list(CaseEvent.objects.filter(seq__gt=last).order_by("seq")[:VERIFY_CHUNK])
        if not chunk:
            return
        yield from chunk
        last = chunk[-1].seq


def verify_chain() -> list[ChainProblem]:
    """Every problem in the chain, in order; an empty list means the history is intact."""
    problems: list[ChainProblem] = []
    expected_seq, previous_hash = 1, GENESIS_HASH
    for event in _events():
        gap = event.seq != expected_seq
        if gap:
            problems.append(ChainProblem(
                expected_seq, None, f"hilang: {event.seq - expected_seq} peristiwa sebelum #{event.seq} dihapus"))
        elif event.prev_hash != previous_hash:
            problems.append(ChainProblem(
                event.seq, event.case_id, "urutan berubah: hash peristiwa sebelumnya tidak cocok"))
        if _hash_of(event) != event.hash:
            problems.append(ChainProblem(event.seq, event.case_id, "isi peristiwa diubah setelah dicatat"))
        expected_seq, previous_hash = event.seq + 1, event.hash
    head = ChainHead.objects.filter(pk=1).first()
    if head and (head.seq != expected_seq - 1 or head.hash != previous_hash):
        problems.append(ChainProblem(
            head.seq, None, f"peristiwa terakhir hilang: rantai berakhir di #{expected_seq - 1}, "
                            f"seharusnya di #{head.seq}"))
    return problems
