"""The JSON API under /api/v1/, with its OpenAPI schema at /api/v1/openapi.json."""

from django.conf import settings
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, Throttled, ValidationError
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from netra.cases.api import router as cases_router
from netra.regions.api import router as regions_router
from netra.registry.api import router as registry_router

api = NinjaAPI(
    title="Netra API",
    version="1",
    description="Pengawasan netralitas ASN dan perangkat desa. Semua tanggal ISO 8601, zona Asia/Jakarta.",
    urls_namespace="api",
    throttle=[AnonRateThrottle(settings.API_ANON_RATE), AuthRateThrottle(settings.API_USER_RATE)],
)
api.add_router("/regions", regions_router)
api.add_router("/agencies", registry_router)
api.add_router("/cases", cases_router)


@api.exception_handler(ValidationError)
def invalid_input(request, exc: ValidationError):
    problems = [
        {"field": ".".join(str(part) for part in error.get("loc", ())[1:]), "message": error.get("msg", "")}
        for error in exc.errors
    ]
    return api.create_response(
        request, {"detail": "Permintaan tidak valid. Periksa parameter yang disebut.", "errors": problems}, status=422
    )


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    return api.create_response(request, {"detail": "Data tidak ditemukan atau di luar cakupan Anda."}, status=404)


@api.exception_handler(AuthenticationError)
def not_logged_in(request, exc: AuthenticationError):
    return api.create_response(request, {"detail": "Masuk terlebih dahulu untuk memakai endpoint ini."}, status=401)


@api.exception_handler(Throttled)
def too_many_requests(request, exc: Throttled):
    return api.create_response(
        request, {"detail": "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi."}, status=429
    )
