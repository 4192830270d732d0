"""An editor (CDA, staff) changes an open period's label and dates on its page, with the same
checks as when adding one, and the change is recorded under the initiative. An approved
period is locked until a reviewer unlocks it. cda_b gets 404, the public is sent to sign in,
the TA (a reader and reviewer) may not edit."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry

from clusterdev.monitoring import services
from tests.monitoring.helpers import periods

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(initiative_a):
    return periods(initiative_a, 2)[0]  # FY2024: 2024-04-01 to 2025-03-31; then FY2025


def _url(period):
    return f"/monitoring/periods/{period.pk}/edit/"


def _data(**extra):
    return {"label": "2024-25", "start": "2024-04-01", "end": "2025-03-31", **extra}


def test_a_cda_renames_an_open_period_and_the_change_is_recorded(client, cda_a, period):
    client.force_login(cda_a)
    page = client.get(_url(period))
    assert page.status_code == 200 and 'value="2024-04-01"' in page.content.decode()
    response = client.post(_url(period), _data())
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.label == "2024-25"
    entry = LogEntry.objects.get_for_object(period).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.additional_data == {"initiative_id": period.initiative_id}
    assert entry.actor == cda_a


def test_the_initiative_page_links_open_periods_to_their_edit_page(client, cda_a, ta, period):
    client.force_login(cda_a)
    assert (
        _url(period)
        in client.get(f"/monitoring/initiatives/{period.initiative_id}/").content.decode()
    )
    client.force_login(ta)
    assert (
        _url(period)
        not in client.get(f"/monitoring/initiatives/{period.initiative_id}/").content.decode()
    )


def test_overlap_and_reversed_dates_are_form_errors(client, staff, period):
    client.force_login(staff)
    overlap = client.post(_url(period), _data(end="2025-06-30"))
    assert overlap.status_code == 400 and "overlaps FY2025" in overlap.content.decode()
    reversed_ = client.post(_url(period), _data(end="2024-01-01"))
    assert (
        reversed_.status_code == 400 and "cannot be before the start" in reversed_.content.decode()
    )
    period.refresh_from_db()
    assert (period.label, period.end) == ("FY2024", date(2025, 3, 31))


def test_an_approved_period_refuses_until_unlocked(client, cda_a, ta, period):
    services.approve(period, ta)
    client.force_login(cda_a)
    page = client.get(_url(period)).content.decode()
    assert "approved and locked" in page
    response = client.post(_url(period), _data())
    assert response.status_code == 400
    assert "unlock it (with a reason)" in response.content.decode()
    period.refresh_from_db()
    assert period.label == "FY2024"
    services.unlock(period, ta, "Label to match the annual report")
    assert client.post(_url(period), _data()).status_code == 302
    period.refresh_from_db()
    assert period.label == "2024-25"


def test_others_may_not_edit(client, cda_b, ta, period):
    response = client.get(_url(period))
    assert response.status_code == 302 and "/login" in response["Location"]
    client.force_login(cda_b)
    assert client.get(_url(period)).status_code == 404
    assert client.post(_url(period), _data()).status_code == 404
    client.force_login(ta)
    assert client.get(_url(period)).status_code == 403
    assert client.post(_url(period), _data()).status_code == 403
    period.refresh_from_db()
    assert period.label == "FY2024"
