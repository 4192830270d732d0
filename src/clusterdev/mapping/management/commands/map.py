"""``clusterdev map REGISTER --rules NAME|FILE --out DIR``: find clusters in a register."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterdev.engine import memory


class Command(BaseCommand):
    help = "Find clusters in enterprise register files (CSV or Parquet) and write the results."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("register", nargs="+", help="register file(s), mapped together")
        parser.add_argument("--rules", default="fmc-observatory", help="rule-set name or TOML file")
        parser.add_argument("--product-level", type=int, default=4, choices=[2, 3, 4, 5])
        parser.add_argument("--product-grouping", help="CSV nic_prefix,group_code,group_name")
        parser.add_argument("--engine", default="duckdb", choices=["duckdb", "spark"])
        parser.add_argument(
            "--method",
            action="append",
            choices=["administrative", "footprint"],
            help="run only this method (repeatable; default both)",
        )
        parser.add_argument("--out", required=True, help="output directory")
        parser.add_argument("--no-progress", action="store_true", help="no progress bars")

    def handle(self, *args: Any, **options: Any) -> None:
        from clusterdev.engine import EngineError, map_register
        from clusterdev.mapping.progress import StageProgress

        memory.keep_freed_memory()  # this process only maps (decision 0119)
        try:
            with StageProgress(self.stdout, enabled=not options["no_progress"]) as progress:
                result = map_register(
                    options["register"],
                    options["rules"],
                    product_level=options["product_level"],
                    engine=options["engine"],
                    out=options["out"],
                    progress=progress,
                    product_grouping=options["product_grouping"],
                    methods=options["method"] or ("administrative", "footprint"),
                )
        except EngineError as error:
            raise CommandError(str(error)) from None
        rows = result.summary["rows"]
        clusters = result.summary["clusters"]
        self.stdout.write(
            f"rows read {rows['read']:,}: accepted {rows['accepted']:,}, "
            f"quarantined {rows['quarantined']:,}"
        )
        for reason, count in rows["quarantined_by_reason"].items():
            self.stdout.write(f"  {reason}: {count:,}")
        self.stdout.write(
            f"clusters ({result.summary['rule_set']}): "
            + ", ".join(f"{m} {n:,}" for m, n in clusters["by_method"].items())
        )
        self.stdout.write(self.style.SUCCESS(f"written to {options['out']}"))
