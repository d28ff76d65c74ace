from django.conf import settings

from netra.registry.services import can_browse_registry


def site(request):
    user = getattr(request, "user", None)
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "NETRA_VERSION": settings.NETRA_VERSION,
        "SHOW_REGISTRY": bool(user and can_browse_registry(user)),
    }
