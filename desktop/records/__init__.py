"""The records the unit keeps: its profile, people and collectives, the ledger of
achievements with evidence, search, the awards received over the years, and the file check."""
