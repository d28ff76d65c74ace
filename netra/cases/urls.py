from django.urls import include, path

app_name = "cases"

urlpatterns = [
    path("", include("netra.cases.urls_public")),
    path("kasus/", include("netra.cases.urls_staff")),
]
