from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "apps.meetings"
    label = "meetings"

    def ready(self) -> None:
        # The meetings join each person's calendar feed and the mentorship pages; plan and
        # mentorship never import this app.
        from apps.meetings import failed_mail, hooks, stalls
        from apps.mentorship.extras import register_next_meeting
        from apps.mentorship.stalls import register_check
        from apps.notifications.registry import register_kind
        from apps.plan.feed_events import register_events

        register_events(hooks.feed_events)
        register_next_meeting(hooks.next_meetings)
        register_kind(hooks.KIND, describe=hooks.describe, related=hooks.RELATED)
        failed_mail.register()
        # Falling behind the agreed rhythm is one of the Mentees page's stall flags.
        register_check(stalls.meetings_missed)
