"""The access-test harness: every URL pattern, every role, declared expectations.

Each URL name of the project maps to an `Expect`: the status code every role gets for GET and
for POST (the same with and without `HX-Request`). A URL pattern without an entry here, and
outside the reasoned allow-list, makes `tests/security/test_access.py` fail, so no view can
ship without someone deciding who may use it.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

ROLES = (
    "anonymous",
    "owner",
    "other",
    "staff",
    # bob: a running mentorship with alice (the owner) sharing everything, so it covers the
    # object under test; erin: running, but sharing only a goal that is not under test;
    # dora: a mentorship with alice that has ended; frank: invited by alice, not yet answered.
    "mentor",
    "mentor_uncovered",
    "ended_mentor",
    "invitee",
)
# Unless an expectation says otherwise, the mentor roles get what another user gets.
MENTOR_ROLES = ("mentor", "mentor_uncovered", "ended_mentor", "invitee")

# URL names left to their libraries, with the reason.
ALLOWED_PREFIXES = {
    # django-allauth's own views (sign-in, sign-up, email, password, MFA, sessions) carry their
    # own access rules and tests; tests/accounts and tests/e2e cover the flows we rely on.
    "account_": "allauth account views",
    "mfa_": "allauth multi-factor views",
    "usersessions_": "allauth session list",
}
# The Django admin enforces staff access itself; tests/accounts/test_admin.py checks the door.
ALLOWED_NAMESPACES = {"admin": "Django admin"}


@dataclass(frozen=True)
class Expect:
    get: dict[str, int]
    post: dict[str, int]
    # Builds the URL kwargs from the cast (e.g. the owner's goal); None for URLs without any.
    kwargs: Callable[[dict], dict] | None = field(default=None)
    # Where an HTMX POST answers differently (a partial instead of a redirect).
    htmx_post: dict[str, int] | None = field(default=None)
    # What a correct form from the owner sends, and how to see that it did its job.
    valid: "Valid | None" = field(default=None)
    # Serves a copy of the person's data (a download): each GET by the owner adds one row to
    # their security log, so that a copy never leaves unseen, and writes nothing else.
    logs_get: bool = False

    def __post_init__(self) -> None:
        for statuses in (self.get, self.post, self.htmx_post):
            for role in MENTOR_ROLES if statuses is not None else ():
                statuses.setdefault(role, statuses["other"])


@dataclass(frozen=True)
class Valid:
    """A POST by the owner that the view accepts: `data(cast, kwargs)` builds the form,
    `status` is the answer (a redirect after the write, as a plain form post), and
    `check(cast, kwargs)` reads the database to prove the write happened."""

    data: Callable[[dict, dict], dict]
    check: Callable[[dict, dict], bool]
    status: int = 302
    # Run with the owner's client before the POST, e.g. to confirm the password again.
    prepare: Callable[[Any, dict], None] | None = None
    # The role that sends it: the owner, or staff for the staff console.
    by: str = "owner"


def _confirm_password(client) -> None:
    from django.urls import reverse

    from tests.factories import PASSWORD

    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def mentor_cast(owner, bob, dora) -> dict:
    """bob mentors the owner with everything shared, so whatever object an expectation
    creates later is covered; erin's running mentorship shares one goal made here, never the
    object under test; dora's has ended; frank holds an open invitation."""
    from django.utils import timezone

    from tests.factories import GoalFactory, InvitationFactory, MentorshipFactory, UserFactory

    share_all = {
        "all_goals": True,
        "share_checkins": True,
        "share_vision": True,
        "assessment_parts": ["values", "strengths", "interests", "skills"],
    }
    mentorship = MentorshipFactory(planner=owner, mentor=bob, **share_all)
    erin = UserFactory(email="erin@example.com", display_name="Erin")
    other_goal = GoalFactory(owner=owner, title="Only this goal is shared with Erin")
    MentorshipFactory(planner=owner, mentor=erin, goals=[other_goal])
    MentorshipFactory(planner=owner, mentor=dora, ended_at=timezone.now(), **share_all)
    frank = UserFactory(email="frank@example.com", display_name="Frank")
    invitation = InvitationFactory(
        planner=owner, email=frank.email, raw_token="frank-token-" + "f" * 30
    )
    return {
        "mentor": bob,
        "mentor_uncovered": erin,
        "ended_mentor": dora,
        "invitee": frank,
        "mentorship": mentorship,
        "invitation": invitation,
        "invitation_token": "frank-token-" + "f" * 30,
    }


def _reloaded(user):
    user.refresh_from_db()
    return user


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def signed_in(status: int, *, anonymous: int = 302) -> dict[str, int]:
    return {"anonymous": anonymous, "owner": status, "other": status, "staff": status}


EXPECTATIONS: dict[str, Expect] = {
    "core:healthz": Expect(get=everyone(200), post=everyone(405)),
    # Browsers post violation reports here without a session or CSRF token; they go to the
    # log, not the database (tests/core/test_csp_report.py reads the log).
    "core:csp-report": Expect(
        get=everyone(405),
        post=everyone(204),
        valid=Valid(data=lambda cast, kw: {}, check=lambda cast, kw: True, status=204),
    ),
    "dashboard:index": Expect(get=signed_in(200), post=everyone(405)),
    # An empty POST is an invalid profile: the form comes back with its errors.
    # Deleting asks for the password again first: a bare session is sent to confirm it.
    "accounts:delete": Expect(
        get=signed_in(302),
        post=signed_in(302),
        valid=Valid(
            prepare=lambda client, cast: _confirm_password(client),
            data=lambda cast, kw: {"confirm": cast["owner"].email},
            check=lambda cast, kw: (
                not type(cast["owner"]).objects.filter(pk=cast["owner"].pk).exists()
            ),
        ),
    ),
    "accounts:deleted": Expect(get=everyone(200), post=everyone(405)),
    "accounts:security-log": Expect(get=signed_in(200), post=signed_in(405)),
    "accounts:settings": Expect(
        get=signed_in(200),
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {"display_name": "Alice B.", "timezone": "Europe/Paris"},
            check=lambda cast, kw: _reloaded(cast["owner"]).timezone == "Europe/Paris",
        ),
    ),
}


def owned(status: int, *, anonymous: int = 302, stranger: int = 404) -> dict[str, int]:
    """For a URL of the owner's object: another user, staff included, gets a 404."""
    return {"anonymous": anonymous, "owner": status, "other": stranger, "staff": stranger}


def shared(status: int, *, mentor: int | None = None) -> dict[str, int]:
    """For an object of the owner's that a mentor whose share covers it may read too."""
    return {**owned(status), "mentor": status if mentor is None else mentor}


def _load_app_expectations() -> None:
    # Each app declares its URLs in tests/security/expectations/<app>.py.
    import importlib
    import pkgutil

    from tests.security import expectations

    for module in pkgutil.iter_modules(expectations.__path__):
        declared = importlib.import_module(f"{expectations.__name__}.{module.name}").EXPECTATIONS
        clash = set(declared) & set(EXPECTATIONS)
        if clash:
            raise AssertionError(f"URL names declared twice: {sorted(clash)}")
        EXPECTATIONS.update(declared)


def _walk(patterns, namespace: str | None = None) -> Iterator[tuple[str | None, str, str]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            name = entry.name
            full = f"{namespace}:{name}" if namespace and name else name
            yield namespace, full, str(entry.pattern)


def undeclared_patterns(urlconf: str | None = None) -> list[str]:
    """URL patterns that have neither an expectation nor a place on the allow-list."""
    missing = []
    for namespace, name, route in _walk(get_resolver(urlconf).url_patterns):
        if namespace in ALLOWED_NAMESPACES:
            continue
        if name is None:
            missing.append(f"<unnamed> {route}")
        elif name not in EXPECTATIONS and not name.startswith(tuple(ALLOWED_PREFIXES)):
            missing.append(name)
    return missing


def declared_but_gone(urlconf: str | None = None) -> list[str]:
    names = {name for _, name, _ in _walk(get_resolver(urlconf).url_patterns)}
    return sorted(set(EXPECTATIONS) - names)


_load_app_expectations()
