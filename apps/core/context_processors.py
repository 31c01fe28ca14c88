from functools import cache

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

# The main navigation, in order: a label, its URL name, the URL names of the pages under it
# that the phone menu lists too, and other URL prefixes that count as being in that section
# (the wins journal and the calendar feed are ways to see your goals; allauth's email,
# password and two-factor pages belong to the account). Sections whose app has not shipped
# yet resolve to no URL and are shown as "coming soon" rather than as links that lead nowhere.
NAVIGATION: tuple[tuple[str, str, tuple[tuple[str, str], ...], tuple[str, ...]], ...] = (
    ("Dashboard", "dashboard:index", (), ()),
    ("Self-assessment", "assessment:overview", (), ()),
    (
        "Goals",
        "goals:list",
        (("Priorities", "plan:matrix"), ("Roadmap", "plan:timeline"), ("Wins", "wins:list")),
        ("/wins/", "/calendar/"),
    ),
    ("Check-ins", "checkins:history", (), ()),
    ("Mentorship", "mentorship:home", (("Find a mentor", "directory:index"),), ("/mentors/",)),
    ("Account", "accounts:settings", (), ("/accounts/",)),
)


def _reverse(url_name: str) -> str | None:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


@cache
def _nav_urls() -> tuple[tuple[str, str | None, tuple[tuple[str, str], ...], tuple[str, ...]], ...]:
    # Resolved once per process: every signed-in page shows the navigation.
    resolved = []
    for label, url_name, children, prefixes in NAVIGATION:
        url = _reverse(url_name)
        kids = tuple((text, link) for text, name in children if (link := _reverse(name)))
        resolved.append((label, url, kids, (url, *prefixes) if url else ()))
    return tuple(resolved)


def _is_under(path: str, prefix: str) -> bool:
    return path == prefix if prefix == "/" else path.startswith(prefix)


def _nav_items(path: str) -> list[dict]:
    return [
        {
            "label": label,
            "url": url,
            "current": any(_is_under(path, prefix) for prefix in prefixes),
            "here": url == path,
            "children": [
                {"label": text, "url": link, "here": link == path} for text, link in children
            ],
        }
        for label, url, children, prefixes in _nav_urls()
    ]


def navigation(request: HttpRequest) -> dict:
    # Error pages can be rendered before the authentication middleware ran (a 400 for a bad
    # Host header), so the request may have no user at all.
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = _nav_items(request.path)
    if user.is_staff:
        # Staff only: everyone else would find a 404 there.
        url = reverse("staff:index")
        items.append(
            {
                "label": "Staff",
                "url": url,
                "current": request.path.startswith(url),
                "here": request.path == url,
                "children": [],
            }
        )
    current = next((item["label"] for item in items if item["current"]), None)
    return {"nav_items": items, "nav_current": current}
