from django.contrib import admin
from django.urls import include, path

from netra.api import api

admin.site.site_header = "Administrasi Netra"
admin.site.site_title = "Netra"
admin.site.index_title = "Data referensi dan pengguna"

urlpatterns = [
    path("", include(("netra.core.urls", "core"))),
    path("akun/", include("netra.accounts.urls")),
    path("registri/", include("netra.registry.urls")),
    path("", include("netra.cases.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

handler404 = "netra.core.views.not_found"
handler500 = "netra.core.views.server_error"
