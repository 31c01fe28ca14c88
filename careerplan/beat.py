"""Celery beat's schedule: every periodic job, with why it runs when it does."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # The reminder sweep: every minute, so a reminder is at most a minute late. One static
    # entry for everyone; each schedule's own time lives in the database (next_due_at).
    "dispatch-due-reminders": {
        "task": "apps.checkins.tasks.dispatch_due_reminders",
        "schedule": 60.0,
    },
    # Notification mail: every minute, so a daily digest goes within a minute of the person's
    # own morning and a lost or retried email is queued again soon after.
    "sweep-notification-mail": {
        "task": "apps.notifications.tasks.sweep_notification_mail",
        "schedule": 60.0,
    },
    # Meeting reminders: every minute, so the reminder a day before a meeting is at most a
    # minute late and a lost or retried one is queued again soon after.
    "sweep-meeting-reminders": {
        "task": "apps.meetings.tasks.sweep_meeting_reminders",
        "schedule": 60.0,
    },
    # Database-backed sessions pile up; clearing them daily at a quiet hour keeps the table small.
    "clear-expired-sessions": {
        "task": "apps.accounts.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=17),
    },
    # Mentorships past their agreed end date: access stopped at the date already (the access
    # condition checks it); this marks them ended and tells both sides, once, just after
    # midnight UTC.
    "end-due-mentorships": {
        "task": "apps.mentorship.tasks.end_due_mentorships",
        "schedule": crontab(hour=0, minute=7),
    },
    # Mentor requests open for a week: the mentor's one reminder and word to the planner.
    # Hourly, so a reminder is at most an hour late; the claim makes a second run a no-op.
    "remind-unanswered-mentor-requests": {
        "task": "apps.directory.tasks.remind_unanswered_requests",
        "schedule": crontab(minute=41),
    },
    # Prepared downloads of a person's data are kept only until their link expires (a day);
    # hourly, so an expired file lingers at most an hour.
    "purge-expired-exports": {
        "task": "apps.portability.tasks.purge_expired_exports",
        "schedule": crontab(minute=23),
    },
}
