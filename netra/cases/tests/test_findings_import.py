"""CSV and XLSX import of findings: the page /kasus/temuan/impor/ and `netra import_findings FILE --user USERNAME`."""

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from netra.cases import importing
from netra.cases.choices import Origin
from netra.cases.models import Case, CaseEvent, ReportedPerson
from netra.cases.services import today

pytestmark = pytest.mark.django_db

URL = "/kasus/temuan/impor/"
HEADER = list(importing.COLUMNS)


def row(**overrides):
    day = today()
    values = {
        "pemilihan": "pilkada-2024", "kode_wilayah": "61.03", "ringkasan": "Kepala desa memasang baliho calon",
        "uraian": "Kepala desa memasang baliho pasangan calon di depan kantor desa.",
        "tempat": "Kantor Desa Sungai Mawang",
        "tanggal_kejadian": (day - dt.timedelta(days=3)).strftime("%d/%m/%Y"),
        "tanggal_diketahui": (day - dt.timedelta(days=2)).isoformat(), "nama_terlapor": "Hendrikus",
        "jabatan_terlapor": "Kepala Desa Sungai Mawang", "instansi_terlapor": "Pemerintah Desa Sungai Mawang",
        "jenis_subjek": "kepala_desa", "nip_terlapor": "", "kode_pelanggaran": "DIS-1;ETIK-1",
    }
    values.update(overrides)
    return values


def to_csv(rows, delimiter=",", bom=False, header=HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def problems(result):
    return {(e.row, e.column, e.message) for e in result.errors}


# --- the rules -------------------------------------------------------------------------------------

@pytest.mark.parametrize("delimiter, bom", [(",", False), (";", True), (";", False), (",", True)])
def test_it_imports_every_row(officer_kalbar, delimiter, bom):
    data = to_csv([row(), row(kode_wilayah="61.71", nama_terlapor="Dr. Sutarmidji", jenis_subjek="PNS",
                          nip_terlapor="197001011995031001", kode_pelanggaran="")], delimiter, bom)
    result = importing.import_findings(data, officer_kalbar)
    assert result.ok, result.errors
    assert [c.region_id for c in result.cases] == ["61.03", "61.71"]
    assert Case.objects.filter(origin=Origin.FINDING, created_by=officer_kalbar).count() == 2
    first = Case.objects.get(region_id="61.03")
    assert sorted(first.violation_codes.values_list("code", flat=True)) == ["DIS-1", "ETIK-1"]
    assert first.occurred_on == today() - dt.timedelta(days=3)
    person = ReportedPerson.objects.get(case=first)
    assert (person.name, person.subject_type, person.position) == ("Hendrikus", "kepala_desa",
                                                                   "Kepala Desa Sungai Mawang")
    assert ReportedPerson.objects.get(case__region_id="61.71").subject_type == "pns"
    assert CaseEvent.objects.filter(kind="created").count() == 2


@pytest.mark.parametrize("overrides, column, message", [
    ({"tanggal_kejadian": "31/02/2024"}, "tanggal_kejadian", "tidak valid"),
    ({"tanggal_diketahui": "kemarin"}, "tanggal_diketahui", "tidak valid"),
    ({"kode_wilayah": "99.99"}, "kode_wilayah", "tidak dikenal"),
    ({"kode_wilayah": "62.01"}, "kode_wilayah", "di luar cakupan Anda"),
    ({"kode_pelanggaran": "DIS-4;XYZ-9"}, "kode_pelanggaran", "XYZ-9"),
    ({"tanggal_kejadian": (today() + dt.timedelta(days=1)).isoformat(),
      "tanggal_diketahui": (today() + dt.timedelta(days=1)).isoformat()}, "tanggal_kejadian", "masa depan"),
    ({"tanggal_diketahui": (today() - dt.timedelta(days=10)).isoformat()}, "tanggal_diketahui",
     "sebelum tanggal kejadian"),
    ({"ringkasan": ""}, "ringkasan", "Wajib diisi."),
    ({"pemilihan": "pilpres-2099"}, "pemilihan", "tidak dikenal"),
    ({"jenis_subjek": "menteri"}, "jenis_subjek", "tidak dikenal"),
    ({"nip_terlapor": "123"}, "nip_terlapor", "18 angka"),
    ({"ringkasan": "x" * 201}, "ringkasan", "Terlalu panjang"),
])
def test_it_reports_each_malformed_row_and_saves_nothing(officer_kalbar, overrides, column, message):
    data = to_csv([row(), row(**overrides), row()])
    result = importing.import_findings(data, officer_kalbar)
    assert not result.ok and result.cases == []
    assert {e.row for e in result.errors} == {3}
    assert any(e.column == column and message in e.message for e in result.errors), result.errors
    assert not Case.objects.exists() and not CaseEvent.objects.exists()


def test_it_reports_a_row_with_more_cells_than_the_header(officer_kalbar):
    lines = to_csv([row(), row()]).decode().splitlines()
    lines[2] += ",sel tambahan"
    result = importing.import_findings("\n".join(lines).encode(), officer_kalbar)
    assert [(e.row, e.message) for e in result.errors] == [
        (3, "Baris ini berisi lebih banyak kolom daripada kepala tabel.")]
    assert not Case.objects.exists()


def test_it_reports_every_problem_of_every_row(officer_kalbar):
    data = to_csv([row(kode_wilayah="99.99"), row(), row(tanggal_kejadian="x", kode_pelanggaran="NOPE")])
    result = importing.import_findings(data, officer_kalbar)
    assert [(e.row, e.column) for e in result.errors] == [
        (2, "kode_wilayah"), (4, "tanggal_kejadian"), (4, "kode_pelanggaran")]
    assert str(result.errors[0]).startswith("baris 2, kolom kode_wilayah: ")


def test_it_names_a_missing_required_column(officer_kalbar):
    header = [name for name in HEADER if name != "tanggal_diketahui"]
    result = importing.import_findings(to_csv([row()], header=header), officer_kalbar)
    assert problems(result) == {(1, "tanggal_diketahui", "Kolom wajib tidak ada.")}


def test_it_accepts_a_file_without_optional_columns(officer_kalbar):
    result = importing.import_findings(to_csv([row()], header=list(importing.REQUIRED)), officer_kalbar)
    assert result.ok and Case.objects.count() == 1


def test_it_rolls_back_when_a_late_row_fails_in_the_service(officer_kalbar, monkeypatch):
    from netra.cases import services

    real = services.record_finding
    calls = []

    def failing_second(data, user, **kwargs):
        calls.append(data)
        if len(calls) == 2:
            raise services.PermissionDenied("Anda tidak berwenang mencatat temuan di wilayah ini.")
        return real(data, user, **kwargs)

    monkeypatch.setattr(services, "record_finding", failing_second)
    result = importing.import_findings(to_csv([row(), row(), row()]), officer_kalbar)
    assert [(e.row, e.column) for e in result.errors] == [(3, "kode_wilayah")]
    assert result.cases == [] and not Case.objects.exists() and not CaseEvent.objects.exists()


def test_it_reads_a_csv_saved_by_excel_on_windows(officer_kalbar):
    data = to_csv([row(nama_terlapor="Hèndrikus")], ";").decode().encode("cp1252")
    result = importing.import_findings(data, officer_kalbar)
    assert result.ok, result.errors
    assert ReportedPerson.objects.get().name == "Hèndrikus"


def test_it_imports_the_first_sheet_of_an_xlsx_keeping_line_breaks_in_the_description(officer_kalbar):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    values = row(uraian="Paragraf pertama.\n\nParagraf kedua.", tanggal_kejadian=today() - dt.timedelta(days=3))
    sheet.append([values[name] for name in HEADER])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = importing.import_findings(buffer.getvalue(), officer_kalbar, "temuan.xlsx")
    assert result.ok, result.errors
    assert Case.objects.get().what_happened == "Paragraf pertama.\n\nParagraf kedua."


def test_it_refuses_a_binary_file_without_saving_anything(officer_kalbar):
    result = importing.import_findings(b"\x00\x01\x02binary", officer_kalbar, "temuan.csv")
    assert not result.ok and "bukan berkas teks CSV maupun XLSX" in result.errors[0].message
    assert not Case.objects.exists()


def test_it_caps_rows_and_size(officer_kalbar, monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 2)
    result = importing.import_findings(to_csv([row(), row(), row()]), officer_kalbar)
    assert not result.ok and "paling banyak 2" in result.errors[0].message
    monkeypatch.setattr(importing, "MAX_BYTES", 100)
    result = importing.import_findings(to_csv([row()]), officer_kalbar)
    assert not result.ok and "terlalu besar" in result.errors[0].message
    assert not Case.objects.exists()


def test_it_refuses_an_empty_file(officer_kalbar):
    assert not importing.import_findings(b"", officer_kalbar).ok
    assert not importing.import_findings(to_csv([]), officer_kalbar).ok


def test_the_example_file_imports(officer_kalbar):
    result = importing.import_findings(importing.example_csv().encode(), officer_kalbar)
    assert result.ok, result.errors


# --- the page --------------------------------------------------------------------------------------

def upload(data: bytes):
    return {"file": SimpleUploadedFile("temuan.csv", data, content_type="text/csv")}


def test_it_sends_anonymous_users_to_login(client):
    assert client.get(URL).status_code == 302
    assert client.post(URL, upload(to_csv([row()]))).status_code == 302
    assert not Case.objects.exists()


@pytest.mark.parametrize("role", [None, "media_analyst"])
def test_it_forbids_users_who_do_not_handle_cases(client, user_with_role, no_two_factor, role):
    client.force_login(user_with_role("bukan.pengawas", role, region="61" if role else None))
    assert client.get(URL).status_code == 403
    assert client.post(URL, upload(to_csv([row()]))).status_code == 403
    assert not Case.objects.exists()


def test_it_imports_through_the_page(client, officer_kalbar):
    client.force_login(officer_kalbar)
    assert client.get(URL).status_code == 200
    response = client.post(URL, upload(to_csv([row(), row()])))
    assert response.status_code == 302 and response.url == "/kasus/?origin=temuan"
    assert Case.objects.count() == 2


def test_it_lists_the_problems_on_the_page(client, officer_kalbar):
    client.force_login(officer_kalbar)
    response = client.post(URL, upload(to_csv([row(), row(kode_wilayah="62.01")])))
    body = response.content.decode()
    assert response.status_code == 400
    assert "Tidak ada temuan yang diimpor: 1 masalah" in body and "di luar cakupan Anda" in body
    assert not Case.objects.exists()


def test_it_offers_an_example_file(client, officer_kalbar):
    assert client.get(f"{URL}contoh.csv").status_code == 302
    client.force_login(officer_kalbar)
    response = client.get(f"{URL}contoh.csv")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert response.content.decode("utf-8-sig").startswith(",".join(HEADER))


# --- the command -----------------------------------------------------------------------------------

def test_the_command_imports_a_file(officer_kalbar, tmp_path, capsys):
    path = tmp_path / "temuan.csv"
    path.write_bytes(to_csv([row(), row()], ";", bom=True))
    call_command("import_findings", str(path), user=officer_kalbar.username)
    assert "2 temuan diimpor." in capsys.readouterr().out
    assert Case.objects.filter(created_by=officer_kalbar).count() == 2


def test_the_command_lists_problems_and_saves_nothing(officer_kalbar, tmp_path, capsys):
    path = tmp_path / "temuan.csv"
    path.write_bytes(to_csv([row(), row(tanggal_kejadian="2024-13-01")]))
    with pytest.raises(CommandError, match="1 masalah"):
        call_command("import_findings", str(path), user=officer_kalbar.username)
    assert "baris 3, kolom tanggal_kejadian" in capsys.readouterr().err
    assert not Case.objects.exists()


def test_the_command_needs_a_user_who_records_findings(outsider, officer_kalbar, tmp_path):
    path = tmp_path / "temuan.csv"
    path.write_bytes(to_csv([row()]))
    with pytest.raises(CommandError, match="tidak berwenang"):
        call_command("import_findings", str(path), user=outsider.username)
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("import_findings", str(path), user="tidak.ada")
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("import_findings", str(tmp_path / "hilang.csv"), user=officer_kalbar.username)
