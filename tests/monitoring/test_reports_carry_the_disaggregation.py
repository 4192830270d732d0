"""The initiative's one-page report and the portfolio report give, beside each total, its
disaggregation (women/men, enterprise size, social category) wherever disaggregated actuals
were entered; the demo initiative's report still fits on one page."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from clusterdev.initiatives import demo
from clusterdev.initiatives.exports import portfolio_pdf
from clusterdev.initiatives.models import Initiative
from clusterdev.initiatives.portfolio import build, step_counts_by_institution
from clusterdev.monitoring import services
from clusterdev.monitoring.models import DataElement, Period, Value
from clusterdev.monitoring.report import portfolio_lines, report_lines
from tests.monitoring.helpers import periods, plan, value
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def split_by_size(initiative_a, ta):
    plan(initiative_a, elements=("turnover", "exports", "employment"))
    first, _second = periods(initiative_a)
    value(initiative_a, "employment", "actual", 30, first, sex="women")
    value(initiative_a, "employment", "actual", 70, first, sex="men")
    value(initiative_a, "turnover", "actual", 1000, first)
    value(initiative_a, "exports", "actual", 150, first)
    value(initiative_a, "turnover", "actual", 600, first, size="micro")
    value(initiative_a, "turnover", "actual", 400, first, size="small")
    value(initiative_a, "exports", "actual", 60, first, size="micro")
    value(initiative_a, "exports", "actual", 90, first, size="small")
    services.approve(first, ta)
    return first


def test_report_lines_give_the_split_of_indicators_and_elements(initiative_a, split_by_size):
    lines = report_lines(initiative_a)
    labels = [label for label, _ in lines]
    share = labels.index("Exports as a share of turnover")
    assert lines[share + 1] == ("  by group", "FY2024: Micro 10; Small 22.5")
    turnover = dict(lines)["Turnover of the cluster's enterprises"]
    assert turnover == "FY2024: 1,000 Rs lakh per year in all (Micro 600; Small 400)"
    employment = dict(lines)["Employment in the enterprises followed"]
    assert employment == "FY2024: 100 persons in all (Women 30; Men 70)"  # total summed


def test_the_initiative_pdf_shows_a_disaggregated_value(cda_a, initiative_a, split_by_size):
    client = Client()
    client.force_login(cda_a)
    report = client.get(f"/initiatives/{initiative_a.pk}/report.pdf")
    assert report.status_code == 200
    text = pdf_text(report.content)
    assert "Micro 10; Small 22.5" in text and "Micro 600; Small 400" in text


def test_the_portfolio_report_gives_the_split_for_private_readers(
    initiative_a, initiative_b, split_by_size
):
    lines = portfolio_lines(Initiative.objects.filter(pk__in=[initiative_a.pk, initiative_b.pk]))
    assert lines == [
        (
            "Initiative A",
            "Exports as a share of turnover: 15 % in FY2024 (target -); "
            "by group: Micro 10; Small 22.5",
        )
    ]
    assert portfolio_lines(Initiative.objects.none()) == []
    rows = Initiative.objects.select_related("institution", "cluster").order_by("title")
    built = build(rows)
    response = portfolio_pdf(built, step_counts_by_institution(rows), "Portfolio", lines)
    assert "by group: Micro 10; Small 22.5" in pdf_text(response.content)


def test_the_demo_report_with_disaggregated_actuals_stays_on_one_page():
    demo.seed("demo-password")
    initiative = Initiative.objects.get(title=demo.TITLE)
    latest = Period.objects.filter(initiative=initiative).order_by("end").last()
    splits = {
        "employment_women": {"micro": 700, "small": 510},
        "employment_men": {"micro": 3000, "small": 3280},
        "turnover": {"micro": 20000, "small": 30000, "medium": 11800},
    }
    for code, by_size in splits.items():
        element = DataElement.objects.get(code=code)
        for size, amount in by_size.items():
            Value.objects.create(initiative=initiative, element=element, period=latest,
                                 kind="actual", value=amount, size=size)  # fmt: skip
    Value.objects.create(initiative=initiative, element=DataElement.objects.get(code="turnover"),
                         period=latest, kind="actual", value=9000, social_category="sc")  # fmt: skip
    client = Client()
    assert client.login(username="demo-cda", password="demo-password")
    report = client.get(f"/initiatives/{initiative.pk}/report.pdf")
    assert len(re.findall(rb"/Type /Page\b(?!s)", report.content)) == 1
    text = pdf_text(report.content)
    assert "Micro 18.92; Small 13.46" in text  # women's share of employment, by size
    assert "Micro 20,000; Small 30,000; Medium 11,800; SC 9,000" in text
