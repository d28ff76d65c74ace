from django.urls import path

from netra.registry import views
from netra.registry.imports import AGENCIES, PERSONS

app_name = "registry"

urlpatterns = [
    path("impor/", views.import_registry, name="import"),
    path("impor/contoh-instansi.csv", views.example_file, {"kind": AGENCIES}, name="example_agencies"),
    path("impor/contoh-pegawai.csv", views.example_file, {"kind": PERSONS}, name="example_persons"),
    path("pegawai/", views.person_list, name="person_list"),
    path("pegawai/<int:person_id>/", views.person_detail, name="person_detail"),
]
