"""/kasus/ekspor.csv and /kasus/ekspor.xlsx: the filtered inbox, never the reporter's identity."""

import csv
import datetime as dt
import io

import openpyxl
import pytest

from netra.cases import exports
from netra.cases.services import transition
from netra.cases.tests.conftest import REPORTER

pytestmark = pytest.mark.django_db

CSV, XLSX = "/kasus/ekspor.csv", "/kasus/ekspor.xlsx"


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


def read_xlsx(response) -> list[tuple]:
    content = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
    return list(sheet.iter_rows(values_only=True))


@pytest.fixture
def cases(file_case, officer_kalbar):
    sanggau = file_case(region="61.03", witnesses=[{"name": "Budi Santoso", "phone": "0811111111"}])
    pontianak = file_case(region="61.71", summary="Lurah mengajak warga memilih calon",
                          received=dt.datetime(2024, 10, 4, 2, 0, tzinfo=dt.UTC))
    transition(pontianak, officer_kalbar, "check", formal_requirements_met=True, material_requirements_met=True)
    kalteng = file_case(region="62.01")
    return sanggau, pontianak, kalteng


@pytest.mark.parametrize("url", [CSV, XLSX])
def test_it_sends_anonymous_users_to_login(client, url):
    assert client.get(url).status_code == 302


def test_it_exports_nothing_for_a_user_without_a_role(client, outsider, cases):
    client.force_login(outsider)
    assert len(read_csv(client.get(CSV))) == 1
    assert len(read_xlsx(client.get(XLSX))) == 1


def test_it_exports_the_cases_in_scope_as_csv(client, officer_kalbar, cases):
    sanggau, pontianak, kalteng = cases
    client.force_login(officer_kalbar)
    response = client.get(CSV)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="kasus-')
    header, *rows = read_csv(response)
    assert header == [column.header for column in exports.COLUMNS]
    assert [r[0] for r in rows] == [pontianak.tracking_code, sanggau.tracking_code]
    first = dict(zip(header, rows[0], strict=True))
    assert first["Status"] == "Kajian awal selesai" and first["Asal"] == "Laporan"
    assert first["Tanggal diterima"] == "2024-10-04" and first["Kode pelanggaran"] == "DIS-4"
    assert first["Terlapor"].startswith("Drs. Ahmad Fauzi, Kepala Dinas Pendidikan")


def test_it_applies_the_inbox_filters(client, officer_kalbar, cases):
    sanggau, pontianak, _ = cases
    client.force_login(officer_kalbar)
    assert [r[0] for r in read_csv(client.get(CSV, {"status": "checked"}))[1:]] == [pontianak.tracking_code]
    assert [r[0] for r in read_csv(client.get(CSV, {"region": "61.03"}))[1:]] == [sanggau.tracking_code]
    assert [r[0] for r in read_xlsx(client.get(XLSX, {"q": "Lurah"}))[1:]] == [pontianak.tracking_code]
    assert len(read_csv(client.get(CSV, {"region": "62"}))) == 3  # out of scope: the filter is dropped, not widened


def test_it_never_exports_the_reporter_or_witnesses(client, admin_user, cases):
    client.force_login(admin_user)
    for response in (client.get(CSV), client.get(XLSX)):
        text = repr(read_csv(response) if response["Content-Type"].startswith("text/csv") else read_xlsx(response))
        for secret in (REPORTER["name"], REPORTER["phone"], REPORTER["email"], "Budi Santoso", "0811111111"):
            assert secret not in text


def test_it_writes_an_xlsx_with_real_dates(client, officer_kalbar, cases):
    _, pontianak, _ = cases
    client.force_login(officer_kalbar)
    response = client.get(XLSX)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    header, *rows = read_xlsx(response)
    assert list(header) == [column.header for column in exports.COLUMNS]
    first = dict(zip(header, rows[0], strict=True))
    assert first["Kode pelacakan"] == pontianak.tracking_code
    assert first["Tanggal diterima"] == dt.datetime(2024, 10, 4)
    assert first["Tanggal kejadian"] == dt.datetime(2024, 10, 1)
    assert len(rows) == 2


def test_it_caps_the_rows_with_a_note(client, officer_kalbar, cases, monkeypatch):
    monkeypatch.setattr(exports, "MAX_ROWS", 1)
    client.force_login(officer_kalbar)
    rows = read_csv(client.get(CSV))
    assert len(rows) == 3 and rows[2][0].startswith("Ekspor dibatasi 1 baris")
    rows = read_xlsx(client.get(XLSX))
    assert len(rows) == 3 and rows[2][0].startswith("Ekspor dibatasi 1 baris")


def test_it_keeps_spreadsheets_from_running_formulas(client, officer_kalbar, file_case):
    file_case(summary='=HYPERLINK("http://contoh.invalid","klik")')
    client.force_login(officer_kalbar)
    rows = read_csv(client.get(CSV))
    assert rows[1][9] == "'=HYPERLINK(\"http://contoh.invalid\",\"klik\")"
    assert read_xlsx(client.get(XLSX))[1][9] == '=HYPERLINK("http://contoh.invalid","klik")'  # a string cell
