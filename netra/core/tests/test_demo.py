import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from netra.accounts.models import Membership
from netra.core.demo import DEMO_MARK, DEMO_USERS
from netra.registry.models import Agency

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_it_creates_one_marked_demo_user_per_role_and_prints_credentials(client):
    output = run_demo()
    assert "DATA DEMO" in output and "demo.admin" in output
    users = get_user_model().objects.filter(username__startswith="demo.")
    assert users.count() == len(DEMO_USERS)
    assert all(DEMO_MARK in user.last_name for user in users)
    assert all(DEMO_MARK in name for name in Agency.objects.values_list("name", flat=True))
    from netra.core.demo import DEMO_PASSWORD

    response = client.post("/akun/masuk/", {"username": "demo.bawaslu.kalbar", "password": DEMO_PASSWORD})
    assert response.status_code == 302


def test_running_it_twice_changes_nothing():
    run_demo()
    counts = (get_user_model().objects.count(), Membership.objects.count(), Agency.objects.count())
    run_demo()
    assert (get_user_model().objects.count(), Membership.objects.count(), Agency.objects.count()) == counts


def test_it_creates_demo_cases_in_every_status_with_a_sound_history():
    from netra.cases.audit import verify_chain
    from netra.cases.choices import Status
    from netra.cases.models import Case

    run_demo()
    statuses = set(Case.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    assert all(summary.startswith("[DEMO]") for summary in Case.objects.values_list("summary", flat=True))
    assert verify_chain() == []
    count = Case.objects.count()
    run_demo()
    assert Case.objects.count() == count
