"""The apps depend on each other one way only, and no modules import each other in a loop.

docs/architecture.md draws the same graph; change both together.
"""

from pathlib import Path

from tests.structure.imports import cycles, forbidden, project_imports

BELOW_PLAN = {"core", "accounts", "assessment", "goals", "milestones"}
# For each app, the apps it may import. An app missing here fails the test until it is placed.
LAYERS: dict[str, set[str]] = {
    "core": set(),
    "accounts": {"core"},
    # The self-assessment sits just above accounts: goals read it (the values a goal serves,
    # the weakness or skill gap it started from), never the reverse.
    "assessment": {"core", "accounts"},
    "goals": {"core", "accounts", "assessment"},
    "milestones": {"core", "accounts", "assessment", "goals"},
    # The goal page, roadmap, calendar feed, goal templates and wins: goals with milestones.
    "plan": BELOW_PLAN,
    "checkins": BELOW_PLAN,
    # Mentors read goals and check-ins; those apps never import mentorship (it registers its
    # reader conditions on their querysets instead).
    # Notifications know no domain: the apps above register their kinds (apps.notifications
    # .registry) and call notify().
    "notifications": {"core", "accounts"},
    "mentorship": BELOW_PLAN | {"plan", "checkins", "notifications"},
    # A mentorship's meetings: above mentorship, which shows the next meeting through
    # mentorship.extras; plan's calendar feed gets them through plan.feed_events.
    "meetings": BELOW_PLAN | {"plan", "checkins", "mentorship", "notifications"},
    # Finding a mentor: a listed mentor's requests become mentorships through mentorship's
    # own services.
    "directory": BELOW_PLAN | {"plan", "checkins", "mentorship", "notifications"},
    "dashboard": BELOW_PLAN
    | {"plan", "checkins", "mentorship", "notifications", "meetings", "directory"},
    # A person's data as a whole (export, import, print, leaving): it reads every app; only
    # demo could sit beside it, and nothing imports it.
    "portability": BELOW_PLAN
    | {"plan", "checkins", "assessment", "mentorship", "notifications", "meetings", "directory"},
    # The staff console counts accounts, check-ins and deliveries; it reads no plan app.
    "staff": {"core", "accounts", "checkins"},
    # Demo seeding composes every app; nothing imports it.
    "demo": BELOW_PLAN
    | {"plan", "checkins", "assessment", "mentorship", "notifications", "meetings", "directory"},
}


def test_apps_import_only_the_apps_below_them():
    assert forbidden(project_imports(), LAYERS) == []


def test_no_modules_import_each_other_in_a_loop():
    assert cycles(project_imports()) == []


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_a_forbidden_import_is_reported_with_its_file(tmp_path):
    root = _tree(
        tmp_path,
        {
            "apps/__init__.py": "",
            "apps/goals/__init__.py": "",
            "apps/goals/views.py": "def page():\n    from apps.milestones import models\n",
            "apps/milestones/__init__.py": "",
            "apps/milestones/models.py": "from apps.goals.views import page\n",
            "careerplan/__init__.py": "",
        },
    )
    imports = project_imports(root)
    assert forbidden(imports, LAYERS) == [
        "apps/goals/views.py:2: 'goals' may not import 'milestones' (apps.milestones.models)"
    ]
    assert cycles(imports) == [["apps.goals.views", "apps.milestones.models"]]


def test_services_and_their_own_tasks_may_call_each_other(tmp_path):
    root = _tree(
        tmp_path,
        {
            "apps/__init__.py": "",
            "apps/checkins/__init__.py": "",
            "apps/checkins/services.py": "from apps.checkins import tasks\n",
            "apps/checkins/tasks.py": "from apps.checkins.services import send\n",
            "careerplan/__init__.py": "",
        },
    )
    assert cycles(project_imports(root)) == []
