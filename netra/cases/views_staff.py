"""Staff screens under /kasus/: the inbox, the case page and its actions, findings, import and exports.

Every case is loaded through ``services.visible_cases`` (404 outside scope); every change goes through
``services``. Queries live in ``inbox.py``, CSV import in ``importing.py``, exports in ``exports.py``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_POST

from netra.accounts.scoping import scope_for
from netra.cases import evidence, exports, importing, inbox, services
from netra.cases.forms_staff import (
    ACTION_FORMS,
    EvidenceForm,
    FindingForm,
    ImportForm,
    InboxFilterForm,
    NoteForm,
    PersonFormSet,
    WitnessFormSet,
)
from netra.cases.transitions import TRANSITIONS


def _case_or_404(user, tracking_code: str, queryset=None):
    cases = queryset if queryset is not None else services.visible_cases(user).select_related("election")
    return get_object_or_404(cases, tracking_code=tracking_code.strip().upper())


def _forbidden(request, message: str):
    return render(request, "cases/staff/forbidden.html", {"message": message}, status=403)


def _client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def _form_messages(form) -> str:
    """Every error of ``form`` in one line, each named by its field's label."""
    return " ".join(f"{form.fields[name].label}: {error}" if name in form.fields else str(error)
                    for name, errors in form.errors.items() for error in errors)


@require_GET
@login_required
def inbox_view(request):
    form = InboxFilterForm(request.GET, user=request.user)
    page = inbox.inbox_page(request.user, form.filters, request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "inbox": page, "query": query.urlencode(), "today": services.today(),
               "has_scope": not scope_for(request.user).is_empty,
               "may_record": services.may_record_findings(request.user)}
    partial = request.headers.get("HX-Request") and not request.headers.get("HX-Boosted")
    response = render(request, "cases/staff/_inbox_results.html" if partial else "cases/staff/inbox.html", context)
    patch_vary_headers(response, ["HX-Request"])  # the partial and the page share one URL
    return response


@require_GET
@login_required
def case_detail(request, tracking_code):
    case = _case_or_404(request.user, tracking_code, inbox.detail_queryset(request.user))
    actions = [(t, ACTION_FORMS[t.name](user=request.user, prefix=t.name))
               for t in inbox.actions_for(request.user, case)]
    context = {
        "case": case, "clocks": services.clocks_of(case), "identity": inbox.identity_view(request.user, case),
        "timeline": [inbox.describe_event(e) for e in case.events.all()], "actions": actions,
        "may_handle": services.can_handle(request.user, case), "note_form": NoteForm(), "today": services.today(),
        "evidence_form": EvidenceForm(),
    }
    return render(request, "cases/staff/detail.html", context)


@require_GET
@login_required
def download_evidence(request, tracking_code, evidence_id):
    case = _case_or_404(request.user, tracking_code)
    item = get_object_or_404(case.evidence.select_related("file"), pk=evidence_id, file__isnull=False)
    if not services.can_handle(request.user, case):
        return _forbidden(request, "Hanya penangan kasus yang dapat mengunduh berkas bukti.")
    try:
        handle = evidence.open_stored(item.file)
    except FileNotFoundError:
        raise Http404("Berkas bukti tidak ditemukan di penyimpanan.") from None
    evidence.record_access(item, "downloaded", request.user, _client_ip(request))
    response = FileResponse(handle, as_attachment=True, filename=item.original_name or item.file_id,
                            content_type=item.file.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@login_required
def case_action(request, tracking_code, name):
    case = _case_or_404(request.user, tracking_code)
    if name not in TRANSITIONS:
        raise Http404
    form = ACTION_FORMS[name](request.POST, user=request.user, prefix=name)
    if not form.is_valid():
        messages.error(request, f"{TRANSITIONS[name].label}: {_form_messages(form)}")
        return redirect("cases:detail", case.tracking_code)
    try:
        services.transition(case, request.user, name, **form.inputs())
    except services.TransitionError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        return _forbidden(request, str(error))
    else:
        messages.success(request, f"{TRANSITIONS[name].label}: berhasil disimpan.")
    return redirect("cases:detail", case.tracking_code)


@require_POST
@login_required
def case_evidence_add(request, tracking_code):
    case = _case_or_404(request.user, tracking_code)
    if not services.can_handle(request.user, case):
        return _forbidden(request, "Hanya penangan kasus yang dapat menambah bukti.")
    form = EvidenceForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError(_form_messages(form))
        items = evidence.attach_evidence(case, form.cleaned_data["evidence"], form.cleaned_data["evidence_urls"],
                                         request.user, _client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{len(items)} bukti ditambahkan.")
    return redirect("cases:detail", case.tracking_code)


@require_POST
@login_required
def case_note(request, tracking_code):
    case = _case_or_404(request.user, tracking_code)
    form = NoteForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_form_messages(form))
        services.add_note(case, request.user, form.cleaned_data["text"])
    except PermissionDenied as error:
        return _forbidden(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Catatan disimpan.")
    return redirect("cases:detail", case.tracking_code)


@login_required
def finding_new(request):
    if not services.may_record_findings(request.user):
        return _forbidden(request, "Peran Anda tidak berwenang mencatat temuan.")
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = FindingForm(data, files, user=request.user)
    persons, witnesses = PersonFormSet(data, prefix="terlapor"), WitnessFormSet(data, prefix="saksi")
    if data is not None and form.is_valid() and persons.is_valid() and witnesses.is_valid():
        case = _save_finding(request, form, persons, witnesses)
        if case is not None:
            messages.success(request, f"Temuan {case.tracking_code} dicatat.")
            return redirect("cases:detail", case.tracking_code)
    context = {"form": form, "persons": persons, "witnesses": witnesses}
    return render(request, "cases/staff/finding_form.html", context, status=200 if data is None else 400)


def _save_finding(request, form, persons, witnesses):
    """The finding and its evidence, both or neither; None with the problems added to ``form``."""
    try:
        with transaction.atomic():
            case = services.record_finding(form.case_input(persons, witnesses), request.user)
            evidence.attach_evidence(case, form.cleaned_data["evidence"], form.cleaned_data["evidence_urls"],
                                     request.user, _client_ip(request))
    except ValidationError as error:
        _add_rule_errors(form, error)
    except PermissionDenied as error:
        form.add_error("region", str(error))
    else:
        return case
    return None


def _add_rule_errors(form, error: ValidationError) -> None:
    problems = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, field_messages in problems.items():
        for message in field_messages:
            form.add_error(field if field in form.fields else None, message)


@login_required
def findings_import(request):
    if not services.may_record_findings(request.user):
        return _forbidden(request, "Peran Anda tidak berwenang mencatat temuan.")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = importing.import_upload(form.cleaned_data["file"], request.user)
        if result.ok:
            messages.success(request, f"{len(result.cases)} temuan diimpor.")
            return redirect(f"{reverse('cases:inbox')}?origin=temuan")
    context = {"form": form, "result": result, "columns": importing.COLUMNS,
               "max_rows": importing.MAX_ROWS, "max_mb": importing.MAX_BYTES // (1024 * 1024)}
    return render(request, "cases/staff/import.html", context, status=400 if result else 200)


@require_GET
@login_required
def import_example(request):
    response = HttpResponse(importing.example_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="contoh-impor-temuan.csv"'
    return response


@require_GET
@login_required
def export_csv(request):
    form = InboxFilterForm(request.GET, user=request.user)
    return exports.csv_response(inbox.inbox_cases(request.user, form.filters))


@require_GET
@login_required
def export_xlsx(request):
    form = InboxFilterForm(request.GET, user=request.user)
    return exports.xlsx_response(inbox.inbox_cases(request.user, form.filters))
