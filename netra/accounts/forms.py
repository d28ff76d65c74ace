from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Nama pengguna atau kata sandi salah. Periksa lalu coba lagi."),
        "inactive": _("Akun ini tidak aktif. Hubungi administrator."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Nama pengguna")
        self.fields["password"].label = _("Kata sandi")


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Kode 6 angka dari aplikasi autentikator"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Kode terdiri dari 6 angka."), "required": _("Masukkan kode 6 angka.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_token(self) -> str:
        return self.cleaned_data["token"].strip()
