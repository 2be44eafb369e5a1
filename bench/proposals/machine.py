"""How busy the machine was with other work while the benchmark measured (from /proc), so a disturbed run shows."""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _machine_busy_ticks() -> int:
    """CPU time (ticks) every CPU spent on anything but idling and waiting for I/O, since boot."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4]


def _parents() -> dict[int, int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    return parents


def _ticks(pid: int) -> int:
    with contextlib.suppress(OSError, IndexError, ValueError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    return 0


def family(roots: list[int]) -> set[int]:
    """`roots` and all their descendants (the platform's processes, PostgreSQL's backends, this script)."""
    parents, found = _parents(), set(roots)
    grew = True
    while grew:
        added = {pid for pid, parent in parents.items() if parent in found and pid not in found}
        found |= added
        grew = bool(added)
    return found


@dataclass
class Snapshot:
    at: float
    machine: int
    ours: dict[int, int]


def snapshot(roots: list[int]) -> Snapshot:
    return Snapshot(time.monotonic(), _machine_busy_ticks(), {pid: _ticks(pid) for pid in family(roots)})


def others_share(start: Snapshot, end: Snapshot) -> float:
    """The share of all CPUs that processes outside the benchmark used between the two snapshots."""
    ours = sum(end.ours.get(pid, ticks) - ticks for pid, ticks in start.ours.items())
    ours += sum(ticks for pid, ticks in end.ours.items() if pid not in start.ours)  # started meanwhile
    capacity = (end.at - start.at) * CLOCK_TICKS * (os.cpu_count() or 1)
    return max(0.0, (end.machine - start.machine - ours) / capacity) if capacity else 0.0


def wait_until_quiet(roots: list[int], *, seconds: float, threshold: float = 0.1, window: float = 2.0) -> float:
    """Wait up to `seconds` for other processes to use less than `threshold` of the CPUs; returns the last share."""
    ends, share = time.monotonic() + seconds, 0.0
    while True:
        start = snapshot(roots)
        time.sleep(window)
        share = others_share(start, snapshot(roots))
        if share < threshold or time.monotonic() >= ends:
            return share
