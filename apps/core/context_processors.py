from functools import cache

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

# The main navigation, in order. Sections whose app has not shipped yet have no URL name and
# are shown as "coming soon" rather than as links that lead nowhere.
NAVIGATION = (
    ("Dashboard", "dashboard:index"),
    ("Self-assessment", "assessment:overview"),
    ("Goals", "goals:list"),
    ("Check-ins", "checkins:history"),
    ("Mentorship", "mentorship:home"),
    ("Account", "accounts:settings"),
)


@cache
def _nav_urls() -> tuple[tuple[str, str | None], ...]:
    # Resolved once per process: every signed-in page shows the navigation.
    urls = []
    for label, url_name in NAVIGATION:
        try:
            url = reverse(url_name) if url_name else None
        except NoReverseMatch:
            url = None
        urls.append((label, url))
    return tuple(urls)


def _nav_items(path: str) -> list[dict]:
    return [
        {
            "label": label,
            "url": url,
            "current": url is not None and (path == url if url == "/" else path.startswith(url)),
        }
        for label, url in _nav_urls()
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
        items.append({"label": "Staff", "url": url, "current": request.path.startswith(url)})
    return {"nav_items": items}
