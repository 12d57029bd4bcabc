"""One plain English sentence made from an event's fields, for readers of other
languages and for search ("Russia and Kazakhstan held talks in the Kremlin on 7 Oct 2023")."""
from __future__ import annotations

from datetime import date

from .dates_display import display_date

_VERBS = {
    "meeting": ("held talks", "are to hold talks"),
    "signing": ("signed a document", "are to sign a document"),
    "agreement": ("reached an agreement", "are to reach an agreement"),
    "supply_start": ("started supplies", "are to start supplies"),
    "supply_halt": ("halted supplies", "are to halt supplies"),
    "drone_strike": ("drone attack", "drone attack expected"),
    "statement": ("made a statement", "are to make a statement"),
    "plan": ("announced a plan", "announced a plan"),
    "volume": ("reported a volume", "set a target volume"),
}


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def summarise(type_: str, status: str, actors: list[tuple[str, str, str]], place: str | None,
              date_start: date | None, precision: str | None) -> str:
    """actors: (id, name, role); the named parties first, countries only when no one else is named."""
    named = [n for _, n, r in actors if r != "mentioned"]
    subject = _join(named[:4]) or "Unnamed parties"
    verb = _VERBS[type_][status == "planned"]
    if type_ == "drone_strike":
        text = f"Drone attack on {subject}" if named else "Drone attack"
    else:
        text = f"{subject} {verb}"
    if place:
        text += f" at {place}" if type_ == "drone_strike" else f" in {place}"
    when = display_date(date_start, precision)
    if when:
        text += f" ({when})"
    return text
