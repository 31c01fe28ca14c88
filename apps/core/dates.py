"""Dates in words, the same everywhere in the product."""

from datetime import date


def span_in_words(days: int) -> str:
    """A positive number of days as people say it: '1 day', '12 days', '3 weeks', '5 months'."""

    def unit(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    if days < 14:
        return unit(days, "day")
    if days < 60:
        return unit(days // 7, "week")
    if days < 730:
        return unit(days // 30, "month")
    return unit(days // 365, "year")


def relative_day(day: date, today: date) -> str:
    """'today', 'tomorrow', 'yesterday', 'in 12 days', '3 weeks ago'."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    amount = span_in_words(abs(delta))
    return f"in {amount}" if delta > 0 else f"{amount} ago"
