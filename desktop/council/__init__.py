"""Who is proposed and decided: nominations, the council meeting and its ballots, award
conditions (read from resources/), outcomes, prizes and the unit's own year-end review."""
