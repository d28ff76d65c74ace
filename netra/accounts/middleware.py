from functools import cache

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from netra.accounts.services import has_confirmed_device, needs_second_factor

# Pages a half-logged-in user may still open: the 2FA pages, logout and the language switch.
OPEN_VIEWS = (
    "accounts:otp_verify", "accounts:otp_setup", "accounts:otp_disable", "accounts:logout", "set_language",
)


@cache
def _open_prefixes() -> tuple[str, ...]:
    """The paths of OPEN_VIEWS (read from the URL configuration) plus static files."""
    return (*(reverse(name) for name in OPEN_VIEWS), f"/{settings.STATIC_URL.lstrip('/')}")


class RequireTwoFactorMiddleware:
    """Until the TOTP check is passed, a user who needs it sees only the 2FA pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and not request.path.startswith(_open_prefixes()) and needs_second_factor(user):
            target = "accounts:otp_verify" if has_confirmed_device(user) else "accounts:otp_setup"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)
