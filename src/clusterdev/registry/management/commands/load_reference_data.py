from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console

from clusterdev.geography.loader import load_geography
from clusterdev.registry.reference import DEFAULT_DIR, ReferenceDataError, load_reference_data


class Command(BaseCommand):
    help = (
        "Load all reference data: geography, NIC 2008 codes, and the registry's files "
        "(sources, clusters, estimates, national figures, breakdowns). Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--directory",
            type=Path,
            default=DEFAULT_DIR,
            help="Folder with the registry CSV files (default: the bundled ones).",
        )
        parser.add_argument(
            "--skip-geography", action="store_true", help="Do not reload the gazetteer first."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        console = Console(stderr=True)
        if not options["skip_geography"]:
            with console.status("Loading geography…"):
                counts = load_geography()
            console.log(f"geography: {counts['states']} states, {counts['pincodes']:,} PIN codes")
        try:
            with console.status("Loading registry reference data…"):
                counts = load_reference_data(
                    options["directory"], progress=lambda stage: console.log(f"checked {stage}")
                )
        except ReferenceDataError as error:
            raise CommandError(str(error)) from None
        changed = {k: v for k, v in counts.items() if v}
        self.stdout.write(
            "Reference data loaded: "
            + (
                ", ".join(f"{k.replace('_', ' ')}: {v:,}" for k, v in changed.items())
                or "no changes"
            )
        )
