import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Prepare a local demo (migrate, load reference data, create the demo admin, collect "
        "static files) and serve it. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000", help="host:port to serve on")
        parser.add_argument("--no-serve", action="store_true", help="prepare only")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database ready: " + str(settings.DATABASES["default"]["NAME"]))
        call_command("load_reference_data")
        username, password = self._demo_admin()
        self._demo_mapping(username)
        from clusterdev.initiatives.demo import seed

        for line in seed(password):
            self.stdout.write(line)
        call_command("collectstatic", interactive=False, verbosity=0)
        host, _, port = options["bind"].rpartition(":")
        self.stdout.write(
            self.style.SUCCESS(
                f"\nClusterDev is ready at http://{host}:{port}/\n"
                f"Sign in as the demo admin: user '{username}', password '{password}' "
                f"(kept in {self._password_file()}).\n"
            )
        )
        if not options["no_serve"]:
            call_command("serve", bind=options["bind"])

    def _demo_mapping(self, username: str) -> None:
        """Map the bundled synthetic register once, and take in what it finds as candidates."""
        from clusterdev.mapping.choices import DiffStatus, RunStatus
        from clusterdev.mapping.demo import DEMO_ENTERPRISES, demo_register
        from clusterdev.mapping.jobs import execute
        from clusterdev.mapping.models import MappingRun
        from clusterdev.mapping.review import decide

        if MappingRun.objects.exists():
            return
        admin = get_user_model().objects.get(username=username)
        run = MappingRun.objects.create(
            title=f"Demo: synthetic register of {DEMO_ENTERPRISES:,} enterprises",
            register=str(demo_register()),
            rules="fmc-observatory",
            started_by=admin,
        )
        run = execute(run.pk)
        if run.status != RunStatus.DONE:
            self.stderr.write(f"The demo mapping failed: {run.error}")
            return
        new = run.candidates.filter(diff_status=DiffStatus.NEW).select_related("run")
        accepted = decide(new, accept=True, user=admin)
        self.stdout.write(
            f"Demo mapping: {accepted} candidate clusters found in a synthetic register "
            f"(sign in to see them; review at /mapping/runs/{run.pk}/)."
        )

    def _password_file(self) -> Path:
        return Path(settings.VAR_DIR) / "demo-admin-password"

    def _demo_admin(self) -> tuple[str, str]:
        path = self._password_file()
        if not path.exists():
            path.write_text(secrets.token_urlsafe(12))
            path.chmod(0o600)
        password = path.read_text().strip()
        user, created = get_user_model().objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True}
        )
        if created or not user.check_password(password):
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
        return "admin", password
