"""The planner's and the grant calculator's forms.

Fields are plain text so that whatever a user types reaches the model, whose readers
check it and say what is allowed; :func:`attach_errors` puts each of the model's field
errors next to the form field it belongs to.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django import forms

from clusterdev.planning.model import (
    CATEGORIES,
    LIMITS,
    RATIO_POINTS,
    PlanningInputError,
    Scenario,
    default_roles,
    load_schemes,
)

NUMERIC = {"inputmode": "numeric", "autocomplete": "off"}
DECIMAL = {"inputmode": "decimal", "autocomplete": "off"}

# (name, label, allowed range shown beside the field, widget attributes)
FINANCE_FIELDS: list[tuple[str, str, str, dict[str, str]]] = [
    ("clusters", "Clusters to cover", f"1 to {LIMITS.max_clusters:,}", NUMERIC),
    (
        "clusters_per_year_max",
        "Clusters taken up per year (at most)",
        f"1 to {LIMITS.max_clusters:,}",
        NUMERIC,
    ),
    (
        "duration_years",
        "Years of one cluster initiative",
        f"1 to {LIMITS.max_duration_years}",
        NUMERIC,
    ),
    (
        "cost_per_cluster_crore",
        "Cost of one initiative (Rs crore)",
        f"more than 0, at most {LIMITS.max_cost_per_cluster_crore:,}",
        DECIMAL,
    ),
    (
        "spending_profile",
        "Spending profile",
        "'even', or one share per year adding up to 1, e.g. 0.1, 0.2, 0.3, 0.2, 0.2",
        {"autocomplete": "off"},
    ),
    ("first_year", "First year", f"{LIMITS.min_year} to {LIMITS.max_year}", NUMERIC),
    ("horizon_years", "Years shown (at least)", "1 to 500", NUMERIC),
    ("inflation_rate", "Inflation a year", "0 to 1 (0.05 for 5 %)", DECIMAL),
    ("discount_rate", "Discount rate a year", "0 to 1 (0.05 for 5 %)", DECIMAL),
]
HR_YEAR_FIELDS: list[tuple[str, str, str, dict[str, str]]] = [
    ("hr_base_year", "HR base year", "blank: the year before the first year", NUMERIC),
    ("hr_target_year", "Year HR gaps should close", "blank: the last take-up year", NUMERIC),
]
ROLE_FIELDS = ("required", "available", "training_capacity_per_year")
ROLE_HELP = {
    "required": f"0 to {LIMITS.max_people:,}; blank: use the ratio",
    "available": f"0 to {LIMITS.max_people:,}",
    "training_capacity_per_year": f"0 to {LIMITS.max_people:,}",
}
ROLES = [(role.key, role.label) for role in default_roles()]


def role_field(role: str, field: str) -> str:
    return f"hr-{role}-{field}"


class PlannerForm(forms.Form):
    """Finance inputs and, per HR role, the override, availability and training capacity."""

    ratio_point = forms.ChoiceField(
        label="Point of HR ratio ranges",
        choices=[(p, p) for p in RATIO_POINTS],
        required=False,
    )
    groups = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        grouped = bool(
            (self.data.get("groups") if self.is_bound else self.initial.get("groups")) or ""
        )
        for name, label, allowed, attrs in FINANCE_FIELDS + HR_YEAR_FIELDS:
            if grouped and name in ("clusters", "cost_per_cluster_crore"):
                attrs = {**attrs, "readonly": "readonly"}
                allowed = "from the scenario's typology groups"
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                help_text=allowed,
                widget=forms.TextInput(attrs=attrs),
            )
        for role, label in ROLES:
            for field in ROLE_FIELDS:
                self.fields[role_field(role, field)] = forms.CharField(
                    label=f"{label}: {field.replace('_', ' ')}",
                    required=False,
                    help_text=ROLE_HELP[field],
                    widget=forms.TextInput(attrs={**NUMERIC, "size": "7"}),
                )
            self.fields[role_field(role, "override_note")] = forms.CharField(
                required=False, widget=forms.HiddenInput
            )

    @staticmethod
    def initial_for(scenario: Scenario) -> dict[str, Any]:
        """Form values showing a scenario."""
        mapping = scenario.to_mapping()
        initial: dict[str, Any] = {}
        for name, *_rest in FINANCE_FIELDS + HR_YEAR_FIELDS:
            value = mapping.get(name)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            initial[name] = "" if value is None else value
        groups = mapping["groups"]
        if len(groups) == 1:
            initial["cost_per_cluster_crore"] = groups[0]["cost_per_cluster_crore"]
        else:
            initial["groups"] = json.dumps(groups)
            initial["cost_per_cluster_crore"] = ""
        initial["ratio_point"] = mapping["ratio_point"]
        for role, values in mapping["hr"].items():
            for field in (*ROLE_FIELDS, "override_note"):
                value = values.get(field)
                initial[role_field(role, field)] = "" if value is None else value
        return initial

    def mapping(self) -> dict[str, Any]:
        """The scenario mapping from the submitted values (blank means "default")."""
        data = self.data
        mapping: dict[str, Any] = {}
        for name, *_rest in FINANCE_FIELDS + HR_YEAR_FIELDS:
            value = str(data.get(name, "")).strip()
            if value:
                mapping[name] = value
        profile = mapping.get("spending_profile")
        if profile is not None and profile.lower() != "even":
            mapping["spending_profile"] = [s.strip() for s in re.split(r"[,;\s]+", profile) if s]
        ratio_point = str(data.get("ratio_point", "")).strip()
        if ratio_point:
            mapping["ratio_point"] = ratio_point
        groups = str(data.get("groups", "")).strip()
        if groups:
            try:
                mapping["groups"] = json.loads(groups)
            except ValueError:
                mapping["groups"] = groups  # the model reports it as "must be a list"
            mapping.pop("clusters", None)
            mapping.pop("cost_per_cluster_crore", None)
        hr: dict[str, Any] = {}
        for role, _label in ROLES:
            values: dict[str, Any] = {}
            for field in ROLE_FIELDS:
                value = str(data.get(role_field(role, field), "")).strip()
                if value:
                    values[field] = value
            note = str(data.get(role_field(role, "override_note"), "")).strip()
            if note and "required" in values:
                values["override_note"] = note
            if values:
                hr[role] = values
        mapping["hr"] = hr
        return mapping


def form_field_for(error_field: str) -> str | None:
    """The planner form field an error of the model belongs to."""
    match = re.fullmatch(r"hr\.([a-z_]+)\.([a-z_]+)", error_field)
    if match:
        role, field = match.groups()
        return role_field(role, field if field in ROLE_FIELDS else "required")
    if error_field.startswith("hr."):
        return role_field(error_field.split(".")[1], "required")
    if error_field.startswith("spending_profile"):
        return "spending_profile"
    if error_field.startswith("groups"):
        if error_field.endswith("cost_per_cluster_crore"):
            return "cost_per_cluster_crore"
        return "clusters"
    return error_field


def attach_errors(form: forms.Form, exc: PlanningInputError) -> None:
    """Put each of the model's field errors on its form field (others on the form)."""
    for error in exc.errors:
        name = form_field_for(error.field)
        prefix = "" if name == error.field else f"{error.field}: "
        if name in form.fields:
            form.add_error(name, prefix + error.message)
        else:
            form.add_error(None, f"{error.field}: {error.message}")


# -- grant calculator -----------------------------------------------------------------


def scheme_choices() -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for rules in load_schemes():
        if rules.kind == "grant":
            seen[rules.scheme] = rules.title.split(",")[0]
    return [(key, f"{key} — {title}") for key, title in seen.items()]


def version_choices() -> list[tuple[str, str]]:
    choices = [("", "in force on the date, else the latest")]
    for rules in load_schemes():
        if rules.kind == "grant":
            choices.append((f"{rules.version}", f"{rules.scheme} {rules.version}"))
    return choices


def component_choices() -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for rules in load_schemes():
        if rules.kind == "grant":
            for component in rules.components:
                schemes = seen.get(component.key, "")
                tag = f"{rules.scheme} {rules.version}"
                seen[component.key] = f"{schemes}, {tag}" if schemes else tag
    return [(key, f"{key} ({where})") for key, where in seen.items()]


class GrantForm(forms.Form):
    scheme = forms.ChoiceField(choices=scheme_choices, initial="mse-cdp")
    version = forms.CharField(
        required=False,
        help_text="e.g. 2007, 2019, 2022; blank: in force on the date, else the latest",
        widget=forms.TextInput(attrs=NUMERIC),
    )
    component = forms.ChoiceField(choices=component_choices, initial="cfc")
    project_cost_crore = forms.CharField(
        label="Project cost (Rs crore)",
        help_text="more than 0",
        required=False,
        widget=forms.TextInput(attrs=DECIMAL),
    )
    category = forms.ChoiceField(
        choices=[(c, c) for c in CATEGORIES],
        initial="general",
        help_text="general or special (NE and hill states, islands, aspirational districts…)",
    )
    on = forms.CharField(
        label="Rules in force on",
        required=False,
        help_text="YYYY-MM-DD; blank: the version above",
        widget=forms.TextInput(attrs={"placeholder": "YYYY-MM-DD"}),
    )
    industry_crore = forms.CharField(
        label="Industry / SPV (Rs crore)",
        required=False,
        help_text="0 or more; blank if not known",
        widget=forms.TextInput(attrs=DECIMAL),
    )
    state_crore = forms.CharField(
        label="State government (Rs crore)",
        required=False,
        help_text="0 or more; blank if not known",
        widget=forms.TextInput(attrs=DECIMAL),
    )
    others_crore = forms.CharField(
        label="Others (Rs crore)",
        required=False,
        help_text="0 or more; blank if not known",
        widget=forms.TextInput(attrs=DECIMAL),
    )
    spv_members = forms.CharField(
        label="SPV member units",
        required=False,
        help_text="whole number; blank if not known",
        widget=forms.TextInput(attrs=NUMERIC),
    )
    largest_member_equity_share = forms.CharField(
        label="Largest member's equity share",
        required=False,
        help_text="0 to 1 (0.1 for 10 %)",
        widget=forms.TextInput(attrs=DECIMAL),
    )
    land_cost_crore = forms.CharField(
        label="Land within the cost (Rs crore)",
        required=False,
        help_text="0 to the project cost",
        widget=forms.TextInput(attrs=DECIMAL),
    )
    artisans = forms.CharField(
        label="Artisans in the cluster",
        required=False,
        help_text="SFURTI: decides the cluster's class",
        widget=forms.TextInput(attrs=NUMERIC),
    )

    def mapping(self) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for name in self.fields:
            value = str(self.data.get(name, "")).strip()
            if value:
                mapping[name] = value
        if "project_cost_crore" not in mapping:
            mapping["project_cost_crore"] = None
        return mapping


def attach_grant_errors(form: forms.Form, exc: PlanningInputError) -> None:
    for error in exc.errors:
        name = error.field
        if name == "contributions":
            name = "industry_crore"
        if name in form.fields:
            form.add_error(name, error.message)
        else:
            form.add_error(None, f"{error.field}: {error.message}")
