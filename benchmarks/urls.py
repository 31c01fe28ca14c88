"""The product's URLs, plus `bench/baseline`: what every signed-in page pays before it starts.

The baseline goes through the whole middleware stack, loads the session and the user, and
answers two bytes without a template or a query of its own. A page's throughput divided by the
baseline's is the share of the request budget that is left after the page's own work.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

from careerplan.urls import urlpatterns as product_urlpatterns


@require_GET
@login_required
def baseline(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/baseline", baseline, name="bench-baseline"),
    *product_urlpatterns,
]
