import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def current_token(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_the_login_page_speaks_indonesian(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Masuk ke Netra" in page and "Kata sandi" in page


def test_a_correct_password_logs_in(client, officer_kalbar):
    response = login(client, "pengawas.kalbar")
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_wrong_password_is_refused_with_a_message(client, officer_kalbar):
    response = login(client, "pengawas.kalbar", "salah")
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()


def test_repeated_failures_lock_the_login_out(client, officer_kalbar, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "pengawas.kalbar", "salah")
    locked = login(client, "pengawas.kalbar")  # even the right password, while locked
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan" in locked.content.decode()


def test_logout_is_a_post(client, officer_kalbar):
    login(client, "pengawas.kalbar")
    response = client.post(reverse("accounts:logout"))
    assert "sudah keluar" in response.content.decode()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_a_role_that_requires_2fa_forces_setup_after_login(client, user_with_role):
    user_with_role("pengawas.ri", "bawaslu_ri")  # requires_two_factor = true in roles.toml
    login(client, "pengawas.ri")
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_setup"))


def test_setting_up_totp_with_a_valid_code_unlocks_the_session(client, user_with_role):
    user = user_with_role("pengawas.ri", "bawaslu_ri")
    login(client, "pengawas.ri")
    page = client.get(reverse("accounts:otp_setup"))
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(reverse("accounts:otp_setup"), {"token": current_token(device)})
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_wrong_setup_code_is_refused_with_a_message(client, user_with_role):
    user_with_role("pengawas.ri", "bawaslu_ri")
    login(client, "pengawas.ri")
    client.get(reverse("accounts:otp_setup"))
    device = TOTPDevice.objects.get(confirmed=False)
    wrong = "000000" if current_token(device) != "000000" else "111111"
    response = client.post(reverse("accounts:otp_setup"), {"token": wrong})
    assert "Kode tidak cocok" in response.content.decode()
    again = client.post(reverse("accounts:otp_setup"), {"token": current_token(device)})
    assert "Tunggu beberapa detik" in again.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_a_user_with_a_device_must_enter_a_code_at_each_login(client, officer_kalbar):
    device = TOTPDevice.objects.create(user=officer_kalbar, name="ponsel", confirmed=True)
    login(client, "pengawas.kalbar")
    response = client.get(reverse("accounts:profile"))
    assert response["Location"].startswith(reverse("accounts:otp_verify"))
    refused = client.post(reverse("accounts:otp_verify"), {"token": "12ab"})
    assert "6 angka" in refused.content.decode()
    client.post(reverse("accounts:otp_verify"), {"token": current_token(device)})
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_the_admin_also_requires_the_second_factor(client, user_with_role):
    user_with_role("admin.baru", "admin", is_staff=True)
    login(client, "admin.baru")
    assert client.get("/admin/").status_code == 302


def test_2fa_cannot_be_turned_off_when_the_role_requires_it(client, user_with_role):
    user = user_with_role("pengawas.ri", "bawaslu_ri")
    device = TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)
    login(client, "pengawas.ri")
    client.post(reverse("accounts:otp_verify"), {"token": current_token(device)})
    client.post(reverse("accounts:otp_disable"))
    assert TOTPDevice.objects.filter(user=user).exists()


def test_optional_2fa_can_be_turned_off(client, officer_kalbar):
    device = TOTPDevice.objects.create(user=officer_kalbar, name="ponsel", confirmed=True)
    login(client, "pengawas.kalbar")
    client.post(reverse("accounts:otp_verify"), {"token": current_token(device)})
    client.post(reverse("accounts:otp_disable"))
    assert not TOTPDevice.objects.filter(user=officer_kalbar).exists()


def test_the_next_parameter_cannot_send_users_off_site(client, officer_kalbar):
    device = TOTPDevice.objects.create(user=officer_kalbar, name="ponsel", confirmed=True)
    login(client, "pengawas.kalbar")
    response = client.post(reverse("accounts:otp_verify"), {"token": current_token(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("core:home")
