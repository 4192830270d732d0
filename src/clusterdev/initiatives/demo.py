"""Illustrative initiatives for `clusterdev demo`, so a newcomer sees every step filled in.

Everything here is made up for the demo and says so in its title; none of it is a fact about
a real institution's work. The demo is created once (it is skipped when it exists).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from clusterdev.initiatives import services
from clusterdev.initiatives.models import (
    Initiative,
    InstitutionMembership,
    SelectionScore,
    StepRecord,
    TrustEvent,
)

TITLE = "Demo: energy-efficient furnaces in Firozabad glass"
SECOND = "Demo: design and marketing for Kannur handloom"
PEOPLE = {
    "demo-staff": "institution staff of SIDBI (manages its initiatives)",
    "demo-cda": "cluster development agent of the Firozabad demo initiative",
    "demo-ta": "technical advisor mentoring the Firozabad demo initiative",
}


def _people(password: str) -> dict:
    users = {}
    for username in PEOPLE:
        user, created = get_user_model().objects.get_or_create(username=username)
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        users[username] = user
    return users


def _approved(initiative, step, reviewer, summary, **sections) -> None:
    """Record the step, have the TA approve it and pass the gate, as a user would."""
    record = StepRecord.objects.create(
        initiative=initiative, step=step, summary=summary, sections=sections, status="submitted"
    )
    services.review(record, reviewer, "approved", "Complete and agreed with the actors.")
    if step < 6:
        initiative.step = services.advance(initiative).step


def seed(password: str) -> list[str]:
    """Create the demo initiatives (once); returns lines to print."""
    from clusterdev.institutions.models import Institution
    from clusterdev.registry.models import Cluster

    if Initiative.objects.filter(title=TITLE).exists():
        return []
    with transaction.atomic():
        users = _people(password)
        institution = Institution.objects.get(slug="sidbi")
        InstitutionMembership.objects.get_or_create(
            user=users["demo-staff"], institution=institution
        )
        glass = Cluster.objects.get(slug="firozabad-glass")
        initiative = Initiative.objects.create(
            institution=institution,
            cluster=glass,
            title=TITLE,
            summary=(
                "Illustrative demo data, not a real initiative: a four-year programme with "
                "the glass units of Firozabad on furnace efficiency and joint purchase."
            ),
            start_date=date(2024, 4, 1),
            planned_end_date=date(2028, 3, 31),
            status="active",
            objectives=["competitiveness", "employment", "environment"],
            approach="mixed",
            ta=users["demo-ta"],
            published=True,
        )
        initiative.cdas.add(users["demo-cda"])
        ta = users["demo-ta"]
        for slug, scores in (
            ("firozabad-glass", (9, 8, 8, 7)),
            ("agra-foundries", (7, 6, 7, 6)),
            ("agra-footwear", (8, 5, 6, 6)),
        ):
            SelectionScore.objects.create(
                initiative=initiative,
                cluster=Cluster.objects.get(slug=slug),
                socio_economic_importance=scores[0],
                promotability=scores[1],
                viability=scores[2],
                sustainability=scores[3],
            )
        _approved(
            initiative,
            1,
            ta,
            "Firozabad ranked first of three candidates.",
            criteria="Units, jobs and energy use weighed equally.",
            decision="Large number of units, strong association, a clear energy problem.",
        )
        TrustEvent.objects.create(
            initiative=initiative,
            kind="workshop",
            date=date(2024, 9, 12),
            participants=[
                {"actor_type": "firm", "women": 4, "men": 31},
                {"actor_type": "bmo", "women": 1, "men": 3},
            ],
            outcomes="Units agreed to share furnace fuel records.",
        )
        TrustEvent.objects.create(
            initiative=initiative,
            kind="study_tour",
            date=date(2024, 12, 3),
            participants=[
                {"actor_type": "firm", "women": 2, "men": 14},
                {"actor_type": "institution", "women": 1, "men": 2},
            ],
            outcomes="Visit to a glass cluster using recuperative furnaces.",
        )
        constraints = _diagnostic_study(initiative)
        _approved(initiative, 2, ta, "Constraints mapped with 40 units; actor map drawn.")
        _approved(initiative, 3, ta, "Two events; a joint purchase group of 12 units formed.")
        plan = _action_plan(initiative, ta, constraints)
        _approved(initiative, 4, ta, "Plan v1 approved; v2 (a second furnace) in draft.")
        _implementation(initiative, plan)
        _approved(initiative, 5, ta, "Furnace CFC running; the SPV owns it.")
        _monitoring(initiative, ta)
        _approved(initiative, 6, ta, "Targets mostly met; the association carries on.")
        lines = [f"Demo initiative: '{TITLE}' (step 6 of 6, all records filled in)."]
        second = Initiative.objects.create(
            institution=institution,
            cluster=Cluster.objects.get(slug="kannur-handloom"),
            title=SECOND,
            summary="Illustrative demo data, not a real initiative; not published.",
            start_date=date(2025, 7, 1),
            status="proposed",
            objectives=["poverty_alleviation", "employment"],
            approach="network",
        )
        lines.append(f"Demo initiative: '{SECOND}' (step 1, private to SIDBI staff).")
        lines.append(
            "Demo people (same password as the admin): "
            + "; ".join(f"{name}, {role}" for name, role in PEOPLE.items())
            + "."
        )
        del second
    return lines


def _diagnostic_study(initiative) -> list:
    from clusterdev.diagnostics.models import Actor, Constraint, DiagnosticStudy, Tie

    DiagnosticStudy.objects.create(
        initiative=initiative,
        started_on=date(2024, 10, 1),
        completed_on=date(2025, 1, 31),
        authors="Demo CDA with the glass association",
        method="Visits to 40 units, two group meetings, interviews with buyers and suppliers.",
        potential="Steady demand for decorative glass; energy costs can fall by a fifth.",
        weaknesses="Old pot furnaces; units buy soda ash alone at high prices.",
        opportunities="Gas supply in the district; buyers asking for lead-free glass.",
    )
    constraints = [
        Constraint.objects.create(initiative=initiative, area=area, title=title)
        for area, title in (
            ("technology", "Old pot furnaces waste fuel"),
            ("raw_material", "Each unit buys soda ash alone"),
        )
    ]
    actors = {
        name: Actor.objects.create(initiative=initiative, name=name, kind=kind)
        for name, kind in (
            ("Glass units (40)", "firm"),
            ("Glass association", "bmo"),
            ("Soda ash traders", "supplier"),
            ("Exporters", "buyer"),
            ("Bank branch", "finance"),
            ("Glass research institute", "public_institution"),
        )
    }
    for source, target, kind in (
        ("Glass units (40)", "Glass association", "membership"),
        ("Soda ash traders", "Glass units (40)", "supply"),
        ("Glass units (40)", "Exporters", "sales"),
        ("Bank branch", "Glass units (40)", "finance"),
        ("Glass research institute", "Glass association", "information"),
    ):
        Tie.objects.create(
            initiative=initiative, source=actors[source], target=actors[target], kind=kind
        )
    return constraints


def _action_plan(initiative, ta, constraints):
    from clusterdev.actionplans import services as plans

    plan = plans.new_version(initiative, "First plan agreed with the association.")
    for code, title, budget, shares, start, end in (
        (
            "A1",
            "Energy audit of 40 furnaces",
            "1200000",
            (40, 20, 40, 0),
            (2025, 4, 1),
            (2025, 9, 30),
        ),
        (
            "A2",
            "Common recuperative furnace (CFC)",
            "45000000",
            (20, 10, 60, 10),
            (2025, 6, 1),
            (2026, 12, 31),
        ),
        ("A3", "Joint purchase of soda ash", "300000", (60, 40, 0, 0), (2025, 4, 1), (2026, 3, 31)),
    ):
        plans.save_activity(
            plan,
            None,
            {
                "code": code,
                "title": title,
                "budget_inr": Decimal(budget),
                "start_date": date(*start),
                "end_date": date(*end),
                "responsible": "Glass association",
                "constraints": [constraints[0] if code != "A3" else constraints[1]],
                **dict(
                    zip(
                        ("share_private", "share_institution", "share_scheme", "share_state"),
                        (Decimal(v) for v in shares),
                        strict=True,
                    )
                ),
            },
        )
    plans.submit(plan)
    plans.review(plan, ta, "approved", "Budget and shares agreed.")
    draft = plans.new_version(initiative, "A second furnace, as demand grew.")
    plans.save_activity(
        draft,
        None,
        {
            "code": "A4",
            "title": "Second furnace line",
            "budget_inr": Decimal(15000000),
            "start_date": date(2026, 4, 1),
            "end_date": date(2027, 9, 30),
            "responsible": "SPV",
            "constraints": [constraints[0]],
            "share_private": Decimal(30),
            "share_institution": Decimal(10),
            "share_scheme": Decimal(60),
            "share_state": Decimal(0),
        },
    )
    return plan


def _implementation(initiative, plan) -> None:
    from clusterdev.actionplans.models import (
        SPV,
        ActivityProgress,
        CommonFacility,
        EnterpriseNetwork,
    )

    audit, furnace, purchase = plan.activities.order_by("code")
    for activity, day, percent, spent in (
        (audit, date(2025, 9, 30), 100, 1150000),
        (furnace, date(2025, 12, 31), 40, 16000000),
        (furnace, date(2026, 6, 30), 85, 39000000),
        (purchase, date(2026, 3, 31), 100, 320000),
    ):
        ActivityProgress.objects.create(
            activity=activity, date=day, percent_complete=percent, spent_inr=Decimal(spent)
        )
    facility = CommonFacility.objects.create(
        initiative=initiative,
        name="Firozabad furnace CFC",
        services="Melting on shared furnace",
        cost_inr=Decimal(45000000),
        grant_inr=Decimal(27000000),
        status="operational",
        opened_on=date(2026, 7, 15),
        users_per_month=38,
    )
    SPV.objects.create(
        initiative=initiative,
        name="Firozabad Glass Furnace Company (demo)",
        legal_form="section_8",
        registered_on=date(2025, 5, 20),
        members=24,
        facility=facility,
    )
    EnterpriseNetwork.objects.create(
        initiative=initiative,
        name="Soda ash buyers (demo)",
        purpose="joint_purchase",
        members=12,
        formed_on=date(2025, 1, 10),
    )


# Targets for the whole life of the demo initiative (2024-2028).
LIFE_TARGETS = {
    "turnover": 70000,
    "exports": 11000,
    "employment_women": 1400,
    "employment_men": 6400,
    "units": 50,
}


def _monitoring(initiative, ta) -> None:
    from clusterdev.monitoring import services as monitoring
    from clusterdev.monitoring.models import (
        DataElement,
        Indicator,
        MonitoringPlan,
        Period,
        SustainabilityCheck,
    )

    codes = [
        "turnover",
        "exports",
        "employment_women",
        "employment_men",
        "units",
        "energy_per_unit",
        "institutions_linked",
    ]
    elements = {e.code: e for e in DataElement.objects.filter(code__in=codes)}
    plan = MonitoringPlan.objects.create(initiative=initiative)
    plan.elements.set(elements.values())
    plan.indicators.set(
        Indicator.objects.filter(code__in=["export_share", "women_share_employment"])
    )
    periods = [
        monitoring.save_period(Period(initiative=initiative, label=label, start=start, end=end))
        for label, start, end in (
            ("2024-25", date(2024, 4, 1), date(2025, 3, 31)),
            ("2025-26", date(2025, 4, 1), date(2026, 3, 31)),
        )
    ]
    figures = {  # baseline, then (target, actual) per period
        "turnover": (52000, [(55000, 54100), (60000, 61800)]),
        "exports": (6200, [(7000, 6900), (8500, 9100)]),
        "employment_women": (900, [(1000, 980), (1150, 1210)]),
        "employment_men": (6100, [(6200, 6150), (6300, 6280)]),
        "units": (40, [(40, 40), (45, 44)]),
        "energy_per_unit": (3.4, [(3.1, 3.2), (2.8, 2.7)]),
        "institutions_linked": (4, [(6, 6), (9, 11)]),
    }
    rows = []
    for code, (baseline, per_period) in figures.items():
        rows.append(
            {
                "element": elements[code],
                "period": None,
                "kind": "baseline",
                "value": Decimal(str(baseline)),
            }
        )
        if code in LIFE_TARGETS:
            rows.append(
                {
                    "element": elements[code],
                    "period": None,
                    "kind": "life_target",
                    "value": Decimal(str(LIFE_TARGETS[code])),
                }
            )
        for period, (target, actual) in zip(periods, per_period, strict=True):
            rows.append(
                {
                    "element": elements[code],
                    "period": period,
                    "kind": "target",
                    "value": Decimal(str(target)),
                }
            )
            rows.append(
                {
                    "element": elements[code],
                    "period": period,
                    "kind": "actual",
                    "value": Decimal(str(actual)),
                }
            )
    monitoring.save_batch(initiative, rows)
    for period in periods:
        monitoring.approve(period, ta)
    SustainabilityCheck.objects.create(
        initiative=initiative,
        date=date(2026, 4, 20),
        can_identify="yes",
        can_carry_out="partly",
        institutions_linked=11,
        notes="The association plans its own audits; the SPV still leans on the CDA for finance.",
    )
