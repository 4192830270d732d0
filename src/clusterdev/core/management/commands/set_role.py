from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterdev.core.roles import CURATOR_GROUP, ensure_groups

ROLES = ("public", "curator", "admin")


class Command(BaseCommand):
    help = "Give a user one of the roles public, curator or admin (creating the user if asked)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("role", choices=ROLES)
        parser.add_argument("--create", action="store_true", help="create the user if missing")

    def handle(self, *args: Any, **options: Any) -> None:
        ensure_groups()
        users = get_user_model().objects
        username, role = options["username"], options["role"]
        user = users.filter(username=username).first()
        if user is None:
            if not options["create"]:
                raise CommandError(f"no user {username!r}; add --create to create one")
            user = users.create_user(username=username)
            self.stdout.write(
                f"Created {username!r} without a password: set one with "
                f"`clusterdev changepassword {username}`."
            )
        curators = Group.objects.get(name=CURATOR_GROUP)
        user.is_superuser = role == "admin"
        user.is_staff = role in ("curator", "admin")
        user.save()
        if role == "curator":
            user.groups.add(curators)
        else:
            user.groups.remove(curators)
        self.stdout.write(f"{username} is now {role}.")
