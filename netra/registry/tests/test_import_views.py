"""The registry screens, each tested four ways: anonymous, no role, in scope, out of scope."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url

from netra.registry import views
from netra.registry.models import Agency, Person, SubjectType
from netra.registry.services import can_import_registry
from netra.registry.tests.conftest import OTHER_NIP, VALID_NIP, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

IMPORT_URL = "/registri/impor/"
LIST_URL = "/registri/pegawai/"
EXAMPLE_URLS = ["/registri/impor/contoh-instansi.csv", "/registri/impor/contoh-pegawai.csv"]


@pytest.fixture
def persons(sanggau, palangka_raya):
    return {
        "budi": Person.objects.create(name="Budi Santoso", subject_type=SubjectType.PNS, agency=sanggau,
                                      region_id="61.03", nip=VALID_NIP),
        "kades": Person.objects.create(name="Pak Kades Sanggau", subject_type=SubjectType.VILLAGE_HEAD,
                                       region_id="61.03"),
        "joko": Person.objects.create(name="Joko Palangka", subject_type=SubjectType.PNS, agency=palangka_raya,
                                      region_id="62.71", nip=OTHER_NIP),
    }


def upload(client, kind, name, data, **extra):
    return client.post(IMPORT_URL, {"kind": kind, "file": SimpleUploadedFile(name, data), **extra})


def test_it_sends_anonymous_users_to_the_login_page(client, persons):
    login = resolve_url(settings.LOGIN_URL)
    for url in [IMPORT_URL, LIST_URL, f"/registri/pegawai/{persons['budi'].pk}/", *EXAMPLE_URLS]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(login), url


def test_it_refuses_a_user_without_a_role(client, outsider, persons):
    client.force_login(outsider)
    for url in [IMPORT_URL, LIST_URL, *EXAMPLE_URLS]:
        assert client.get(url).status_code == 403, url
    assert upload(client, "instansi", "a.csv", b"nama,jenis\r\nX,pusat\r\n").status_code == 403
    assert client.get(f"/registri/pegawai/{persons['budi'].pk}/").status_code == 404
    assert Agency.objects.filter(name="X").count() == 0


def test_only_import_roles_may_import(user_with_role, no_two_factor, admin_user, officer_kalbar, outsider):
    pemda = user_with_role("pemda.kalbar", "pemda_officer", region="61")
    analyst = user_with_role("analis.bkn", "bkn_analyst")
    kabkota = user_with_role("pengawas.sanggau", "bawaslu_kabkota", region="61.03")
    superuser = user_with_role("root", is_superuser=True)
    assert [can_import_registry(u) for u in (admin_user, officer_kalbar, analyst, kabkota, superuser)] == [True] * 5
    assert [can_import_registry(u) for u in (pemda, outsider, None)] == [False] * 3


def test_a_role_that_cannot_import_still_browses_its_region(client, user_with_role, no_two_factor, persons):
    client.force_login(user_with_role("pemda.kalbar", "pemda_officer", region="61"))
    assert client.get(IMPORT_URL).status_code == 403
    response = client.get(LIST_URL)
    assert [p.name for p in response.context["page"]] == ["Budi Santoso", "Pak Kades Sanggau"]


def test_an_officer_imports_a_csv_in_scope(client, officer_kalbar, sanggau):
    client.force_login(officer_kalbar)
    page = client.get(IMPORT_URL)
    assert page.status_code == 200 and "contoh-pegawai.csv" in page.content.decode()
    data = csv_bytes([["nama", "jenis_subjek", "instansi", "nip"], ["Budi", "pns", sanggau.name, VALID_NIP]])
    response = upload(client, "pegawai", "pegawai.csv", data)
    assert "Impor berhasil: 1 baris dibaca; 1 baru" in response.content.decode()
    assert Person.objects.get(nip=VALID_NIP).agency == sanggau


def test_it_shows_each_row_error_in_a_table_and_stores_nothing(client, officer_kalbar, sanggau):
    client.force_login(officer_kalbar)
    data = xlsx_bytes([["nama", "jenis_subjek", "instansi", "nip"],
                       ["Budi", "pns", sanggau.name, VALID_NIP],
                       ["Salah", "pns", sanggau.name, "198503122010013003"]])
    response = upload(client, "pegawai", "pegawai.xlsx", data)
    body = response.content.decode()
    assert "Tidak ada data yang disimpan: 1 kesalahan" in body
    assert "<td>3</td><td><code>nip</code></td><td>Jenis kelamin pada NIP harus 1 atau 2, bukan 3</td>" in body
    assert Person.objects.count() == 0


def test_it_shows_a_file_problem_without_a_traceback(client, officer_kalbar):
    client.force_login(officer_kalbar)
    response = upload(client, "instansi", "instansi.xlsx", b"PK\x03\x04 broken")
    assert response.status_code == 200
    assert "Berkas XLSX rusak" in response.content.decode()


def test_an_officer_cannot_import_rows_outside_the_region(client, officer_kalbar):
    client.force_login(officer_kalbar)
    data = csv_bytes([["nama", "jenis", "wilayah"], ["Pemerintah Kota Palangka Raya", "kabupaten_kota", "62.71"]])
    response = upload(client, "instansi", "instansi.csv", data)
    assert "di luar cakupan Anda" in response.content.decode()
    assert not Agency.objects.exists()


def test_a_dry_run_from_the_screen_stores_nothing(client, admin_user):
    client.force_login(admin_user)
    data = csv_bytes([["nama", "jenis"], ["Kementerian Dalam Negeri", "pusat"]])
    response = upload(client, "instansi", "instansi.csv", data, dry_run="on")
    assert "Pemeriksaan selesai: 1 baris benar" in response.content.decode()
    assert not Agency.objects.exists()


def test_it_serves_the_example_files(client, officer_kalbar):
    client.force_login(officer_kalbar)
    agencies = client.get(EXAMPLE_URLS[0])
    assert agencies["Content-Type"].startswith("text/csv")
    assert 'filename="contoh-instansi.csv"' in agencies["Content-Disposition"]
    assert agencies.content.decode().startswith("nama,jenis,wilayah,jabatan_ppk,nama_ppk,kantor_kepegawaian\r\n")
    assert client.get(EXAMPLE_URLS[1]).content.decode().startswith("nama,jenis_subjek,jabatan,instansi,wilayah,nip")


def test_the_list_shows_only_persons_in_scope(client, officer_kalbar, officer_kalteng, persons):
    client.force_login(officer_kalbar)
    assert [p.name for p in client.get(LIST_URL).context["page"]] == ["Budi Santoso", "Pak Kades Sanggau"]
    client.force_login(officer_kalteng)
    assert [p.name for p in client.get(LIST_URL).context["page"]] == ["Joko Palangka"]


def test_the_list_searches_by_name_and_nip(client, admin_user, persons):
    client.force_login(admin_user)
    assert [p.name for p in client.get(LIST_URL, {"q": "kades"}).context["page"]] == ["Pak Kades Sanggau"]
    assert [p.name for p in client.get(LIST_URL, {"q": "19850312 2010"}).context["page"]] == ["Budi Santoso"]
    assert list(client.get(LIST_URL, {"q": "zzz"}).context["page"]) == []


def test_the_list_is_paginated(client, admin_user, persons, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    client.force_login(admin_user)
    first = client.get(LIST_URL)
    assert len(first.context["page"]) == 2 and "Halaman 1 dari 2" in first.content.decode()
    assert [p.name for p in client.get(LIST_URL, {"page": 2}).context["page"]] == ["Pak Kades Sanggau"]


def test_the_detail_shows_a_person_in_scope(client, officer_kalbar, persons):
    client.force_login(officer_kalbar)
    response = client.get(f"/registri/pegawai/{persons['budi'].pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Budi Santoso" in body and VALID_NIP in body and "Pemerintah Kabupaten Sanggau" in body


def test_a_person_out_of_scope_answers_404_like_a_missing_one(client, officer_kalbar, persons):
    client.force_login(officer_kalbar)
    assert client.get(f"/registri/pegawai/{persons['joko'].pk}/").status_code == 404
    assert client.get("/registri/pegawai/987654/").status_code == 404
