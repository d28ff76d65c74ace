from django.shortcuts import redirect
from django.urls import reverse

from netra.accounts.services import has_confirmed_device, needs_second_factor

# Paths a half-logged-in user may still open: the 2FA pages, logout, assets.
OPEN_PREFIXES = ("/akun/2fa/", "/akun/keluar/", "/static/", "/i18n/")


class RequireTwoFactorMiddleware:
    """Until the TOTP check is passed, a user who needs it sees only the 2FA pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and not request.path.startswith(OPEN_PREFIXES) and needs_second_factor(user):
            target = "accounts:otp_verify" if has_confirmed_device(user) else "accounts:otp_setup"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)
