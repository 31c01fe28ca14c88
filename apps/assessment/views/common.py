"""What the assessment's views share: the guided first run and where a write leads back to."""

from dataclasses import dataclass

from django.urls import reverse

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import User
from apps.assessment import progress, state
from apps.core.htmx import HtmxHttpRequest
from apps.core.sharing import viewed

GUIDE_PARAM = "guide"


def in_guide(request: HtmxHttpRequest) -> bool:
    """Whether the page is a step of the guided first run: `?guide=1`, carried by its forms."""
    source = request.POST if request.method == "POST" else request.GET
    return source.get(GUIDE_PARAM) == "1"


def part_url(url_name: str, *, guide: bool = False, anchor: str = "", **kwargs) -> str:
    url = reverse(url_name, kwargs=kwargs or None)
    if guide:
        url += f"?{GUIDE_PARAM}=1"
    return url + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class GuideBar:
    steps: list[progress.GuideStep]
    current: progress.GuideStep
    next_url: str
    next_title: str
    back_url: str

    @property
    def total(self) -> int:
        return len(self.steps)


def guide_bar(user: User, key: str) -> GuideBar:
    steps = progress.guide_steps(state.load(user))
    index = next(i for i, step in enumerate(steps) if step.key == key)
    following = steps[index + 1] if index + 1 < len(steps) else None
    before = steps[index - 1] if index else None
    return GuideBar(
        steps=steps,
        current=steps[index],
        next_url=part_url(following.url_name, guide=True)
        if following
        else reverse("assessment:overview"),
        next_title=following.title if following else "your overview",
        back_url=part_url(before.url_name, guide=True) if before else reverse("assessment:start"),
    )


def guide_context(request: AuthenticatedHttpRequest, key: str) -> dict:
    """`guide` (True in the guided run) and, on a full page, `guide_bar` and who else reads
    this part (`sharing_notes`, from whichever app shares it)."""
    guide = in_guide(request)
    full_page = not request.htmx
    bar = guide_bar(request.user, key) if guide and full_page else None
    notes = viewed("assessment", viewer=request.user, obj=key) if full_page else []
    return {"guide": guide, "guide_bar": bar, "sharing_notes": notes}
