import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from netra.cases.audit import verify_chain
from netra.cases.models import CaseEvent
from netra.cases.services import transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(file_case, officer_kalbar):
    case = file_case()
    transition(case, officer_kalbar, "check", formal_requirements_met=True, material_requirements_met=True)
    file_case()
    transition(case, officer_kalbar, "stop", reason="Pelapor mencabut laporan.")
    return list(CaseEvent.objects.order_by("seq"))


def run_sql(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def verify_output() -> tuple[str, bool]:
    out = io.StringIO()
    try:
        call_command("audit", "verify", stdout=out)
    except CommandError as error:
        return out.getvalue() + str(error), False
    return out.getvalue(), True


def test_an_untouched_history_verifies(history):
    assert verify_chain() == []
    output, ok = verify_output()
    assert ok and "4 peristiwa" in output


def test_a_row_edited_in_sql_is_named(history):
    run_sql("update cases_caseevent set payload = %s where seq = 2", ['{"transition": "register"}'])
    problems = verify_chain()
    assert [(p.seq, "diubah" in p.message) for p in problems] == [(2, True)]
    output, ok = verify_output()
    assert not ok and "#2" in output


def test_a_changed_actor_or_time_is_caught(history):
    run_sql("update cases_caseevent set at = %s where seq = 3", [history[2].at.replace(year=2023)])
    assert [p.seq for p in verify_chain()] == [3]


def test_a_deleted_event_is_named(history):
    run_sql("delete from cases_caseevent where seq = 2", [])
    problems = verify_chain()
    assert len(problems) == 1 and problems[0].seq == 2 and "dihapus" in problems[0].message


def test_a_deleted_last_event_is_caught(history):
    run_sql("delete from cases_caseevent where seq = 4", [])
    problems = verify_chain()
    assert len(problems) == 1 and "terakhir hilang" in problems[0].message


def test_reordered_events_are_caught(history):
    # swap the contents of events 2 and 3 but keep their numbers
    second, third = history[1], history[2]
    run_sql("update cases_caseevent set seq = 999 where seq = 2", [])
    run_sql("update cases_caseevent set seq = 2 where seq = 3", [])
    run_sql("update cases_caseevent set seq = 3 where seq = 999", [])
    assert {p.seq for p in verify_chain()} >= {2, 3}
    assert second.case_id and third.case_id  # both still exist: only the order changed
