"""How long each step of a load took: wall time, and CPU time of this process (all its
threads) and of each worker that read a file apart. Kept in the snapshot's manifest
(`timings`) and reported by `make bench`, so where an England-sized load spends its time is
measured on every run, not worked out again by hand."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Timeline:
    """The steps of one load in the order they first ran, and the workers it waited for."""

    steps: list[dict[str, Any]] = field(default_factory=list)
    workers: list[dict[str, Any]] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Time the block as step `name`; a step met again adds to its first entry."""
        with measured() as took:
            yield
        self._add(name, **took)

    def _add(self, name: str, seconds: float, cpu_s: float) -> None:
        for step in self.steps:
            if step["step"] == name:
                step["seconds"] += seconds
                step["cpu_s"] += cpu_s
                return
        self.steps.append({"step": name, "seconds": seconds, "cpu_s": cpu_s})

    def worker(self, file: str, seconds: float, cpu_s: float) -> None:
        self.workers.append({"file": file, "seconds": seconds, "cpu_s": cpu_s})

    def to_dict(self) -> dict[str, Any]:
        def rounded(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [
                {k: round(v, 2) if isinstance(v, float) else v for k, v in entry.items()}
                for entry in entries
            ]

        return {
            "seconds": round(time.perf_counter() - self.started, 2),
            "steps": rounded(self.steps),
            "workers": rounded(self.workers),
        }


@contextmanager
def measured() -> Iterator[dict[str, float]]:
    """Wall and CPU seconds of the block, in the dict yielded, once it ends (for a worker,
    whose own process time is all its reading)."""
    took: dict[str, float] = {}
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield took
    finally:
        took["seconds"] = time.perf_counter() - wall
        took["cpu_s"] = time.process_time() - cpu
