from django.urls import path

from netra.cases import views_staff as views

urlpatterns = [
    path("", views.inbox_view, name="inbox"),
    path("ekspor.csv", views.export_csv, name="export_csv"),
    path("ekspor.xlsx", views.export_xlsx, name="export_xlsx"),
    path("temuan/baru/", views.finding_new, name="finding_new"),
    path("temuan/impor/", views.findings_import, name="findings_import"),
    path("temuan/impor/contoh.csv", views.import_example, name="import_example"),
    path("<str:tracking_code>/", views.case_detail, name="detail"),
    path("<str:tracking_code>/bukti/", views.case_evidence_add, name="evidence_add"),
    path("<str:tracking_code>/bukti/<int:evidence_id>/", views.download_evidence, name="evidence_download"),
    path("<str:tracking_code>/aksi/<slug:name>/", views.case_action, name="action"),
    path("<str:tracking_code>/catatan/", views.case_note, name="note"),
]
