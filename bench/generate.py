"""Make a large unit for the benchmarks: 500 people in 20 collectives, 100,000 achievements.

    python bench/generate.py OUT.sqlite [--people 500] [--achievements 100000]

Rows go in through the real schema (triggers keep the search index and the
audit trail), in one transaction, with the domain's text rules (NFC, name keys).
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.demo import unit as demo  # noqa: E402
from desktop.store import Store  # noqa: E402
from desktop.text import name_sort_key  # noqa: E402


def generate(path: Path, n_people: int = 500, n_achievements: int = 100_000, seed: int = 1) -> None:
    rng = random.Random(seed)
    if path.exists():
        raise SystemExit(f"{path} exists; remove it first")
    with Store(path) as store, store.transaction() as conn:
        conn.execute("INSERT INTO unit_profile(id, name, governing_body, province, abbreviation) "
                     "VALUES (1, 'Sở Tư pháp tỉnh Hà Tĩnh (dữ liệu thử tải)', 'UBND tỉnh Hà Tĩnh', 'Hà Tĩnh', 'STP')")
        unit_id = conn.execute("INSERT INTO collective(name, is_unit) VALUES ('Sở Tư pháp', 1)").lastrowid
        teams = [conn.execute("INSERT INTO collective(name, parent_id) VALUES (?, ?)",
                              (f"Phòng {i:02d}", unit_id)).lastrowid for i in range(1, 20)]
        collectives = [unit_id, *teams]
        people = []
        for _ in range(n_people):
            female = rng.random() < 0.5
            name = " ".join([rng.choice(demo.FAMILY),
                             rng.choice(demo.MIDDLE_F if female else demo.MIDDLE_M),
                             rng.choice(demo.GIVEN_F if female else demo.GIVEN_M)])
            people.append(conn.execute(
                "INSERT INTO person(full_name, sort_key, sex, position, collective_id, year_joined) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (name, name_sort_key(name), "nu" if female else "nam", rng.choice(demo.POSITIONS),
                 rng.choice(collectives), rng.randint(2000, 2024))).lastrowid)
        start = dt.date(2021, 1, 1)
        rows = []
        for _ in range(n_achievements):
            title, criterion, unit_name, lo, hi = rng.choice(demo.PERSON_WORK + demo.TEAM_WORK)
            person = rng.choice(people) if rng.random() < 0.85 else None
            rows.append((
                (start + dt.timedelta(days=rng.randint(0, 1800))).isoformat(),
                person, None if person else rng.choice(collectives),
                f"{title} {rng.choice(demo.PLACES)}", f"Kết quả đợt {rng.randint(1, 12)}", criterion,
                float(rng.randint(lo, hi)) if unit_name else None, unit_name,
            ))
        conn.executemany(
            "INSERT INTO achievement(date, person_id, collective_id, title, description, criterion, "
            "measure_value, measure_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--achievements", type=int, default=100_000)
    args = parser.parse_args()
    generate(args.out, args.people, args.achievements)
    print(args.out)
