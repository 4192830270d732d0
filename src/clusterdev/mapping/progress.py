"""A rich progress display with one bar per engine stage."""

from __future__ import annotations

from typing import Any


class StageProgress:
    """Context manager giving a ``progress(stage, done, total)`` callback drawn with rich."""

    def __init__(self, stdout: Any, enabled: bool = True) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(file=stdout, force_terminal=False)
        self.enabled = enabled
        self.bar = Progress(
            TextColumn("{task.description:<16}"),
            BarColumn(),
            TextColumn("{task.completed:>,.0f}/{task.total:,.0f}"),
            TimeElapsedColumn(),
            console=self.console,
            disable=not enabled,
        )
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> StageProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=max(total, 1))
        self.bar.update(self.tasks[stage], completed=done, total=max(total, 1))
