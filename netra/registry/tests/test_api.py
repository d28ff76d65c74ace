"""GET /api/v1/agencies four ways: anonymous, no role, in scope, out of scope."""

import pytest

from netra.registry.models import Agency, AgencyKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def kalbar_agency(db):
    return Agency.objects.create(name="Pemerintah Provinsi Kalimantan Barat", kind=AgencyKind.PROVINCE, region_id="61")


@pytest.fixture
def kalteng_agency(db):
    return Agency.objects.create(name="Pemerintah Provinsi Kalimantan Tengah", kind=AgencyKind.PROVINCE, region_id="62")


def test_anonymous_callers_are_refused(client, kalbar_agency):
    response = client.get("/api/v1/agencies")
    assert response.status_code == 401
    assert "Masuk terlebih dahulu" in response.json()["detail"]
    assert client.get(f"/api/v1/agencies/{kalbar_agency.pk}").status_code == 401


def test_a_user_without_a_role_sees_an_empty_list_and_404s(client, outsider, kalbar_agency):
    client.force_login(outsider)
    assert client.get("/api/v1/agencies").json() == {"items": [], "count": 0}
    assert client.get(f"/api/v1/agencies/{kalbar_agency.pk}").status_code == 404


def test_an_officer_sees_agencies_in_scope(client, officer_kalbar, kalbar_agency, kalteng_agency):
    client.force_login(officer_kalbar)
    names = [item["name"] for item in client.get("/api/v1/agencies").json()["items"]]
    assert names == [kalbar_agency.name]
    detail = client.get(f"/api/v1/agencies/{kalbar_agency.pk}").json()
    assert detail["region_code"] == "61"


def test_an_out_of_scope_agency_answers_404_like_a_missing_one(client, officer_kalbar, kalteng_agency):
    client.force_login(officer_kalbar)
    out_of_scope = client.get(f"/api/v1/agencies/{kalteng_agency.pk}")
    missing = client.get("/api/v1/agencies/987654")
    assert out_of_scope.status_code == missing.status_code == 404
    assert out_of_scope.json() == missing.json()
