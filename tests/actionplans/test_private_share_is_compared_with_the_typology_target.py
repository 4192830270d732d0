from decimal import Decimal

import pytest

from clusterdev.actionplans import services
from tests.actionplans.helpers import add_activity, web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def _shares(private):
    return {"share_private": Decimal(private), "share_institution": Decimal(0),
            "share_scheme": Decimal(100 - private), "share_state": Decimal(0)}  # fmt: skip


def test_budget_weighted_share_below_the_industrial_target(cda_a, initiative_a):
    assert initiative_a.cluster.typology == "traditional_sme"  # industrial: 50–60 %
    plan = services.new_version(initiative_a)
    add_activity(plan, "A1", budget_inr=Decimal(300000), **_shares(50))
    add_activity(plan, "A2", budget_inr=Decimal(100000), **_shares(10))
    body = api_as(cda_a).get(f"/api/action-plans/plans/{plan.pk}/").json()
    assert body["private_share"] == "40.0"
    assert body["private_share_position"] == "below"
    assert body["private_share_target"]["family"] == "industrial"
    assert body["total_budget_inr"] == "400000.00"
    page = web(cda_a).get(f"/action-plans/initiatives/{initiative_a.pk}/").content.decode()
    assert 'data-position="below"' in page and "50–60 %" in page
    assert "a warning, not a refusal" in page.lower()
    # a warning only: the plan can still be submitted
    assert api_as(cda_a).post(f"/api/action-plans/plans/{plan.pk}/submit/").status_code == 200


def test_artisan_clusters_have_a_lower_target(cda_a, initiative_a):
    initiative_a.cluster.typology = "handloom"
    initiative_a.cluster.save()
    plan = services.new_version(initiative_a)
    add_activity(plan, "A1", **_shares(20))
    summary = services.summarise(initiative_a, plan)
    assert (summary.family, summary.position, summary.target.label) == (
        "artisan",
        "within",
        "10–25 %",
    )
    add_activity(plan, "A2", **_shares(90))
    assert services.summarise(initiative_a, plan).position == "above"


def test_service_clusters_show_no_target(cda_a, initiative_a):
    initiative_a.cluster.typology = "services"
    initiative_a.cluster.save()
    plan = services.new_version(initiative_a)
    add_activity(plan, "A1", **_shares(20))
    assert services.summarise(initiative_a, plan).position is None
    page = web(cda_a).get(f"/action-plans/initiatives/{initiative_a.pk}/").content.decode()
    assert "no private share target for services clusters" in page
