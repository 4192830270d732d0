"""A cluster's page and an institution's page list the initiatives the viewer may see; the
public cluster page (cached) shows a newly published initiative at once."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _as(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def test_cluster_page_lists_published_initiatives_and_sees_a_new_one(initiative_a, initiative_b):
    url_a = initiative_a.cluster.get_absolute_url()
    assert "Initiative A" in _as().get(url_a).content.decode()
    url_b = initiative_b.cluster.get_absolute_url()
    assert "Initiative B" not in _as().get(url_b).content.decode()  # now cached
    initiative_b.published = True
    initiative_b.save()
    assert "Initiative B" in _as().get(url_b).content.decode()


def test_institution_page_lists_its_initiatives_by_viewer(
    cda_b, institution, initiative_a, initiative_b
):
    url = f"/institutions/{institution.slug}/"
    public = _as().get(url).content.decode()
    assert "Initiative A" in public and "Initiative B" not in public
    assert "Initiative B" in _as(cda_b).get(url).content.decode()
