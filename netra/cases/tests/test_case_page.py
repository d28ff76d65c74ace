"""/kasus/<code>/: the case page, its actions, notes and evidence downloads, four ways each."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from netra.cases import evidence
from netra.cases.choices import EventKind, IdentityMode, Status
from netra.cases.models import Case, CaseEvent, Evidence, EvidenceAccess, StoredFile
from netra.cases.services import transition
from netra.cases.tests.conftest import REPORTER

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(file_case):
    return file_case(region="61.03")


@pytest.fixture
def media_kalbar(user_with_role, no_two_factor):
    """Sees the cases of Kalimantan Barat (region scope) but does not handle them."""
    return user_with_role("media.kalbar", "media_analyst", region="61")


def page_url(case):
    return f"/kasus/{case.tracking_code}/"


def action_url(case, name):
    return f"/kasus/{case.tracking_code}/aksi/{name}/"


def events(case):
    return list(CaseEvent.objects.filter(case=case).order_by("seq").values_list("kind", "to_status"))


# --- who may open it -------------------------------------------------------------------------------

def test_it_sends_anonymous_users_to_login(client, case):
    response = client.get(page_url(case))
    assert response.status_code == 302 and "/akun/masuk/" in response.url


@pytest.mark.parametrize("persona", ["outsider", "officer_kalteng"])
def test_it_hides_the_case_outside_scope(client, request, case, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(page_url(case)).status_code == 404
    assert client.get("/kasus/LP-XXXX-XXXX/").status_code == 404


@pytest.mark.parametrize("persona", ["officer_kalbar", "admin_user"])
def test_it_shows_the_case_in_scope(client, request, case, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(page_url(case))
    body = response.content.decode()
    assert response.status_code == 200
    assert case.tracking_code in body and case.summary in body and "Pilkada Serentak 2024" in body
    assert "3 Oktober 2024" in body and "Kabupaten Sanggau" in body
    assert "Drs. Ahmad Fauzi" in body and "DIS-4" in body
    assert "Kasus dibuat" in body


def test_it_accepts_the_code_in_lower_case(client, officer_kalbar, case):
    client.force_login(officer_kalbar)
    assert client.get(f"/kasus/{case.tracking_code.lower()}/").status_code == 200


# --- clocks and flags ------------------------------------------------------------------------------

def test_it_shows_the_clocks_in_their_unit(client, officer_kalbar, case):
    transition(case, officer_kalbar, "check", formal_requirements_met=True, material_requirements_met=True)
    transition(case, officer_kalbar, "register", register_number="001/Reg/LP/PB/Kab/20.04/X/2024")
    client.force_login(officer_kalbar)
    response = client.get(page_url(case))
    body = response.content.decode()
    clocks = response.context["clocks"].clocks
    assert clocks and all(clock.label in body for clock in clocks)
    assert " hari lagi</td>" in body and "Berjalan" in body and "Terpenuhi" in body
    assert "selesai 6 hari sebelum batas" in body  # filed 3 October, due 9 October
    assert "001/Reg/LP/PB/Kab/20.04/X/2024" in body


def test_it_says_when_the_holiday_calendar_does_not_cover_a_year(client, officer_kalbar, file_case):
    case = file_case(election_code="pemilu-2024", received=dt.datetime(2024, 1, 10, tzinfo=dt.UTC),
                     occurred=dt.date(2024, 1, 5), known=dt.date(2024, 1, 8))
    Case.objects.filter(pk=case.pk).update(occurred_on=dt.date(2031, 1, 5), known_on=dt.date(2031, 1, 8),
                                           received_at=dt.datetime(2031, 1, 10, tzinfo=dt.UTC))
    client.force_login(officer_kalbar)
    body = client.get(page_url(case)).content.decode()
    assert "Kalender hari libur tahun 2031 belum tersedia" in body


def test_it_flags_a_late_report_with_its_note(client, officer_kalbar, file_case):
    case = file_case(received=dt.datetime(2024, 11, 20, tzinfo=dt.UTC), occurred=dt.date(2024, 11, 1),
                     known=dt.date(2024, 11, 2))
    client.force_login(officer_kalbar)
    body = client.get(page_url(case)).content.decode()
    assert "Terlambat dilaporkan." in body and case.late_filing_note in body


# --- reporter and witnesses ------------------------------------------------------------------------

def test_it_shows_the_reporter_to_a_handler(client, officer_kalbar, case):
    client.force_login(officer_kalbar)
    body = client.get(page_url(case)).content.decode()
    assert REPORTER["name"] in body and REPORTER["phone"] in body and "Dirahasiakan" in body
    assert "2 April 1990" in body


def test_it_hides_the_reporter_from_a_non_handler_in_scope(client, media_kalbar, case):
    client.force_login(media_kalbar)
    response = client.get(page_url(case))
    body = response.content.decode()
    assert response.status_code == 200
    assert REPORTER["name"] not in body and REPORTER["phone"] not in body
    assert "hanya terlihat oleh penangan kasus" in body
    assert response.context["actions"] == [] and "Tambah catatan" not in body


def test_it_says_an_anonymous_report_has_no_identity(client, officer_kalbar, file_case):
    case = file_case(mode=IdentityMode.ANONYMOUS)
    client.force_login(officer_kalbar)
    body = client.get(page_url(case)).content.decode()
    assert "Laporan anonim" in body and REPORTER["name"] not in body


def test_it_shows_witnesses_only_to_handlers(client, officer_kalbar, media_kalbar, file_case):
    case = file_case(witnesses=[{"name": "Budi Santoso", "phone": "0811111111"}])
    client.force_login(officer_kalbar)
    assert "Budi Santoso" in client.get(page_url(case)).content.decode()
    client.force_login(media_kalbar)
    assert "Budi Santoso" not in client.get(page_url(case)).content.decode()


# --- actions ---------------------------------------------------------------------------------------

def test_it_offers_the_actions_the_status_allows(client, officer_kalbar, case):
    client.force_login(officer_kalbar)
    names = [t.name for t, _ in client.get(page_url(case)).context["actions"]]
    assert names == ["check", "stop", "merge"]


def test_it_runs_the_whole_workflow_through_the_page(client, officer_kalbar, case):
    client.force_login(officer_kalbar)
    steps = [
        ("check", {"check-formal_requirements_met": "yes", "check-material_requirements_met": "yes",
                   "check-reason": "Lengkap."}, Status.CHECKED),
        ("register", {"register-register_number": "001/Reg/LP/PB/Kab/20.04/X/2024"}, Status.REGISTERED),
        ("clarify", {}, Status.CLARIFICATION),
        ("request_info", {}, Status.CLARIFICATION),
        ("decide", {"decide-decision": "other_laws", "decide-reason": "Terbukti hadir dan berorasi.",
                    "decide-forwarded_to": ""}, Status.DECIDED),
    ]
    for name, data, status in steps:
        response = client.post(action_url(case, name), data)
        assert response.status_code == 302 and response.url == page_url(case), name
        case.refresh_from_db()
        assert case.status == status, (name, [str(m) for m in response.wsgi_request._messages])
    assert case.register_number == "001/Reg/LP/PB/Kab/20.04/X/2024" and case.forwarded_to == "bkn"
    assert [kind for kind, _ in events(case)] == [EventKind.CREATED] + [EventKind.TRANSITION] * 3 + [
        EventKind.INFO_REQUESTED, EventKind.TRANSITION]
    body = client.get(page_url(case)).content.decode()
    assert "Pelanggaran peraturan perundang-undangan lainnya" in body and "Terbukti hadir dan berorasi." in body
    assert "Diterima → Kajian awal selesai" in body and officer_kalbar.username in body


def test_it_refuses_an_action_the_status_does_not_allow(client, officer_kalbar, case):
    client.force_login(officer_kalbar)
    before = events(case)
    response = client.post(action_url(case, "register"), {"register-register_number": "001"}, follow=True)
    assert response.status_code == 200
    assert "tidak dapat dilakukan pada kasus berstatus" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.RECEIVED and case.register_number == "" and events(case) == before


def test_it_refuses_to_register_when_requirements_are_not_met(client, officer_kalbar, case):
    transition(case, officer_kalbar, "check", formal_requirements_met=False, material_requirements_met=True)
    client.force_login(officer_kalbar)
    response = client.post(action_url(case, "register"), {"register-register_number": "001"}, follow=True)
    assert "syarat formal dan materiel terpenuhi" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.CHECKED


def test_it_says_what_is_missing(client, officer_kalbar, case):
    transition(case, officer_kalbar, "check", formal_requirements_met=False, material_requirements_met=True)
    client.force_login(officer_kalbar)
    response = client.post(action_url(case, "not_register"), {"not_register-reason": ""}, follow=True)
    assert "Tidak diregister: Alasan: " in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.CHECKED


def test_it_merges_into_a_visible_case_only(client, officer_kalbar, case, file_case):
    parent, foreign = file_case(region="61.71"), file_case(region="62.01")
    client.force_login(officer_kalbar)
    response = client.post(action_url(case, "merge"), {"merge-target": foreign.tracking_code}, follow=True)
    assert "di luar cakupan Anda" in response.content.decode()
    client.post(action_url(case, "merge"), {"merge-target": parent.tracking_code.lower()})
    case.refresh_from_db()
    assert case.status == Status.MERGED and case.merged_into == parent


def test_it_forbids_actions_to_a_non_handler_in_scope(client, media_kalbar, case):
    client.force_login(media_kalbar)
    response = client.post(action_url(case, "stop"), {"stop-reason": "Tidak relevan."})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == Status.RECEIVED


@pytest.mark.parametrize("persona", ["outsider", "officer_kalteng"])
def test_it_hides_actions_outside_scope(client, request, case, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(action_url(case, "stop"), {"stop-reason": "x"}).status_code == 404
    assert Case.objects.get(pk=case.pk).status == Status.RECEIVED


def test_it_needs_a_login_and_a_post_for_actions(client, officer_kalbar, case):
    assert client.post(action_url(case, "stop"), {"stop-reason": "x"}).status_code == 302
    client.force_login(officer_kalbar)
    assert client.get(action_url(case, "stop")).status_code == 405
    assert client.post(action_url(case, "fly"), {}).status_code == 404


# --- notes -----------------------------------------------------------------------------------------

def test_it_adds_a_note(client, officer_kalbar, case):
    client.force_login(officer_kalbar)
    client.post(f"/kasus/{case.tracking_code}/catatan/", {"text": "Terlapor dipanggil 12 Oktober."})
    note = CaseEvent.objects.get(case=case, kind=EventKind.NOTE)
    assert note.payload == {"text": "Terlapor dipanggil 12 Oktober."} and note.actor == officer_kalbar
    assert "Terlapor dipanggil 12 Oktober." in client.get(page_url(case)).content.decode()


def test_it_refuses_an_empty_note(client, officer_kalbar, case):
    client.force_login(officer_kalbar)
    response = client.post(f"/kasus/{case.tracking_code}/catatan/", {"text": "  "}, follow=True)
    assert response.status_code == 200 and not CaseEvent.objects.filter(kind=EventKind.NOTE).exists()


def test_it_guards_notes_four_ways(client, officer_kalteng, media_kalbar, case):
    url = f"/kasus/{case.tracking_code}/catatan/"
    assert client.post(url, {"text": "x"}).status_code == 302
    client.force_login(officer_kalteng)
    assert client.post(url, {"text": "x"}).status_code == 404
    client.force_login(media_kalbar)
    assert client.post(url, {"text": "x"}).status_code == 403
    assert not CaseEvent.objects.filter(kind=EventKind.NOTE).exists()


# --- evidence --------------------------------------------------------------------------------------

@pytest.fixture
def stored_evidence(case, settings):
    content = b"%PDF-1.4\n% bukti undangan kampanye\n%%EOF\n"
    upload = SimpleUploadedFile("undangan.pdf", content, content_type="application/pdf")
    evidence.attach_evidence(case, [upload], ["https://berita.example.id/kampanye"])
    return Evidence.objects.filter(case=case, file__isnull=False).get(), content


def test_it_lists_evidence_and_links(client, officer_kalbar, case, stored_evidence):
    item, _ = stored_evidence
    client.force_login(officer_kalbar)
    body = client.get(page_url(case)).content.decode()
    assert item.original_name in body and item.file_id[:12] in body
    assert "https://berita.example.id/kampanye" in body
    assert "Bukti ditambahkan" in body and f"application/pdf · {item.file.size} bita · SHA-256" in body
    assert "Rantai penguasaan (1)" in body and "Diunggah" in body


def test_it_downloads_evidence_and_records_custody(client, officer_kalbar, case, stored_evidence):
    item, content = stored_evidence
    client.force_login(officer_kalbar)
    response = client.get(f"/kasus/{case.tracking_code}/bukti/{item.pk}/", REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    access = EvidenceAccess.objects.filter(evidence=item, action="downloaded").get()
    assert access.user == officer_kalbar and access.ip_address == "10.1.2.3"
    assert "Rantai penguasaan" in client.get(page_url(case)).content.decode()


def test_it_guards_downloads_four_ways(client, officer_kalteng, outsider, media_kalbar, case, stored_evidence):
    item, _ = stored_evidence
    url = f"/kasus/{case.tracking_code}/bukti/{item.pk}/"
    assert client.get(url).status_code == 302
    for user in (outsider, officer_kalteng):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(media_kalbar)
    assert client.get(url).status_code == 403
    assert not EvidenceAccess.objects.filter(action="downloaded").exists()


def test_it_does_not_serve_another_cases_evidence(client, officer_kalbar, case, file_case, stored_evidence):
    item, _ = stored_evidence
    other = file_case(region="61.03")
    client.force_login(officer_kalbar)
    assert client.get(f"/kasus/{other.tracking_code}/bukti/{item.pk}/").status_code == 404
    assert StoredFile.objects.count() == 1


def test_it_prints_without_navigation_and_forms(client, officer_kalbar, case):
    client.force_login(officer_kalbar)
    body = client.get(page_url(case)).content.decode()
    assert "@media print" in body and "no-print" in body


# --- the admin: for looking only -------------------------------------------------------------------

def test_the_admin_shows_cases_and_history_read_only(client, user_with_role, case):
    client.force_login(user_with_role("root", is_staff=True, is_superuser=True))
    event = CaseEvent.objects.filter(case=case).first()
    assert client.get(f"/admin/cases/case/?q={case.tracking_code}").status_code == 200
    assert client.get(f"/admin/cases/caseevent/{event.pk}/change/").status_code == 200
    assert client.get("/admin/cases/caseevent/add/").status_code == 403
    assert client.post(f"/admin/cases/caseevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"/admin/cases/caseevent/{event.pk}/change/", {"kind": "note"}).status_code == 403
    assert CaseEvent.objects.filter(pk=event.pk, kind=EventKind.CREATED).exists()
    for model in ("election", "violationcode", "evidence", "storedfile"):
        assert client.get(f"/admin/cases/{model}/").status_code == 200, model


def test_it_adds_evidence_from_the_case_page(client, officer_kalbar, case):
    pdf = SimpleUploadedFile("surat.pdf", b"%PDF-1.4\n% surat edaran\n%%EOF\n", content_type="application/pdf")
    client.force_login(officer_kalbar)
    response = client.post(f"/kasus/{case.tracking_code}/bukti/",
                           {"evidence": [pdf], "evidence_urls": "https://berita.example.id/a\nhttps://berita.example.id/b"},
                           REMOTE_ADDR="10.9.8.7")
    assert response.status_code == 302
    assert Evidence.objects.filter(case=case).count() == 3
    assert EvidenceAccess.objects.get(action="uploaded").ip_address == "10.9.8.7"
    assert CaseEvent.objects.filter(case=case, kind=EventKind.EVIDENCE_ADDED, actor=officer_kalbar).exists()


def test_it_refuses_bad_or_missing_evidence(client, officer_kalbar, case):
    client.force_login(officer_kalbar)
    response = client.post(f"/kasus/{case.tracking_code}/bukti/", {"evidence_urls": ""}, follow=True)
    assert "Pilih berkas atau tulis tautan bukti." in response.content.decode()
    response = client.post(f"/kasus/{case.tracking_code}/bukti/", {"evidence_urls": "javascript:alert(1)"},
                           follow=True)
    assert "Tautan tidak sah" in response.content.decode()
    assert not Evidence.objects.exists()


def test_it_guards_adding_evidence_four_ways(client, officer_kalteng, outsider, media_kalbar, case):
    url, data = f"/kasus/{case.tracking_code}/bukti/", {"evidence_urls": "https://berita.example.id/a"}
    assert client.post(url, data).status_code == 302 and "/akun/masuk/" in client.post(url, data).url
    for user in (outsider, officer_kalteng):
        client.force_login(user)
        assert client.post(url, data).status_code == 404
    client.force_login(media_kalbar)
    assert client.post(url, data).status_code == 403
    assert not Evidence.objects.exists()


def test_it_reads_the_handlers_memberships_once_however_many_actions_it_offers(client, officer_kalbar, case):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(officer_kalbar)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page_url(case))
    assert response.status_code == 200 and response.context["may_handle"]
    membership_reads = [q["sql"] for q in queries.captured_queries if "accounts_membership" in q["sql"]]
    # one each: does a role demand 2FA, which cases are visible, which roles act here (not one per action)
    assert len(membership_reads) == 3
