"""A planner finds a mentor in the directory, asks them, the mentor accepts from the request
page, and the planner's mentorship page shows the running mentorship — in a real browser,
with axe-core auditing the directory and request pages on a desktop and a phone."""

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from apps.directory.models import MentorProfile, MentorRequest
from tests.factories import PASSWORD, GoalFactory, UserFactory

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


def _sign_in(page: Page, url: str, email: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _cast() -> tuple:
    alice = UserFactory(email="alice@example.com", display_name="Alice")
    GoalFactory(owner=alice, title="Lead a team of five")
    robin = UserFactory(email="robin@example.com", display_name="Robin")
    MentorProfile.objects.create(
        user=robin, headline="Platform lead who hires engineers", areas=["leadership", "hiring"]
    )
    MentorProfile.objects.create(
        user=UserFactory(display_name="Sam"), headline="Sales director", areas=["sales"]
    )
    return alice, robin


def _find_and_ask(page: Page, url: str) -> None:
    page.goto(f"{url}/mentorship/")
    page.get_by_role("main").get_by_role("button", name="Find a mentor").click()
    page.get_by_label("Area").select_option("leadership")
    results = page.locator("#mentor-results")
    expect(results).not_to_contain_text("Sales director")
    results.get_by_role("link", name="Ask Robin to mentor you").click()
    page.get_by_label("Your message").fill("Would you help me grow into a lead?")
    page.get_by_label("Lead a team of five").check()
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_text("Your request is on its way to Robin")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Waiting for an answer")


def test_find_ask_and_be_accepted(
    page: Page, browser: Browser, browser_context_args, browser_errors, live_server
):
    url = live_server.url
    alice, robin = _cast()
    _sign_in(page, url, alice.email)
    _find_and_ask(page, url)

    mentor = browser.new_context(**browser_context_args).new_page()
    _sign_in(mentor, url, robin.email)
    mentor.goto(f"{url}/mentors/requests/")
    mentor.get_by_role("link", name="Alice asks you to mentor them").click()
    expect(mentor.get_by_role("main")).to_contain_text("Would you help me grow into a lead?")
    expect(mentor.get_by_role("main")).to_contain_text("Lead a team of five")
    mentor.get_by_role("button", name="Accept and start mentoring").click()
    expect(mentor.get_by_role("heading", level=1)).to_have_text("Alice's plan")

    page.goto(f"{url}/mentorship/")
    mentors = page.locator("section", has=page.get_by_role("heading", name="Your mentors"))
    expect(mentors.get_by_role("heading", name="Robin")).to_be_visible()
    expect(mentors.get_by_role("link", name="Manage sharing and agreement")).to_be_visible()
    assert browser_errors == []


def test_axe_finds_nothing_on_the_directory_and_request_pages(
    page: Page, live_server, browser_errors
):
    url = live_server.url
    alice, robin = _cast()
    profile = MentorProfile.objects.get(user=robin)
    # A request to Alice, so her side of one has a page too.
    MentorProfile.objects.create(user=alice, headline="Happy to help new leads")
    asked = MentorRequest.objects.create(planner=robin, mentor=alice, message="Could we talk?")
    # One she sent and may still withdraw, and one taken back by the planner who sent it.
    MentorRequest.objects.create(planner=alice, mentor=robin, message="And you me?")
    taken_back = MentorRequest.objects.create(
        planner=UserFactory(display_name="Sky"), mentor=alice, message="Hi", status="withdrawn"
    )
    page.add_init_script(path=str(AXE))
    _sign_in(page, url, alice.email)
    pages = (
        "/mentors/",
        f"/mentors/{profile.public_id}/",
        "/mentors/me/",
        "/mentors/requests/",
        f"/mentors/requests/{asked.public_id}/",
        f"/mentors/requests/{taken_back.public_id}/",
    )
    problems = {}
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        for path in pages:
            page.goto(url + path)
            expect(page.locator("main h1")).to_be_visible()
            found = page.evaluate("async () => (await axe.run(document)).violations")
            if found:
                ids = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in found]
                problems[f"{path} at {width}"] = ids
            scrolls = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            assert not scrolls, f"{path} scrolls sideways at {width} px"
    assert problems == {}
    assert browser_errors == []


def test_a_planner_withdraws_a_request_before_it_is_answered(
    page: Page, live_server, browser_errors
):
    url = live_server.url
    _cast()
    _sign_in(page, url, "alice@example.com")
    _find_and_ask(page, url)
    page.goto(f"{url}/mentors/requests/")
    page.get_by_role("button", name="Withdraw request to Robin").click()
    expect(page.get_by_text("You withdrew your request to Robin.")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("You withdrew it")
    expect(page.get_by_role("button", name="Withdraw request to Robin")).to_have_count(0)
    assert browser_errors == []
