from django.urls import path

from netra.accounts import views

app_name = "accounts"

urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("", views.profile, name="profile"),
    path("2fa/verifikasi/", views.otp_verify, name="otp_verify"),
    path("2fa/aktifkan/", views.otp_setup, name="otp_setup"),
    path("2fa/matikan/", views.otp_disable, name="otp_disable"),
]
