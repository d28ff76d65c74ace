import pytest

pytestmark = pytest.mark.django_db


def test_an_english_browser_still_gets_indonesian_dates(client, file_case):
    case = file_case()
    page = client.get(f"/lacak/{case.tracking_code}/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "3 Oktober 2024" in page
    assert "October" not in page


def test_a_chosen_language_is_honoured(client, file_case, settings):
    case = file_case()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(f"/lacak/{case.tracking_code}/").content.decode()
    assert "October" in page
