import re
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
TEMPLATE_ROOT = Path(__file__).resolve().parents[2]


def test_the_home_page_is_in_indonesian(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="id"' in page
    assert "Pengawasan netralitas aparatur sipil negara" in page


def test_the_home_page_links_only_to_pages_that_exist(client):
    page = client.get("/").content.decode()
    links = set(re.findall(r'href="(/[^"#]*)"', page))
    assert links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_static_assets_are_vendored_and_no_template_uses_a_cdn(client):
    page = client.get("/").content.decode()
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+)"', page):
        assert client.get(asset).status_code == 200, asset
    for template in TEMPLATE_ROOT.rglob("templates/**/*.html"):
        assert not re.search(r"(?:src|href)=\"https?://", template.read_text()), template


def test_the_region_browser_searches_with_aliases(client):
    page = client.get(reverse("core:regions"), {"q": "Kalbar"}).content.decode()
    assert "Provinsi Kalimantan Barat" in page


def test_the_region_browser_answers_htmx_with_a_fragment(client):
    response = client.get(reverse("core:regions"), {"q": "Pagaralam"}, HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode()
    assert "Kota Pagar Alam" in response.content.decode()


def test_a_region_page_lists_its_children(client):
    page = client.get(reverse("core:region_detail", args=["61"])).content.decode()
    assert "Kabupaten Sanggau" in page and "Kota Pontianak" in page


def test_an_unknown_region_page_is_a_friendly_404(client):
    response = client.get(reverse("core:region_detail", args=["99.99"]))
    assert response.status_code == 404
    assert "tidak ditemukan" in response.content.decode()


def test_public_pages_are_rate_limited(client, settings):
    settings.PUBLIC_PAGE_RATE = "3/h"  # a minute-long window sometimes ended mid-test
    statuses = [client.get("/").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3] == 429


def test_demo_mode_marks_every_page(client, settings):
    settings.DEMO_MODE = True
    assert "Mode demo" in client.get("/").content.decode()
    settings.DEMO_MODE = False
    assert "Mode demo" not in client.get("/").content.decode()


def test_the_api_docs_load_swagger_from_our_own_static_files(client):
    page = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn." not in page


def test_numbers_use_indonesian_thousands_separators():
    from django.template import Context, Template

    assert Template("{% load humanize %}{{ n|intcomma }}").render(Context({"n": 91599})) == "91.599"


def test_search_results_say_where_each_region_lies(client):
    page = client.get(reverse("core:regions"), {"q": "Kota Bogor"}).content.decode()
    assert "Provinsi Jawa Barat" in page



def test_the_registry_link_shows_only_to_users_with_a_scope(client, officer_kalbar, outsider):
    client.force_login(outsider)
    assert "/registri/pegawai/" not in client.get("/").content.decode()
    client.force_login(officer_kalbar)
    assert "/registri/pegawai/" in client.get("/").content.decode()
