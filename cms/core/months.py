"""Calendar-month arithmetic (no app knowledge)."""

import datetime


def add_months(year, month, n):
    """``(year, month)`` moved by ``n`` months (negative goes back)."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def next_monthly_day(today, day):
    """The first date on or after ``today`` that falls on ``day`` of its month."""
    this_month = datetime.date(today.year, today.month, day)
    if this_month >= today:
        return this_month
    year, month = add_months(today.year, today.month, 1)
    return datetime.date(year, month, day)
