"""Public pages, without login: the report form, its receipt, and the status page.

Each view validates a form, calls one service, renders. The status page shows where a report
stands and when it moved, never who reported, who was reported, or what handlers wrote.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit

from netra.cases import evidence
from netra.cases.choices import EventKind, Origin, Status
from netra.cases.forms_public import (
    TrackForm,
    normalise_tracking_code,
    region_select,
    report_forms,
)
from netra.cases.models import Case
from netra.cases.rules import deadlines
from netra.core.views import public_limit

RECEIPT_SESSION_KEY = "netra_report_receipt"
PUBLIC_EVENT_KINDS = (EventKind.CREATED, EventKind.TRANSITION, EventKind.INFO_REQUESTED)


def report_rate(group, request) -> str:
    return settings.REPORT_RATE


# --- the report form -------------------------------------------------------------------------------

def _add_service_errors(form, error: ValidationError) -> None:
    problems = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, messages in problems.items():
        form.add_error(field if field in form.fields else None, messages)


def _file_report(request, form, persons, witnesses) -> Case | None:
    try:
        return evidence.file_report_with_evidence(
            form.case_input(persons, witnesses), form.identity(), form.cleaned_data["identity_mode"],
            form.cleaned_data["evidence"], form.cleaned_data["evidence_urls"], ip=request.META.get("REMOTE_ADDR"))
    except ValidationError as error:
        _add_service_errors(form, error)
        return None


@public_limit
@ratelimit(key="ip", rate=report_rate, method="POST", block=True)
@require_http_methods(["GET", "POST"])
def report(request):
    form, persons, witnesses = report_forms(request.POST or None, request.FILES or None)
    if request.method == "POST" and all([form.is_valid(), persons.is_valid(), witnesses.is_valid()]):
        case = _file_report(request, form, persons, witnesses)
        if case is not None:
            request.session[RECEIPT_SESSION_KEY] = case.tracking_code
            return redirect("cases:report_receipt")
    context = {"form": form, "persons": persons, "witnesses": witnesses,
               "files_dropped": request.method == "POST" and bool(request.FILES)}
    return render(request, "cases/public/report_form.html", context)


@public_limit
@require_GET
def report_regions(request):
    """The kab/kota options of one province, for the report form (htmx)."""
    province = request.GET.get("province", "")[:2]
    return HttpResponse(region_select(province if province.isdigit() else ""))


def handling_steps(election_kind: str) -> list[str]:
    """What happens after a report is filed, in plain words, from the deadline rules."""
    rules = {rule.applies_to: rule for rule in deadlines.rules_for(election_kind)}
    steps = ["Petugas Bawaslu melakukan kajian awal: memeriksa syarat formal (identitas pelapor, terlapor, "
             "dan waktu pelaporan) serta syarat materiel (waktu dan tempat kejadian, uraian, dan bukti)."]
    decision, extension = rules.get(deadlines.DECISION), rules.get(deadlines.EXTENSION)
    if decision:
        unit = deadlines.UNIT_LABELS_ID[decision.unit]
        steps.append(f"Bila syarat terpenuhi, laporan diregister. Sejak diregister, Bawaslu wajib menindaklanjutinya "
                     f"paling lama {decision.length} {unit} ({decision.legal_basis}).")
    if extension:
        unit = deadlines.UNIT_LABELS_ID[extension.unit]
        more = (f"bertambah {extension.length} {unit}" if extension.counted_from == deadlines.BASE_DUE
                else f"menjadi paling lama {extension.length} {unit} sejak diregister")
        steps.append(f"Bila petugas memerlukan keterangan tambahan dari Anda, batas waktu itu {more}.")
    steps.append("Bila syarat tidak terpenuhi, laporan tidak diregister. Perkembangan dan putusannya dapat Anda "
                 "lihat di halaman status dengan kode pelacakan.")
    return steps


@public_limit
@require_GET
def report_receipt(request):
    code = request.session.get(RECEIPT_SESSION_KEY)
    case = Case.objects.select_related("election").filter(tracking_code=code).first() if code else None
    if case is None:
        return redirect("cases:report")
    return render(request, "cases/public/receipt.html",
                  {"case": case, "steps": handling_steps(case.election.kind)})


# --- the status page -------------------------------------------------------------------------------

def public_timeline(case: Case) -> list[dict]:
    """Dates and status changes only: no payload, no actor, no reason is ever read."""
    events = case.events.filter(kind__in=PUBLIC_EVENT_KINDS).order_by("seq").values_list("kind", "to_status", "at")
    labels = {EventKind.CREATED: "Laporan diterima",
              EventKind.INFO_REQUESTED: "Keterangan tambahan diminta dari pelapor"}
    return [{"at": at, "label": labels.get(kind) or f"Status: {Status(to_status).label}"}
            for kind, to_status, at in events if kind in labels or to_status in Status.values]


@public_limit
@require_GET
def track(request):
    form = TrackForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("cases:track_detail", form.cleaned_data["code"])
    return render(request, "cases/public/track.html", {"form": form})


@public_limit
@require_GET
def track_detail(request, code):
    normal = normalise_tracking_code(code)
    case = (Case.objects.select_related("election", "region").filter(tracking_code=normal, origin=Origin.REPORT)
            .first() if normal else None)
    if case is None:
        return render(request, "cases/public/not_found.html", {"form": TrackForm(initial={"code": code[:30]})},
                      status=404)
    return render(request, "cases/public/status.html", {"case": case, "timeline": public_timeline(case)})
