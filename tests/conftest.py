"""Shared fixtures: reference data loaded once per session, and the personas.

Personas (who the platform serves, and whose boundaries every test respects):
- ``national_admin``: a superuser at the national level; sees and edits everything.
- ``curator``: an institution's staff member with the curator role; edits the registry.
- ``cda_a`` / ``cda_b``: cluster development agents of two different clusters; signed in,
  but with no registry role, so they read exactly what the public reads.
- the public: anonymous visitors (the ``client`` fixture as is).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from clusterdev.core.roles import CURATOR_GROUP
from tests.registry.factories import make_cluster


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Geography, NIC codes and the seed's registry, once for the whole session."""
    from clusterdev.core.roles import ensure_groups
    from clusterdev.geography.loader import load_geography
    from clusterdev.registry.reference import load_reference_data

    with django_db_blocker.unblock():
        load_geography()
        load_reference_data()
        ensure_groups()


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Each test starts with an empty cache: the data version rolls back with the test."""
    from django.core.cache import cache

    cache.clear()


def _user(django_user_model: Any, username: str, **extra: Any) -> Any:
    return django_user_model.objects.create_user(
        username=username, password="pw-" + username, **extra
    )


@pytest.fixture
def national_admin(django_user_model: Any) -> Any:
    return _user(django_user_model, "national-admin", is_staff=True, is_superuser=True)


@pytest.fixture
def curator(django_user_model: Any) -> Any:
    user = _user(django_user_model, "institution-curator", is_staff=True)
    user.groups.add(Group.objects.get(name=CURATOR_GROUP))
    return user


@pytest.fixture
def cda_a(django_user_model: Any) -> Any:
    return _user(django_user_model, "cda-cluster-a")


@pytest.fixture
def cda_b(django_user_model: Any) -> Any:
    return _user(django_user_model, "cda-cluster-b")


@pytest.fixture
def api() -> APIClient:
    """An anonymous API client (the public)."""
    return APIClient()


def api_as(user: Any) -> APIClient:
    """An API client authenticated with the user's token, as a script would be."""
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


PERSONAS = ["public", "cda_a", "curator", "national_admin"]


@pytest.fixture
def persona_client(request: Any) -> Any:
    """Indirect-parametrised: a web client signed in as the named persona (or anonymous)."""
    from django.test import Client

    client = Client()
    name = request.param
    if name != "public":
        client.force_login(request.getfixturevalue(name))
    return client


# Initiatives: an institution, its staff, a TA, and two initiatives (A mentored by the TA,
# with cda_a; B with cda_b). Shared by every app that hangs records on an initiative.
@pytest.fixture
def institution(db: Any) -> Any:
    from django.apps import apps

    Institution = apps.get_model("institutions", "Institution")
    return Institution.objects.create(
        name="Test Institution",
        short_name="TI",
        slug="test-institution",
        category="national_public",
    )


@pytest.fixture
def staff(django_user_model: Any, institution: Any) -> Any:
    from clusterdev.initiatives.models import InstitutionMembership

    user = django_user_model.objects.create_user(username="inst-staff", password="pw")
    InstitutionMembership.objects.create(user=user, institution=institution)
    return user


@pytest.fixture
def ta(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(username="ta-mentor", password="pw")


@pytest.fixture
def initiative_a(institution: Any, cda_a: Any, ta: Any) -> Any:
    from clusterdev.initiatives.models import Initiative

    initiative = Initiative.objects.create(
        institution=institution,
        cluster=make_cluster("init-cluster-a"),
        title="Initiative A",
        summary="Public summary A",
        ta=ta,
        published=True,
    )
    initiative.cdas.add(cda_a)
    return initiative


@pytest.fixture
def initiative_b(institution: Any, cda_b: Any) -> Any:
    from clusterdev.initiatives.models import Initiative

    initiative = Initiative.objects.create(
        institution=institution, cluster=make_cluster("init-cluster-b"), title="Initiative B"
    )
    initiative.cdas.add(cda_b)
    return initiative
