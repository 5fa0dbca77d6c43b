"""Time and memory of reading a large plain-text plan: ``python bench/plan_parse.py [MB]``.

The text is a real-shaped plan (the Bình Định fixture) whose body is repeated
until the file has the size asked for (10 MB by default), as a long plan with
appendices, or a conversion that repeats itself, comes out. The target from
issue 10: 10 MB in under 10 s and under 300 MB of memory. Prints the seconds
(wall clock and CPU: on a shared, loaded machine the CPU time is the one to
compare), the peak resident memory of the process, and with ``--trace`` the
parse's own peak allocation.

Measured on the 2-core development machine while other work ran on it (load
average 4–7), 10 MB: before the work on issue 10, 199 s wall / 75 s of CPU and
739 MB peak RSS; after it, 18–38 s wall / 11.7–13.7 s of CPU and 284–289 MB
peak RSS (48 MB of it before parsing). Then, with a C-level word key per
paragraph, rules that skip paragraphs lacking their words, the collector paused
slotted lines, and plain lines kept off the white-space patterns (load average
4–8, the two versions run one after the other): 11.8–13.9 s of CPU and 284 MB
before, 7.2–8.9 s of CPU and 264 MB after.
The CPU time on a quiet machine is expected lower still.
"""
from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.campaigns.plans import parse_plan_text  # noqa: E402

SOURCE = ROOT / "tests" / "data" / "plans" / "ke-hoach-binh-dinh-snv-2025-footnotes.txt"


def big_plan(megabytes: float) -> str:
    text = SOURCE.read_text(encoding="utf-8")
    head, sep, tail = text.partition("Nơi nhận")
    body_start = head.index("I.")
    header, body = head[:body_start], head[body_start:]
    target = int(megabytes * 1024 * 1024)
    parts = [header]
    size = len(header.encode())
    k = 0
    while size < target:
        k += 1
        chunk = body.replace("I.", f"PHỤ LỤC {k}\nI.", 1)
        parts.append(chunk)
        size += len(chunk.encode())
    parts.append(sep + tail)
    return "".join(parts)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    megabytes = float(args[0]) if args else 10.0
    text = big_plan(megabytes)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    trace = "--trace" in sys.argv
    if trace:
        tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    plan = parse_plan_text(text)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_alloc = tracemalloc.get_traced_memory()[1] / 2**20 if trace else float("nan")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"size: {len(text.encode()) / 2**20:.1f} MB; parse: {seconds:.1f} s ({cpu:.1f} s of CPU); peak RSS: {rss:.0f} MB "
          f"({before:.0f} MB before parsing: Python, the catalog and the text itself); "
          f"parse allocations peak: {peak_alloc:.0f} MB; awards: {len(plan.awards)}; number: {plan.number}")


if __name__ == "__main__":
    main()
