"""The initiative's editors edit a constraint or a tie in place (``?edit=`` / ``?edit_tie=``),
as they edit actors; each edit is a change record under the initiative. The TA reads but
cannot edit; a CDA of another cluster and the public never reach the row."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.test import Client

from clusterdev.diagnostics.models import Constraint, Tie
from tests.diagnostics.helpers import mapped

pytestmark = pytest.mark.django_db


def _as(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def _study(initiative) -> str:
    return f"/diagnostics/initiatives/{initiative.pk}/"


def _actors(initiative) -> str:
    return f"/diagnostics/initiatives/{initiative.pk}/actors/"


def _updates(row) -> LogEntry:
    return LogEntry.objects.get_for_object(row).filter(action=LogEntry.Action.UPDATE)


@pytest.mark.parametrize("editor", ["cda_a", "staff", "national_admin"])
def test_an_editor_edits_a_constraint_and_the_change_is_recorded(editor, request, initiative_a):
    user = request.getfixturevalue(editor)
    mapped(initiative_a)
    constraint = Constraint.objects.get()
    url = f"{_study(initiative_a)}?edit={constraint.pk}"
    form = _as(user).get(url).content.decode()
    assert "Edit Old furnaces" in form and "Save the constraint" in form
    edit = {"constraint": "1", "area": "finance", "title": "No credit for new furnaces"}
    assert _as(user).post(url, edit).status_code == 302
    constraint.refresh_from_db()
    assert (constraint.area, constraint.title) == ("finance", "No credit for new furnaces")
    assert Constraint.objects.count() == 1  # edited, not added
    entry = _updates(constraint).get()
    assert entry.actor == user and "title" in entry.changes_dict
    assert entry.additional_data == {"initiative_id": initiative_a.pk}


def test_the_cda_edits_a_tie_and_the_change_is_recorded(cda_a, initiative_a):
    hub, unit_1, _unit_2 = mapped(initiative_a)
    tie = Tie.objects.get(source=unit_1)
    url = f"{_actors(initiative_a)}?edit_tie={tie.pk}"
    assert "Save the tie" in _as(cda_a).get(url).content.decode()
    edit = {"tie": "1", "tie-source": unit_1.pk, "tie-target": hub.pk, "tie-kind": "service",
            "tie-strength": 3, "tie-notes": "Energy audits"}  # fmt: skip
    assert _as(cda_a).post(url, edit).status_code == 302
    tie.refresh_from_db()
    assert (tie.kind, tie.strength, tie.notes) == ("service", 3, "Energy audits")
    assert Tie.objects.count() == 2
    entry = _updates(tie).get()
    assert entry.actor == cda_a and entry.additional_data == {"initiative_id": initiative_a.pk}


def test_an_edit_into_a_duplicate_or_self_tie_is_refused_and_nothing_changes(cda_a, initiative_a):
    hub, unit_1, unit_2 = mapped(initiative_a)
    tie = Tie.objects.get(source=unit_1)
    url = f"{_actors(initiative_a)}?edit_tie={tie.pk}"
    twin = {"tie": "1", "tie-source": unit_2.pk, "tie-target": hub.pk, "tie-kind": "membership",
            "tie-strength": 2}  # fmt: skip
    response = _as(cda_a).post(url, twin)
    assert response.status_code == 400 and "on the map already" in response.content.decode()
    itself = {**twin, "tie-source": hub.pk}
    assert "cannot be tied to itself" in _as(cda_a).post(url, itself).content.decode()
    tie.refresh_from_db()
    assert tie.source == unit_1 and not _updates(tie).exists()


def test_the_ta_reads_the_rows_but_cannot_edit_them(ta, initiative_a):
    mapped(initiative_a)
    constraint, tie = Constraint.objects.get(), Tie.objects.first()
    page = _as(ta).get(f"{_study(initiative_a)}?edit={constraint.pk}")
    assert page.status_code == 200 and "Save the constraint" not in page.content.decode()
    edit = {"constraint": "1", "area": "finance", "title": "Changed by the TA"}
    assert _as(ta).post(f"{_study(initiative_a)}?edit={constraint.pk}", edit).status_code == 403
    edit_tie = {"tie": "1", "tie-source": tie.source_id, "tie-target": tie.target_id,
                "tie-kind": "finance", "tie-strength": 1}  # fmt: skip
    url = f"{_actors(initiative_a)}?edit_tie={tie.pk}"
    assert _as(ta).post(url, edit_tie).status_code == 403
    constraint.refresh_from_db()
    tie.refresh_from_db()
    assert constraint.title == "Old furnaces" and tie.kind == "membership"


def test_another_clusters_cda_and_the_public_never_reach_the_rows(cda_b, initiative_a):
    mapped(initiative_a)
    constraint, tie = Constraint.objects.get(), Tie.objects.first()
    edit = {"constraint": "1", "area": "finance", "title": "Changed from outside"}
    edit_tie = {"tie": "1", "tie-source": tie.source_id, "tie-target": tie.target_id,
                "tie-kind": "finance", "tie-strength": 1}  # fmt: skip
    for url, data in (
        (f"{_study(initiative_a)}?edit={constraint.pk}", edit),
        (f"{_actors(initiative_a)}?edit_tie={tie.pk}", edit_tie),
    ):
        assert _as(cda_b).get(url).status_code == 404
        assert _as(cda_b).post(url, data).status_code == 404
        assert _as().get(url).status_code == 302  # to sign in
        assert _as().post(url, data).status_code == 302
    constraint.refresh_from_db()
    tie.refresh_from_db()
    assert constraint.title == "Old furnaces" and tie.kind == "membership"


def test_a_row_of_another_initiative_or_a_bad_id_is_404(cda_a, cda_b, initiative_a, initiative_b):
    mapped(initiative_b)
    mapped(initiative_a)
    theirs = Constraint.objects.get(initiative=initiative_b)
    their_tie = Tie.objects.filter(initiative=initiative_b).first()
    assert _as(cda_a).get(f"{_study(initiative_a)}?edit={theirs.pk}").status_code == 404
    url = f"{_actors(initiative_a)}?edit_tie={their_tie.pk}"
    assert _as(cda_a).get(url).status_code == 404
    assert _as(cda_a).get(f"{_study(initiative_a)}?edit=abc").status_code == 404
    assert _as(cda_a).get(f"{_actors(initiative_a)}?edit_tie=1x").status_code == 404
