"""A planner sets a check-in rhythm, gets the reminder, follows it to a check-in, and a week
later keeps the streak going, in a real browser."""

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from playwright.sync_api import Page, expect

from apps.checkins.models import CheckinSchedule
from apps.checkins.services.sweep import dispatch_due_reminders
from tests.factories import PASSWORD, GoalFactory, MilestoneFactory, UserFactory

BERLIN = ZoneInfo("Europe/Berlin")
CHECKIN_LINK = re.compile(r"^Start your check-in: (\S+)$", re.MULTILINE)


def _next_wednesday_morning() -> datetime:
    """09:00 in Berlin on the next Wednesday, one to seven days ahead of the real clock.

    Ahead, never behind: the browser keeps the real clock, and cookies the server dates in
    the future stay valid for it."""
    today = timezone.now().astimezone(BERLIN).date()
    day = today + timedelta(days=(2 - today.weekday()) % 7 or 7)
    return datetime.combine(day, time(9, 0), tzinfo=BERLIN)


def _sign_in(page: Page, url: str, email: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def _sweep(time_machine, moment: datetime) -> None:
    """One run of the minute sweep at `moment`.

    The clock is moved rather than handing the sweep an explicit `now`: the outbox row it
    writes is due to send at the sweep's `now`, and the send task (run inline here, since
    tasks are eager in tests) reads the clock itself, so with a `now` ahead of the clock it
    would find the row not yet due and send nothing. time_machine moves the clock of every
    thread, the live server's included, and `tick=True` keeps it running from there, so
    pages, sweep and send all agree on the time. The test never waits for the clock: each
    move lands just after the moment it is waiting for.
    """
    time_machine.move_to(moment, tick=True)
    dispatch_due_reminders()


def _draft_saved(response) -> bool:
    return response.request.method == "POST" and response.url.endswith("/review/")


def _review(page: Page, *, milestone: str | None, went_well: str, confidence: str) -> None:
    """Fill the review. The form saves a draft on every change (800 ms after it); each step
    waits for its save, so that no draft save is still in flight when the form is submitted."""
    expect(page.get_by_role("heading", name="Your check-in", level=1)).to_be_visible()
    if milestone:
        with page.expect_response(_draft_saved):
            page.get_by_label(milestone).check()
    with page.expect_response(_draft_saved):
        answer = page.get_by_label("What went well?")
        answer.fill(went_well)
        answer.blur()  # a textarea reports its change when it loses focus
    with page.expect_response(_draft_saved):
        page.get_by_label("How confident are you about reaching your goals?").select_option(
            confidence
        )
    expect(page.locator("#draft-status")).to_contain_text("Draft saved at")
    page.get_by_role("button", name="Finish check-in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check-in done")


def test_schedule_reminder_check_in_and_streak(
    page: Page, browser_errors: list[str], live_server, mailoutbox, settings, time_machine
):
    url = live_server.url
    # The links in the email point at this server, as SITE_URL does in production.
    settings.SITE_URL = url
    start = _next_wednesday_morning()
    due = start + timedelta(minutes=5)  # the schedule below: Wednesdays at 09:05
    time_machine.move_to(start, tick=True)

    planner = UserFactory(display_name="Sam", timezone="Europe/Berlin")
    goal = GoalFactory(owner=planner, title="Become a project lead")
    MilestoneFactory(goal=goal, title="Pass the practice exam")
    MilestoneFactory(goal=goal, title="Lead a small project")
    _sign_in(page, url, planner.email)

    # The rhythm: every Wednesday at 09:05 — five minutes from now.
    page.goto(f"{url}/checkins/schedule/")
    expect(page.get_by_role("heading", name="Your check-in rhythm")).to_be_visible()
    page.get_by_label("How often").select_option(label="Every week")
    page.get_by_label("On (weekly and every two weeks)").select_option(label="Wednesday")
    page.get_by_label("At", exact=True).fill("09:05")
    page.get_by_label("Time zone").fill("Europe/Berlin")
    page.get_by_role("button", name="Save schedule").click()
    in_words = "Every Wednesday at 09:05, Europe/Berlin"
    # The flash lands in the page's one messages region, as after a plain form post.
    expect(page.locator("#messages")).to_have_text(f"Saved. {in_words}.")
    panel = page.locator("#schedule-panel")
    expect(panel.locator("strong")).to_have_text(in_words)
    expect(panel.locator("time").first).to_have_text(f"{due:%a} {due.day} {due:%b}, 09:05")
    schedule = CheckinSchedule.objects.get(owner=planner)
    assert schedule.next_due_at == due

    # Nothing before its time; one reminder once it is due.
    _sweep(time_machine, due - timedelta(minutes=1))
    assert mailoutbox == []
    _sweep(time_machine, due + timedelta(minutes=1))
    assert len(mailoutbox) == 1, [message.subject for message in mailoutbox]
    reminder = mailoutbox[0]
    assert reminder.to == [planner.email]
    assert reminder.subject == "Time for your check-in, Sam — Become a project lead"
    links = CHECKIN_LINK.findall(reminder.body)
    assert links == [f"{url}/checkins/new/"], reminder.body

    # The link opens the check-in page (the planner is still signed in); one button starts it,
    # since opening a link must not write.
    page.goto(links[0])
    page.get_by_role("button", name="Start my check-in").click()
    _review(
        page,
        milestone="Pass the practice exam",
        went_well="Passed the practice exam\nAsked to lead the next small project",
        confidence="4",
    )
    expect(page.get_by_role("main")).to_contain_text("your streak starts here")
    expect(page.get_by_role("main")).to_contain_text("Confidence: 4 of 5")

    # A week later: the next reminder, and the second check-in from the history page.
    _sweep(time_machine, due + timedelta(weeks=1, minutes=1))
    assert len(mailoutbox) == 2, [message.subject for message in mailoutbox]
    page.get_by_role("link", name="All your check-ins").click()
    expect(page.get_by_role("heading", name="Check-ins", level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("1 check-in in a row")
    page.get_by_role("button", name="Start a check-in").click()
    _review(page, milestone=None, went_well="Led the kick-off meeting", confidence="5")
    expect(page.get_by_role("main")).to_contain_text("2 check-ins in a row")

    page.get_by_role("link", name="All your check-ins").click()
    expect(page.get_by_role("main")).to_contain_text("2 check-ins in a row on schedule")
    expect(page.get_by_role("link", name=f"{due:%a} {due.day} {due:%b %Y}")).to_be_visible()
    # Confidence 4, then 5, drawn by Chart.js; the same numbers in the table behind it.
    chart = page.locator("#confidence-chart")
    chart.scroll_into_view_if_needed()  # charts draw as they come near the screen
    expect(chart.locator("canvas")).to_be_attached()
    drawn = page.evaluate(
        "() => Chart.getChart(document.querySelector('#confidence-chart canvas'))"
        ".data.datasets.map(d => d.data.map(p => p.y))"
    )
    assert drawn == [[4, 5]]
    expect(chart.locator("tbody td")).to_have_text(["4 of 5", "5 of 5"])

    assert browser_errors == []
