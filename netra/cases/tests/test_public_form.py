"""The public report form (/lapor/): no login, everything or nothing saved, identity never in clear."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from netra.cases import evidence, services
from netra.cases.choices import EventKind, IdentityMode, Origin, SubjectType
from netra.cases.models import Case, CaseEvent, Evidence, EvidenceAccess, Reporter, StoredFile, Witness
from netra.cases.tests.conftest import REPORTER
from netra.lib.workdays import CalendarNotCovered

pytestmark = pytest.mark.django_db
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 64
PDF = b"%PDF-1.4\n" + b"1 0 obj << >> endobj\n" * 4 + b"%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
WITNESS_NAME = "Budi Santoso"
PERSON_NAME = "Drs. Ahmad Fauzi"


def management(prefix: str, minimum: int) -> dict:
    return {f"{prefix}-TOTAL_FORMS": "5", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": str(minimum),
            f"{prefix}-MAX_NUM_FORMS": "5"}


def form_data(**overrides) -> dict:
    today = services.today()
    data = {
        "election": "pilkada-2024", "identity_mode": IdentityMode.CONFIDENTIAL, **REPORTER,
        "nik": "6171010204900001",
        "summary": "Kepala dinas hadir dalam kampanye pasangan calon",
        "what_happened": "Terlapor hadir dan berorasi dalam kampanye terbuka pasangan calon nomor urut 2.",
        "place": "Lapangan Sabang Merah, Sanggau", "province": "61", "region": "61.03",
        "occurred_on": (today - dt.timedelta(days=2)).isoformat(),
        "known_on": (today - dt.timedelta(days=1)).isoformat(),
        **management("terlapor", 1), **management("saksi", 0),
        "terlapor-0-name": PERSON_NAME, "terlapor-0-subject_type": SubjectType.PNS,
        "terlapor-0-position": "Kepala Dinas Pendidikan", "terlapor-0-agency_name": "Pemkab Sanggau",
        "terlapor-0-region": "Sanggau",
        "saksi-0-name": WITNESS_NAME, "saksi-0-phone": "081300000001",
        "evidence_urls": "https://contoh.id/video-kampanye\n\nhttps://contoh.id/berita",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def post(client, **overrides):
    return client.post(reverse("cases:report"), form_data(**overrides))


def errors_of(response) -> str:
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S))


def assert_nothing_saved():
    assert Case.objects.count() == 0
    assert Reporter.objects.count() == 0 and Witness.objects.count() == 0
    assert Evidence.objects.count() == 0 and CaseEvent.objects.count() == 0


def test_the_form_opens_without_login_in_indonesian(client):
    page = client.get(reverse("cases:report")).content.decode()
    assert "Lapor dugaan pelanggaran netralitas" in page
    assert "tidak memenuhi syarat formal" in page  # what anonymity means
    assert 'enctype="multipart/form-data"' in page and 'name="website"' in page
    assert "Kabupaten Sanggau" in page


def test_a_report_is_filed_with_its_evidence(client):
    response = post(client, evidence=[upload("foto.png", PNG), upload("surat.pdf", PDF)])
    assert response.status_code == 302 and response["Location"] == reverse("cases:report_receipt")
    case = Case.objects.get()
    assert case.origin == Origin.REPORT and case.region_id == "61.03" and not case.late_filing
    person = case.reported_persons.get()
    assert (person.name, person.subject_type, person.region_id) == (PERSON_NAME, SubjectType.PNS, "61.03")
    assert services.reporter_identity(case.reporter)["name"] == REPORTER["name"]
    assert services.reporter_identity(case.reporter)["nik"] == "6171010204900001"
    assert case.reporter.identity_mode == IdentityMode.CONFIDENTIAL
    assert services.witness_identity(case.witnesses.get()) == {"name": WITNESS_NAME, "phone": "081300000001"}
    assert sorted(case.evidence.values_list("original_name", "url")) == [
        ("", "https://contoh.id/berita"), ("", "https://contoh.id/video-kampanye"), ("foto.png", ""),
        ("surat.pdf", "")]
    assert EvidenceAccess.objects.filter(evidence__case=case, action="uploaded").count() == 2
    assert list(case.events.values_list("kind", flat=True)) == [EventKind.CREATED, EventKind.EVIDENCE_ADDED]


def test_the_reporter_and_witness_are_never_stored_in_clear(client):
    post(client)
    with connection.cursor() as cursor:
        cursor.execute("SELECT identity_ciphertext FROM cases_reporter UNION ALL SELECT identity_ciphertext "
                       "FROM cases_witness")
        blobs = [bytes(row[0]) for row in cursor.fetchall()]
    assert len(blobs) == 2
    for secret in (REPORTER["name"], REPORTER["phone"], REPORTER["email"], WITNESS_NAME, "6171010204900001"):
        assert all(secret.encode() not in blob for blob in blobs)
    assert all(REPORTER["name"] not in str(payload) for payload in CaseEvent.objects.values_list("payload", flat=True))


def test_the_receipt_shows_the_code_and_what_happens_next_but_no_identity(client):
    response = post(client)
    page = client.get(response["Location"]).content.decode()
    case = Case.objects.get()
    assert case.tracking_code in page
    assert reverse("cases:track_detail", args=[case.tracking_code]) in page
    assert "kajian awal" in page and "paling lama 3 hari" in page
    assert "melewati batas waktu" not in page
    for secret in (REPORTER["name"], WITNESS_NAME, PERSON_NAME):
        assert secret not in page


def test_the_receipt_is_only_for_the_browser_that_filed(client):
    assert client.get(reverse("cases:report_receipt"))["Location"] == reverse("cases:report")


def test_a_late_report_is_filed_and_flagged_on_the_receipt(client):
    post(client, occurred_on="2024-10-01", known_on="2024-10-02")
    case = Case.objects.get()
    assert case.late_filing
    page = client.get(reverse("cases:report_receipt")).content.decode()
    assert "melewati batas waktu" in page and case.late_filing_note in page
    assert "batas akhir 9 Oktober 2024" in page


def test_an_anonymous_report_needs_no_identity(client):
    blanks = {key: "" for key in [*REPORTER, "nik"]}
    response = post(client, identity_mode=IdentityMode.ANONYMOUS, **blanks)
    assert response.status_code == 302
    reporter = Case.objects.get().reporter
    assert reporter.identity_mode == IdentityMode.ANONYMOUS and services.reporter_identity(reporter) == {}


def test_the_receipt_of_an_anonymous_report_says_what_anonymity_means(client):
    post(client, identity_mode=IdentityMode.ANONYMOUS)
    page = client.get(reverse("cases:report_receipt")).content.decode()
    assert "Laporan anonim." in page and "informasi awal untuk temuan" in page


def test_a_date_outside_the_holiday_calendar_is_named(client, monkeypatch):
    def uncovered(*args, **kwargs):
        raise CalendarNotCovered(2031, [2024, 2025])

    monkeypatch.setattr(services.deadlines, "late_filing", uncovered)
    response = post(client, election="pemilu-2024")
    assert "Kalender hari libur tahun 2031 belum tersedia" in errors_of(response)
    assert_nothing_saved()


def test_an_anonymous_report_drops_any_identity_typed_in(client):
    post(client, identity_mode=IdentityMode.ANONYMOUS)
    assert services.reporter_identity(Case.objects.get().reporter) == {}


def test_missing_fields_are_named_and_nothing_is_saved(client):
    response = post(client, name="", address="", summary="", region="", election="", phone="", email="",
                    **{"terlapor-0-name": "", "terlapor-0-subject_type": "", "terlapor-0-region": ""})
    assert response.status_code == 200
    errors = errors_of(response)
    assert "Wajib diisi, kecuali untuk laporan anonim." in errors
    assert "Pilih pemilihan yang terkait kejadian ini." in errors
    assert "Pilih kabupaten/kota tempat kejadian." in errors
    assert "Isi nomor telepon atau e-mail" in errors
    assert 'id="id_terlapor-0-name_error"' in response.content.decode()  # the first reported person is required
    assert_nothing_saved()


def test_the_input_is_kept_after_an_error(client):
    response = post(client, summary="")
    page = response.content.decode()
    assert "Terlapor hadir dan berorasi" in page and 'value="Lapangan Sabang Merah, Sanggau"' in page
    assert 'value="61.03" selected' in page


@pytest.mark.parametrize(("field", "days_ahead", "message"), [
    ("occurred_on", 1, "Tanggal kejadian tidak boleh di masa depan."),
    ("known_on", 1, "Tanggal diketahui tidak boleh di masa depan."),
])
def test_dates_in_the_future_are_refused(client, field, days_ahead, message):
    future = (services.today() + dt.timedelta(days=days_ahead)).isoformat()
    response = post(client, **{field: future})
    assert message in errors_of(response)
    assert_nothing_saved()


def test_learning_before_it_happened_is_refused(client):
    response = post(client, occurred_on="2024-10-05", known_on="2024-10-01")
    assert "Tanggal diketahui tidak boleh sebelum tanggal kejadian." in errors_of(response)
    assert_nothing_saved()


def test_a_disguised_executable_refuses_the_whole_report(client, settings):
    response = post(client, evidence=[upload("foto.png", PNG), upload("foto.jpg", EXE)])
    assert response.status_code == 200
    page = response.content.decode()
    assert "foto.jpg" in errors_of(response) and "bukan jenis yang diterima" in errors_of(response)
    assert "pilih lagi sebelum mengirim" in page
    assert_nothing_saved()
    assert StoredFile.objects.count() == 0
    assert not [p for p in settings.EVIDENCE_DIR.rglob("*") if p.is_file()]


def test_an_oversize_file_refuses_the_whole_report(client, settings):
    settings.EVIDENCE_MAX_FILE_MB = 0.0001
    response = post(client, evidence=[upload("video.png", PNG + b"\x00" * 200)])
    assert "video.png" in errors_of(response) and "terlalu besar" in errors_of(response)
    assert_nothing_saved()


def test_too_much_evidence_in_total_refuses_the_whole_report(client, settings):
    settings.EVIDENCE_MAX_REPORT_MB = 0.0002
    response = post(client, evidence=[upload("a.png", PNG + b"\x01" * 80), upload("b.png", PNG + b"\x02" * 80)])
    assert "per laporan" in errors_of(response)
    assert_nothing_saved()


def test_a_bad_link_is_named(client):
    response = post(client, evidence_urls="https://contoh.id/a\njavascript:alert(1)")
    assert "javascript:alert(1)" in errors_of(response) and "http://" in errors_of(response)
    assert_nothing_saved()


def test_an_unknown_region_is_refused(client):
    response = post(client, region="99.99")
    assert "Kabupaten/kota tidak dikenal." in errors_of(response)
    assert_nothing_saved()


def test_an_ambiguous_person_region_lists_the_candidates(client):
    response = post(client, **{"terlapor-0-region": "Bogor"})
    errors = errors_of(response)
    assert "Kabupaten Bogor" in errors and "Kota Bogor" in errors
    assert_nothing_saved()


def test_identity_fields_are_checked(client):
    response = post(client, nik="12345", email="bukan-email", birth_date="2999-01-01")
    errors = errors_of(response)
    assert "NIK terdiri atas 16 angka." in errors and "Alamat e-mail tidak sah." in errors
    assert "Tanggal lahir tidak boleh di masa depan." in errors
    assert_nothing_saved()


def test_a_failure_after_filing_rolls_everything_back(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ValidationError({"evidence": ["Penyimpanan bukti gagal."]})

    monkeypatch.setattr(evidence, "_attach", broken)
    response = post(client, evidence=[upload("foto.png", PNG)])
    assert "Penyimpanan bukti gagal." in errors_of(response)
    assert_nothing_saved()


def test_the_honeypot_stops_bots(client):
    response = post(client, website="http://spam.example")
    assert response.status_code == 200
    assert_nothing_saved()


def test_the_region_select_follows_the_province(client):
    page = client.get(reverse("cases:report_regions"), {"province": "62"}).content.decode()
    assert page.startswith('<select name="region" id="id_region">')
    assert "Kota Palangka Raya" in page and "Kabupaten Sanggau" not in page


def test_submissions_are_rate_limited(client, settings):
    settings.REPORT_RATE = "2/h"
    statuses = [post(client, summary="").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.get(reverse("cases:report")).status_code == 200  # reading the form is not a submission


def test_the_form_page_is_rate_limited(client, settings):
    settings.PUBLIC_PAGE_RATE = "2/h"  # a minute-long window sometimes ended mid-test
    statuses = [client.get(reverse("cases:report")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
