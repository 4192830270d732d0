"""The institution page downloads its initiatives and clusters; initiatives come from the
viewer's own queryset, so the public and another cluster's CDA never get a private one."""

import pytest
from django.test import Client

from clusterdev.initiatives.models import Initiative
from tests.institutions.downloads import csv_rows, xlsx_rows
from tests.registry.factories import make_cluster

pytestmark = pytest.mark.django_db
PAGE = "/institutions/test-institution/"


@pytest.fixture
def private_c(institution, cda_a):
    initiative = Initiative.objects.create(
        institution=institution, cluster=make_cluster("init-cluster-c"), title="Initiative C"
    )
    initiative.cdas.add(cda_a)
    return initiative


def _client(request, who: str) -> Client:
    client = Client()
    if who != "public":
        client.force_login(request.getfixturevalue(who))
    return client


@pytest.mark.parametrize(
    ("who", "titles"),
    [
        ("public", ["Initiative A"]),
        ("cda_b", ["Initiative A", "Initiative B"]),
        ("cda_a", ["Initiative A", "Initiative C"]),
        ("staff", ["Initiative A", "Initiative B", "Initiative C"]),
    ],
)
def test_the_initiatives_file_equals_the_pages_list(
    request, who, titles, initiative_a, initiative_b, private_c
) -> None:
    client = _client(request, who)
    page = client.get(PAGE)
    assert b"table=initiatives&amp;export=csv" in page.content
    rows = csv_rows(client, PAGE, table="initiatives")
    assert [r["title"] for r in rows] == [i.title for i in page.context["initiatives"]] == titles
    assert rows[0]["cluster_slug"] == "init-cluster-a"
    assert len(xlsx_rows(client, PAGE, table="initiatives")) == 1 + len(titles)


def test_the_clusters_file_equals_the_pages_list(client: Client) -> None:
    page = client.get("/institutions/sbi/")
    rows = csv_rows(client, "/institutions/sbi/", table="clusters")
    assert [r["slug"] for r in rows] == [c.slug for c in page.context["clusters"]]
    assert "firozabad-glass" in [r["slug"] for r in rows]
    assert next(r for r in rows if r["slug"] == "firozabad-glass")["states"] == "Uttar Pradesh"


def test_unknown_tables_and_formats_are_400(client: Client, institution) -> None:
    assert client.get(PAGE, {"table": "people", "export": "csv"}).status_code == 400
    assert client.get(PAGE, {"export": "pdf"}).status_code == 400
