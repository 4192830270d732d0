"""Page forms: periods, the monitoring plan, unlocking, sustainability checks, and the
values grid (one field per cell, checked and saved all at once)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from clusterdev.monitoring import choices
from clusterdev.monitoring.compute import disaggregation_label, tidy
from clusterdev.monitoring.models import (
    DataElement,
    Indicator,
    MonitoringPlan,
    Period,
    SustainabilityCheck,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.ModelForm):
    class Meta:
        model = Period
        fields = ["label", "start", "end"]
        widgets = {"start": DATE, "end": DATE}


class PlanForm(forms.ModelForm):
    elements = forms.ModelMultipleChoiceField(
        DataElement.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    indicators = forms.ModelMultipleChoiceField(
        Indicator.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = MonitoringPlan
        fields = ["elements", "indicators"]


class UnlockForm(forms.Form):
    reason = forms.CharField(
        label=_("Why unlock?"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class SustainabilityForm(forms.ModelForm):
    class Meta:
        model = SustainabilityCheck
        fields = ["date", "can_identify", "can_carry_out", "institutions_linked", "notes"]
        widgets = {"date": DATE, "notes": forms.Textarea(attrs={"rows": 3})}


# The values grid ---------------------------------------------------------------------------

WHOLE = "whole"  # the grid of baseline and life-of-initiative target values


def grid_kinds(period: Period | None) -> list[str]:
    if period is None:
        return [choices.Kind.BASELINE, choices.Kind.LIFE_TARGET]
    return [choices.Kind.TARGET, choices.Kind.ACTUAL]


def grid_keys(element: DataElement) -> list[tuple[str, str, str]]:
    """The total, then one row per value of each dimension the element is split by."""
    keys = [("", "", "")]
    for index, dimension in enumerate(choices.DIMENSIONS):
        if dimension not in (element.disaggregations or []):
            continue
        for value in choices.DIMENSIONS[dimension].values:
            key = ["", "", ""]
            key[index] = value
            keys.append((key[0], key[1], key[2]))
    return keys


def field_name(code: str, kind: str, key: tuple[str, str, str]) -> str:
    return "v-" + "-".join([code, kind, *key])


def build_grid(elements, period, values) -> list[dict]:
    """Rows for the template: element, disaggregation, and per kind the field and value."""
    current = {
        (v.element.code, v.kind, v.disaggregation()): tidy(v.value)
        for v in values
        if v.period_id == (period.pk if period else None)
    }
    rows = []
    for element in elements:
        for key in grid_keys(element):
            rows.append(
                {
                    "element": element,
                    "key": key,
                    "label": disaggregation_label(key),
                    "is_total": key == ("", "", ""),
                    "cells": [
                        {
                            "kind": kind,
                            "name": field_name(element.code, kind, key),
                            "value": current.get((element.code, kind, key)),
                        }
                        for kind in grid_kinds(period)
                    ],
                }
            )
    return rows


def parse_grid(data, elements, period) -> tuple[list[dict], list[str], dict[str, str]]:
    """Rows for ``services.save_batch`` from posted cells, the field name of each row, and
    errors by field name for cells that are not numbers."""
    rows, names, errors = [], [], {}
    for element in elements:
        for key in grid_keys(element):
            for kind in grid_kinds(period):
                name = field_name(element.code, kind, key)
                if name not in data:
                    continue
                text = (data.get(name) or "").strip().replace(",", "")
                amount = None
                if text:
                    try:
                        amount = Decimal(text)
                        if not amount.is_finite():
                            raise InvalidOperation
                    except InvalidOperation:
                        errors[name] = str(_("Not a number: %(text)s.") % {"text": text})
                        continue
                rows.append(
                    {
                        "element": element,
                        "period": period,
                        "kind": kind,
                        "sex": key[0],
                        "size": key[1],
                        "social_category": key[2],
                        "value": amount,
                    }
                )
                names.append(name)
    return rows, names, errors
