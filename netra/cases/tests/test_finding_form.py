"""/kasus/temuan/baru/: recording a finding (temuan) through the form."""

import datetime as dt

import pytest

from netra.cases.choices import EventKind, Origin
from netra.cases.models import Case, CaseEvent, ReportedPerson, Witness
from netra.cases.services import today, witness_identity

pytestmark = pytest.mark.django_db

URL = "/kasus/temuan/baru/"


def form_data(**overrides):
    day = today()
    data = {
        "election": "pilkada-2024", "region": "61.03",
        "summary": "Camat mengarahkan kepala desa mendukung pasangan calon",
        "what_happened": "Dalam rapat koordinasi, camat meminta kepala desa memenangkan pasangan calon nomor 1.",
        "place": "Aula Kantor Camat Kapuas", "occurred_on": str(day - dt.timedelta(days=3)),
        "known_on": str(day - dt.timedelta(days=1)), "violation_codes": ["DIS-12", "DIS-8"],
        "terlapor-TOTAL_FORMS": "3", "terlapor-INITIAL_FORMS": "0", "terlapor-MIN_NUM_FORMS": "1",
        "terlapor-MAX_NUM_FORMS": "5",
        "terlapor-0-name": "Yohanes Budi", "terlapor-0-position": "Camat Kapuas", "terlapor-0-agency_name":
            "Pemkab Sanggau", "terlapor-0-subject_type": "pns", "terlapor-0-nip": "198001012005011001",
        "terlapor-1-subject_type": "pns", "terlapor-2-subject_type": "pns",
        "saksi-TOTAL_FORMS": "2", "saksi-INITIAL_FORMS": "0", "saksi-MIN_NUM_FORMS": "0", "saksi-MAX_NUM_FORMS": "5",
        "saksi-0-name": "Agustinus", "saksi-0-phone": "0812000111",
    }
    data.update(overrides)
    return data


def test_it_sends_anonymous_users_to_login(client):
    assert client.get(URL).status_code == 302
    assert client.post(URL, form_data()).status_code == 302
    assert not Case.objects.exists()


@pytest.mark.parametrize("role", [None, "media_analyst", "pemda_officer"])
def test_it_forbids_users_who_do_not_handle_cases(client, user_with_role, no_two_factor, role):
    user = user_with_role("bukan.pengawas", role, region="61" if role else None)
    client.force_login(user)
    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data()).status_code == 403
    assert not Case.objects.exists()


def test_it_shows_the_form_with_regions_in_scope(client, officer_kalbar):
    client.force_login(officer_kalbar)
    response = client.get(URL)
    assert response.status_code == 200
    choices = [code for code, _ in response.context["form"].fields["region"].choices if code]
    assert "61.03" in choices and "61.71" in choices
    assert all(code.startswith("61.") for code in choices)


def test_it_records_a_finding(client, officer_kalbar):
    client.force_login(officer_kalbar)
    response = client.post(URL, form_data())
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == f"/kasus/{case.tracking_code}/"
    assert case.origin == Origin.FINDING and case.region_id == "61.03" and case.created_by == officer_kalbar
    assert case.tracking_code.startswith("TM-")
    assert sorted(case.violation_codes.values_list("code", flat=True)) == ["DIS-12", "DIS-8"]
    person = ReportedPerson.objects.get(case=case)
    assert (person.name, person.position, person.nip) == ("Yohanes Budi", "Camat Kapuas", "198001012005011001")
    assert [witness_identity(w)["name"] for w in Witness.objects.filter(case=case)] == ["Agustinus"]
    assert CaseEvent.objects.filter(case=case, kind=EventKind.CREATED, actor=officer_kalbar).exists()


def test_it_records_several_reported_persons(client, officer_kalbar):
    client.force_login(officer_kalbar)
    client.post(URL, form_data(**{"terlapor-1-name": "Maria Ulina", "terlapor-1-subject_type": "kepala_desa"}))
    assert sorted(ReportedPerson.objects.values_list("name", "subject_type")) == [
        ("Maria Ulina", "kepala_desa"), ("Yohanes Budi", "pns")]


@pytest.mark.parametrize("overrides, field, message", [
    ({"occurred_on": str(today() + dt.timedelta(days=2)), "known_on": str(today() + dt.timedelta(days=3))},
     "occurred_on", "Tanggal kejadian tidak boleh di masa depan."),
    ({"known_on": str(today() - dt.timedelta(days=10))}, "known_on",
     "Tanggal diketahui tidak boleh sebelum tanggal kejadian."),
    ({"region": "62.01"}, "region", "Wilayah tidak dikenal atau di luar cakupan Anda."),
    ({"summary": ""}, "summary", None),
    ({"terlapor-0-nip": "12345"}, None, "NIP terdiri atas 18 angka."),
])
def test_it_keeps_the_input_when_something_is_wrong(client, officer_kalbar, overrides, field, message):
    client.force_login(officer_kalbar)
    response = client.post(URL, form_data(**overrides))
    body = response.content.decode()
    assert response.status_code == 400
    if field:
        assert response.context["form"].errors[field]
    if message:
        assert message in body
    assert "Aula Kantor Camat Kapuas" in body and "Yohanes Budi" in body  # input kept
    assert not Case.objects.exists() and not CaseEvent.objects.exists()


def test_it_needs_at_least_one_reported_person(client, officer_kalbar):
    client.force_login(officer_kalbar)
    response = client.post(URL, form_data(**{"terlapor-0-name": "", "terlapor-0-position": "",
                                             "terlapor-0-agency_name": "", "terlapor-0-nip": ""}))
    assert response.status_code == 400 and not Case.objects.exists()


def test_it_accepts_no_more_than_five_reported_persons(client, officer_kalbar):
    extra = {"terlapor-TOTAL_FORMS": "6"}
    for n in range(6):
        extra.update({f"terlapor-{n}-name": f"Terlapor {n}", f"terlapor-{n}-subject_type": "pns"})
    client.force_login(officer_kalbar)
    assert client.post(URL, form_data(**extra)).status_code == 400
    assert not Case.objects.exists()


def test_a_national_officer_may_record_anywhere(client, admin_user):
    client.force_login(admin_user)
    assert client.post(URL, form_data(region="62.01")).status_code == 302
    assert Case.objects.get().region_id == "62.01"


def test_it_attaches_evidence_files_and_links(client, officer_kalbar):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from netra.cases.models import Evidence, EvidenceAccess

    pdf = SimpleUploadedFile("notulen.pdf", b"%PDF-1.4\n% notulen rapat\n%%EOF\n", content_type="application/pdf")
    client.force_login(officer_kalbar)
    response = client.post(URL, {**form_data(evidence_urls="https://berita.example.id/rapat\n\n"), "evidence": [pdf]})
    assert response.status_code == 302
    case = Case.objects.get()
    assert sorted((e.original_name, e.url) for e in Evidence.objects.filter(case=case)) == [
        ("", "https://berita.example.id/rapat"), ("notulen.pdf", "")]
    assert EvidenceAccess.objects.filter(action="uploaded", user=officer_kalbar).count() == 1


def test_it_saves_nothing_when_the_evidence_is_refused(client, officer_kalbar):
    from django.core.files.uploadedfile import SimpleUploadedFile

    script = SimpleUploadedFile("foto.jpg", b"#!/bin/sh\necho bukan foto\n", content_type="image/jpeg")
    client.force_login(officer_kalbar)
    response = client.post(URL, {**form_data(), "evidence": [script]})
    assert response.status_code == 400
    assert "bukan jenis yang diterima" in response.content.decode()
    assert not Case.objects.exists() and not CaseEvent.objects.exists()
