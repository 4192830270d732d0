"""Builders for action plan rows in tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.test import Client

from clusterdev.actionplans import services
from clusterdev.actionplans.models import ActionPlan, Activity


def web(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def activity_data(**extra) -> dict:
    data = {
        "title": "Common testing lab",
        "budget_inr": "100000.00",
        "start_date": "2026-01-01",
        "end_date": "2026-06-30",
        "responsible": "Cluster association",
        "share_private": "60",
        "share_institution": "10",
        "share_scheme": "30",
        "share_state": "0",
        "scheme_name": "MSE-CDP",
    }
    data.update(extra)
    return data


def add_activity(plan: ActionPlan, code: str = "", **extra) -> Activity:
    values = {
        "code": code,
        "title": "Activity " + (code or "x"),
        "budget_inr": Decimal(100000),
        "start_date": date(2026, 1, 1),
        "end_date": date(2026, 6, 30),
        "responsible": "Association",
        "share_private": Decimal(60),
        "share_institution": Decimal(10),
        "share_scheme": Decimal(30),
        "share_state": Decimal(0),
    }
    values.update(extra)
    return services.save_activity(plan, None, values)


def approved_plan(initiative, reviewer, *codes: str, **extra) -> ActionPlan:
    """A new version with the given activities (besides those copied), submitted and approved by ``reviewer``."""
    plan = services.new_version(initiative)
    existing = set(plan.activities.values_list("code", flat=True))  # copied from the latest
    for code in codes or ("A1",):
        if code not in existing:
            add_activity(plan, code, **extra)
    services.submit(plan)
    services.review(plan, reviewer, "approved")
    plan.refresh_from_db()
    return plan
