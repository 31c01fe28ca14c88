"""Ready-made starting points: goal templates, the follow-up each suggests once achieved, and
strategies that tend to help against each kind of obstacle.

Content, not logic: a template prefills the goal form and may bring milestones along; the planner
changes whatever does not fit. "Why it matters" is left empty on purpose: only the planner can
say that.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from apps.goals.models import GoalType, Horizon, MeasureKind, ObstacleKind


@dataclass(frozen=True)
class MilestoneIdea:
    title: str
    # Days from the day the goal is created.
    due_in_days: int


@dataclass(frozen=True)
class GoalTemplate:
    slug: str
    title: str
    summary: str
    goal_type: str
    horizon: str
    due_in_days: int
    specific: str
    achievable: str
    measure_kind: str = MeasureKind.MILESTONES
    measure_unit: str = ""
    baseline: Decimal | None = None
    target_value: Decimal | None = None
    milestones: tuple[MilestoneIdea, ...] = field(default=())

    @property
    def type_label(self) -> str:
        return GoalType(self.goal_type).label

    @property
    def horizon_label(self) -> str:
        return "Long-term" if self.horizon == Horizon.LONG else "Short-term"

    @property
    def duration(self) -> str:
        months = round(self.due_in_days / 30)
        if months >= 12 and months % 12 == 0:
            years = months // 12
            return f"{years} year{'s' if years > 1 else ''}"
        return f"{months} month{'s' if months > 1 else ''}"

    def initial(self, today: date) -> dict:
        """Values for the goal form, with dates counted from `today`. The horizon is left to
        the form's suggestion from the target date."""
        return {
            "title": self.title,
            "goal_type": self.goal_type,
            "specific": self.specific,
            "achievable": self.achievable,
            "measure_kind": self.measure_kind,
            "measure_unit": self.measure_unit,
            "baseline": self.baseline,
            "target_value": self.target_value,
            "target_date": today + timedelta(days=self.due_in_days),
            "template": self.slug,
        }

    def milestone_plan(self, today: date) -> list[tuple[str, date]]:
        return [(m.title, today + timedelta(days=m.due_in_days)) for m in self.milestones]


TEMPLATES: tuple[GoalTemplate, ...] = (
    GoalTemplate(
        slug="pm-certification",
        title="Earn a project-management certification",
        summary="Study for and pass a recognised project-management exam within six months.",
        goal_type=GoalType.PROFESSIONAL_DEVELOPMENT,
        horizon=Horizon.SHORT,
        due_in_days=180,
        specific=(
            "Prepare for the project-management exam with a study plan and pass it at an "
            "official test centre, so I can lead larger projects."
        ),
        achievable=(
            "Four hours of study a week, a prep course, and I ask my manager to cover the fee."
        ),
        milestones=(
            MilestoneIdea("Choose the certification and book the exam", 14),
            MilestoneIdea("Finish the prep course", 100),
            MilestoneIdea("Score 75% or more on two practice exams", 150),
            MilestoneIdea("Pass the exam", 180),
        ),
    ),
    GoalTemplate(
        slug="networking-event",
        title="Meet five new people at a networking event",
        summary="Go to one industry event this quarter and leave with five new contacts.",
        goal_type=GoalType.NETWORKING,
        horizon=Horizon.SHORT,
        due_in_days=60,
        specific=(
            "Attend one industry meetup or conference, introduce myself to five people I "
            "have not met, and follow up with each of them within a week."
        ),
        achievable="One evening out, a ticket under 50, and three questions prepared in advance.",
        measure_kind=MeasureKind.NUMBER,
        measure_unit="new contacts",
        baseline=Decimal(0),
        target_value=Decimal(5),
    ),
    GoalTemplate(
        slug="forty-hour-week",
        title="Keep my working week to 40 hours",
        summary="Bring your hours back to a sustainable week and keep them there.",
        goal_type=GoalType.WORK_LIFE_BALANCE,
        horizon=Horizon.SHORT,
        due_in_days=90,
        specific=(
            "Work no more than 40 hours a week for eight weeks in a row, tracked in my "
            "calendar, by ending work at six and keeping evenings free."
        ),
        achievable="Agree focus hours with my team and say no to meetings after five.",
        measure_kind=MeasureKind.NUMBER,
        measure_unit="weeks in a row at 40 hours or less",
        baseline=Decimal(0),
        target_value=Decimal(8),
    ),
    GoalTemplate(
        slug="team-lead",
        title="Become a team lead",
        summary="Grow into leading a team within two years, one stepping stone at a time.",
        goal_type=GoalType.POSITION,
        horizon=Horizon.LONG,
        due_in_days=730,
        specific=(
            "Take on the team lead role in my department or a similar one elsewhere, leading "
            "at least four people and owning the team's delivery."
        ),
        achievable=(
            "Leadership training, regular talks with my manager, and chances to lead smaller "
            "projects first."
        ),
        milestones=(
            MilestoneIdea("Tell my manager I want to lead and ask what it takes", 30),
            MilestoneIdea("Lead a small project from start to finish", 240),
            MilestoneIdea("Complete a leadership course", 365),
            MilestoneIdea("Apply for a team lead opening", 600),
        ),
    ),
    GoalTemplate(
        slug="side-business",
        title="Launch a side business",
        summary="Turn an idea into something people pay for, alongside your job.",
        goal_type=GoalType.ENTREPRENEURIAL,
        horizon=Horizon.LONG,
        due_in_days=540,
        specific=(
            "Launch a small business next to my job and win the first ten paying customers, "
            "spending weekends on it without hurting my main work."
        ),
        achievable=(
            "Six hours a week, savings of 2,000 for set-up costs, and advice from a founder."
        ),
        milestones=(
            MilestoneIdea("Test the idea with ten potential customers", 60),
            MilestoneIdea("Register the business and set up payments", 150),
            MilestoneIdea("Win the first paying customer", 270),
            MilestoneIdea("Reach ten paying customers", 540),
        ),
    ),
    GoalTemplate(
        slug="learn-skill",
        title="Learn a new skill for my work",
        summary="Pick one skill that would make a difference and practise it for three months.",
        goal_type=GoalType.PROFESSIONAL_DEVELOPMENT,
        horizon=Horizon.SHORT,
        due_in_days=90,
        specific=(
            "Learn the basics of one skill my role needs, through a course and practice, and "
            "use it in a real piece of work that my team sees."
        ),
        achievable="Thirty minutes a day on weekdays and a course my employer already pays for.",
        milestones=(
            MilestoneIdea("Choose the skill and a course", 7),
            MilestoneIdea("Finish the course", 60),
            MilestoneIdea("Use the skill in a real task", 90),
        ),
    ),
    GoalTemplate(
        slug="public-speaking",
        title="Give a talk in front of an audience",
        summary="Build confidence by speaking at a team meeting, then at a meetup.",
        goal_type=GoalType.PROFESSIONAL_DEVELOPMENT,
        horizon=Horizon.SHORT,
        due_in_days=120,
        specific=(
            "Prepare and give a 15-minute talk about my work, first to my team and then at a "
            "local meetup, and ask for feedback both times."
        ),
        achievable="Two rehearsals with a friend and an hour a week to prepare the slides.",
        milestones=(
            MilestoneIdea("Pick a topic and outline the talk", 21),
            MilestoneIdea("Give the talk to my team", 60),
            MilestoneIdea("Give the talk at a meetup", 120),
        ),
    ),
    GoalTemplate(
        slug="mentor-someone",
        title="Mentor someone earlier in their career",
        summary="Pass on what you know: meet a mentee regularly for six months.",
        goal_type=GoalType.NETWORKING,
        horizon=Horizon.SHORT,
        due_in_days=180,
        specific=(
            "Find a mentee through work or a mentoring programme and meet them every month "
            "for six months, helping them set and reach a goal of their own."
        ),
        achievable="One hour a month and my own notes from when I started out.",
        measure_kind=MeasureKind.NUMBER,
        measure_unit="mentoring sessions",
        baseline=Decimal(0),
        target_value=Decimal(6),
    ),
)

_BY_SLUG = {template.slug: template for template in TEMPLATES}


def template_by_slug(slug: str | None) -> GoalTemplate | None:
    return _BY_SLUG.get(slug or "")


# What could come next once a goal of each type is achieved.
FOLLOW_UP_BY_TYPE: dict[str, str] = {
    GoalType.PROFESSIONAL_DEVELOPMENT: "pm-certification",
    GoalType.POSITION: "mentor-someone",
    GoalType.NETWORKING: "public-speaking",
    GoalType.WORK_LIFE_BALANCE: "learn-skill",
    GoalType.ENTREPRENEURIAL: "networking-event",
    GoalType.OTHER: "learn-skill",
}


def follow_up_for(goal_type: str) -> GoalTemplate | None:
    return template_by_slug(FOLLOW_UP_BY_TYPE.get(goal_type))


# Strategies that tend to help, per kind of obstacle. Offered as suggestions to pick from.
STRATEGIES: dict[str, tuple[str, ...]] = {
    ObstacleKind.CLARITY: (
        "Write down in one sentence what done looks like, then list the first three steps.",
        "Talk the goal through with a mentor or a friend until it feels concrete.",
        "Look at two people who reached something similar and note what they did first.",
    ),
    ObstacleKind.PROCRASTINATION: (
        "Block a fixed time in my calendar and treat it like a meeting.",
        "Start with a five-minute version of the task; keep going only if I want to.",
        "Tell someone what I will have done by Friday and report back to them.",
    ),
    ObstacleKind.EXTERNAL: (
        "Separate what I can influence from what I cannot, and act on the first list.",
        "Prepare a plan B for the factor most likely to get in the way.",
        "Ask the people involved early what they need from me.",
    ),
    ObstacleKind.SELF_DOUBT: (
        "Keep a list of past wins and read it before the hard parts.",
        "Ask someone I trust what they see as my strengths.",
        "Treat the first attempt as practice, not as a test.",
    ),
    ObstacleKind.UNCERTAINTY: (
        "Run a small, cheap experiment before committing fully.",
        "Set a date to review the plan and decide with what I know by then.",
        "Gather the missing facts: list my questions and who could answer them.",
    ),
    ObstacleKind.RESOURCES: (
        "Find an hour a week by dropping one low-value habit.",
        "Ask my employer about training budget or time for learning.",
        "Look for free or cheaper options: libraries, open courses, peer groups.",
    ),
    ObstacleKind.OTHER: (
        "Break the obstacle into smaller parts and tackle the easiest one first.",
        "Ask for help from someone who has faced the same thing.",
    ),
}


def strategy_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The suggested strategies grouped by obstacle kind, for a <select> with option groups."""
    return [
        (label, [(text, text) for text in STRATEGIES.get(kind, ())])
        for kind, label in ObstacleKind.choices
    ]
