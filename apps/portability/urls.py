from django.urls import path

from apps.portability import views

app_name = "portability"

urlpatterns = [
    path("", views.data_view, name="data"),
    path("export/", views.export_create, name="export"),
    path("export/<uuid:public_id>/", views.export_download, name="download"),
    path("goals.csv", views.goals_csv, name="goals-csv"),
    path("milestones.csv", views.milestones_csv, name="milestones-csv"),
    path("import/", views.import_view, name="import"),
    path("print/", views.plan_print, name="print"),
    path("plan.pdf", views.plan_pdf, name="pdf"),
]
