"""Dates as people write them, at their precision: "7 Oct 2023", "June 2023",
"late Nov 2022", "Q4 2023", "2025"."""
from __future__ import annotations

from datetime import date

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_LONG = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
            6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}


def display_date(start: date | None, precision: str | None, end: date | None = None) -> str:
    if start is None:
        return ""
    y = start.year
    if end is not None and end != start and precision == "day":
        if (end.year, end.month) == (y, start.month):
            return f"{start.day}–{end.day} {_MONTHS[start.month - 1]} {y}"
        return f"{display_date(start, 'day')} – {display_date(end, 'day')}"
    if precision == "day":
        return f"{start.day} {_MONTHS[start.month - 1]} {y}"
    if precision == "week":
        return f"week of {start.day} {_MONTHS[start.month - 1]} {y}"
    if precision == "month":
        return f"{_MONTHS_LONG[start.month - 1]} {y}"
    if precision == "part_of_month":
        part = "early" if start.day <= 10 else "mid" if start.day <= 20 else "late"
        return f"{part} {_MONTHS[start.month - 1]} {y}"
    if precision == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {y}"
    if precision == "half":
        return f"H{1 if start.month <= 6 else 2} {y}"
    if precision == "season":
        return f"{_SEASONS[start.month]} {y}"
    if precision == "part_of_year":
        part = "early" if start.month <= 4 else "mid" if start.month <= 8 else "late"
        return f"{part} {y}"
    if end is not None and end.year != y:
        return f"{y}–{end.year}"
    return str(y)
