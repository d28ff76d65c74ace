import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from netra.cases.choices import EventKind, IdentityMode, Origin, Status
from netra.cases.models import Case, CaseEvent
from netra.cases.services import file_report, reporter_identity
from netra.cases.tests.conftest import REPORTER, case_input

pytestmark = pytest.mark.django_db


def test_a_report_gets_a_tracking_code_an_event_and_its_clocks(file_case):
    case = file_case()
    assert case.origin == Origin.REPORT and case.status == Status.RECEIVED
    assert case.tracking_code.startswith("LP-") and len(case.tracking_code) == 12
    assert case.province_code == "61" and case.regency_code == "61.03"
    event = CaseEvent.objects.get(case=case)
    assert event.kind == EventKind.CREATED and event.to_status == Status.RECEIVED
    assert case.next_due_on is None  # nothing is due until the case is registered


def test_reporter_identity_is_encrypted_at_rest(file_case):
    case = file_case()
    with connection.cursor() as cursor:
        cursor.execute("select identity_ciphertext from cases_reporter where case_id = %s", [case.pk])
        stored = bytes(cursor.fetchone()[0])
    for value in ("Siti Rahmawati", "081234567890", "siti@example.id", "Gajah Mada"):
        assert value.encode() not in stored
    assert reporter_identity(case.reporter)["name"] == "Siti Rahmawati"


def test_an_anonymous_report_keeps_no_identity(file_case):
    case = file_case(mode=IdentityMode.ANONYMOUS)
    assert reporter_identity(case.reporter) == {}


def test_a_late_pilkada_report_is_recorded_and_flagged_with_the_rule(file_case):
    # learned 1 October, filed 9 October: the 7 calendar days ended on 8 October
    case = file_case(received=dt.datetime(2024, 10, 9, 3, 0, tzinfo=dt.UTC), occurred=dt.date(2024, 9, 30),
                     known=dt.date(2024, 10, 1))
    assert case.late_filing
    assert "1 hari" in case.late_filing_note and "Pasal 134" in case.late_filing_note
    assert "8 Oktober 2024" in case.late_filing_note


def test_a_report_on_the_last_day_is_on_time(file_case):
    case = file_case(received=dt.datetime(2024, 10, 8, 8, 0, tzinfo=dt.UTC), occurred=dt.date(2024, 10, 1),
                     known=dt.date(2024, 10, 1))
    assert not case.late_filing


def test_a_late_pemilu_report_counts_working_days(file_case):
    # learned Friday 2 Feb 2024; the 7 working days skip two weekends, 8 Feb (Isra Mikraj), 9 Feb (cuti
    # bersama Imlek) and 14 Feb (voting day): the last day is Friday 16 Feb, the next is Monday 19 Feb.
    on_time = file_case(election_code="pemilu-2024", occurred=dt.date(2024, 2, 1), known=dt.date(2024, 2, 2),
                        received=dt.datetime(2024, 2, 16, 8, 0, tzinfo=dt.UTC))
    late = file_case(election_code="pemilu-2024", occurred=dt.date(2024, 2, 1), known=dt.date(2024, 2, 2),
                     received=dt.datetime(2024, 2, 19, 2, 0, tzinfo=dt.UTC))
    assert not on_time.late_filing
    assert late.late_filing and "hari kerja" in late.late_filing_note


@pytest.mark.parametrize(("occurred", "known", "field", "message"), [
    (dt.date(2024, 10, 5), dt.date(2024, 10, 2), "occurred_on", "masa depan"),
    (dt.date(2024, 10, 2), dt.date(2024, 10, 1), "known_on", "sebelum tanggal kejadian"),
])
def test_impossible_dates_are_refused_with_a_message_and_nothing_is_saved(occurred, known, field, message):
    with pytest.raises(ValidationError) as error:
        file_report(case_input(occurred=occurred, known=known), REPORTER, IdentityMode.OPEN,
                    received_at=dt.datetime(2024, 10, 3, 9, 0, tzinfo=dt.UTC))
    assert message in " ".join(error.value.message_dict[field])
    assert not Case.objects.exists() and not CaseEvent.objects.exists()


def test_a_report_needs_a_reported_person_and_known_codes():
    with pytest.raises(ValidationError) as error:
        file_report(case_input(reported_persons=[], violation_codes=["DIS-99"]), REPORTER, IdentityMode.OPEN)
    assert set(error.value.message_dict) == {"reported_persons", "violation_codes"}
    assert not Case.objects.exists()


def test_a_finding_is_recorded_by_a_handler_in_scope(finding_case, officer_kalbar):
    case = finding_case(officer_kalbar)
    assert case.origin == Origin.FINDING and case.tracking_code.startswith("TM-")
    assert CaseEvent.objects.get(case=case).actor == officer_kalbar


def test_a_finding_outside_the_handlers_scope_is_refused_and_not_saved(finding_case, officer_kalteng):
    with pytest.raises(PermissionDenied):
        finding_case(officer_kalteng)
    assert not Case.objects.exists()


def test_the_catalogue_and_elections_are_loaded_as_reference_data():
    from netra.cases.models import Election, ViolationCode

    assert ViolationCode.objects.filter(code__startswith="ETIK-").count() == 7
    assert ViolationCode.objects.filter(code__startswith="DIS-").count() == 12
    assert set(Election.objects.values_list("code", "kind")) >= {("pilkada-2024", "pilkada"), ("pemilu-2024", "pemilu")}
