from django.urls import path

from apps.goals import views_wins

app_name = "wins"

# The wins journal.
urlpatterns = [
    path("", views_wins.win_list, name="list"),
    path("new/", views_wins.win_create, name="create"),
    path("<uuid:public_id>/delete/", views_wins.win_delete, name="delete"),
]
