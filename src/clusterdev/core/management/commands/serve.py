import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve ClusterDev with gunicorn (a production-grade WSGI server)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        # Measured (docs/benchmarks.md): cores + 1 processes of 4 threads each served about
        # twice the requests of single-threaded processes on the 2-core reference machine.
        parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
        parser.add_argument("--threads", type=int, default=4)

    def handle(self, *args: Any, **options: Any) -> None:
        argv = [
            "gunicorn",
            "clusterdev.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--threads",
            str(options["threads"]),
            "--access-logfile",
            "-",
            "--timeout",
            "120",
        ]
        self.stdout.write(f"Serving on http://{options['bind']}/ (Ctrl-C stops)")
        sys.stdout.flush()
        os.execvp(sys.executable, [sys.executable, "-m", *argv])
