"""What a benchmark reads off processes and samples: CPU time, peak memory, percentiles."""

from __future__ import annotations

import os
from pathlib import Path

from storage.ledger import percentile as nearest_rank


def percentile(values: list[float], share: float) -> float:
    """The ledger's nearest-rank percentile (what /stats reports); NaN without samples, so
    a table prints "nan" rather than failing."""
    found = nearest_rank(values, share)
    return float("nan") if found is None else found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (from /proc, in clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def vm_hwm_mb(pid: int) -> float:
    """Peak resident memory of a process so far."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")
