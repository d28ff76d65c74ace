"""Deadline digests: who gets which cases, what the mail says, never the same case twice a day."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from netra.cases import notifications, tasks
from netra.cases.models import Case, DeadlineNotice
from netra.cases.services import can_handle, transition

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2024, 11, 20, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def registered(file_case, officer, region, on, **kwargs):
    case = file_case(region=region, **kwargs)
    transition(case, officer, "check", formal_requirements_met=True, material_requirements_met=True)
    return transition(case, officer, "register", register_number=f"{region}/Reg", on=on)


@pytest.fixture
def handler(admin_user):
    """A superuser-free handler that can register any case (the admin role is national)."""
    return admin_user


@pytest.fixture
def cases(file_case, handler):
    """Pilkada cases: the decision is due 3 calendar days after registration."""
    return {
        "overdue": registered(file_case, handler, "61.03", dt.date(2024, 11, 15)),  # due 18 Nov
        "soon": registered(file_case, handler, "62.01", dt.date(2024, 11, 19)),  # due 22 Nov
        "later": registered(file_case, handler, "61.71", dt.date(2024, 11, 20)),  # due 23 Nov
        "closed": transition(registered(file_case, handler, "61.03", dt.date(2024, 11, 10)), handler, "stop",
                             reason="Dicabut pelapor."),
    }


@pytest.fixture
def people(user_with_role, officer_kalbar, officer_kalteng, admin_user, no_two_factor):
    def with_mail(user, address):
        user.email = address
        user.save()
        return user

    inactive = user_with_role("nonaktif", "bawaslu_provinsi", region="61", email="nonaktif@example.id",
                              is_active=False)
    return {
        "kalbar": with_mail(officer_kalbar, "kalbar@example.id"),
        "kalteng": with_mail(officer_kalteng, "kalteng@example.id"),
        "admin": with_mail(admin_user, "admin@example.id"),
        "sanggau": user_with_role("sanggau", "bawaslu_kabkota", region="61.03", email="sanggau@example.id"),
        "pontianak": user_with_role("pontianak", "bawaslu_kabkota", region="61.71", email="ptk@example.id"),
        "pemda": user_with_role("pemda", "pemda_officer", region="61", email="pemda@example.id"),
        "no_mail": user_with_role("tanpa.surel", "bawaslu_provinsi", region="61"),
        "inactive": inactive,
    }


def inbox() -> dict[str, str]:
    return {message.to[0]: message.body for message in mail.outbox}


@time_machine.travel(TODAY)
def test_at_risk_cases_are_the_open_ones_due_within_the_window(cases):
    found = notifications.cases_at_risk(dt.date(2024, 11, 20), 2)
    assert [item.case for item in found] == [cases["overdue"], cases["soon"]]
    overdue, soon = found
    assert overdue.overdue and overdue.days_left == -2 and overdue.due == dt.date(2024, 11, 18)
    assert overdue.due_phrase() == "Batas waktu tindak lanjut laporan: 18 November 2024, lewat 2 hari"
    assert soon.due_phrase().endswith("22 November 2024, sisa 2 hari")
    assert [i.case for i in notifications.cases_at_risk(dt.date(2024, 11, 20), 2, overdue_only=True)] == [
        cases["overdue"]]


@time_machine.travel(TODAY)
def test_each_handler_gets_one_digest_of_the_cases_in_their_scope(cases, people):
    report = notifications.send_deadline_notices()
    assert report.cases == 2
    received = inbox()
    assert set(received) == {"kalbar@example.id", "kalteng@example.id", "admin@example.id", "sanggau@example.id"}
    assert len(mail.outbox) == 4 == report.emails
    overdue, soon = cases["overdue"].tracking_code, cases["soon"].tracking_code
    assert overdue in received["kalbar@example.id"] and soon not in received["kalbar@example.id"]
    assert soon in received["kalteng@example.id"] and overdue not in received["kalteng@example.id"]
    assert overdue in received["admin@example.id"] and soon in received["admin@example.id"]
    for notice in DeadlineNotice.objects.select_related("case", "user"):
        assert can_handle(notice.user, notice.case)


@time_machine.travel(TODAY)
def test_the_digest_is_plain_indonesian_with_the_clock_and_a_link(cases, people, settings):
    settings.SITE_URL = "https://netra.example.go.id"
    notifications.send_deadline_notices()
    message = next(m for m in mail.outbox if m.to == ["admin@example.id"])
    assert message.subject == "[Netra] 2 kasus mendekati atau melewati batas waktu (1 terlambat) – 20 November 2024"
    body = message.body
    assert body.startswith("Yth. admin.nasional,")
    assert body.index("TERLAMBAT") < body.index(cases["overdue"].tracking_code) < body.index("SEGERA JATUH TEMPO")
    assert "Batas waktu tindak lanjut laporan: 18 November 2024, lewat 2 hari" in body
    assert "Pasal" in body  # the legal basis of the clock
    assert f"https://netra.example.go.id/kasus/{cases['overdue'].tracking_code}/" in body
    assert "Kab. Sanggau" in body or "Sanggau" in body
    assert "Siti" not in body  # never the reporter
    assert message.content_subtype == "plain"


@time_machine.travel(TODAY)
def test_a_second_sweep_the_same_day_sends_nothing(cases, people):
    notifications.send_deadline_notices()
    mail.outbox.clear()
    report = notifications.send_deadline_notices()
    assert report.emails == 0 and mail.outbox == []
    assert DeadlineNotice.objects.count() == 5  # kalbar 1, kalteng 1, sanggau 1, admin 2


def test_the_next_day_reminds_again(cases, people):
    with time_machine.travel(TODAY):
        notifications.send_deadline_notices()
    mail.outbox.clear()
    with time_machine.travel(TODAY + dt.timedelta(days=1)):
        notifications.send_deadline_notices()
    assert "lewat 3 hari" in inbox()["kalbar@example.id"]


@time_machine.travel(TODAY)
def test_a_new_deadline_is_news_the_same_day(cases, people, handler):
    notifications.send_deadline_notices()
    mail.outbox.clear()
    transition(cases["overdue"], handler, "request_info", on=dt.date(2024, 11, 17))  # due 20 Nov now
    notifications.send_deadline_notices()
    assert set(inbox()) == {"kalbar@example.id", "admin@example.id", "sanggau@example.id"}
    assert "20 November 2024, jatuh tempo hari ini" in inbox()["kalbar@example.id"]


@time_machine.travel(TODAY)
def test_long_digests_are_capped_and_count_the_rest(cases, people, monkeypatch):
    monkeypatch.setattr(notifications, "DIGEST_MAX_CASES", 1)
    notifications.send_deadline_notices()
    body = inbox()["admin@example.id"]
    assert cases["overdue"].tracking_code in body and cases["soon"].tracking_code not in body
    assert "Dan 1 kasus lain" in body
    mail.outbox.clear()
    notifications.send_deadline_notices()
    assert mail.outbox == []  # the counted case was announced too


@time_machine.travel(TODAY)
def test_a_failed_send_records_nothing_for_that_person_and_goes_on(cases, people, monkeypatch):
    real_send = notifications.EmailMessage.send

    def flaky(message, *args, **kwargs):
        if message.to == ["kalteng@example.id"]:
            raise OSError("server surat tidak menjawab")
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(notifications.EmailMessage, "send", flaky)
    report = notifications.send_deadline_notices()
    assert report.failed == 1 and report.emails == 3
    assert not DeadlineNotice.objects.filter(user=people["kalteng"]).exists()
    monkeypatch.setattr(notifications.EmailMessage, "send", real_send)
    notifications.send_deadline_notices()
    assert inbox().keys() >= {"kalteng@example.id"}


# --- the periodic task ----------------------------------------------------------------------------

def test_at_most_one_sweep_waits_in_the_queue():
    assert tasks.schedule_sweep() is True
    assert tasks.schedule_sweep() is False
    assert tasks.pending_sweeps().count() == 1


@time_machine.travel(TODAY, tick=True)
def test_the_worker_runs_the_sweep_and_it_queues_the_next_one(cases, people, settings, monkeypatch):
    from django_tasks_db.management.commands import db_worker

    # The worker closes connections that are not in autocommit mode, such as the test's transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.DEADLINE_SWEEP_MINUTES = 30
    tasks.schedule_sweep()
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    assert len(mail.outbox) == 4
    from django_tasks_db.models import DBTaskResult

    done = DBTaskResult.objects.get(status="SUCCESSFUL")
    assert done.return_value == {"cases": 2, "emails": 4, "notices": 5, "failed": 0}
    waiting = tasks.pending_sweeps().get()
    assert dt.timedelta(minutes=29) < waiting.run_after - done.finished_at < dt.timedelta(minutes=31)


@time_machine.travel(TODAY)
def test_with_the_immediate_backend_the_sweep_runs_once_and_stops(cases, people, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    result = tasks.send_deadline_notices.enqueue()
    assert result.status == "SUCCESSFUL" and result.return_value["emails"] == 4
    assert tasks.schedule_sweep() is False


@time_machine.travel(TODAY)
def test_with_the_dummy_backend_the_sweep_queues_its_successor(cases, people, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    tasks.send_deadline_notices.call()
    backend = tasks.send_deadline_notices.get_backend()
    assert [r.task.name for r in backend.results] == ["send_deadline_notices"]
    assert backend.results[0].task.run_after > dt.datetime.now(dt.UTC)
    assert Case.objects.count() == 4
