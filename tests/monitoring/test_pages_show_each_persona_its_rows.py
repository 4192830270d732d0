"""Pages: the M&E page, grid, exports and sustainability page are private; cda_b and the
public get nothing of initiative A; editors get forms, reviewers get approve buttons."""

from __future__ import annotations

import pytest

from tests.monitoring.helpers import periods, plan, value

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(initiative_a):
    plan(initiative_a)
    period = periods(initiative_a, 1)[0]
    value(initiative_a, "turnover", "actual", 100, period)
    base = f"/monitoring/initiatives/{initiative_a.pk}/"
    return [
        base,
        f"{base}grid/{period.pk}/",
        f"{base}grid/whole/",
        f"{base}values/?export=csv",
        f"{base}indicator-values/?export=xlsx",
        f"{base}sustainability/",
        f"{base}sustainability/?export=csv",
        f"{base}periods/?export=xlsx",
    ]


def test_the_public_is_sent_to_sign_in(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"], url


def test_cda_b_gets_404_everywhere(client, cda_b, urls, initiative_a):
    client.force_login(cda_b)
    for url in urls:
        assert client.get(url).status_code == 404, url
    period = initiative_a.monitoring_periods.get()
    assert client.post(f"/monitoring/periods/{period.pk}/approve/").status_code == 404
    assert client.post(f"/monitoring/periods/{period.pk}/delete/").status_code == 404


@pytest.mark.parametrize("who", ["cda_a", "staff", "ta", "national_admin"])
def test_private_readers_see_the_pages(request, client, who, urls):
    client.force_login(request.getfixturevalue(who))
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_editors_see_forms_and_reviewers_see_approve(client, cda_a, ta, urls):
    client.force_login(cda_a)
    page = client.get(urls[0]).content.decode()
    assert "Add period" in page and "Approve and lock" not in page
    client.force_login(ta)
    page = client.get(urls[0]).content.decode()
    assert "Approve and lock" in page and "Add period" not in page
    assert client.post(urls[0], {"add_period": "1"}).status_code == 403
