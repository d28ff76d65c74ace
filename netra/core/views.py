from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django_ratelimit.decorators import ratelimit

from netra.regions.models import Level, Region
from netra.regions.services import attach_paths, search_regions


def public_page_rate(group, request) -> str:
    return settings.PUBLIC_PAGE_RATE


def public_limit(view):
    """Every public page: at most NETRA_PUBLIC_PAGE_RATE requests per client address."""
    return ratelimit(key="ip", rate=public_page_rate, block=True)(view)


def rate_limited(request, exception=None):
    return render(request, "core/rate_limited.html", status=429)


@public_limit
def home(request):
    return render(request, "core/home.html", {"region_count": Region.objects.count()})


@public_limit
def regions(request):
    query = request.GET.get("q", "").strip()[:100]
    found = attach_paths(search_regions(query, None, None)[:50]) if query else []
    provinces = [] if query else Region.objects.filter(level=Level.PROVINCE).order_by("code")
    template = "regions/_results.html" if request.headers.get("HX-Request") else "regions/browse.html"
    return render(request, template, {"query": query, "found": found, "provinces": provinces})


@public_limit
def region_detail(request, code):
    region = get_object_or_404(Region.objects.select_related("parent"), code=code)
    children = region.children.order_by("code")
    ancestors = Region.objects.filter(code__in=region.ancestors_and_self_codes()[:-1]).order_by("code")
    return render(request, "regions/detail.html", {"region": region, "children": children, "ancestors": ancestors})


def not_found(request, exception=None):
    return render(request, "core/404.html", status=404)


def server_error(request):
    return render(request, "core/500.html", status=500)
