"""/kasus/: the inbox, its filters and tallies, four ways (anonymous, no role, in scope, out of scope)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netra.cases.choices import Decision, Origin, Status
from netra.cases.models import Case
from netra.cases.services import today, transition

pytestmark = pytest.mark.django_db

URL = "/kasus/"


def codes(response) -> set[str]:
    return {case.tracking_code for case in response.context["inbox"].page.object_list}


@pytest.fixture
def kalbar_case(file_case):
    return file_case(region="61.03")


@pytest.fixture
def kalteng_case(file_case):
    return file_case(region="62.01")


def test_it_sends_anonymous_users_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith("/akun/masuk/")


def test_it_explains_the_empty_inbox_to_a_user_without_a_role(client, outsider, kalbar_case):
    client.force_login(outsider)
    response = client.get(URL)
    assert response.status_code == 200
    assert "belum memiliki peran" in response.content.decode()
    assert kalbar_case.tracking_code not in response.content.decode()


def test_it_lists_only_cases_in_scope(client, officer_kalbar, kalbar_case, kalteng_case):
    client.force_login(officer_kalbar)
    response = client.get(URL)
    assert response.status_code == 200
    assert codes(response) == {kalbar_case.tracking_code}
    assert kalteng_case.tracking_code not in response.content.decode()


def test_it_lists_everything_for_a_national_user(client, admin_user, kalbar_case, kalteng_case):
    client.force_login(admin_user)
    assert codes(client.get(URL)) == {kalbar_case.tracking_code, kalteng_case.tracking_code}


def test_it_shows_the_columns(client, officer_kalbar, file_case):
    case = file_case(region="61.03", received=dt.datetime(2024, 11, 20, 3, 0, tzinfo=dt.UTC),
                     occurred=dt.date(2024, 11, 1), known=dt.date(2024, 11, 2))
    client.force_login(officer_kalbar)
    page = client.get(URL).content.decode()
    assert case.tracking_code in page and case.summary in page
    assert "20 November 2024" in page and "Kabupaten Sanggau" in page
    assert "Laporan" in page and 'class="badge status-received"' in page
    assert "Terlambat dilaporkan" in page  # known 2 Nov, filed 20 Nov: past the 7-day window


def test_it_orders_newest_first(client, officer_kalbar, file_case):
    older = file_case(received=dt.datetime(2024, 10, 3, tzinfo=dt.UTC))
    newer = file_case(received=dt.datetime(2024, 10, 5, tzinfo=dt.UTC))
    client.force_login(officer_kalbar)
    listed = [c.tracking_code for c in client.get(URL).context["inbox"].page.object_list]
    assert listed == [newer.tracking_code, older.tracking_code]


def test_it_paginates_by_fifty(client, officer_kalbar, file_case):
    for _ in range(51):
        file_case()
    client.force_login(officer_kalbar)
    first, second = client.get(URL), client.get(URL, {"page": 2})
    assert len(first.context["inbox"].page.object_list) == 50
    assert len(second.context["inbox"].page.object_list) == 1
    assert "Halaman 1 dari 2" in first.content.decode()


# --- filters ---------------------------------------------------------------------------------------

def test_it_filters_by_status(client, officer_kalbar, file_case):
    checked, received = file_case(), file_case()
    transition(checked, officer_kalbar, "check", formal_requirements_met=True, material_requirements_met=True)
    client.force_login(officer_kalbar)
    assert codes(client.get(URL, {"status": "checked"})) == {checked.tracking_code}
    assert codes(client.get(URL, {"status": "received"})) == {received.tracking_code}


def test_it_filters_by_election(client, officer_kalbar, file_case):
    pilkada = file_case()
    pemilu = file_case(election_code="pemilu-2024", received=dt.datetime(2024, 1, 10, tzinfo=dt.UTC),
                       occurred=dt.date(2024, 1, 5), known=dt.date(2024, 1, 8))
    client.force_login(officer_kalbar)
    assert codes(client.get(URL, {"election": "pemilu-2024"})) == {pemilu.tracking_code}
    assert codes(client.get(URL, {"election": "pilkada-2024"})) == {pilkada.tracking_code}


def test_it_filters_by_origin(client, officer_kalbar, file_case, finding_case):
    report, finding = file_case(), finding_case(officer_kalbar)
    client.force_login(officer_kalbar)
    assert codes(client.get(URL, {"origin": Origin.FINDING})) == {finding.tracking_code}
    assert codes(client.get(URL, {"origin": Origin.REPORT})) == {report.tracking_code}


def test_it_filters_by_province_and_regency(client, admin_user, file_case):
    sanggau, pontianak, kalteng = file_case(region="61.03"), file_case(region="61.71"), file_case(region="62.01")
    client.force_login(admin_user)
    assert codes(client.get(URL, {"region": "61"})) == {sanggau.tracking_code, pontianak.tracking_code}
    assert codes(client.get(URL, {"region": "61.71"})) == {pontianak.tracking_code}
    assert codes(client.get(URL, {"region": "62"})) == {kalteng.tracking_code}


def test_it_refuses_a_region_outside_scope_without_widening(client, officer_kalbar, file_case):
    file_case(region="61.03")
    client.force_login(officer_kalbar)
    response = client.get(URL, {"region": "62"})
    assert response.status_code == 200
    assert "di luar cakupan Anda" in response.content.decode()
    assert {c.region_id[:2] for c in response.context["inbox"].page.object_list} <= {"61"}
    choices = [code for code, _ in response.context["form"].fields["region"].choices if code]
    assert "61" in choices and "61.03" in choices and not any(code.startswith("62") for code in choices)


def test_it_filters_overdue_and_due_soon(client, officer_kalbar, file_case):
    overdue, soon, later, closed = file_case(), file_case(), file_case(), file_case()
    Case.objects.filter(pk=overdue.pk).update(next_due_on=today() - dt.timedelta(days=1))
    Case.objects.filter(pk=soon.pk).update(next_due_on=today() + dt.timedelta(days=2))
    Case.objects.filter(pk=later.pk).update(next_due_on=today() + dt.timedelta(days=5))
    Case.objects.filter(pk=closed.pk).update(next_due_on=None)
    client.force_login(officer_kalbar)
    assert codes(client.get(URL, {"due": "overdue"})) == {overdue.tracking_code}
    assert codes(client.get(URL, {"due": "soon"})) == {soon.tracking_code}
    page = client.get(URL).content.decode()
    assert 'class="due-due_soon"' in page and 'class="due-overdue"' in page


def test_it_filters_by_violation_code(client, officer_kalbar, file_case):
    dis4, etik = file_case(), file_case(violation_codes=["ETIK-1", "DIS-2"])
    client.force_login(officer_kalbar)
    assert codes(client.get(URL, {"violation": "ETIK-1"})) == {etik.tracking_code}
    assert codes(client.get(URL, {"violation": "DIS-4"})) == {dis4.tracking_code}


def test_it_searches_tracking_code_and_summary(client, officer_kalbar, file_case):
    camat, other = file_case(summary="Camat membagikan bahan kampanye"), file_case()
    client.force_login(officer_kalbar)
    assert codes(client.get(URL, {"q": "bahan kampanye"})) == {camat.tracking_code}
    assert codes(client.get(URL, {"q": other.tracking_code.lower()})) == {other.tracking_code}
    assert codes(client.get(URL, {"q": other.tracking_code[3:7]})) >= {other.tracking_code}


def test_it_answers_htmx_with_the_results_only(client, officer_kalbar, kalbar_case):
    client.force_login(officer_kalbar)
    response = client.get(URL, {"status": "received"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert kalbar_case.tracking_code in body and "<html" not in body


def test_it_ignores_garbage_filters(client, officer_kalbar, kalbar_case):
    client.force_login(officer_kalbar)
    response = client.get(URL, {"status": "nope", "election": "x" * 300, "page": "abc", "due": "'; drop"})
    assert response.status_code == 200 and codes(response) == {kalbar_case.tracking_code}


# --- tallies ---------------------------------------------------------------------------------------

def _decide(case, user, decision):
    transition(case, user, "check", formal_requirements_met=True, material_requirements_met=True)
    transition(case, user, "register", register_number=f"REG/{case.pk}")
    transition(case, user, "decide", decision=decision, reason="Terbukti.")


def test_it_tallies_bawaslus_categories(client, officer_kalbar, file_case):
    cases = [file_case() for _ in range(6)]
    transition(cases[1], officer_kalbar, "check", formal_requirements_met=False, material_requirements_met=True)
    transition(cases[2], officer_kalbar, "check", formal_requirements_met=False, material_requirements_met=True)
    transition(cases[2], officer_kalbar, "not_register", reason="Syarat formal tidak terpenuhi.")
    _decide(cases[3], officer_kalbar, Decision.OTHER_LAWS)
    _decide(cases[4], officer_kalbar, Decision.NOT_VIOLATION)
    transition(cases[5], officer_kalbar, "check", formal_requirements_met=True, material_requirements_met=True)
    transition(cases[5], officer_kalbar, "register", register_number="REG/5")
    file_case(region="62.01")  # out of scope: never counted
    client.force_login(officer_kalbar)
    tallies = client.get(URL).context["inbox"].tallies
    assert tallies == {"total": 6, "not_yet_registered": 2, "registered": 3, "not_registered": 1,
                       "in_progress": 3, "violation": 1, "not_violation": 1}
    assert client.get(URL, {"status": Status.DECIDED}).context["inbox"].tallies["total"] == 2


def test_it_counts_with_few_queries(client, officer_kalbar, file_case):
    for _ in range(5):
        file_case()
    client.force_login(officer_kalbar)
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    case_queries = [q["sql"] for q in queries.captured_queries if '"cases_case"' in q["sql"]]
    assert len(case_queries) == 2, case_queries  # one aggregate for the tallies and the count, one page


def test_it_links_the_exports_with_the_same_filters(client, officer_kalbar, kalbar_case):
    client.force_login(officer_kalbar)
    body = client.get(URL, {"status": "received", "page": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert "/kasus/ekspor.csv?status=received" in body and "/kasus/ekspor.xlsx?status=received" in body
    assert "page=1" not in body.split("exports")[1].split("</p>")[0]


def test_it_shows_the_staff_nav_link(client, officer_kalbar):
    assert 'href="/kasus/"' not in client.get("/").content.decode()
    client.force_login(officer_kalbar)
    assert 'href="/kasus/"' in client.get("/").content.decode()


def test_it_shows_filter_errors_in_htmx_answers(client, officer_kalbar):
    client.force_login(officer_kalbar)
    body = client.get(URL, {"region": "62"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Wilayah: Wilayah tidak dikenal atau di luar cakupan Anda." in body


def test_it_sorts_by_the_nearest_deadline(client, officer_kalbar, file_case):
    newest_no_due = file_case(received=dt.datetime(2024, 10, 9, tzinfo=dt.UTC))
    late, early = file_case(), file_case()
    Case.objects.filter(pk=newest_no_due.pk).update(next_due_on=None)
    Case.objects.filter(pk=late.pk).update(next_due_on=today() + dt.timedelta(days=9))
    Case.objects.filter(pk=early.pk).update(next_due_on=today() - dt.timedelta(days=3))
    client.force_login(officer_kalbar)
    listed = [c.tracking_code for c in client.get(URL, {"sort": "due"}).context["inbox"].page.object_list]
    assert listed == [early.tracking_code, late.tracking_code, newest_no_due.tracking_code]
    assert client.get(URL).context["inbox"].page.object_list[0] == newest_no_due
