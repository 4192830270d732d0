from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterdev.engine import memory
from clusterdev.mapping.jobs import execute
from clusterdev.mapping.models import MappingRun


class Command(BaseCommand):
    help = "Run one queued mapping run (started by the web pages in the background)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("run_id", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        if not MappingRun.objects.filter(pk=options["run_id"]).exists():
            raise CommandError(f"no mapping run {options['run_id']}")
        memory.keep_freed_memory()  # this process only maps (decision 0119)
        run = execute(options["run_id"])
        self.stdout.write(f"run {run.pk}: {run.status}" + (f" ({run.error})" if run.error else ""))
