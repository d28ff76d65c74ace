"""Background jobs (django-tasks, run by ``netra db_worker``).

``send_deadline_notices`` e-mails the deadline digests and then schedules itself again
``NETRA_DEADLINE_SWEEP_MINUTES`` later, so one running worker keeps the sweep going forever.
``netra deadlines --schedule`` starts it; at most one sweep ever waits in the queue.
"""

import datetime as dt

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from netra.cases import notifications

SWEEP_LOCK_KEY = 74_101_001  # PostgreSQL advisory lock: one scheduler at a time


@task()
def send_deadline_notices() -> dict:
    """One deadline sweep; the next one is queued even when this one fails."""
    try:
        return notifications.send_deadline_notices().as_dict()
    finally:
        schedule_sweep(delay=dt.timedelta(minutes=settings.DEADLINE_SWEEP_MINUTES))


def pending_sweeps():
    """The sweeps waiting in the database queue (not the one running now)."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=send_deadline_notices.module_path, status=TaskResultStatus.READY)


def _uses_database_queue() -> bool:
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(send_deadline_notices.get_backend(), DatabaseBackend)


def schedule_sweep(delay: dt.timedelta = dt.timedelta(0)) -> bool:
    """Queue a sweep to run after ``delay`` unless one is already waiting; True when this call queued it.

    Backends that cannot defer (the immediate backend of tests and development) are not re-queued:
    the sweep would call itself forever.
    """
    sweep = send_deadline_notices
    if not sweep.get_backend().supports_defer:
        return False
    if not _uses_database_queue():
        sweep.using(run_after=timezone.now() + delay).enqueue()
        return True
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SWEEP_LOCK_KEY])
        if pending_sweeps().exists():
            return False
        sweep.using(run_after=timezone.now() + delay).enqueue()
    return True
