"""``clusterdev synth --enterprises N --seed S --out FILE``: a synthetic register."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Write a synthetic enterprise register with planted clusters, and its truth file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enterprises", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--out", required=True, help="*.parquet for Parquet, else CSV")
        parser.add_argument("--cluster-share", type=float, default=0.4)
        parser.add_argument("--dirty", type=float, default=0.0, help="share of bad rows")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        from clusterdev.engine.synth import synthesise
        from clusterdev.mapping.progress import StageProgress

        if options["enterprises"] < 0:
            raise CommandError("--enterprises must be 0 or more")
        with StageProgress(self.stdout, enabled=not options["no_progress"]) as progress:
            plants = synthesise(
                options["out"],
                enterprises=options["enterprises"],
                seed=options["seed"],
                cluster_share=options["cluster_share"],
                dirty=options["dirty"],
                progress=progress,
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"wrote {options['enterprises']:,} enterprises with {len(plants)} planted "
                f"clusters to {options['out']}"
            )
        )
