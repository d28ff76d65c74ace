import pytest

pytestmark = pytest.mark.django_db


def test_it_lists_provinces_by_default(client):
    body = client.get("/api/v1/regions").json()
    assert body["count"] == 38
    assert body["items"][0] == {
        "code": "11", "name": "Aceh", "display_name": "Provinsi Aceh", "level": "province", "parent_code": None,
    }


def test_it_filters_by_parent_and_level(client):
    body = client.get("/api/v1/regions", {"parent": "61", "level": "city"}).json()
    assert {item["name"] for item in body["items"]} == {"Kota Pontianak", "Kota Singkawang"}


def test_it_searches_with_aliases_and_spelling_variants(client):
    assert client.get("/api/v1/regions", {"q": "Kalbar"}).json()["items"][0]["code"] == "61"
    assert client.get("/api/v1/regions", {"q": "Kota Pagaralam"}).json()["items"][0]["code"] == "16.72"
    bogor = [item["code"] for item in client.get("/api/v1/regions", {"q": "Bogor"}).json()["items"]]
    assert bogor[:2] == ["32.01", "32.71"]


def test_it_paginates(client):
    body = client.get("/api/v1/regions", {"level": "regency", "page": 2, "page_size": 10}).json()
    assert body["count"] == 416
    assert len(body["items"]) == 10


def test_it_shows_one_region(client):
    body = client.get("/api/v1/regions/62.71").json()
    assert body["display_name"] == "Kota Palangka Raya"
    assert body["parent_code"] == "62"


def test_an_unknown_code_answers_404_with_a_message(client):
    response = client.get("/api/v1/regions/99.99")
    assert response.status_code == 404
    assert "tidak ditemukan" in response.json()["detail"]


@pytest.mark.parametrize("params", [
    {"level": "planet"}, {"page": 0}, {"page": "dua"}, {"parent": "6x"}, {"q": "x" * 500}, {"page_size": -1},
])
def test_bad_query_parameters_answer_422_with_a_message(client, params):
    response = client.get("/api/v1/regions", params)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"].startswith("Permintaan tidak valid")
    assert body["errors"]


def test_an_unknown_parent_answers_404(client):
    response = client.get("/api/v1/regions", {"parent": "99"})
    assert response.status_code == 404
    assert "99" in response.json()["detail"]


def test_garbage_search_returns_an_empty_page(client):
    body = client.get("/api/v1/regions", {"q": "%%%"}).json()
    assert body == {"items": [], "count": 0}


def test_the_openapi_schema_lists_the_region_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/regions" in paths
    assert "/api/v1/regions/{code}" in paths


def test_the_api_is_rate_limited_for_anonymous_clients(client, settings):
    from netra.api import api

    throttle = api.throttle[0]
    original = throttle.rate, throttle.num_requests, throttle.duration
    throttle.rate, throttle.num_requests, throttle.duration = "3/m", 3, 60
    try:
        statuses = [client.get("/api/v1/regions/61").status_code for _ in range(5)]
    finally:
        throttle.rate, throttle.num_requests, throttle.duration = original
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3] == 429
