"""Form data the goal tests post."""


def goal_form(**overrides) -> dict:
    """What the goal form sends for a sound goal, with `overrides` (None leaves a field out)."""
    data = {
        "title": "Pass the PMP exam",
        "goal_type": "professional_development",
        "specific": "Pass the project management exam at the test centre in town this spring",
        "measure_kind": "milestones",
        "achievable": "Two evenings a week and my employer pays",
        "relevant": "It is the step towards leading projects",
        "target_date": "2026-09-01",
        "horizon": "",
        "important": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
