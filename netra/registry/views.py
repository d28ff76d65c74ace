import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render

from netra.accounts.scoping import get_visible_or_404, scope_for
from netra.registry.forms import ImportForm, PersonSearchForm
from netra.registry.imports import AGENCIES, EXAMPLES, import_file
from netra.registry.models import Person
from netra.registry.services import can_browse_registry, can_import_registry
from netra.registry.tables import MAX_FILE_BYTES

PAGE_SIZE = 50


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@login_required
def import_registry(request):
    _require(can_import_registry(request.user))
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = import_file(
            form.cleaned_data["kind"], upload.name, upload.read(MAX_FILE_BYTES + 1),
            scope=scope_for(request.user), dry_run=form.cleaned_data["dry_run"],
        )
    return render(request, "registry/import.html", {"form": form, "report": report})


@login_required
def example_file(request, kind):
    _require(can_import_registry(request.user))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(EXAMPLES[kind])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    name = "contoh-instansi.csv" if kind == AGENCIES else "contoh-pegawai.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def person_list(request):
    _require(can_browse_registry(request.user))
    form = PersonSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    persons = Person.objects.visible_to(request.user).select_related("agency", "region")
    if query:
        persons = persons.filter(Q(name__icontains=query) | Q(nip__startswith="".join(query.split())))
    page = Paginator(persons.order_by("name", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "registry/person_list.html", {"form": form, "query": query, "page": page})


@login_required
def person_detail(request, person_id):
    person = get_visible_or_404(Person.objects.select_related("agency", "region"), request.user, pk=person_id)
    return render(request, "registry/person_detail.html", {"person": person})
