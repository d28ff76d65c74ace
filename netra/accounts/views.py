from base64 import b32encode

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from netra.accounts.forms import LoginForm, TokenForm
from netra.accounts.services import has_confirmed_device, two_factor_required


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return "core:home"


@login_required
def profile(request):
    memberships = request.user.memberships.select_related("role", "region", "agency")
    return render(request, "accounts/profile.html", {
        "memberships": memberships,
        "has_device": has_confirmed_device(request.user),
        "two_factor_required": two_factor_required(request.user),
    })


@login_required
def otp_verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("Kode salah atau sudah kedaluwarsa. Coba kode yang baru."))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": _next_url(request)})


def _pending_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Aplikasi autentikator", confirmed=False)


@login_required
def otp_setup(request):
    if has_confirmed_device(request.user):
        messages.info(request, _("Verifikasi dua langkah sudah aktif untuk akun ini."))
        return redirect("accounts:profile")
    device = _pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            form.add_error("token", _("Terlalu banyak kode yang salah. Tunggu beberapa detik lalu coba lagi."))
        elif device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Verifikasi dua langkah aktif. Simpan aplikasi autentikator Anda baik-baik."))
            return redirect(_next_url(request))
        else:
            form.add_error("token", _("Kode tidak cocok. Pastikan jam ponsel tepat lalu coba kode yang baru."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#111827")
    return render(request, "accounts/otp_setup.html", {
        "form": form, "qr_svg": qr_svg, "secret_base32": b32encode(device.bin_key).decode().rstrip("="),
        "next": _next_url(request),
    })


@login_required
@require_POST
def otp_disable(request):
    if two_factor_required(request.user):
        messages.error(request, _("Peran Anda mewajibkan verifikasi dua langkah; fitur ini tidak dapat dimatikan."))
        return redirect("accounts:profile")
    TOTPDevice.objects.filter(user=request.user).delete()
    messages.success(request, _("Verifikasi dua langkah dimatikan."))
    return redirect("accounts:profile")
