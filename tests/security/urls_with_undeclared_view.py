"""The project's URLs plus two views nobody declared, to prove the harness notices."""

from django.http import HttpResponse
from django.urls import include, path

from careerplan.urls import urlpatterns as project_urlpatterns


def report(request):
    return HttpResponse("secret report")


extra = ([path("report/", report, name="undeclared-report")], "core")

urlpatterns = [
    *project_urlpatterns,
    path("extra/", include(extra)),
    path("stray/", report),
]
