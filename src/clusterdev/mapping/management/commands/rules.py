"""``clusterdev rules list`` and ``clusterdev rules show NAME``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "List the cluster identification rule sets, or show one."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="list the shipped rule sets")
        show = sub.add_parser("show", help="show a rule set (name or file)")
        show.add_argument("name")

    def handle(self, *args: Any, **options: Any) -> None:
        from clusterdev.engine import RuleSetError, list_rules, load_rules

        if options["action"] == "list":
            for name in list_rules():
                rules = load_rules(name)
                self.stdout.write(f"{rules.name:<18} {rules.version:<8} {rules.title}")
            return
        try:
            rules = load_rules(options["name"])
        except RuleSetError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{rules.label}: {rules.title}")
        source = ", ".join(x for x in (rules.source_document, rules.source_section) if x)
        self.stdout.write(
            f"source: {source}" + (f" <{rules.source_url}>" if rules.source_url else "")
        )
        self.stdout.write(f"file: {rules.path}")
        self.stdout.write(f"location quotient on: {rules.measure}")
        if rules.exclude_typologies:
            self.stdout.write(f"excludes: {', '.join(rules.exclude_typologies)}")
        fp = rules.footprint
        self.stdout.write(
            f"footprint: {fp.cell_km:g} km cells, dense at {fp.min_units} units with neighbours"
            + ("; sparse cells touching a dense one join it" if fp.edge_cells else "")
        )
        self.stdout.write("tests (a cluster meets at least one):")
        for test in rules.tests:
            scope = f" [{', '.join(test.typologies)}]" if test.typologies else ""
            conditions = " and ".join(c.describe() for c in test.conditions)
            self.stdout.write(f"  {test.id}{scope}: {conditions}")
            if test.description:
                self.stdout.write(f"      {test.description}")
        if rules.notes:
            self.stdout.write(f"notes: {rules.notes}")
