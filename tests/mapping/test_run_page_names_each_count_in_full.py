"""The count cards of a mapping run say what they count ("No longer found"), not "No …"."""

import re

import pytest
from django.test import Client

from clusterdev.mapping.choices import RunStatus
from clusterdev.mapping.models import MappingRun

pytestmark = pytest.mark.django_db


def test_each_count_card_names_its_group_in_full(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    run = MappingRun.objects.create(
        title="Empty run", register="r.csv", rules="fmc-observatory", status=RunStatus.DONE
    )
    client.force_login(curator)
    html = client.get(f"/mapping/runs/{run.pk}/").content.decode()
    labels = re.findall(
        r'data-testid="count-\w+">\d+</span><span class="label"[^>]*>([^<]*)<', html
    )
    assert labels == ["New", "Matched", "Changed", "No longer found"]
    assert "…" not in "".join(labels)
