"""The portfolio PDF ends with monitoring's figures (latest approved period, with their
disaggregation) for the initiatives the viewer may read privately, as the portfolio page
does: none for the public, only her own for a CDA, all for staff of the institution and
admins."""

from __future__ import annotations

import pytest

from clusterdev.monitoring import services
from tests.monitoring.helpers import periods, plan, value
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

HEADING = "Monitoring: latest approved period"
FIGURE = {
    "Initiative A": "Exports as a share of turnover: 15 % in FY2024",
    "Initiative B": "Exports as a share of turnover: 40 % in FY2024",
}


@pytest.fixture
def monitored(initiative_a, initiative_b, ta):
    """A (published, cda_a's) and B (unpublished, cda_b's), each with an approved period."""
    for initiative, exports in ((initiative_a, 150), (initiative_b, 400)):
        plan(initiative)
        period = periods(initiative, 1)[0]
        value(initiative, "turnover", "actual", 1000, period)
        value(initiative, "exports", "actual", exports, period)
        services.approve(period, ta)


@pytest.mark.parametrize(
    ("persona_client", "private"),
    [
        ("public", set()),
        ("cda_a", {"Initiative A"}),
        ("cda_b", {"Initiative B"}),  # A is public to her, its figures are not
        ("staff", {"Initiative A", "Initiative B"}),
        ("national_admin", {"Initiative A", "Initiative B"}),
    ],
    indirect=["persona_client"],
)
def test_each_persona_gets_the_figures_of_her_private_initiatives_only(
    persona_client, private, monitored
):
    response = persona_client.get("/initiatives/portfolio/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert (HEADING in text) == bool(private)
    assert {title for title, figure in FIGURE.items() if figure in text} == private


def test_the_figures_follow_the_pages_filters(staff, monitored):
    from django.test import Client

    client = Client()
    client.force_login(staff)
    text = pdf_text(client.get("/initiatives/portfolio/report.pdf", {"q": "Initiative B"}).content)
    assert FIGURE["Initiative B"] in text and FIGURE["Initiative A"] not in text
