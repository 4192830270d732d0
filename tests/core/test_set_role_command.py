"""`clusterdev set_role` gives and takes the curator and admin roles."""

import pytest
from django.core.management import CommandError, call_command

from clusterdev.core import roles

pytestmark = pytest.mark.django_db


def test_a_user_becomes_curator_then_public_again(django_user_model) -> None:  # type: ignore[no-untyped-def]
    user = django_user_model.objects.create_user("ravi")
    call_command("set_role", "ravi", "curator")
    user.refresh_from_db()
    assert roles.is_curator(user) and user.is_staff and not user.is_superuser
    call_command("set_role", "ravi", "public")
    user = django_user_model.objects.get(username="ravi")
    assert not roles.is_curator(user) and not user.is_staff


def test_an_unknown_user_is_refused_unless_created(django_user_model) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CommandError, match="no user 'nobody'"):
        call_command("set_role", "nobody", "admin")
    call_command("set_role", "nobody", "admin", "--create")
    assert django_user_model.objects.get(username="nobody").is_superuser
