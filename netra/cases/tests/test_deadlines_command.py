"""`netra deadlines`: the operator's list of overdue and nearly due cases, and its --notify/--schedule."""

from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from netra.cases import tasks
from netra.cases.tests.test_notifications import TODAY, cases, handler, people, registered  # noqa: F401

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("deadlines", *args, stdout=out, no_color=True)
    return out.getvalue()


@time_machine.travel(TODAY)
def test_it_lists_overdue_and_soon_cases_grouped_by_province(cases):  # noqa: F811
    output = run()
    assert output.startswith(
        "2 kasus terbuka melewati batas waktu atau jatuh tempo dalam 2 hari (per 20 November 2024)")
    kalbar, kalteng = output.index("Kalimantan Barat (61): 1 kasus"), output.index("Kalimantan Tengah (62): 1 kasus")
    overdue, soon = output.index(cases["overdue"].tracking_code), output.index(cases["soon"].tracking_code)
    assert kalbar < overdue < kalteng < soon
    assert "Batas waktu tindak lanjut laporan: 18 November 2024, lewat 2 hari" in output
    assert "22 November 2024, sisa 2 hari" in output
    assert cases["overdue"].summary in output
    for absent in ("later", "closed"):
        assert cases[absent].tracking_code not in output


@time_machine.travel(TODAY)
def test_days_and_overdue_only_change_the_window(cases):  # noqa: F811
    assert cases["later"].tracking_code in run("--days", "3")
    output = run("--overdue-only")
    assert cases["overdue"].tracking_code in output and cases["soon"].tracking_code not in output


@time_machine.travel(TODAY)
def test_an_empty_list_says_so(db):
    assert run() == "Tidak ada kasus terbuka yang melewati batas waktu atau jatuh tempo dalam 2 hari " \
                    "(per 20 November 2024).\n"


def test_negative_days_are_refused(db):
    with pytest.raises(CommandError):
        run("--days", "-1")


@time_machine.travel(TODAY)
def test_notify_sends_the_digests_once(cases, people):  # noqa: F811
    assert "Pengingat terkirim: 4 e-mail, 5 kasus." in run("--notify")
    assert len(mail.outbox) == 4
    assert "Pengingat terkirim: 0 e-mail, 0 kasus." in run("--notify")


def test_schedule_queues_one_sweep(db):
    assert "dijadwalkan" in run("--schedule")
    assert "sudah terjadwal" in run("--schedule")
    assert tasks.pending_sweeps().count() == 1


def test_the_help_reads_well():
    from netra.cases.management.commands.deadlines import Command

    parser = Command().create_parser("netra", "deadlines")
    text = parser.format_help()
    for option in ("--days", "--overdue-only", "--notify", "--schedule"):
        assert option in text
