"""Personas for initiatives: an institution, its staff, a TA, and two initiatives."""

from __future__ import annotations

from typing import Any

import pytest

from clusterdev.initiatives.models import Initiative, InstitutionMembership
from tests.registry.factories import make_cluster


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
    user = django_user_model.objects.create_user(username="inst-staff", password="pw")
    InstitutionMembership.objects.create(user=user, institution=institution)
    return user


@pytest.fixture
def ta(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(username="ta-mentor", password="pw")


@pytest.fixture
def initiative_a(institution: Any, cda_a: Any, ta: Any) -> Initiative:
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
def initiative_b(institution: Any, cda_b: Any) -> Initiative:
    initiative = Initiative.objects.create(
        institution=institution, cluster=make_cluster("init-cluster-b"), title="Initiative B"
    )
    initiative.cdas.add(cda_b)
    return initiative
