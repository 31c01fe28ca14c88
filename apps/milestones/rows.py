"""The rows of the milestones section as its template prints them.

A goal page with eight milestones of three steps runs the row markup thirty-two times; each
`{% if %}` chain, URL and date filter in it was a template node per row and most of the page's
render time. Here every string a row shows (its state's classes and words, its links, its
date line) is worked out once in Python, and the template only places them.
"""

from dataclasses import dataclass
from datetime import date

from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import linebreaksbr, pluralize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime

from apps.core.printed import PrintedRow
from apps.core.templatetags.plan_tags import due, link
from apps.milestones.models import ActionStep, Milestone


def _state(item: Milestone | ActionStep, base: str, today: date) -> SafeString:
    # Class names and the words below are the code's own: safe HTML, so the template prints
    # them without escaping them again for every row.
    if item.done_at:
        return SafeString(f"{base} is-done")
    if item.due_date and item.due_date < today:
        return SafeString(f"{base} is-overdue")
    return SafeString(base)


_STEP_TICK = {True: SafeString("Mark as not done"), False: SafeString("Mark as done")}
# A tick's classes, and the state a press asks for (the opposite of the one shown).
_TICK_CSS = {True: SafeString("tick is-ticked"), False: SafeString("tick")}
_STEP_TICK_CSS = {
    True: SafeString("tick tick-small is-ticked"),
    False: SafeString("tick tick-small"),
}
_NEXT_DONE = {True: SafeString("0"), False: SafeString("1")}
_STEP_DONE = SafeString(' <span class="visually-hidden">(done)</span>')
_MILESTONE_TICK = {True: SafeString("Reopen this milestone"), False: SafeString("Mark as reached")}


@dataclass(frozen=True)
class StepRow(PrintedRow):
    pid: str
    title: str
    css: str
    tick_css: str
    next_done: str
    tick_title: str
    tick_label: str  # what the tick does, for a screen reader
    when: SafeString | str  # after the title: the due date in words, or "(done)" for a reader
    done_url: str
    edit_url: str


@dataclass(frozen=True)
class MilestoneRow(PrintedRow):
    pid: str
    title: str
    description: SafeString | str
    css: str
    tick_css: str
    next_done: str
    tick_title: str
    tick_label: str
    meta: SafeString  # reached on …, due …, or no due date
    steps_count: str  # "· 2 of 3 steps done", empty without steps
    done_url: str
    edit_url: str
    move_url: str
    delete_url: str
    step_create_url: str
    steps: tuple[StepRow, ...]


def step_row(step: ActionStep, today: date) -> StepRow:
    title, done = step.title, bool(step.done_at)
    when: SafeString | str = ""
    if done:
        when = _STEP_DONE
    elif step.due_date:
        when = format_html(" {}", due(step.due_date, today))
    return StepRow(
        pid=step.pid,
        title=conditional_escape(title),
        css=_state(step, "step", today),
        tick_css=_STEP_TICK_CSS[done],
        next_done=_NEXT_DONE[done],
        tick_title=_STEP_TICK[done],
        tick_label=f"Mark step “{title}” as not done" if done else f"Mark step “{title}” as done",
        when=when,
        done_url=link("milestones:step-done", step.pid),
        edit_url=link("milestones:step-edit", step.pid),
    )


def _meta(milestone: Milestone, today: date) -> SafeString:
    if milestone.done_at:
        # In the viewer's time zone, as the template's date filter would show it.
        reached = localtime(milestone.done_at)
        return format_html(
            '<span class="reached"><span aria-hidden="true">✓</span> Reached '
            '<time datetime="{}">{}</time></span>',
            date_filter(reached, "c"),
            date_filter(reached, "j M Y"),
        )
    if milestone.due_date:
        return due(milestone.due_date, today)
    return mark_safe('<span class="due">No due date</span>')


def milestone_row(milestone: Milestone, today: date) -> MilestoneRow:
    """`milestone` loaded by `selectors.milestones_with_steps` (its `step_list` and step
    counts)."""
    title, done = milestone.title, bool(milestone.done_at)
    total = milestone.steps_total  # type: ignore[attr-defined]
    counted = (
        SafeString(f"· {milestone.steps_done} of {total} step{pluralize(total)} done")  # type: ignore[attr-defined]
        if total
        else ""
    )
    return MilestoneRow(
        pid=milestone.pid,
        title=conditional_escape(title),
        description=linebreaksbr(milestone.description, autoescape=True)
        if milestone.description
        else "",
        css=_state(milestone, "milestone", today),
        tick_css=_TICK_CSS[done],
        next_done=_NEXT_DONE[done],
        tick_title=_MILESTONE_TICK[done],
        tick_label=f"Reopen “{title}”" if done else f"Mark “{title}” as reached",
        meta=_meta(milestone, today),
        steps_count=counted,
        done_url=link("milestones:done", milestone.pid),
        edit_url=link("milestones:edit", milestone.pid),
        move_url=link("milestones:move", milestone.pid),
        delete_url=link("milestones:delete", milestone.pid),
        step_create_url=link("milestones:step-create", milestone.pid),
        steps=tuple(step_row(step, today) for step in milestone.step_list),  # type: ignore[attr-defined]
    )


def milestone_rows(milestones: list[Milestone], today: date) -> list[MilestoneRow]:
    return [milestone_row(milestone, today) for milestone in milestones]


# What the milestones section reads besides its rows (list.html says when each is set), as a
# page that includes it without them means: every name the template asks for and the context
# lacks costs the engine a failed lookup through the whole context, once per row.
SECTION_DEFAULTS = {
    "celebrate": False,
    "step_added": False,
    "step_form": None,
    "adding_step": None,
    "adding": False,
    "milestone_form": None,
}
