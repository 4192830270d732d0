from typing import Any

from django.core.management.base import BaseCommand
from rich.console import Console

from clusterdev.geography.loader import load_geography


class Command(BaseCommand):
    help = "Load states, districts, their spellings and PIN codes from the offline gazetteer."

    def handle(self, *args: Any, **options: Any) -> None:
        console = Console(stderr=True)
        with console.status("Loading geography from the installed packages…"):
            counts = load_geography(
                progress=lambda stage, done, total: console.log(f"{stage}: {done:,}")
            )
        self.stdout.write(", ".join(f"{k.replace('_', ' ')}: {v:,}" for k, v in counts.items()))
