from django.urls import path

from netra.cases import views_public as views

urlpatterns = [
    path("lapor/", views.report, name="report"),
    path("lapor/wilayah/", views.report_regions, name="report_regions"),
    path("lapor/tanda-terima/", views.report_receipt, name="report_receipt"),
    path("lacak/", views.track, name="track"),
    path("lacak/<str:code>/", views.track_detail, name="track_detail"),
]
