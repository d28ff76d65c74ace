from django.urls import path

from netra.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("wilayah/", views.regions, name="regions"),
    path("wilayah/<str:code>/", views.region_detail, name="region_detail"),
]
