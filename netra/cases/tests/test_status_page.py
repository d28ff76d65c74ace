"""The public status page (/lacak/): status and dates only, never names, notes or reasons."""

import datetime as dt

import pytest
from django.urls import reverse

from netra.cases import services
from netra.cases.choices import Decision, IdentityMode
from netra.cases.tests.conftest import REPORTER

pytestmark = pytest.mark.django_db
NOTE = "Catatan internal: terlapor kerabat ketua tim sukses"
STOP_REASON = "Alasan rahasia: pelapor menarik laporan"
DECISION_REASON = "Pertimbangan: terbukti berorasi di panggung kampanye"


def page_of(client, code):
    response = client.get(reverse("cases:track_detail", args=[code]))
    return response.status_code, response.content.decode()


def decided_case(file_case, officer):
    case = file_case(mode=IdentityMode.OPEN)
    services.transition(case, officer, "check", formal_requirements_met=True, material_requirements_met=True,
                        reason="Kajian: syarat lengkap menurut petugas")
    services.transition(case, officer, "register", register_number="001/Reg/LP/PB/Kab/20.10/X/2024",
                        on=dt.date(2024, 10, 4))
    services.transition(case, officer, "decide", decision=Decision.OTHER_LAWS, reason=DECISION_REASON,
                        on=dt.date(2024, 10, 6))
    services.add_note(case, officer, NOTE)
    case.refresh_from_db()
    return case


def test_it_shows_status_dates_and_decision(client, file_case, officer_kalbar):
    case = decided_case(file_case, officer_kalbar)
    status, page = page_of(client, case.tracking_code)
    assert status == 200
    assert "Diputus" in page and "Pilkada Serentak 2024" in page and "Kabupaten Sanggau" in page
    assert "3 Oktober 2024" in page  # received
    assert "4 Oktober 2024" in page and "001/Reg/LP/PB/Kab/20.10/X/2024" in page
    assert "Pelanggaran peraturan perundang-undangan lainnya" in page and "6 Oktober 2024" in page
    assert "Laporan diterima" in page and "Status: Diregister" in page and "Status: Kajian awal selesai" in page


def test_it_never_shows_notes_reasons_or_names(client, file_case, officer_kalbar):
    case = decided_case(file_case, officer_kalbar)
    _, page = page_of(client, case.tracking_code)
    for secret in (NOTE, DECISION_REASON, "Kajian: syarat lengkap", REPORTER["name"], REPORTER["phone"],
                   REPORTER["email"], "Drs. Ahmad Fauzi", "Kepala Dinas Pendidikan", officer_kalbar.username,
                   case.summary, case.place):
        assert secret not in page, secret


def test_a_stop_reason_is_not_shown(client, file_case, officer_kalbar):
    case = file_case()
    services.transition(case, officer_kalbar, "stop", reason=STOP_REASON)
    _, page = page_of(client, case.tracking_code)
    assert "Dihentikan" in page and STOP_REASON not in page


def test_it_shows_a_late_report_flag(client, file_case):
    case = file_case(received=dt.datetime(2024, 10, 20, 9, 0, tzinfo=dt.UTC))
    _, page = page_of(client, case.tracking_code)
    assert case.late_filing and "Terlambat dilaporkan" in page and case.late_filing_note in page


def test_it_shows_that_more_information_was_requested(client, file_case, officer_kalbar):
    case = file_case()
    services.transition(case, officer_kalbar, "check", formal_requirements_met=True, material_requirements_met=True)
    services.transition(case, officer_kalbar, "register", register_number="002/Reg")
    services.transition(case, officer_kalbar, "request_info")
    _, page = page_of(client, case.tracking_code)
    assert "Keterangan tambahan diminta dari pelapor" in page


@pytest.mark.parametrize("typed", ["{code}", "{lower}", "{compact}", "{lower_compact}"])
def test_codes_are_case_insensitive_and_dashes_optional(client, file_case, typed):
    code = file_case().tracking_code
    variants = {"code": code, "lower": code.lower(), "compact": code.replace("-", ""),
                "lower_compact": code.replace("-", "").lower()}
    status, page = page_of(client, typed.format(**variants))
    assert status == 200 and code in page


@pytest.mark.parametrize("code", ["LP-2222-2222", "bukan-kode", "LP-ABCD-EFG0"])
def test_an_unknown_code_is_a_friendly_404(client, file_case, code):
    file_case()
    status, page = page_of(client, code)
    assert status == 404
    assert "Laporan tidak ditemukan" in page and "Periksa kembali kode pelacakan" in page


def test_a_finding_has_no_public_status_page(client, finding_case, officer_kalbar):
    case = finding_case(officer_kalbar)
    status, _ = page_of(client, case.tracking_code)
    assert status == 404


def test_the_tracking_form_redirects_to_the_status_page(client, file_case):
    code = file_case().tracking_code
    response = client.get(reverse("cases:track"), {"code": f"  {code.lower()} "})
    assert response.status_code == 302 and response["Location"] == reverse("cases:track_detail", args=[code])


def test_the_tracking_form_explains_a_malformed_code(client):
    response = client.get(reverse("cases:track"), {"code": "12345"})
    assert response.status_code == 200 and "LP-XXXX-XXXX" in response.content.decode()
    assert "Kode pelacakan berbentuk" in response.content.decode()


def test_the_tracking_page_opens_empty(client):
    response = client.get(reverse("cases:track"))
    assert response.status_code == 200 and 'name="code"' in response.content.decode()


def test_status_pages_are_rate_limited(client, file_case, settings):
    settings.PUBLIC_PAGE_RATE = "3/h"  # a minute-long window sometimes ended mid-test
    code = file_case().tracking_code
    statuses = [page_of(client, code)[0] for _ in range(2)] + [page_of(client, "LP-2222-2222")[0]
                                                               for _ in range(2)]
    assert statuses == [200, 200, 404, 429]
