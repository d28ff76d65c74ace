"""/api/v1/cases: every endpoint anonymous, without a role, in scope and out of scope; bad input never 500."""

import datetime as dt
import json

import pytest

from netra.cases.choices import EventKind, IdentityMode, Status
from netra.cases.models import Case, CaseEvent, Evidence, Reporter
from netra.cases.services import transition
from netra.cases.tests.conftest import REPORTER

pytestmark = pytest.mark.django_db

BASE = "/api/v1/cases"


def report_payload(**overrides):
    today = dt.date.today()
    payload = {
        "election": "pilkada-2024", "region_code": "61.03",
        "summary": "Kepala dinas hadir dalam kampanye pasangan calon",
        "what_happened": "Terlapor hadir dan berorasi dalam kampanye terbuka.",
        "place": "Lapangan Sabang Merah, Sanggau",
        "occurred_on": str(today - dt.timedelta(days=2)), "known_on": str(today - dt.timedelta(days=1)),
        "identity_mode": "confidential",
        "reporter": {"name": "Siti Rahmawati", "address": "Jl. Gajah Mada 12, Pontianak", "phone": "081234567890",
                     "birth_date": "1990-04-02"},
        "reported_persons": [{"name": "Drs. Ahmad Fauzi", "subject_type": "pns", "position": "Kepala Dinas"}],
        "witnesses": [{"name": "Budi Santoso", "phone": "0811111111"}],
        "violation_codes": ["DIS-4"],
        "evidence_urls": ["https://berita.example.id/kampanye"],
    }
    payload.update(overrides)
    return payload


def post(client, path, data):
    return client.post(path, json.dumps(data), content_type="application/json")


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


def messages(response) -> dict:
    return {error["field"].removeprefix("payload."): error["message"] for error in response.json()["errors"]}


@pytest.fixture
def kalbar_case(file_case):
    return file_case(region="61.03")


@pytest.fixture
def kalteng_case(file_case):
    return file_case(region="62.01")


@pytest.fixture
def pemda_kalbar(user_with_role, no_two_factor):
    """Sees the cases of Kalimantan Barat but does not handle them."""
    return user_with_role("pemda.kalbar", "pemda_officer", region="61")


# --- POST /reports (public) -----------------------------------------------------------------------

@pytest.mark.parametrize("persona", [None, "outsider", "officer_kalbar", "officer_kalteng"])
def test_anyone_may_file_a_report(client, request, persona):
    login(client, request.getfixturevalue(persona) if persona else None)
    response = post(client, f"{BASE}/reports", report_payload())
    assert response.status_code == 201, response.content
    body = response.json()
    case = Case.objects.get(tracking_code=body["tracking_code"])
    assert body == {"tracking_code": case.tracking_code, "status": "received", "late_filing": False,
                    "late_filing_note": ""}
    assert case.reporter.identity_mode == IdentityMode.CONFIDENTIAL and case.created_by is None
    assert case.witnesses.count() == 1 and case.reported_persons.get().name == "Drs. Ahmad Fauzi"
    assert list(case.evidence.values_list("url", flat=True)) == ["https://berita.example.id/kampanye"]
    assert list(case.events.values_list("kind", flat=True)) == [EventKind.CREATED, EventKind.EVIDENCE_ADDED]


def test_the_reporter_identity_is_stored_encrypted_as_sent(client):
    from netra.cases.services import reporter_identity

    post(client, f"{BASE}/reports", report_payload())
    identity = reporter_identity(Reporter.objects.get())
    assert identity["name"] == "Siti Rahmawati" and identity["birth_date"] == "1990-04-02"


def test_the_public_intake_needs_no_csrf_token():
    from django.test import Client

    response = post(Client(enforce_csrf_checks=True), f"{BASE}/reports", report_payload())
    assert response.status_code == 201


def test_an_anonymous_report_keeps_no_identity_even_if_sent(client):
    response = post(client, f"{BASE}/reports", report_payload(identity_mode="anonymous"))
    assert response.status_code == 201
    from netra.cases.services import reporter_identity

    assert reporter_identity(Reporter.objects.get()) == {}


def test_a_late_report_is_accepted_and_flagged(client):
    today = dt.date.today()
    response = post(client, f"{BASE}/reports", report_payload(
        occurred_on=str(today - dt.timedelta(days=30)), known_on=str(today - dt.timedelta(days=20))))
    assert response.status_code == 201
    assert response.json()["late_filing"] and "setelah batas waktu" in response.json()["late_filing_note"]


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"occurred_on": "2024-13-45"}, "occurred_on", "Tanggal tidak valid"),
    ({"summary": "   "}, "summary", "Wajib diisi"),
    ({"summary": "x" * 201}, "summary", "paling banyak 200"),
    ({"identity_mode": "rahasia"}, "identity_mode", "Pilih salah satu"),
    ({"reported_persons": [{"name": "A", "subject_type": "menteri"}]}, "reported_persons.0.subject_type",
     "Pilih salah satu"),
    ({"reported_persons": [{"name": "A", "subject_type": "pns", "nip": "123"}]}, "reported_persons.0.nip",
     "Formatnya"),
    ({"evidence_urls": ["javascript:alert(1)"]}, "evidence_urls.0", "Formatnya"),
    ({"place": "Pasar\x00"}, "place", "tidak diizinkan"),
    ({"region_code": "99.99"}, "region_code", "Wilayah tidak dikenal"),
    ({"election": "pemilu-1999"}, "election", "Pemilihan tidak dikenal"),
    ({"reported_persons": []}, "reported_persons", "paling sedikit satu terlapor"),
    ({"violation_codes": ["DIS-99"]}, "violation_codes", "DIS-99"),
    ({"known_on": "2099-01-01"}, "known_on", "masa depan"),
    ({"occurred_on": "2024-10-05", "known_on": "2024-10-01"}, "known_on", "sebelum tanggal kejadian"),
    ({"reporter": None}, "reporter", "identitas pelapor"),
    ({"reporter": {"name": "Siti"}}, "reporter.address", "Wajib diisi"),
    ({"election": "pemilu-2024", "occurred_on": "2020-01-01", "known_on": "2020-01-02"}, "known_on",
     "Kalender hari libur tahun 2020"),
])
def test_bad_reports_answer_422_in_indonesian_and_save_nothing(client, overrides, field, message):
    response = post(client, f"{BASE}/reports", report_payload(**overrides))
    assert response.status_code == 422, response.content
    assert message in messages(response)[field]
    assert not Case.objects.exists() and not CaseEvent.objects.exists() and not Evidence.objects.exists()


def test_a_body_that_is_not_json_is_refused_not_crashed(client):
    response = client.post(f"{BASE}/reports", "{bukan json", content_type="application/json")
    assert 400 <= response.status_code < 500
    assert not Case.objects.exists()


def test_report_intake_is_throttled_per_address(client, settings):
    for _ in range(10):
        assert post(client, f"{BASE}/reports", report_payload()).status_code == 201
    assert post(client, f"{BASE}/reports", report_payload()).status_code == 429
    assert Case.objects.count() == 10


# --- GET /cases -----------------------------------------------------------------------------------

def codes(response) -> set[str]:
    return {item["tracking_code"] for item in response.json()["items"]}


def test_the_list_needs_a_login(client, kalbar_case):
    assert client.get(BASE).status_code == 401


@pytest.mark.parametrize(("persona", "sees"), [
    ("outsider", set()), ("officer_kalbar", {"kalbar"}), ("officer_kalteng", {"kalteng"}),
    ("admin_user", {"kalbar", "kalteng"}), ("pemda_kalbar", {"kalbar"}),
])
def test_the_list_holds_only_cases_in_scope(client, request, kalbar_case, kalteng_case, persona, sees):
    login(client, request.getfixturevalue(persona))
    response = client.get(BASE)
    assert response.status_code == 200
    by_name = {"kalbar": kalbar_case.tracking_code, "kalteng": kalteng_case.tracking_code}
    assert codes(response) == {by_name[name] for name in sees}
    assert response.json()["count"] == len(sees)
    assert "Siti" not in response.content.decode()


def test_the_list_filters(client, admin_user, file_case, officer_kalbar):
    late = file_case(region="61.03")
    transition(late, officer_kalbar, "check", formal_requirements_met=True, material_requirements_met=True)
    transition(late, officer_kalbar, "register", register_number="001/Reg", on=dt.date(2024, 10, 4))
    other = file_case(region="61.71", election_code="pemilu-2024", occurred=dt.date(2024, 2, 1),
                      known=dt.date(2024, 2, 2), violation_codes=["ETIK-1"],
                      received=dt.datetime(2024, 2, 5, 2, 0, tzinfo=dt.UTC))
    login(client, admin_user)
    assert codes(client.get(BASE, {"status": "registered"})) == {late.tracking_code}
    assert codes(client.get(BASE, {"overdue": "true"})) == {late.tracking_code}
    assert codes(client.get(BASE, {"region": "61.71"})) == {other.tracking_code}
    assert codes(client.get(BASE, {"region": "61"})) == {late.tracking_code, other.tracking_code}
    assert codes(client.get(BASE, {"election": "pemilu-2024"})) == {other.tracking_code}
    assert codes(client.get(BASE, {"violation_code": "ETIK-1"})) == {other.tracking_code}
    assert codes(client.get(BASE, {"origin": "temuan"})) == set()
    assert client.get(BASE, {"status": "bingung"}).status_code == 422
    assert client.get(BASE, {"region": "61;drop"}).status_code == 422


def test_a_region_filter_cannot_widen_the_scope(client, officer_kalbar, kalteng_case):
    login(client, officer_kalbar)
    assert codes(client.get(BASE, {"region": "62"})) == set()


# --- GET /cases/{code} ----------------------------------------------------------------------------

def test_the_detail_needs_a_login(client, kalbar_case):
    assert client.get(f"{BASE}/{kalbar_case.tracking_code}").status_code == 401


@pytest.mark.parametrize("persona", ["outsider", "officer_kalteng"])
def test_the_detail_is_404_outside_the_scope(client, request, kalbar_case, persona):
    login(client, request.getfixturevalue(persona))
    response = client.get(f"{BASE}/{kalbar_case.tracking_code}")
    assert response.status_code == 404
    assert "cakupan" in response.json()["detail"]


def test_a_handler_sees_the_whole_case_with_the_reporter(client, officer_kalbar, kalbar_case):
    transition(kalbar_case, officer_kalbar, "check", formal_requirements_met=True, material_requirements_met=True)
    transition(kalbar_case, officer_kalbar, "register", register_number="001/Reg", on=dt.date(2024, 10, 4))
    login(client, officer_kalbar)
    body = client.get(f"{BASE}/{kalbar_case.tracking_code.lower()}").json()
    assert body["status"] == "registered" and body["status_label"] == "Diregister"
    assert body["reporter"]["name"] == REPORTER["name"] and body["identity_mode"] == "confidential"
    assert body["reported_persons"][0]["name"] == "Drs. Ahmad Fauzi"
    assert [code["code"] for code in body["violation_codes"]] == ["DIS-4"]
    assert [(e["seq"] > 0, e["kind"], e["to_status"]) for e in body["history"]] == [
        (True, "created", "received"), (True, "transition", "checked"), (True, "transition", "registered")]
    assert body["history"][1]["actor"] == officer_kalbar.username
    assert body["history"][2]["payload"]["register_number"] == "001/Reg"
    decision = next(c for c in body["clocks"] if c["label"].startswith("Batas waktu tindak lanjut"))
    assert decision["due"] == "2024-10-07" and decision["status"] == "overdue" and decision["legal_basis"]
    assert body["next_due_on"] == "2024-10-07"
    assert set(body["transitions"]) == {"clarify", "request_info", "decide", "stop", "merge"}


def test_a_viewer_who_does_not_handle_never_sees_the_reporter(client, pemda_kalbar, kalbar_case):
    login(client, pemda_kalbar)
    response = client.get(f"{BASE}/{kalbar_case.tracking_code}")
    assert response.status_code == 200
    body = response.json()
    assert body["reporter"] is None and body["witnesses"] is None and body["transitions"] == []
    content = response.content.decode()
    for value in (REPORTER["name"], REPORTER["phone"], REPORTER["email"], "Gajah Mada"):
        assert value not in content


def test_an_anonymous_report_shows_no_reporter_even_to_its_handler(client, officer_kalbar, file_case):
    case = file_case(mode=IdentityMode.ANONYMOUS)
    login(client, officer_kalbar)
    body = client.get(f"{BASE}/{case.tracking_code}").json()
    assert body["reporter"] is None and body["identity_mode"] == "anonymous"


# --- POST /cases/findings -------------------------------------------------------------------------

def finding_payload(**overrides):
    payload = report_payload(**overrides)
    for key in ("identity_mode", "reporter"):
        payload.pop(key)
    return payload


def test_findings_need_a_login(client):
    assert post(client, f"{BASE}/findings", finding_payload()).status_code == 401
    assert not Case.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "pemda_kalbar", "officer_kalteng"])
def test_findings_are_refused_without_a_handling_role_in_the_region(client, request, persona):
    login(client, request.getfixturevalue(persona))
    response = post(client, f"{BASE}/findings", finding_payload())
    assert response.status_code == 403 and response.json()["detail"]
    assert not Case.objects.exists() and not CaseEvent.objects.exists()


def test_a_handler_records_a_finding_in_scope(client, officer_kalbar):
    login(client, officer_kalbar)
    response = post(client, f"{BASE}/findings", finding_payload())
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["tracking_code"].startswith("TM-") and body["origin"] == "temuan"
    assert body["reporter"] is None and body["identity_mode"] is None
    assert len(body["evidence"]) == 1 and body["history"][0]["actor"] == officer_kalbar.username


def test_a_bad_finding_answers_422(client, officer_kalbar):
    login(client, officer_kalbar)
    response = post(client, f"{BASE}/findings", finding_payload(known_on="2099-01-01"))
    assert response.status_code == 422 and "masa depan" in messages(response)["known_on"]
    assert not Case.objects.exists()


# --- POST /cases/{code}/transitions ---------------------------------------------------------------

CHECK = {"name": "check", "inputs": {"formal_requirements_met": True, "material_requirements_met": True}}


def test_transitions_need_a_login(client, kalbar_case):
    assert post(client, f"{BASE}/{kalbar_case.tracking_code}/transitions", CHECK).status_code == 401


@pytest.mark.parametrize(("persona", "status"), [("outsider", 404), ("officer_kalteng", 404), ("pemda_kalbar", 403)])
def test_transitions_are_refused_outside_the_scope_or_role(client, request, kalbar_case, persona, status):
    login(client, request.getfixturevalue(persona))
    response = post(client, f"{BASE}/{kalbar_case.tracking_code}/transitions", CHECK)
    assert response.status_code == status and response.json()["detail"]
    assert Case.objects.get(pk=kalbar_case.pk).status == Status.RECEIVED
    assert CaseEvent.objects.filter(case=kalbar_case).count() == 1


def test_a_register_number_longer_than_its_column_is_refused(client, officer_kalbar, kalbar_case):
    login(client, officer_kalbar)
    post(client, f"{BASE}/{kalbar_case.tracking_code}/transitions", CHECK)
    response = post(client, f"{BASE}/{kalbar_case.tracking_code}/transitions",
                    {"name": "register", "inputs": {"register_number": "9" * 81}})
    assert response.status_code == 422 and "paling banyak 80" in messages(response)["inputs.register_number"]
    assert Case.objects.get(pk=kalbar_case.pk).status == Status.CHECKED


def test_a_handler_moves_the_case(client, officer_kalbar, kalbar_case):
    login(client, officer_kalbar)
    response = post(client, f"{BASE}/{kalbar_case.tracking_code}/transitions", CHECK)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "checked" and response.json()["transitions"] == ["register", "not_register",
                                                                                          "stop", "merge"]
    response = post(client, f"{BASE}/{kalbar_case.tracking_code}/transitions",
                    {"name": "register", "inputs": {"register_number": "001/Reg/LP"}})
    assert response.json()["status"] == "registered" and response.json()["next_due_on"]


@pytest.mark.parametrize(("body", "status", "message"), [
    ({"name": "decide", "inputs": {"decision": "not_violation", "reason": "x"}}, 409, "tidak dapat dilakukan"),
    ({"name": "check", "inputs": {}}, 409, "Lengkapi"),
    ({"name": "terbang", "inputs": {}}, 400, "tidak dikenal"),
    ({"name": "check", "inputs": {"formal_requirements_met": "false", "material_requirements_met": True}}, 422,
     "true atau false"),
    ({"name": "stop", "inputs": {"reason": "x", "on": "2020-01-01"}}, 422, "tidak dikenal"),
    ({"name": "stop", "inputs": {"reason": "a\x00b"}}, 422, "tidak diizinkan"),
    ({"name": "merge", "inputs": {"target": "LP-0000-0000"}}, 422, "Kasus tujuan"),
    ({"name": "stop", "inputs": {"reason": "x" * 5001}}, 422, "paling banyak 5000"),
    ({"name": "check", "inputs": []}, 422, "Harus berupa objek"),
    ({"inputs": {}}, 422, "Wajib diisi"),
])
def test_refused_transitions_say_why_and_change_nothing(client, officer_kalbar, kalbar_case, body, status, message):
    login(client, officer_kalbar)
    response = post(client, f"{BASE}/{kalbar_case.tracking_code}/transitions", body)
    assert response.status_code == status, response.content
    assert message in response.content.decode("unicode_escape") or message in json.dumps(response.json(),
                                                                                            ensure_ascii=False)
    assert Case.objects.get(pk=kalbar_case.pk).status == Status.RECEIVED
    assert CaseEvent.objects.filter(case=kalbar_case).count() == 1


def test_merge_resolves_the_target_within_the_scope(client, officer_kalbar, kalbar_case, file_case, kalteng_case):
    duplicate = file_case(region="61.03")
    login(client, officer_kalbar)
    url = f"{BASE}/{duplicate.tracking_code}/transitions"
    outside = post(client, url, {"name": "merge", "inputs": {"target": kalteng_case.tracking_code}})
    assert outside.status_code == 422
    response = post(client, url, {"name": "merge", "inputs": {"target": kalbar_case.tracking_code.lower()}})
    assert response.status_code == 200 and response.json()["merged_into"] == kalbar_case.tracking_code
    assert response.json()["status"] == "merged"


# --- GET /cases/{code}/public ---------------------------------------------------------------------

@pytest.mark.parametrize("persona", [None, "outsider", "officer_kalbar", "officer_kalteng"])
def test_anyone_with_the_code_sees_the_public_status(client, request, persona, officer_kalbar, kalbar_case):
    transition(kalbar_case, officer_kalbar, "check", formal_requirements_met=True, material_requirements_met=True,
               reason="Catatan internal petugas")
    login(client, request.getfixturevalue(persona) if persona else None)
    response = client.get(f"{BASE}/{kalbar_case.tracking_code}/public")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "checked" and body["status_label"] == "Kajian awal selesai"
    assert body["received_on"] == "2024-10-03"
    assert [(e["kind"], e["status"]) for e in body["timeline"]] == [("created", "received"), ("transition", "checked")]
    content = response.content.decode()
    for private in ("Catatan internal", officer_kalbar.username, REPORTER["name"], "Ahmad Fauzi", "payload"):
        assert private not in content


def test_the_public_status_is_404_for_unknown_codes_and_findings(client, officer_kalbar, finding_case):
    finding = finding_case(officer_kalbar)
    assert client.get(f"{BASE}/LP-0000-0000/public").status_code == 404
    assert client.get(f"{BASE}/{finding.tracking_code}/public").status_code == 404


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/cases", "/api/v1/cases/reports", "/api/v1/cases/findings", "/api/v1/cases/{tracking_code}",
            "/api/v1/cases/{tracking_code}/transitions", "/api/v1/cases/{tracking_code}/public"} <= set(paths)
