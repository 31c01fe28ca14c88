from django.urls import path

from apps.meetings.views import meeting, schedule

app_name = "meetings"

urlpatterns = [
    path("with/<uuid:public_id>/", schedule.meetings_list, name="list"),
    path("with/<uuid:public_id>/rhythm/", schedule.series_save, name="series"),
    path("with/<uuid:public_id>/rhythm/stop/", schedule.series_stop, name="series-stop"),
    path("with/<uuid:public_id>/one-off/", schedule.one_off, name="one-off"),
    path("with/<uuid:public_id>/reminders/", schedule.reminders, name="reminders"),
    path("stop/<str:token>/", schedule.stop, name="stop"),
    path("<uuid:public_id>/", meeting.meeting_page, name="meeting"),
    path("<uuid:public_id>/agenda/", meeting.agenda_add, name="agenda-add"),
    path("<uuid:public_id>/notes/", meeting.note_add, name="note-add"),
]
