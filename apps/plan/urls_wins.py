from django.urls import path

from apps.plan.views import wins

app_name = "wins"

# The wins journal. Included at /wins/.
urlpatterns = [
    path("", wins.win_list, name="list"),
    path("new/", wins.win_create, name="create"),
    path("<uuid:public_id>/delete/", wins.win_delete, name="delete"),
]
