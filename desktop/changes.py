"""The areas of the records an operation may change, so that a view reloads only what it shows.

An operation (``fn(store, progress) -> result``) says which areas it changed:
either the caller declares them when running it, or the function returns
:class:`Changed` with its result. The window passes the areas on; each page
declares the areas it shows and reloads only when one of them changed.
Qt-free; the list is defined here once.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Iterable


class Area(str, enum.Enum):
    PEOPLE = "people"                # collectives and people, their ratings and the titles they hold
    LEDGER = "ledger"                # achievements and their evidence
    CAMPAIGNS = "campaigns"          # campaigns, their plans, phases, criteria and awards
    REGISTRATION = "registration"    # what collectives and people registered for a campaign
    NOMINATIONS = "nominations"      # award nominations and their outcomes
    MEETINGS = "meetings"            # council meetings, members and ballots
    DOCUMENTS = "documents"          # drafted documents, their versions and attached papers
    PRINT_LOG = "print_log"          # what was printed or sent
    REVIEW = "review"                # the year-end review and its initiatives
    SETTINGS = "settings"            # the unit profile, trusted certificates, backups made (the overview shows them)


ALL: frozenset[Area] = frozenset(Area)
NONE: frozenset[Area] = frozenset()

# What goes with a record when it goes, or comes with an outcome (the deletes cascade in the schema).
PERSON_REMOVED = frozenset({Area.PEOPLE, Area.LEDGER, Area.REGISTRATION, Area.NOMINATIONS, Area.MEETINGS,
                            Area.REVIEW})
CAMPAIGN_REMOVED = frozenset({Area.CAMPAIGNS, Area.LEDGER, Area.REGISTRATION, Area.NOMINATIONS, Area.MEETINGS,
                              Area.DOCUMENTS})
OUTCOME_RECORDED = frozenset({Area.NOMINATIONS, Area.PEOPLE})  # an award granted joins the titles held


def areas(values: Iterable[Area | str] | Area | str | None) -> frozenset[Area]:
    """The areas named (an :class:`Area`, its value, or several of them)."""
    if values is None:
        return NONE
    if isinstance(values, (Area, str)):
        values = (values,)
    return frozenset(Area(v) for v in values)


@dataclass(frozen=True)
class Changed:
    """What an operation returns when the areas it changed depend on what it did."""

    value: Any
    areas: frozenset[Area]

    def __init__(self, value: Any, *changed: Area | str) -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "areas", areas(changed))


def split(result: Any, declared: Iterable[Area | str] = ()) -> tuple[Any, frozenset[Area]]:
    """An operation's result and the areas it changed (those it returned, else those declared)."""
    if isinstance(result, Changed):
        return result.value, result.areas
    return result, areas(declared)
